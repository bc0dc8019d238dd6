/**
 * Taper plan (lib/taper/plan): a schedule a pharmacist could dispense.
 * Slow, individual, never abrupt. Sources: CDC 2022 Rec 5 supporting text
 * (draft l.2416-2649), HHS 2019 (clinical-sources.md section 1.5).
 */
import type { IsoDate, ResourceRef } from "./common";
import type { FactorTableId } from "./mme";
import type { OpioidProduct } from "./opioids";

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
}

/** One opioid product the patient takes now, as the taper starts from it. */
export interface RegimenItem {
  /** Stable key (the RxNorm code, or the order reference when there is none). */
  key: string;
  orderRefs: ResourceRef[];
  product: OpioidProduct;
  unitsPerAdministration: number;
  administrationsPerDay: number;
  /** Patches worn at once (transdermal only). */
  patchesWorn?: number;
  mmePerDay: number;
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

export interface StepProduct {
  key: string;
  rxnorm: string | null;
  display: string;
  /** Amount per administration: mg (oral), mcg/h (patch), mL (liquid). */
  dose: number;
  doseUnit: "mg" | "mcg/h" | "mL" | "mcg";
  components: DoseComponent[];
  /** May be below 1 once the interval is extended (every other day = 0.5). 0 = stopped. */
  administrationsPerDay: number;
  /** Plain schedule, e.g. "oxycodone 10 mg every 8 hours". */
  scheduleText: string;
  mmePerDay: number;
  /** What to dispense to cover this step's interval. */
  dispense: DispenseLine[];
}

export type TaperStepKind = "start" | "reduce" | "hold" | "pause" | "extend-interval" | "stop";

export interface TaperStep {
  /** 0 = the starting regimen. */
  index: number;
  start: IsoDate;
  /** Exclusive end date (the next step's start). */
  end: IsoDate;
  kind: TaperStepKind;
  products: StepProduct[];
  totalMmePerDay: number;
  /** Percent of the starting total MME/day. */
  percentOfStart: number;
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
}

export interface PlanRefusal {
  code: string;
  message: string;
}

export type PlanOutcome = { ok: true; plan: TaperPlan } | { ok: false; refusal: PlanRefusal };
