/**
 * Taper readiness (lib/taper/readiness): not a yes/no, a set of typed findings, each with
 * its outcome, evidence, citations and what it does to the plan. Missing data is a finding
 * too ("no PEG score in the last 12 months"), never a silent "no problem".
 * Sources: HHS 2019 guide; CDC 2022 Rec 5, 8, 10-12 and supporting text (docs/clinical-sources.md).
 *
 * Reading a finding: `id` says which check it is (a `FindingId`), `outcome` says what the
 * check found (one of that id's `FindingOutcomes`), and the engine supplies every sentence
 * the clinician reads (`title`, `sentence`). Screens switch on `outcome` (the compiler
 * catches a missing case); no UI string decides a clinical fact.
 */
import type { Citation, IsoDate, IsoDateTime, ResourceRef } from "./common";

/**
 * - `reason`: a reason to consider tapering (CDC 2022 draft l.2536-2554, adopted from HHS 2019)
 * - `context`: facts that shape the plan (dose bands, how long opioids have been used); not reasons to taper
 * - `caution`: something to address before or instead of tapering
 * - `confirm`: what the clinician must confirm with the patient (not in the chart)
 */
export type FindingCategory = "reason" | "context" | "caution" | "confirm";

/**
 * Whether the finding needs the clinician's attention, derived from the outcome by the
 * engine (one table, `OUTCOME_STATUS` in lib/taper/readiness):
 * - `present`: the thing checked for is in the data (a reason applies, a caution needs action)
 * - `not-found`: checked, and nothing needs action
 * - `unknown`: could not be checked or cannot be told (no data, no permission, unreadable)
 */
export type FindingStatus = "present" | "not-found" | "unknown";

/** Ids of the confirmation checklist items (cannot be read from the chart). */
export const CONFIRMATION_IDS = [
  "confirm.patient-agrees",
  "confirm.goals-agreed",
  "confirm.oud-assessed",
  "confirm.naloxone-offered",
  "confirm.follow-up-arranged",
] as const;
export type ConfirmationId = (typeof CONFIRMATION_IDS)[number];

/**
 * Every outcome of every finding the readiness engine produces, by finding id. The keys are
 * the `FindingId` union; each value is the closed list of what that check can conclude.
 */
export interface FindingOutcomes {
  /** PEG (or, said so, pain 0-10) against a baseline at or before the start of long-term therapy (CDC pocket guide: 30 %). */
  "reason.no-meaningful-improvement": "not-improved" | "improved" | "cannot-tell";
  /** Current benzodiazepine or other CNS depressant orders (CDC 2022 Rec 11). */
  "reason.cns-depressants": "current" | "only-stale" | "none-current" | "unknown";
  /** An opioid overdose or poisoning recorded within the stated window (CDC 2022 draft l.2536-2554 item 8). */
  "reason.overdose": "recorded" | "none-recorded" | "unknown";
  /** Sleep-disordered breathing (item 9; Rec 8). */
  "reason.sleep-apnea": "recorded" | "none-recorded" | "unknown";
  /** Total MME/day against the informational bands (not triggers: CDC 2022 draft l.2454-2458). */
  "context.mme-50": "at-or-above" | "below" | "unknown";
  "context.mme-90": "at-or-above" | "below" | "unknown";
  /** How long opioids have been used: selects the default taper rate. */
  "context.long-term-use": "one-year-or-more" | "less-than-a-year" | "unknown";
  /** The chart records the patient as deceased (Patient.deceased[x]): no taper is proposed. */
  "caution.deceased": "recorded" | "not-recorded" | "unknown";
  /** Whether every current opioid order was computed. */
  "caution.mme-incomplete": "complete" | "incomplete" | "list-unreadable";
  /**
   * Opioid use disorder (CDC 2022 Rec 12): active, on medication treatment, in remission, or
   * `possible` (an opioid-related condition such as withdrawal, a use disorder named only in
   * words, or naltrexone without a diagnosis: assess with DSM-5 criteria).
   */
  "caution.oud": "active" | "on-treatment" | "in-remission" | "possible" | "none-recorded" | "unknown";
  /** Pregnancy (CDC 2022 draft l.2436-2438, 2523-2528). */
  "caution.pregnancy": "current" | "none-recorded" | "unknown";
  /** Active cancer: cancer-related pain is outside the chronic-pain taper guidance. */
  "caution.cancer": "active" | "none-recorded" | "unknown";
  /** Palliative, hospice or end-of-life care, or a likely terminal condition. */
  "caution.palliative": "recorded" | "none-recorded" | "unknown";
  /** Sickle cell disease (outside the guideline's scope; CDC IG exclusion). */
  "caution.sickle-cell": "recorded" | "none-recorded" | "unknown";
  "caution.depression": "positive" | "negative" | "not-assessed";
  "caution.anxiety": "positive" | "negative" | "not-assessed";
  /** Suicide risk: attempt, intentional overdose or ideation in the window, or PHQ-9 item 9. */
  "caution.suicide-risk": "positive" | "negative" | "not-assessed";
  /** Naloxone (CDC 2022 Rec 8): on file, offer it, or no risk factor found in the chart. */
  "caution.naloxone": "on-file" | "offer" | "no-risk-found" | "unknown";
  /** Urine drug screens by class, expected versus found (CDC 2022 Rec 10). */
  "caution.drug-screen": "unexpected" | "as-expected" | "unreadable" | "none-recent" | "unknown";
  "confirm.patient-agrees": "to-confirm";
  "confirm.goals-agreed": "to-confirm";
  "confirm.oud-assessed": "to-confirm";
  "confirm.naloxone-offered": "to-confirm";
  "confirm.follow-up-arranged": "to-confirm";
}

/** Every finding id. */
export type FindingId = keyof FindingOutcomes;

/**
 * What a finding does to the taper plan (CDC 2022 Rec 12, the pregnancy and scope passages,
 * HHS 2019):
 * - `blocks`: no taper is proposed by default; `instead` says what to do. The clinician may
 *   still plan where the guideline allows, only with a recorded override and its reason.
 * - `requires-confirmation`: a plan may be proposed once the clinician confirms `confirm`.
 * - `informs`: shown and recorded; the plan is not held.
 */
export type PlanEffect =
  | { kind: "blocks"; instead: string }
  | { kind: "requires-confirmation"; confirm: string }
  | { kind: "informs" };

export interface Evidence {
  /** The resource the evidence comes from, when there is one. */
  reference?: ResourceRef;
  /** What it is, e.g. "PHQ-9 total", "Lorazepam 1 mg tablet". */
  label: string;
  /** The value as shown, e.g. "17", "positive", "120 MME/day". */
  value?: string;
  date?: IsoDate | IsoDateTime;
}

/** One finding of one check: `outcome` is typed by `id`. */
export interface FindingOf<Id extends FindingId> {
  id: Id;
  outcome: FindingOutcomes[Id];
  category: FindingCategory;
  status: FindingStatus;
  /** The name of the check, for a list or a label ("Naloxone"). Same for every outcome. */
  label: string;
  /** What the check found, in a few words ("Naloxone prescribed", "Offer naloxone"). */
  title: string;
  /** One or two sentences for the clinician, including what to do. */
  sentence: string;
  evidence: Evidence[];
  citations: Citation[];
  planEffect: PlanEffect;
}

/** Any finding; narrow on `id` to get its typed `outcome`. */
export type Finding = { [Id in FindingId]: FindingOf<Id> }[FindingId];

/**
 * A finding that holds the plan: every finding whose effect is not `informs` becomes one
 * gate in `ReadinessResult.gates`, in the order of the findings.
 */
export type PlanGate = {
  findingId: FindingId;
  /** The finding's title and sentence: why the plan is held. */
  title: string;
  reason: string;
  citations: Citation[];
} & ({ kind: "blocks"; instead: string } | { kind: "requires-confirmation"; confirm: string });

/**
 * The clinician's recorded answer to a gate, written into the CarePlan:
 * - `override` (a `blocks` gate): plan anyway, with the reason (e.g. "obstetric input
 *   obtained: Dr X agrees to a slow taper"); an empty reason resolves nothing.
 * - `confirmed` (a `requires-confirmation` gate): the clinician confirmed what the gate asks.
 */
export interface GateDecision {
  findingId: FindingId;
  kind: "override" | "confirmed";
  reason: string;
}

/** What the clinician confirmed in the UI; recorded in the CarePlan. */
export interface Confirmations {
  checked: Partial<Record<ConfirmationId, boolean>>;
  /** The agreed first follow-up date. */
  followUpDate: IsoDate | null;
  /** Free-text note from the clinician (goals, agreement details). */
  note?: string;
}

export interface ReadinessResult {
  asOf: IsoDate;
  findings: Finding[];
  /** The findings that hold the plan (`blocks`, `requires-confirmation`); see `PlanGate`. */
  gates: PlanGate[];
  /** Long-term use (>= 1 year since the earliest opioid order): selects the default rate. null when unknown. */
  longTermUse: boolean | null;
  /** Earliest opioid order date seen, if any. */
  earliestOpioidDate: IsoDate | null;
  /** Data the rules needed but could not get (e.g. "Conditions: permission not granted"). */
  unavailable: string[];
}
