/**
 * Guardrails on the options, checked before any step is built. A refusal is a value with a
 * stable code and a sentence, never an exception.
 * - faster than 10 % per week in effect, whatever the interval (25 % every 10 days = 17.5 %
 *   per week), or a single step above `maxStepPercent` ([U] "5-20 % every 4 weeks"), or a
 *   100 % step (abrupt discontinuation): refused unless the clinician marks the plan as a
 *   safety-driven rapid taper with a reason (CDC 2022 Rec 5; draft l.2650-2659);
 * - malformed options (rate, interval, dates, target, order, pauses) are refused with the field.
 */
import type { PlanRefusal, RegimenItem, TaperInterval, TaperOptions } from "@/lib/domain";
import type { TaperEngineConfig } from "../config";
import { isValidIsoDate } from "../dates";
import { fmt } from "../format";

const refuse = (code: string, message: string): PlanRefusal => ({ code, message });

/** Days in one interval, for rate comparisons (a month counts as `daysPerMonthForRate`). */
export function intervalDays(interval: TaperInterval, config: TaperEngineConfig): number {
  const per = interval.unit === "week" ? 7 : interval.unit === "day" ? 1 : config.daysPerMonthForRate;
  return per * interval.count;
}

/** The rate in % of the dose per week, in effect. */
export function percentPerWeek(options: Pick<TaperOptions, "ratePercent" | "interval">, config: TaperEngineConfig): number {
  return (options.ratePercent * 7) / intervalDays(options.interval, config);
}

/** The first refusal for these options, or null when they are acceptable. */
export function validateOptions(items: RegimenItem[], options: TaperOptions, config: TaperEngineConfig): PlanRefusal | null {
  const paused = options.pauses.reduce((sum, p) => sum + p.intervals, 0);
  if (paused > config.maxSteps) return refuse("taper.invalid-pause", `Pauses of ${paused} intervals in total are longer than a plan can be (${config.maxSteps} steps).`);
  return validateShape(items, options) ?? validateSpeed(options, config);
}

function validateShape(items: RegimenItem[], options: TaperOptions): PlanRefusal | null {
  const { ratePercent, interval, target } = options;
  if (!Number.isFinite(ratePercent) || ratePercent <= 0 || ratePercent > 100) {
    return refuse("taper.invalid-rate", `The rate must be a percentage above 0 and at most 100 (got ${String(ratePercent)}).`);
  }
  if (!Number.isInteger(interval.count) || interval.count < 1 || !["day", "week", "month"].includes(interval.unit)) {
    return refuse("taper.invalid-interval", "The interval must be a whole number (1 or more) of days, weeks or months.");
  }
  if (!isValidIsoDate(options.startDate)) return refuse("taper.invalid-start-date", `The start date must be a calendar date YYYY-MM-DD (got "${options.startDate}").`);
  const startMme = items.reduce((sum, i) => sum + i.mmePerDay, 0);
  if (target.kind === "mme" && (!Number.isFinite(target.mmePerDay) || target.mmePerDay < 0 || target.mmePerDay >= startMme)) {
    return refuse("taper.invalid-target", `The target (${String(target.mmePerDay)} MME/day) must be at least 0 and below the starting ${fmt(startMme)} MME/day.`);
  }
  if (options.productOrder !== null) {
    const keys = new Set(items.map((i) => i.key));
    const unknown = options.productOrder.filter((k) => !keys.has(k));
    if (unknown.length > 0 || new Set(options.productOrder).size !== options.productOrder.length) {
      return refuse("taper.invalid-product-order", `The product order names unknown or repeated products: ${unknown.join(", ") || "(repeated key)"}.`);
    }
  }
  const badPause = options.pauses.find((p) => !Number.isInteger(p.atStep) || p.atStep < 1 || !Number.isInteger(p.intervals) || p.intervals < 1);
  if (badPause !== undefined) return refuse("taper.invalid-pause", "A pause needs a reduction step number (1 or more) and a whole number of intervals (1 or more).");
  if (options.rapidTaper !== null && options.rapidTaper.reason.trim() === "") {
    return refuse("taper.rapid-needs-reason", "A safety-driven rapid taper needs a reason (for example an overdose on the current dose).");
  }
  if (options.methadoneFaster !== null && options.methadoneFaster.reason.trim() === "") {
    return refuse("taper.methadone-faster-needs-reason", "Methadone changes more often than every 2 weeks need the clinician's reason (it is carried into the plan and the CarePlan with a warning).");
  }
  if (options.erAtLowest !== "switch-to-ir" && options.erAtLowest !== "stop") {
    return refuse("taper.invalid-er-at-lowest", "At the lowest extended-release strength the plan either switches to immediate release or stops.");
  }
  return null;
}

function validateSpeed(options: TaperOptions, config: TaperEngineConfig): PlanRefusal | null {
  if (options.rapidTaper !== null) return null;
  const suffix = "Abrupt discontinuation and rapid reduction are not recommended unless there is a life-threatening issue (CDC 2022 Rec 5); mark the plan as a safety-driven rapid taper and give the reason if that is the case.";
  if (options.ratePercent >= 100) return refuse("taper.abrupt-discontinuation", `A 100 % step is an abrupt discontinuation. ${suffix}`);
  const perWeek = percentPerWeek(options, config);
  if (perWeek > config.maxPercentPerWeek + 1e-9) {
    return refuse(
      "taper.rate-too-fast",
      `${fmt(options.ratePercent)} % every ${describeInterval(options.interval)} is ${fmt(perWeek)} % per week in effect, faster than the fastest guideline rate of ${fmt(config.maxPercentPerWeek)} % per week (CDC 2022 draft l.2638-2641). ${suffix}`,
    );
  }
  if (options.ratePercent > config.maxStepPercent + 1e-9) {
    return refuse(
      "taper.step-too-large",
      `A single step of ${fmt(options.ratePercent)} % is larger than ${fmt(config.maxStepPercent)} % (the commonly quoted 5-20 % per step; unverified, configurable). Use smaller, more frequent steps. ${suffix}`,
    );
  }
  return null;
}

/** "week", "10 days", "2 months". */
export function describeInterval(interval: TaperInterval): string {
  const unit = interval.unit === "day" ? "day" : interval.unit;
  return interval.count === 1 ? unit : `${interval.count} ${unit}s`;
}
