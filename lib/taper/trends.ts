/**
 * What the Trends and Summary screens chart and list from Observations: pain 0-10, PEG, PHQ-9 and GAD-7
 * over time. Read with the readiness rules' own readers
 * (readiness/scores.ts `readings`, `pegReadings`; readiness/fhir.ts), so the chart and the findings never
 * disagree (issue 14.5: this logic used to live in lib/hooks).
 */
import type { Observation } from "fhir/r4";
import type { IsoDate } from "@/lib/domain";
import { GAD7_TOTAL, PAIN_0_10, PHQ9_TOTAL } from "./codes/loinc";
import { pegReadings, readings, type Reading } from "./readiness/scores";

export interface SeriesPoint {
  date: IsoDate;
  value: number;
}

export interface ObservationSeries {
  pain: SeriesPoint[];
  peg: SeriesPoint[];
  phq9: SeriesPoint[];
  gad7: SeriesPoint[];
}

function inWindow(rs: readonly Reading[], from: IsoDate): SeriesPoint[] {
  return rs.filter((r) => r.day >= from).map((r) => ({ date: r.day, value: r.value }));
}

/**
 * Scores from `from` to `to` (inclusive), oldest first, read exactly as the readiness rules read them:
 * final/amended/corrected results, the Observation's value or a panel component's; PEG as the mean score,
 * the panel's value, or the mean of its three items.
 */
export function observationSeries(observations: readonly Observation[], from: IsoDate, to: IsoDate): ObservationSeries {
  return {
    pain: inWindow(readings(observations, PAIN_0_10, "Pain", to), from),
    peg: inWindow(pegReadings(observations, to), from),
    phq9: inWindow(readings(observations, PHQ9_TOTAL, "PHQ-9", to), from),
    gad7: inWindow(readings(observations, GAD7_TOTAL, "GAD-7", to), from),
  };
}
