/**
 * A patient's instruction for one product at one taper step, as structured data: the planner
 * writes the English words (`StepProduct.patientText`) and this record from the same dose state,
 * so a handout in another language (lib/handout) says the same doses without translating English
 * strings. Every number is the planner's own (counts, strengths, doses a day, dates).
 */
import type { IsoDate } from "./common";

/** The name on the bottle, in parts: "oxycodone/acetaminophen ER (2nd order)". */
export interface PatientProductName {
  /** The opioid ingredient as RxNorm names it ("oxycodone"); the product's name when there is none. */
  ingredient: string;
  /** Non-opioid ingredients ("acetaminophen"). */
  others: string[];
  /** Extended release (named "ER"; never for methadone, as in the English label). */
  extendedRelease: boolean;
  form: "tablet" | "capsule" | "patch" | "liquid";
  /** 2 for a second order of the same product ("(2nd order)"); null when the name is unique in the plan. */
  orderOrdinal: number | null;
}

/** Units of one dose: "1 oxycodone 10 mg tablet", "2.5 mL of methadone 1 mg/mL liquid". */
export interface PatientUnits {
  /** Tablets, capsules or patches; mL for a liquid. */
  count: number;
  /** Strength of one unit, opioid first then the other ingredients ([10, 325] = 10/325 mg). */
  strengths: number[];
  strengthUnit: "mg" | "mcg/h" | "mg/mL";
}

export type PatientInstruction =
  /** `perDay` doses a day, all the same. */
  | { kind: "scheduled"; name: PatientProductName; units: PatientUnits[]; perDay: number }
  /** The day split between two dose sizes: `groups[0]` for the first doses of the day, `groups[1]` after. */
  | { kind: "split"; name: PatientProductName; perDay: number; groups: { units: PatientUnits[]; perDay: number }[] }
  /** Only when needed for pain, at most `maxPerDay` a day. */
  | { kind: "as-needed"; name: PatientProductName; units: PatientUnits[]; maxPerDay: number }
  /** Patches worn at all times, changed every `changeEveryHours`. */
  | { kind: "patch"; name: PatientProductName; units: PatientUnits[]; changeEveryHours: number }
  /** Last dose on `lastDay`; none from `from`. */
  | { kind: "stop"; name: PatientProductName; lastDay: IsoDate; from: IsoDate }
  /** Take off the last patch on `removeOn`. */
  | { kind: "stop-patch"; name: PatientProductName; removeOn: IsoDate }
  /** Stop `from` (last one on `lastDay`), then from `start` take `then`. */
  | { kind: "switch"; previous: PatientProductName; lastDay: IsoDate; start: IsoDate; then: PatientInstruction };
