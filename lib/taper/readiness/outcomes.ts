/**
 * The one table that says, for every outcome of every finding, whether it needs the
 * clinician's attention (`present`), needs nothing (`not-found`) or could not be told
 * (`unknown`). `Record` over each id's outcomes: a new outcome without a status does not
 * compile. Screens and the CarePlan read the status; they never decide it.
 */
import type { FindingId, FindingOutcomes, FindingStatus } from "@/lib/domain";

export const OUTCOME_STATUS: { readonly [Id in FindingId]: Readonly<Record<FindingOutcomes[Id], FindingStatus>> } = {
  "reason.no-meaningful-improvement": { "not-improved": "present", improved: "not-found", "cannot-tell": "unknown" },
  "reason.cns-depressants": { current: "present", "only-stale": "unknown", "none-current": "not-found", unknown: "unknown" },
  "reason.overdose": { recorded: "present", "none-recorded": "not-found", unknown: "unknown" },
  "reason.sleep-apnea": { recorded: "present", "none-recorded": "not-found", unknown: "unknown" },
  "context.mme-50": { "at-or-above": "present", below: "not-found", unknown: "unknown" },
  "context.mme-90": { "at-or-above": "present", below: "not-found", unknown: "unknown" },
  "context.long-term-use": { "one-year-or-more": "present", "less-than-a-year": "not-found", unknown: "unknown" },
  "caution.deceased": { recorded: "present", "not-recorded": "not-found", unknown: "unknown" },
  "caution.mme-incomplete": { complete: "not-found", incomplete: "present", "list-unreadable": "present" },
  "caution.oud": { active: "present", "on-treatment": "present", "in-remission": "present", possible: "present", "none-recorded": "not-found", unknown: "unknown" },
  "caution.pregnancy": { current: "present", "none-recorded": "not-found", unknown: "unknown" },
  "caution.cancer": { active: "present", "none-recorded": "not-found", unknown: "unknown" },
  "caution.palliative": { recorded: "present", "none-recorded": "not-found", unknown: "unknown" },
  "caution.sickle-cell": { recorded: "present", "none-recorded": "not-found", unknown: "unknown" },
  "caution.depression": { positive: "present", negative: "not-found", "not-assessed": "unknown" },
  "caution.anxiety": { positive: "present", negative: "not-found", "not-assessed": "unknown" },
  "caution.suicide-risk": { positive: "present", negative: "not-found", "not-assessed": "unknown" },
  "caution.naloxone": { "on-file": "not-found", offer: "present", "no-risk-found": "not-found", unknown: "unknown" },
  "caution.drug-screen": { unexpected: "present", "as-expected": "not-found", unreadable: "unknown", "none-recent": "unknown", unknown: "unknown" },
  "confirm.patient-agrees": { "to-confirm": "unknown" },
  "confirm.goals-agreed": { "to-confirm": "unknown" },
  "confirm.oud-assessed": { "to-confirm": "unknown" },
  "confirm.naloxone-offered": { "to-confirm": "unknown" },
  "confirm.follow-up-arranged": { "to-confirm": "unknown" },
};

/** Every finding id, in the order of the table. */
export const FINDING_IDS = Object.keys(OUTCOME_STATUS) as FindingId[];

/** Every outcome of one finding. */
export function outcomesOf<Id extends FindingId>(id: Id): FindingOutcomes[Id][] {
  return Object.keys(OUTCOME_STATUS[id]) as FindingOutcomes[Id][];
}
