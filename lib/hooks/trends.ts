/**
 * Observation series for the Trends screen (pain 0-10, PEG mean, PHQ-9, GAD-7), read with the
 * same helpers the readiness rules use, so the chart and the findings never disagree.
 * PEG: the mean score (91147-9) when present, else the panel's value, else the mean of its
 * three items when all are present.
 */
import type { Observation } from "fhir/r4";
import { GAD7_TOTAL, LOINC_SYSTEM, PAIN_0_10, PEG_ITEMS, PEG_MEAN, PEG_PANEL, PHQ9_TOTAL } from "@/lib/taper/codes/loinc";
import { hasCode, isUsableObservation, numericValue, observationDay } from "@/lib/taper/readiness/fhir";

export interface SeriesPoint {
  date: string;
  value: number;
}

export interface ObservationSeries {
  pain: SeriesPoint[];
  peg: SeriesPoint[];
  phq9: SeriesPoint[];
  gad7: SeriesPoint[];
}

function points(observations: readonly Observation[], codes: readonly string[], from: string): SeriesPoint[] {
  const out: SeriesPoint[] = [];
  for (const o of observations) {
    if (!isUsableObservation(o) || !hasCode(o.code, LOINC_SYSTEM, codes)) continue;
    const date = observationDay(o);
    const value = numericValue(o);
    if (date !== null && date >= from && value !== null) out.push({ date, value });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

function pegPoints(observations: readonly Observation[], from: string): SeriesPoint[] {
  const direct = points(observations, [PEG_MEAN, PEG_PANEL], from);
  if (direct.length > 0) return direct;
  const out: SeriesPoint[] = [];
  for (const o of observations) {
    if (!isUsableObservation(o) || !hasCode(o.code, LOINC_SYSTEM, [PEG_PANEL])) continue;
    const items = (o.component ?? []).filter((c) => hasCode(c.code, LOINC_SYSTEM, PEG_ITEMS)).map(numericValue);
    const date = observationDay(o);
    if (date !== null && date >= from && items.length === PEG_ITEMS.length && items.every((v): v is number => v !== null)) {
      out.push({ date, value: items.reduce((a, b) => a + b, 0) / items.length });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

export function observationSeries(observations: readonly Observation[], from: string): ObservationSeries {
  return {
    pain: points(observations, PAIN_0_10, from),
    peg: pegPoints(observations, from),
    phq9: points(observations, PHQ9_TOTAL, from),
    gad7: points(observations, GAD7_TOTAL, from),
  };
}
