/**
 * The guidance defaults for a new plan (the clinician changes them with the patient):
 * - opioids used for a year or more, or for a time the record cannot tell (unknown is never
 *   read as short: a new EHR, a transfer or a short lookback hide earlier use): 10 % of the
 *   original dose per month (CDC 2022 draft l.2422-2424, 2635-2637);
 * - weeks to months of use, only when the clinician says so (or the record documents it):
 *   the weekly protocol, 10 % of the original dose per week until about 30 % remains, then 10 %
 *   of the remaining dose per week (l.2638-2641).
 * Target: discontinuation, one opioid at a time, highest MME first; start on `asOf`; no
 * pauses; ER products switch to immediate release at their lowest strength; methadone at most
 * every 2 weeks. The goal itself (lower dose or stop) is the patient's and clinician's decision
 * (l.2408-2411); the order of products too (l.2564-2578).
 */
import type { ActualUse, DurationChoice, DurationOfUse, IsoDate, ReadinessResult, ResourceRef, TaperOptions } from "@/lib/domain";
import type { Regimen } from "./regimen";

/** Guideline rate: 10 % (of the original dose per month, or per week for short use). */
export const GUIDELINE_RATE_PERCENT = 10;

/**
 * What the record says about the duration of use. A year or more of orders is long-term use;
 * anything else is unknown: an earliest order under a year old may only mean the record is short.
 */
export function durationFromRecord(readiness: Pick<ReadinessResult, "longTermUse">): DurationOfUse {
  return readiness.longTermUse === true ? "one-year-or-more" : "unknown";
}

/** The protocol options for a duration of use (unknown: the slower one). */
export function protocolFor(duration: DurationOfUse): Pick<TaperOptions, "ratePercent" | "interval" | "basis"> {
  return duration === "less-than-a-year"
    ? { ratePercent: GUIDELINE_RATE_PERCENT, interval: { unit: "week", count: 1 }, basis: "two-phase" }
    : { ratePercent: GUIDELINE_RATE_PERCENT, interval: { unit: "month", count: 1 }, basis: "original" };
}

/** The guidance defaults (see the file header); as-needed orders are prefilled from their prescribed supply. */
export function defaultTaperOptions(readiness: Pick<ReadinessResult, "longTermUse">, regimen: Regimen, asOf: IsoDate): TaperOptions {
  const duration: DurationChoice = { value: durationFromRecord(readiness), source: "record" };
  return {
    ...protocolFor(duration.value),
    target: { kind: "discontinue" },
    productOrder: null,
    startDate: asOf,
    pauses: [],
    rapidTaper: null,
    duration,
    actualUse: prefilledUse(regimen),
    erAtLowest: "switch-to-ir",
    methadoneFaster: null,
    gateDecisions: [],
  };
}

function prefilledUse(regimen: Regimen): Record<ResourceRef, ActualUse> {
  const out: Record<ResourceRef, ActualUse> = {};
  for (const item of regimen.items) {
    const ref = item.orderRefs[0];
    if (item.asNeeded && item.prescribedSupply !== undefined && ref !== undefined) out[ref] = item.prescribedSupply;
  }
  return out;
}

/** Why the defaults are what they are, for the screen and the CarePlan. */
export function defaultRationale(readiness: Pick<ReadinessResult, "longTermUse" | "earliestOpioidDate">): string {
  if (readiness.longTermUse === true) {
    return `Opioids used for a year or more (earliest order ${readiness.earliestOpioidDate ?? "unknown"}): 10 % of the original dose per month or slower (CDC 2022 draft l.2422-2424, 2635-2637).`;
  }
  return durationQuestion(readiness);
}

/** The sentence the duration question asks with, when the record cannot tell. */
export function durationQuestion(readiness: Pick<ReadinessResult, "earliestOpioidDate">): string {
  const earliest = readiness.earliestOpioidDate === null ? "no earlier opioid order in this record" : `the earliest opioid order in this record is from ${readiness.earliestOpioidDate}`;
  return `How long opioids have been used cannot be told from the record (${earliest}; the record may not reach back a year: a new EHR, a transfer, a short lookback). The slower protocol, 10 % of the original dose per month, is preselected (CDC 2022 draft l.2422-2424); choose the weekly protocol only if the patient has taken opioids for weeks to months (l.2638-2641; check the PDMP for use elsewhere).`;
}
