"use client";
import { useState } from "react";

/**
 * A number input that accepts typing: the text is the clinician's while they type (clearing "10"
 * and typing "5" gives 5, never a snapped-back 15); a valid number is passed on at once, an invalid
 * or empty one is not, and leaving the field shows the value in effect again.
 */
export function NumberField({ value, valid, onValue, ...rest }: { value: number; valid: (v: number) => boolean; onValue: (v: number) => void } & Omit<React.InputHTMLAttributes<HTMLInputElement>, "value" | "onChange" | "type">) {
  const [text, setText] = useState(String(value));
  const [shown, setShown] = useState(value);
  // The value changed from outside (reset, another control): show it, unless the text already reads as it.
  if (shown !== value) {
    setShown(value);
    if (Number(text) !== value || text.trim() === "") setText(String(value));
  }
  return (
    <input
      {...rest}
      type="number"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const v = Number(e.target.value);
        if (e.target.value.trim() !== "" && Number.isFinite(v) && valid(v)) onValue(v);
      }}
      onBlur={() => setText(String(value))}
    />
  );
}
