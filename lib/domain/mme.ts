/**
 * The MME engine's output contract (lib/mme). Used by the taper engine, the
 * CarePlan builder, the CLI and the UI. Expected clinical outcomes are values
 * here, never exceptions: an order that cannot be computed is
 * `{ status: "not-computable", reason: "mme.missing-frequency", message }`.
 *
 * Rule above all: missing or unreadable data never lowers the total. It makes
 * the result `incomplete` (some current opioid order could not be computed;
 * the total is then a floor, "at least N") or `unknown` (the medication list
 * itself could not be read).
 */
import type { Assumption, Citation, IsoDate, IsoDateTime, ResourceRef } from "./common";
import type { OpioidIngredient, OpioidProduct } from "./opioids";

export type FactorTableId = "cdc-2022" | "cdc-2016";

export type OrderStatus = "counted" | "excluded" | "not-computable";

/** Why an order is excluded from the total (it was read and understood). */
export type ExclusionReason =
  | "mme.excluded.buprenorphine"
  | "mme.excluded.not-an-opioid"
  | "mme.excluded.status"
  | "mme.excluded.intent"
  | "mme.excluded.stale"
  | "mme.excluded.future"
  /** Its timing bounds (boundsPeriod/boundsDuration, or the last dosage step) ended before `asOf`. */
  | "mme.excluded.ended"
  | "mme.excluded.superseded"
  /**
   * Methadone or buprenorphine prescribed as treatment of opioid use disorder (a reason code or
   * diagnosis of OUD on the order, or an opioid treatment program): never part of the pain MME and
   * never tapered by this tool. Stable code for the planner and readiness (issue 13 item 4).
   */
  | "mme.excluded.oud-treatment";

/** Why an opioid order could not be computed (it makes the total incomplete). */
export type NotComputableReason =
  | "mme.unreadable-resource"
  | "mme.unknown-medication"
  | "mme.unknown-strength"
  | "mme.missing-dosage"
  | "mme.missing-dose"
  | "mme.missing-frequency"
  | "mme.unknown-dose-unit"
  | "mme.no-conversion-factor"
  | "mme.parenteral"
  | "mme.invalid-value"
  /** FHIR status "unknown": the order may be active; it cannot be left out silently. */
  | "mme.unknown-status"
  /** The order's codes and names describe different products (ingredient, strength or form). */
  | "mme.conflicting-product"
  /** The order states its dose per administration differently in different places. */
  | "mme.conflicting-dose"
  /** The order states how often differently in different places (timing, timing code, sig, caps, fill). */
  | "mme.conflicting-frequency"
  /** A number outside the plausibility bounds of its form (lib/mme/bounds.ts): more likely a data error. */
  | "mme.implausible"
  /** Successive dosage steps (a taper or titration) where the step in force at `asOf` cannot be told. */
  | "mme.uncertain-schedule";

export type OrderReason = ExclusionReason | NotComputableReason;

/** Where a number came from; reported per order by the CLI and the UI. */
export type ValueSource =
  | "structured"
  | "timing-code"
  | "sig-text"
  | "dispense-estimate"
  | "rxnorm-catalog"
  | "ndc-table"
  | "medication-resource"
  | "name-parse";

/** Which fact of an order a reading is about. */
export type ReadingFact = "product" | "dose" | "frequency" | "daily";

/**
 * One independent reading of one fact of an order, for the ledger (issue 13 item 1): where it was
 * read, what it says, and whether it agreed with the number used.
 */
export interface FactReading {
  fact: ReadingFact;
  /** Where in the order, e.g. `RxNorm 1049621`, `doseAndRate "ordered"`, `sig text`, `timing.code "q12hr"`. */
  where: string;
  /** What it says, in words: "oxycodone 5 mg per tablet", "2 tablets", "3 a day". */
  value: string;
  /**
   * `true`: agrees with the number used; `false`: disagrees (the order needs review);
   * `null`: could not be read or compared (said in `value`).
   */
  agrees: boolean | null;
}

/** Whether a factor comes from a clinical table or only from the CDC research data file. */
export type FactorKind = "clinical" | "data-file";

export interface IngredientMme {
  ingredient: OpioidIngredient;
  /** Daily amount of this ingredient, in `dailyAmountUnit`. */
  dailyAmount: number;
  /** `mg/d` for most; `mcg/h` for transdermal patches (all patches worn at once); `mcg/d` for TIRF fentanyl. */
  dailyAmountUnit: "mg/d" | "mcg/h" | "mcg/d";
  /** MME per one `dailyAmountUnit`. */
  factor: number;
  factorKind: FactorKind;
  factorCitation: Citation;
  /** Unrounded; round to 0.1 only for display. */
  mmePerDay: number;
}

export interface OrderMme {
  medicationRequest: ResourceRef;
  status: OrderStatus;
  /** null when counted. */
  reason: OrderReason | null;
  /** A sentence a clinician understands; null when counted without remark. */
  message: string | null;
  /** Best display of the medication (product name, code display or text). */
  display: string;
  product: OpioidProduct | null;
  /** The FHIR status and intent as written. */
  fhirStatus: string | null;
  fhirIntent: string | null;
  authoredOn: IsoDateTime | null;
  /**
   * The sig as written (dosageInstruction.text / patientInstruction), or a rendering of the
   * structured dosage. null when there is none, and for orders excluded as not an opioid or
   * not current (they leave the ledger).
   */
  sig: string | null;
  /** Product units (tablets, patches, mL...) per administration, max of a range. null when unknown. */
  unitsPerAdministration: number | null;
  /** Administrations per day at the maximum the order allows. null when unknown. */
  administrationsPerDay: number | null;
  /** For patches: patches worn at the same time. */
  patchesWorn?: number;
  asNeeded: boolean;
  ingredients: IngredientMme[];
  /** Sum of ingredient MME, unrounded; null unless counted. */
  mmePerDay: number | null;
  assumptions: Assumption[];
  /** Source of each number used. */
  sources: {
    product: ValueSource | null;
    dose: ValueSource | null;
    frequency: ValueSource | null;
  };
  /** Remarks for the clinician about the order's data (a name whose strength could not be read, ...). */
  discrepancies: string[];
  /**
   * Every reading of the order's product, dose, frequency and daily amount, with whether it agreed
   * (empty for orders excluded before they were read: not an opioid, not current).
   */
  readings: FactReading[];
  /** For superseded orders: the order that replaces this one. */
  supersededBy?: ResourceRef;
}

/**
 * - `complete`: every current opioid order was computed.
 * - `incomplete`: at least one current opioid order was not computable, or the record was
 *   truncated; `totalMmePerDay` is a floor ("at least").
 * - `unknown`: the medication list could not be read; `totalMmePerDay` is null.
 */
export type CompletenessState = "complete" | "incomplete" | "unknown";

export interface MmeBands {
  /** CDC 2022: at or above 50 MME/day, reassess and add precautions (informational, not a trigger). */
  atOrAbove50: boolean;
  /** 90 MME/day: a study cut-point and the 2016 "avoid" level (informational). */
  atOrAbove90: boolean;
}

export interface MmeResult {
  factorTableId: FactorTableId;
  asOf: IsoDate;
  lookbackDays: number;
  state: CompletenessState;
  /** `state === "complete"`. Kept for the CLI contract. */
  complete: boolean;
  /** Sum of counted orders, unrounded. A floor when incomplete; null when unknown. */
  totalMmePerDay: number | null;
  /** Per-ingredient subtotals of counted orders. */
  byIngredient: Partial<Record<OpioidIngredient, number>>;
  bands: MmeBands;
  /** One entry per MedicationRequest given (valid or not), in input order. */
  orders: OrderMme[];
  /** Sentences explaining `incomplete` / `unknown`, e.g. "1 order could not be computed". */
  incompleteReasons: string[];
}
