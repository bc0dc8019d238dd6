"use client";
import { useId, useMemo, useState } from "react";
import type { TaperPlan } from "@/lib/domain";
import { buildHandout, handoutAsText, languageFromCommunication, type HandoutLanguage } from "@/lib/handout";
import type { PatientState } from "@/lib/hooks/usePatientRecord";
import { copyText } from "./browser-actions";
import { useClinic } from "./clinic-context";
import { patientName } from "./patient-identity";

const LANGUAGE_NAMES: Record<HandoutLanguage, string> = { en: "English", es: "Español (Spanish)" };

/**
 * The patient handout in plain language (English or Spanish), printable on one or two pages, and
 * "copy as text" for a note or message. The language starts from Patient.communication.
 */
export function HandoutPanel({ plan, nextVisit, patient }: { plan: TaperPlan | null; nextVisit: string | null; patient: PatientState }) {
  const clinic = useClinic();
  const ids = useId();
  const record = patient.status === "ready" ? patient.patient : null;
  const recordLanguage = languageFromCommunication(record?.communication);
  const [chosen, setChosen] = useState<HandoutLanguage | null>(null);
  const language = chosen ?? recordLanguage;
  const [clinician, setClinician] = useState("");
  const handout = useMemo(
    () => (plan ? buildHandout({
      plan, language, clinic, nextVisit, clinician: clinician.trim() === "" ? null : clinician.trim(),
      patient: record ? { name: patientName(record), birthDate: record.birthDate ?? null } : null,
    }) : null),
    [plan, language, clinic, nextVisit, clinician, record],
  );
  const [copyState, setCopyState] = useState<"idle" | "copied" | "fallback">("idle");
  if (!handout) return <p className="muted">There is no plan yet: the handout appears once the Plan tab proposes a schedule.</p>;
  const text = handoutAsText(handout);
  return (
    <div>
      <div className="handout-controls no-print">
        <fieldset>
          <legend>Handout language</legend>
          {(["en", "es"] as const).map((l) => (
            <label key={l}>
              <input type="radio" name={`${ids}-lang`} value={l} checked={language === l} onChange={() => { setChosen(l); setCopyState("idle"); }} />
              {" "}{LANGUAGE_NAMES[l]}
            </label>
          ))}
          {chosen === null && recordLanguage === "es" && <p className="small muted">Spanish, from the patient&apos;s preferred language in the chart.</p>}
        </fieldset>
        <label htmlFor={`${ids}-clinician`}>Clinician named on the handout</label>
        <input id={`${ids}-clinician`} type="text" autoComplete="name" value={clinician} onChange={(e) => setClinician(e.target.value)} placeholder="e.g. Dr. Alice Prescott" />
        {!clinic?.phone && <p className="note-box small">No clinic phone number is configured for this health system: the printed handout leaves a line to write it in.</p>}
      </div>
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
      <article className="handout" data-testid="handout" lang={handout.language}>
        <h1>{handout.title}</h1>
        <dl className="handout-facts">
          {[...handout.facts, ...handout.dates].map((f) => (
            <div key={f.label}>
              <dt>{f.label}:</dt>
              <dd>{f.value === null ? <WriteIn /> : <FactValue value={f.value} keepTogether={f.keepTogether} />}</dd>
            </div>
          ))}
        </dl>
        <h2>{handout.calendarHeading}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{handout.calendarHead[0]}</th>
              <th scope="col">{handout.calendarHead[1]}</th>
            </tr>
          </thead>
          <tbody>
            {handout.rows.map((r, i) => (
              <tr key={`${r.from}-${i}`} className={r.stepIndex === null ? "no-change" : undefined}>
                <td>{r.from}</td>
                <td>
                  {r.note !== null && <div className="no-change-note">{r.note}</div>}
                  {r.doses.map((d, j) => <div key={j}>{d}</div>)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="handout-sections">
          {handout.sections.map((s) => (
            <section key={s.heading}>
              <h2>{s.heading}</h2>
              <ul>{s.lines.map((l) => <li key={l}>{l}</li>)}</ul>
            </section>
          ))}
        </div>
      </article>
    </div>
  );
}

/** A line to write in by hand: named for screen readers, printed as a blank line only. */
function WriteIn() {
  return <span className="write-in"><span className="sr-only">blank to fill in</span></span>;
}

/** A fact's value, with the part that must stay whole (a phone number) never split across lines. */
function FactValue({ value, keepTogether }: { value: string; keepTogether?: string | undefined }) {
  const at = keepTogether ? value.indexOf(keepTogether) : -1;
  if (!keepTogether || at < 0) return <>{value}</>;
  return <>{value.slice(0, at)}<span className="nowrap">{keepTogether}</span>{value.slice(at + keepTogether.length)}</>;
}
