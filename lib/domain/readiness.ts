/**
 * Taper readiness (lib/taper/readiness): not a yes/no, a set of findings, each
 * with its evidence and citation. Missing data is a finding too ("no PEG score
 * in the last 12 months"), never a silent "no problem".
 * Sources: HHS 2019 guide; CDC 2022 Rec 5 supporting text (clinical-sources.md section 1).
 */
import type { Citation, IsoDate, IsoDateTime, ResourceRef } from "./common";

/**
 * - `reason`: a reason to consider tapering (CDC 2022 l.2536-2554, HHS 2019)
 * - `caution`: something to address before or instead of tapering
 * - `confirm`: what the clinician must confirm with the patient (not in the chart)
 */
export type FindingCategory = "reason" | "caution" | "confirm";

/**
 * - `present`: found in the data
 * - `not-found`: checked, and the data shows it is absent
 * - `unknown`: could not be checked (no data, no permission, data unreadable)
 */
export type FindingStatus = "present" | "not-found" | "unknown";

export interface Evidence {
  /** The resource the evidence comes from, when there is one. */
  reference?: ResourceRef;
  /** What it is, e.g. "PHQ-9 total", "Lorazepam 1 mg tablet". */
  label: string;
  /** The value as shown, e.g. "17", "positive", "120 MME/day". */
  value?: string;
  date?: IsoDate | IsoDateTime;
}

export interface Finding {
  /** Stable id, e.g. `reason.mme-90`, `caution.oud`, `caution.no-naloxone`, `confirm.patient-agrees`. */
  id: string;
  category: FindingCategory;
  status: FindingStatus;
  /** Short title for a list. */
  title: string;
  /** One or two sentences for the clinician, including what to do. */
  sentence: string;
  evidence: Evidence[];
  citations: Citation[];
}

/** Ids of the confirmation checklist items (cannot be read from the chart). */
export const CONFIRMATION_IDS = [
  "confirm.patient-agrees",
  "confirm.goals-agreed",
  "confirm.oud-assessed",
  "confirm.naloxone-offered",
  "confirm.follow-up-arranged",
] as const;
export type ConfirmationId = (typeof CONFIRMATION_IDS)[number];

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
  /** Long-term use (>= 1 year since the earliest opioid order): selects the default rate. null when unknown. */
  longTermUse: boolean | null;
  /** Earliest opioid order date seen, if any. */
  earliestOpioidDate: IsoDate | null;
  /** Data the rules needed but could not get (e.g. "Conditions: permission not granted"). */
  unavailable: string[];
}
