/**
 * The rate as a bound on each step: the MME/day one step may remove.
 * The guidelines state rates, not schedules, and "10 % per month" has two readings
 * (docs/clinical-sources.md 1.5; tests/fixtures/cdc-ig-tests/derived/taper-arithmetic-vectors.json, tests/taper/vectors.test.ts):
 * - `original`: r x the starting dose each interval (a straight line, about 1/r intervals to stop);
 * - `current`: r x the current dose each interval (compounded: each step smaller than the last);
 * - `two-phase`: the weekly protocol for weeks to months of use (CDC 2022 draft l.2638-2641):
 *   r x the starting dose until about `switchFraction` (30 %) remains, then r x the current dose.
 * The bound is per step and never banked: after a hold or a pause the taper resumes at the same
 * rate, it never catches up. A step larger than one interval allows is taken only when no real
 * dose lies in between, and only after the dose before it has been kept `intervalsNeeded`
 * intervals, so that the step is within what the rate removes over that time (schedule.ts).
 */
import type { TaperBasis } from "@/lib/domain";

export interface RateBasis {
  basis: TaperBasis;
  ratePercent: number;
  startMme: number;
  switchFraction: number;
}

const inSecondPhase = (rate: RateBasis, currentMme: number): boolean =>
  rate.basis === "current" || (rate.basis === "two-phase" && currentMme <= rate.startMme * rate.switchFraction * (1 + 1e-9));

/** MME/day the rate allows one step to remove in one interval, from a total of `currentMme`. */
export function stepAllowance(rate: RateBasis, currentMme: number): number {
  const r = rate.ratePercent / 100;
  return inSecondPhase(rate, currentMme) ? r * currentMme : r * rate.startMme;
}

/**
 * The most the rate removes over `intervals` intervals from `currentMme`: r x S per interval on a
 * straight line; compounded, C x (1 - (1 - r)^m), on a rate of the current dose.
 */
export function removalBound(rate: RateBasis, currentMme: number, intervals: number): number {
  const r = rate.ratePercent / 100;
  return inSecondPhase(rate, currentMme) ? currentMme * (1 - (1 - r) ** intervals) : intervals * r * rate.startMme;
}

/**
 * The bound of the step that stops a product (from its smallest dose, once a day). On a straight
 * line it is the usual bound. A rate of the current dose never reaches zero on its own; the
 * guideline stops a product once it is taken less often than once a day (CDC 2022 draft
 * l.2431-2435, 2647-2649), one halving below once a day, so the stop is bounded like that halving:
 * the rate applied to twice the current total, per interval.
 */
export function stopBound(rate: RateBasis, currentMme: number, intervals: number): number {
  const r = rate.ratePercent / 100;
  return inSecondPhase(rate, currentMme) ? intervals * r * Math.min(rate.startMme, 2 * currentMme) : intervals * r * rate.startMme;
}

/** The fewest intervals (at least 1) over which the rate allows removing `removedMme` (a stop uses `stopBound`). */
export function intervalsNeeded(rate: RateBasis, currentMme: number, removedMme: number, stop: boolean): number {
  const bound = stop ? stopBound : removalBound;
  for (let m = 1; m <= 10_000; m++) if (bound(rate, currentMme, m) >= removedMme * (1 - 1e-9)) return m;
  return Number.POSITIVE_INFINITY;
}
