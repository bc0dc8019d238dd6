/**
 * Formatting shared by the narrative, the plain text, the activities and the notes.
 * Numbers are stored unrounded by the engines and rounded for display by lib/domain/numbers.
 */
import type { IsoDate, TaperBasis, TaperInterval, TaperPlan, TaperStepKind } from "@/lib/domain";
import { fromDayNumber, isValidIsoDate, toDayNumber } from "@/lib/domain/dates";
import { formatDecimal, formatMmePerDay } from "@/lib/domain/numbers";


/** `45`, `22.5`, `180` (179.99999982 from the CDC patch factor); "unknown" for a non-finite value. */
export function formatNumber(value: number, decimals = 1): string {
  return formatDecimal(value, decimals);
}

/** "60 MME/day". */
export function formatMme(mmePerDay: number): string {
  return `${formatMmePerDay(mmePerDay)} MME/day`;
}

/**
 * The last day of a step: the engines' `end` is exclusive (the next step's start), while a
 * FHIR Period's end is inclusive (https://hl7.org/fhir/R4/datatypes.html#Period).
 * A step that ends on or before its start day lasts its start day only. Null when a date
 * is not `YYYY-MM-DD` (then no end is written rather than a wrong one).
 */
export function inclusiveEnd(start: IsoDate, endExclusive: IsoDate): IsoDate | null {
  if (!isValidIsoDate(start) || !isValidIsoDate(endExclusive)) return null;
  const startDay = toDayNumber(start);
  const endDay = toDayNumber(endExclusive);
  if (startDay === null || endDay === null) return null;
  return fromDayNumber(Math.max(startDay, endDay - 1));
}

/** "every week", "every 2 weeks", "every 10 days". */
export function intervalPhrase(interval: TaperInterval): string {
  const unit = interval.count === 1 ? interval.unit : `${interval.unit}s`;
  return interval.count === 1 ? `every ${unit}` : `every ${formatNumber(interval.count)} ${unit}`;
}

const BASIS_PHRASES: Record<TaperBasis, string> = {
  original: "of the starting dose per step (the same amount removed each step)",
  current: "of the current dose per step (each step smaller than the last)",
  "two-phase": "of the starting dose per step until about 30 % remains, then of the remaining dose (CDC 2022)",
};

/** "10 % of the starting dose per step (...), every month". */
export function ratePhrase(plan: TaperPlan): string {
  const { ratePercent, basis, interval } = plan.options;
  return `${formatNumber(ratePercent)} % ${BASIS_PHRASES[basis]}, ${intervalPhrase(interval)}`;
}

/** "to 60 MME/day" or "to discontinuation". */
export function targetPhrase(plan: TaperPlan): string {
  return plan.options.target.kind === "discontinue" ? "to discontinuation" : `to ${formatMme(plan.targetMmePerDay)}`;
}

export const STEP_KIND_LABELS: Record<TaperStepKind, string> = {
  start: "Starting dose",
  reduce: "Reduce",
  pause: "Pause",
  hold: "Hold",
  "extend-interval": "Fewer doses a day",
  switch: "Switch to immediate release",
  stop: "Stop",
};

/** Steps that change or hold the dose, i.e. every step but the starting regimen. */
export function changeStepCount(plan: TaperPlan): number {
  return plan.steps.filter((s) => s.kind !== "start").length;
}
