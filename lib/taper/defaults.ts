/**
 * The guidance defaults for a new plan (the clinician changes them with the patient):
 * - opioids used for a year or more, or for an unknown time (the slower default is the safe
 *   one): 10 % of the original dose per month (CDC 2022 draft l.2422-2424, 2635-2637);
 * - weeks to months of use: the weekly protocol, 10 % of the original dose per week until
 *   about 30 % remains, then 10 % of the remaining dose per week (l.2638-2641).
 * Target: discontinuation, one opioid at a time, highest MME first; start on `asOf`; no
 * pauses. The goal itself (lower dose or stop) is the patient's and clinician's decision
 * (l.2408-2411); the order of products too (l.2564-2578).
 */
import type { IsoDate, ReadinessResult, TaperOptions } from "@/lib/domain";
import type { Regimen } from "./regimen";

/** Guideline rate: 10 % (of the original dose per month, or per week for short use). */
export const GUIDELINE_RATE_PERCENT = 10;

/** The guidance defaults (see the file header) for this patient's readiness; the regimen is not needed today but kept in the contract. */
export function defaultTaperOptions(readiness: Pick<ReadinessResult, "longTermUse">, _regimen: Regimen, asOf: IsoDate): TaperOptions {
  const shortUse = readiness.longTermUse === false;
  return {
    ratePercent: GUIDELINE_RATE_PERCENT,
    interval: shortUse ? { unit: "week", count: 1 } : { unit: "month", count: 1 },
    basis: shortUse ? "two-phase" : "original",
    target: { kind: "discontinue" },
    productOrder: null,
    startDate: asOf,
    pauses: [],
    rapidTaper: null,
  };
}

/** Why the defaults are what they are, for the screen and the CarePlan. */
export function defaultRationale(readiness: Pick<ReadinessResult, "longTermUse" | "earliestOpioidDate">): string {
  if (readiness.longTermUse === true) {
    return `Opioids used for a year or more (earliest order ${readiness.earliestOpioidDate ?? "unknown"}): 10 % of the original dose per month or slower (CDC 2022 draft l.2422-2424, 2635-2637).`;
  }
  if (readiness.longTermUse === false) {
    return `Opioids used for less than a year in this record (earliest order ${readiness.earliestOpioidDate ?? "unknown"}): the weekly protocol, 10 % of the original dose per week until about 30 % remains, then 10 % of the remaining dose per week (CDC 2022 draft l.2638-2641). Check the PDMP for earlier use elsewhere; if longer, use 10 % per month.`;
  }
  return "How long opioids have been used is unknown: the slower default, 10 % of the original dose per month (CDC 2022 draft l.2422-2424), is used.";
}
