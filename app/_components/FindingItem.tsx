import type { Evidence, Finding, FindingStatus, PlanEffect } from "@/lib/domain";
import { assertNever } from "./findings-lookup";
import { fmtDate } from "./format";

/** The tag beside a finding: every status has one (a missing status does not compile). */
export const STATUS_LABEL: Record<FindingStatus, string> = { present: "Found", "not-found": "Nothing to act on", unknown: "Could not tell" };

/** What the finding does to the plan, in words; nothing for `informs`. */
export function PlanEffectLine({ effect }: { effect: PlanEffect }) {
  switch (effect.kind) {
    case "blocks":
      return <p className="plan-effect plan-effect-blocks" data-testid="plan-effect" data-effect="blocks"><strong>No taper is proposed.</strong> Instead: {effect.instead}</p>;
    case "requires-confirmation":
      return <p className="plan-effect plan-effect-confirm" data-testid="plan-effect" data-effect="requires-confirmation"><strong>Confirm before planning:</strong> {effect.confirm}</p>;
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
      <p>{f.sentence}</p>
      <PlanEffectLine effect={f.planEffect} />
      <EvidenceList evidence={f.evidence} />
      <p className="citation">{f.citations.map((c) => `${c.source}, ${c.section}`).join("; ")}</p>
    </li>
  );
}
