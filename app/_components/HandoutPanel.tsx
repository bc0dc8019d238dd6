"use client";
import { useMemo, useState } from "react";
import type { TaperPlan } from "@/lib/domain";
import { copyText } from "./browser-actions";
import { buildHandout, handoutAsText } from "./handout-text";

/** The patient handout in plain language, printable, and "copy as text" for a note or message. */
export function HandoutPanel({ plan, nextVisit }: { plan: TaperPlan | null; nextVisit: string | null }) {
  const handout = useMemo(() => (plan ? buildHandout(plan, nextVisit) : null), [plan, nextVisit]);
  const [copyState, setCopyState] = useState<"idle" | "copied" | "fallback">("idle");
  if (!handout) return <p className="muted">There is no plan yet: the handout appears once the Plan tab proposes a schedule.</p>;
  const text = handoutAsText(handout);
  return (
    <div>
      <div className="actions no-print">
        <button type="button" className="primary" onClick={() => window.print()}>Print handout</button>
        <button type="button" onClick={() => void copyText(text).then((ok) => setCopyState(ok ? "copied" : "fallback"))}>Copy as text</button>
        {copyState === "copied" && <span role="status">Copied.</span>}
      </div>
      {copyState === "fallback" && (
        <div className="no-print">
          <label htmlFor="handout-text">The browser did not allow copying: select the text below and copy it.</label>
          <textarea id="handout-text" className="copy-fallback" readOnly value={text} onFocus={(e) => e.currentTarget.select()} />
        </div>
      )}
      <article className="handout" data-testid="handout">
        <h1>{handout.title}</h1>
        <p>
          <strong>Start:</strong> {handout.startDate}
          {handout.nextVisit && <> · <strong>Your next visit:</strong> {handout.nextVisit}</>}
        </p>
        <h2>Your doses</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Starting on</th>
              <th scope="col">What to take</th>
            </tr>
          </thead>
          <tbody>
            {handout.rows.map((r, i) => (
              <tr key={`${r.from}-${i}`}>
                <td>{r.from}</td>
                <td>{r.doses.map((d, j) => <div key={j}>{d}</div>)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {handout.sections.map((s) => (
          <section key={s.heading}>
            <h2>{s.heading}</h2>
            <ul>{s.lines.map((l) => <li key={l}>{l}</li>)}</ul>
          </section>
        ))}
      </article>
    </div>
  );
}
