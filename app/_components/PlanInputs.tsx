"use client";
import { useId } from "react";
import type { ActualUse, RegimenItem, TaperOptions } from "@/lib/domain";
import { protocolFor } from "@/lib/taper";
import { fmtNumber, plainText } from "./format";

/**
 * What the plan needs from the clinician before it can start (issue 20): how long opioids have
 * been used when the record cannot tell (the slower protocol preselected), and how many doses a
 * day the patient actually takes of each as-needed order (the plan never starts above it).
 * Controlled: props in, `onChange` out; the engine decides what the answers do.
 */
export function PlanInputs({ options, items, durationSentence, onChange }: {
  options: TaperOptions;
  items: RegimenItem[];
  durationSentence: string;
  onChange: (next: TaperOptions) => void;
}) {
  const asNeeded = items.filter((i) => i.asNeeded);
  const askDuration = options.duration.value !== "one-year-or-more" || options.duration.source === "clinician";
  if (!askDuration && asNeeded.length === 0) return null;
  return (
    <section className="plan-inputs" aria-labelledby="plan-inputs-heading" data-testid="plan-inputs">
      <h2 id="plan-inputs-heading">Before the plan</h2>
      {askDuration && <DurationQuestion options={options} sentence={durationSentence} onChange={onChange} />}
      {asNeeded.map((item) => <ActualUseInput key={item.key} item={item} options={options} onChange={onChange} />)}
    </section>
  );
}

function DurationQuestion({ options, sentence, onChange }: { options: TaperOptions; sentence: string; onChange: (next: TaperOptions) => void }) {
  const id = useId();
  const choose = (value: "one-year-or-more" | "less-than-a-year") => onChange({ ...options, ...protocolFor(value), duration: { value, source: "clinician" } });
  const longTerm = options.duration.value !== "less-than-a-year";
  return (
    <fieldset className="question" data-testid="duration-question" aria-describedby={`${id}-why`}>
      <legend>How long has the patient taken opioids?</legend>
      <p id={`${id}-why`} className="muted small">{plainText(sentence)}</p>
      <label className="inline">
        <input type="radio" name={`${id}-duration`} checked={longTerm} onChange={() => choose("one-year-or-more")} data-testid="duration-long" />
        A year or more, or not known: 10 % of the starting dose per month
      </label>
      <label className="inline">
        <input type="radio" name={`${id}-duration`} checked={!longTerm} onChange={() => choose("less-than-a-year")} data-testid="duration-short" />
        Weeks to months (less than a year): the weekly protocol
      </label>
      {options.duration.source === "clinician" && <p className="small" data-testid="duration-answered">Answered by the clinician; recorded in the CarePlan.</p>}
    </fieldset>
  );
}

function ActualUseInput({ item, options, onChange }: { item: RegimenItem; options: TaperOptions; onChange: (next: TaperOptions) => void }) {
  const id = useId();
  const ref = item.orderRefs[0] ?? item.key;
  const use: ActualUse | undefined = options.actualUse[ref];
  const max = Math.floor(item.administrationsPerDay + 1e-9);
  const set = (raw: string) => {
    const value = Number(raw);
    if (raw.trim() === "" || !Number.isInteger(value) || value < 0) return;
    onChange({ ...options, actualUse: { ...options.actualUse, [ref]: { dosesPerDay: value, source: "entered", detail: "Entered by the clinician with the patient." } } });
  };
  return (
    <div className="field-row actual-use" data-testid="actual-use" data-order={ref}>
      <label htmlFor={`${id}-doses`}>Doses actually taken per day: {item.product.name}</label>
      <input id={`${id}-doses`} type="number" inputMode="numeric" min={0} max={24} step={1} className="narrow" value={use?.dosesPerDay ?? ""}
        aria-describedby={`${id}-source`} onChange={(e) => set(e.target.value)} data-testid="actual-use-input" />
      <p id={`${id}-source`} className="muted small" data-testid="actual-use-source">
        Ordered as needed, up to {fmtNumber(max)} a day. {use === undefined
          ? "Not known from the record: enter what the patient takes on a usual day; the plan starts there, never above it."
          : use.source === "entered" ? "Entered by the clinician." : `Prefilled: ${use.detail}`}
      </p>
    </div>
  );
}
