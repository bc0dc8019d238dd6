/**
 * Taper plan (lib/taper/plan): a schedule a pharmacist could dispense.
 * Slow, individual, never abrupt. Sources: CDC 2022 Rec 5 supporting text
 * (draft l.2416-2649), HHS 2019 (clinical-sources.md section 1.5).
 */
import type { IsoDate, ResourceRef } from "./common";
import type { FactorTableId } from "./mme";
import type { OpioidProduct } from "./opioids";
import type { PatientInstruction } from "./patient-instruction";
import type { FindingId, GateDecision, PlanGate } from "./readiness";

export type TaperIntervalUnit = "day" | "week" | "month";

/** "every week" = `{ unit: "week", count: 1 }`; "every 10 days" = `{ unit: "day", count: 10 }`. */
export interface TaperInterval {
  unit: TaperIntervalUnit;
  count: number;
}

/**
 * - `original`: each step removes a fixed `rate` % of the starting dose (linear)
 * - `current`: each step removes `rate` % of the current dose (geometric)
 * - `two-phase`: 10 % of the original per step until ~30 % remains, then 10 % of the remaining (CDC 2022 l.2638-2641)
 */
export type TaperBasis = "original" | "current" | "two-phase";

export type TaperTarget = { kind: "mme"; mmePerDay: number } | { kind: "discontinue" };

/** Hold the dose for `intervals` intervals starting at step `atStep` (1-based index of a reduction step). */
export interface TaperPause {
  atStep: number;
  intervals: number;
}

/**
 * How long the patient has taken opioids, which selects the protocol (CDC 2022 draft
 * l.2422-2424, 2635-2641): a year or more, or unknown (the slower protocol), about 10 % per
 * month; weeks to months, the weekly protocol. `unknown` is never read as short-term use.
 */
export type DurationOfUse = "one-year-or-more" | "less-than-a-year" | "unknown";

export interface DurationChoice {
  value: DurationOfUse;
  /** `record`: read from the chart; `clinician`: the clinician answered what the record could not tell. */
  source: "record" | "clinician";
}

/**
 * Doses actually taken per day of an as-needed order: the plan starts there, never above it.
 * - `entered`: the clinician entered or confirmed it with the patient;
 * - `prescribed-supply`: prefilled from the order's dispense request (quantity / days supply), to confirm.
 */
export interface ActualUse {
  /** Whole doses a day (0 = not taking it). */
  dosesPerDay: number;
  source: "entered" | "prescribed-supply";
  /** Where the number came from, in words ("90 tablets for 30 days on the order: 3 a day"). */
  detail: string;
}

/** At the lowest strength of an extended-release product: switch to an immediate-release form, or stop. */
export type ErAtLowest = "switch-to-ir" | "stop";

export interface TaperOptions {
  /** Percent per interval, e.g. 10. */
  ratePercent: number;
  interval: TaperInterval;
  basis: TaperBasis;
  target: TaperTarget;
  /** Regimen item keys in the order to taper them; null = highest MME first. */
  productOrder: string[] | null;
  startDate: IsoDate;
  pauses: TaperPause[];
  /** A faster-than-guidance taper is refused unless marked safety-driven with a reason. */
  rapidTaper: { reason: string } | null;
  /** How long opioids have been used, and who said so. */
  duration: DurationChoice;
  /** Actual use of as-needed orders, by MedicationRequest reference. */
  actualUse: Record<ResourceRef, ActualUse>;
  /** What an extended-release product does at its lowest strength (default: switch to immediate release). */
  erAtLowest: ErAtLowest;
  /**
   * Methadone changes at most every `methadoneMinDaysBetweenChanges` days by default (long,
   * variable half-life); more often only as an explicit choice with its reason, which the plan
   * and the CarePlan carry as a warning.
   */
  methadoneFaster: { reason: string } | null;
  /** Overrides and confirmations of the plan gates (readiness cautions), recorded in the CarePlan. */
  gateDecisions: GateDecision[];
}

/** One opioid product the patient takes now, as the taper starts from it. */
export interface RegimenItem {
  /** Stable key (the RxNorm code, or the order reference when there is none). */
  key: string;
  orderRefs: ResourceRef[];
  product: OpioidProduct;
  unitsPerAdministration: number;
  /** As ordered; for an as-needed order, the most the order allows. */
  administrationsPerDay: number;
  /** Patches worn at once (transdermal only). */
  patchesWorn?: number;
  /**
   * When several orders of one product family are taken together (a 75 and a 25 mcg/h patch;
   * a 10 and a 5 mg tablet at each dose): the units of each product in one administration.
   * `product` is then the strongest of them and `unitsPerAdministration` the equivalent count of it.
   */
  startUnits?: { product: OpioidProduct; count: number }[];
  /** MME/day as the MME engine counted it (an as-needed order at its maximum). */
  mmePerDay: number;
  /** Ordered as needed: the plan starts from actual use (`TaperOptions.actualUse`), never from the maximum. */
  asNeeded: boolean;
  /** As-needed orders: doses a day from the order's dispense request, when it has one (a prefill to confirm). */
  prescribedSupply?: ActualUse;
}

/** One real dosage unit used to make a dose, e.g. 1 x oxycodone 10 mg tablet. */
export interface DoseComponent {
  rxnorm: string | null;
  display: string;
  /** Strength of one unit, in `strengthUnit` (mg per tablet, mcg/h per patch, mg per mL). */
  strength: number;
  strengthUnit: "mg" | "mcg/h" | "mg/mL" | "mcg";
  /** Units per administration (tablets, patches, mL). */
  count: number;
}

export interface DispenseLine {
  rxnorm: string | null;
  display: string;
  quantity: number;
  unit: string;
}

/** Doses of the same size within a day (a day may be split between two sizes). */
export interface StepDose {
  /** Amount per administration: mg (oral), mcg/h worn (patch), mL (liquid). */
  amount: number;
  amountUnit: "mg" | "mcg/h" | "mL";
  components: DoseComponent[];
  /** Administrations a day at this size (patches: changes a day, 1/3 for every 72 hours). */
  administrationsPerDay: number;
}

/**
 * How a product changes at a step:
 * `none` (same as before, or the start), `reduced`, `fewer-doses` (the interval lengthened),
 * `switched` (to an immediate-release form), `stopped` (this step's line is the stop line).
 */
export type ProductChange = "none" | "reduced" | "fewer-doses" | "switched" | "stopped";

/** One product (regimen item) at one step: exactly one instruction, for the clinician and for the patient. */
export interface StepProduct {
  /** The regimen item key. */
  key: string;
  /** The product's plain name ("oxycodone ER", "fentanyl patch", "oxycodone (as needed)"). */
  label: string;
  /** The product code when every dose uses one product; null when a dose combines strengths. */
  rxnorm: string | null;
  display: string;
  asNeeded: boolean;
  change: ProductChange;
  /** Empty when stopped. */
  doses: StepDose[];
  /** The unit the product's amounts are in (mg, mcg/h worn, mL), also when stopped. */
  amountUnit: StepDose["amountUnit"];
  /** Sum over `doses` (0 = stopped); for an as-needed product, the most allowed a day. */
  administrationsPerDay: number;
  /** The clinician's one-line instruction ("oxycodone 10 mg (1 x 10 mg tablet) every 8 hours"). */
  scheduleText: string;
  /** The patient's instruction, plain language ("Take 1 oxycodone 10 mg tablet every 8 hours (3 times a day)."). */
  patientText: string;
  /**
   * The same instruction as structured data (lib/domain/patient-instruction), for a handout in
   * another language; absent on steps read back from a saved CarePlan.
   */
  patientInstruction?: PatientInstruction;
  mmePerDay: number;
  /** What to dispense to cover the whole step. */
  dispense: DispenseLine[];
}

/** `hold` is read from CarePlans an earlier version of the planner wrote; the planner no longer makes hold steps (a dose kept longer is one step with more `intervals`). */
export type TaperStepKind = "start" | "reduce" | "extend-interval" | "switch" | "pause" | "stop" | "hold";

/**
 * Why a step differs from the nominal rate (the rate's own step for one interval):
 * - `rounded-to-marketed`: it removes less, because no dose made of marketed strengths lies closer;
 * - `smallest-step-slowed`: the smallest possible step removes more than one interval allows, so the
 *   dose before it was kept longer (the average stays within the rate);
 * - `kept-longer`: this dose is kept more than one interval because the next step must be large;
 * - `target-reached`: the last step stops at the target;
 * - `switch-form`: an extended-release product at its lowest strength changes to immediate release;
 * - `methadone-spacing`: methadone changes at most every 2 weeks;
 * - `pause`: the clinician's planned pause (the rate clock stops; no catch-up after it).
 */
export type StepDifference = "rounded-to-marketed" | "smallest-step-slowed" | "kept-longer" | "target-reached" | "switch-form" | "methadone-spacing" | "pause";

export interface StepRate {
  /** MME/day the chosen rate removes in one interval at this point (the nominal step). */
  nominalMmePerDay: number;
  /** MME/day this step removes compared with the step before (0 for the start, a pause, a switch at the same dose). */
  removedMmePerDay: number;
  /** Why this step differs from the nominal step, each with a sentence; empty when it does not. */
  differences: { code: StepDifference; sentence: string }[];
}

export interface TaperStep {
  /** 0 = the starting regimen. */
  index: number;
  start: IsoDate;
  /** Exclusive end date (the next step's start). */
  end: IsoDate;
  /** Intervals this step lasts (more than 1 when slowed before a large unavoidable step, or for methadone). */
  intervals: number;
  kind: TaperStepKind;
  /** One entry per product still taken at this step, plus the stop line of a product stopping at it. */
  products: StepProduct[];
  totalMmePerDay: number;
  /** Percent of the starting total MME/day. */
  percentOfStart: number;
  rate: StepRate;
  note: string | null;
}

export interface PlanWarning {
  code: string;
  message: string;
}

export interface FollowUp {
  date: IsoDate;
  purpose: string;
}

/** A readiness caution the plan honoured: what it asked, and the clinician's recorded answer. */
export interface PlanCaution {
  findingId: FindingId;
  kind: "blocks" | "requires-confirmation";
  title: string;
  reason: string;
  /** What to do instead (blocks) or what to confirm. */
  ask: string;
  decision: { kind: "override" | "confirmed"; reason: string };
}

export interface TaperPlan {
  factorTableId: FactorTableId;
  startMmePerDay: number;
  targetMmePerDay: number;
  options: TaperOptions;
  /** Why these defaults (e.g. "opioids used >= 1 year: 10 % of the original dose per month"). */
  rationale: string;
  steps: TaperStep[];
  endDate: IsoDate;
  followUps: FollowUp[];
  /** What to monitor: withdrawal signs, pain, function, mood, suicidality... */
  monitoring: string[];
  warnings: PlanWarning[];
  /** Regimen items not tapered by this tool, with the reason (e.g. buprenorphine). */
  notTapered: { display: string; reason: string }[];
  /** Cautions that held the plan and the recorded overrides or confirmations that released it. */
  cautions: PlanCaution[];
  /** As-needed products: the actual use the plan starts from, and its source. */
  actualUse: { key: string; label: string; orderRefs: ResourceRef[]; use: ActualUse; orderedPerDay: number }[];
}

export interface PlanRefusal {
  code: string;
  message: string;
  /** The gates left open, when the refusal is a held plan (`taper.gated`): the screen offers the override. */
  gates?: PlanGate[];
}

export type PlanOutcome = { ok: true; plan: TaperPlan } | { ok: false; refusal: PlanRefusal };
