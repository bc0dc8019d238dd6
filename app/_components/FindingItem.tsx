import type { Evidence, Finding, FindingStatus, PlanEffect } from "@/lib/domain";
import { assertNever } from "./findings-lookup";
import { citationShort, fmtDate, plainText } from "./format";

/** The tag beside a finding: every status has one (a missing status does not compile). */
export const STATUS_LABEL: Record<FindingStatus, string> = { present: "Found", "not-found": "Nothing to act on", unknown: "Could not tell" };

/** What the finding does to the plan, in words; nothing for `informs`. */
export function PlanEffectLine({ effect }: { effect: PlanEffect }) {
  switch (effect.kind) {
    case "blocks":
      return <p className="plan-effect plan-effect-blocks" data-testid="plan-effect" data-effect="blocks"><strong>No taper is proposed.</strong> Instead: {plainText(effect.instead)}</p>;
    case "requires-confirmation":
      return <p className="plan-effect plan-effect-confirm" data-testid="plan-effect" data-effect="requires-confirmation"><strong>Confirm before planning:</strong> {plainText(effect.confirm)}</p>;
    case "informs":
      return null;
    default:
      return assertNever(effect);
  }
}

/** One evidence line: label, value when there is one, date when there is one. */
export function evidenceText(e: Evidence): string {
  return `${e.label}${e.value !== undefined && e.value !== "" ? `: ${e.value}` : ""}${e.date ? ` (${fmtDate(e.date)})` : ""}`;
}

export function EvidenceList({ evidence }: { evidence: readonly Evidence[] }) {
  if (evidence.length === 0) return null;
  return (
    <ul className="evidence" aria-label="Evidence">
      {evidence.map((e, i) => <li key={`${e.reference ?? e.label}-${i}`}>{evidenceText(e)}</li>)}
    </ul>
  );
}

/** A finding: its status tag and title, the engine's sentence, its effect on the plan, evidence and sources. */
export function FindingItem({ finding: f }: { finding: Finding }) {
  return (
    <li className={`finding finding-${f.status}`} data-testid="finding" data-finding-id={f.id} data-status={f.status} data-outcome={f.outcome}>
      <p className="finding-title">
        <span className={`tag tag-${f.status}`}>{STATUS_LABEL[f.status]}</span> {f.title}
      </p>
      <p>{plainText(f.sentence)}</p>
      <PlanEffectLine effect={f.planEffect} />
      <EvidenceList evidence={f.evidence} />
      <CitationList citations={f.citations} />
    </li>
  );
}

/** Short human references ("CDC 2022, Recommendation 5"), the full citation and its link behind a disclosure. */
export function CitationList({ citations }: { citations: readonly { source: string; section: string; url?: string }[] }) {
  if (citations.length === 0) return null;
  const short = [...new Set(citations.map(citationShort))];
  return (
    <details className="citation">
      <summary>Sources: {short.join("; ")}</summary>
      <ul>
        {citations.map((c, i) => (
          <li key={`${c.source}-${i}`}>
            {c.url ? <a href={c.url} target="_blank" rel="noreferrer">{c.source}</a> : c.source}, {c.section}
          </li>
        ))}
      </ul>
    </details>
  );
}
