/**
 * What the sig-text parser reads from `dosageInstruction.text` / `patientInstruction`.
 *
 * Contract for the MME engine:
 * - every part is `null` when the text does not state it, or states it ambiguously
 *   (a warning then says why): unknown beats wrong, nothing is guessed;
 * - ranges are kept as ranges; the engine uses `max` (the most the order allows);
 * - all numbers are finite and >= 0, and `min <= max`.
 */

/** The unit a dose is written in. Countable product units, volumes, or masses. */
export type SigDoseUnit =
  | "tablet"
  | "capsule"
  | "patch"
  | "film"
  | "spray"
  | "lozenge"
  | "suppository"
  /** A countable product unit named generically ("pill"). */
  | "unit"
  | "mL"
  | "mg"
  | "mcg";

/** Route of administration when the text states it. */
export type SigRoute = "oral" | "sublingual" | "buccal" | "transdermal" | "nasal" | "rectal" | "injection";

/** An inclusive range of finite numbers, `0 <= min <= max`. A single value has `min === max`. */
export interface NumberRange {
  min: number;
  max: number;
}

/** A dose per administration, e.g. "1-2 tablets" = `{ min: 1, max: 2, unit: "tablet" }`. */
export interface SigDose extends NumberRange {
  /** null when the text gives a number without a unit ("take 1 by mouth q6h"); a warning says so. */
  unit: SigDoseUnit | null;
}

/**
 * A stated maximum ("max 6 tablets per day", "not to exceed 4 doses in 24 hours",
 * "Max daily amount: 60 mg"). The engine applies a cap only to lower the maximum of a PRN order.
 */
export interface SigCap {
  amount: number;
  /**
   * `"administration"` for "doses"/"times" caps; `"dose-unit"` for a cap written without a unit
   * ("mdd 6", "max 6/day"): in the unit the dose is given in (tablets, for a tablet dose).
   */
  unit: SigDoseUnit | "administration" | "dose-unit";
  /** The cap's period in hours (24 for "per day"). */
  periodHours: number;
}

/** Stable codes for what the parser could not read or had to flag. */
export type SigWarningCode =
  | "sig.empty"
  | "sig.no-dose"
  | "sig.dose-unit-missing"
  /** A number followed by a unit this parser does not read ("14 units", "1 vial"): the dose is unknown. */
  | "sig.unknown-dose-unit"
  | "sig.ambiguous-dose"
  | "sig.no-frequency"
  | "sig.ambiguous-frequency"
  | "sig.sequential-instructions"
  | "sig.unit-converted"
  | "sig.cap-ignored"
  /** No frequency was written; the stated daily maximum gave the administrations per day. */
  | "sig.frequency-from-cap"
  | "sig.ambiguous-route"
  | "sig.too-long";

export interface SigWarning {
  code: SigWarningCode;
  /** One sentence a clinician understands. */
  message: string;
}

export interface ParsedSig {
  /** The text as given (trimmed). */
  text: string;
  /** Dose per administration; null when not stated or ambiguous. */
  dose: SigDose | null;
  /**
   * A second statement of the same dose in another unit, in parentheses, e.g. Epic's
   * "Take 1 tablet (5 mg total)": `dose` is 1 tablet, `doseAlternate` is 5 mg. null when absent.
   * The engine may use it to cross-check the product strength.
   */
  doseAlternate: SigDose | null;
  /** Administrations per day; null when not stated or ambiguous. The engine uses `max`. */
  administrationsPerDay: NumberRange | null;
  /**
   * Units per day of a multi-part sig whose parts have their own dose and frequency ("2 tablets
   * three times daily and 1 at bedtime" = 7 tablets a day); null otherwise. When set, `dose` and
   * `administrationsPerDay` are null (there is no single dose or frequency).
   */
  dosePerDay: SigDose | null;
  /** "each nostril", "both eyes": the dose read is already twice the number written. */
  bothSides: boolean;
  asNeeded: boolean;
  route: SigRoute | null;
  /** For patches: hours between changes ("every 72 hours", "every 3 days"); null otherwise. */
  patchChangeHours: number | null;
  everyOtherDay: boolean;
  atBedtime: boolean;
  /** Stated maxima, in the order written. */
  caps: SigCap[];
  warnings: SigWarning[];
}
