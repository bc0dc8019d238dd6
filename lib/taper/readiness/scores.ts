/**
 * Scores read from Observations: each reading has its value, day and resource reference.
 * A score may be the Observation's own value or one of its components (panels). PEG may
 * come as the mean score (91147-9), as the panel's value, or as its three items (the mean
 * is then computed, and the evidence says so).
 */
import type { Observation } from "fhir/r4";
import type { Evidence, IsoDate } from "@/lib/domain";
import { LOINC_SYSTEM, PEG_ITEMS, PEG_MEAN, PEG_PANEL } from "../codes/loinc";
import { fmt } from "../format";
import { hasCode, isUsableObservation, numericValue, observationDay } from "./fhir";

export interface Reading {
  value: number;
  day: IsoDate;
  reference: string;
  label: string;
  note?: string;
}

const refOf = (obs: Observation): string => `Observation/${obs.id ?? "(no id)"}`;

/** Readings of any of `codes` (the Observation itself or a component), on or before `asOf`, oldest first. */
export function readings(observations: readonly Observation[], codes: readonly string[], label: string, asOf: IsoDate): Reading[] {
  const out: Reading[] = [];
  for (const obs of observations) {
    const day = observationDay(obs);
    if (!isUsableObservation(obs) || day === null || day > asOf) continue;
    if (hasCode(obs.code, LOINC_SYSTEM, codes)) {
      const value = numericValue(obs);
      if (value !== null) out.push({ value, day, reference: refOf(obs), label });
      continue;
    }
    const component = (obs.component ?? []).find((c) => hasCode(c.code, LOINC_SYSTEM, codes) && numericValue(c) !== null);
    const value = component === undefined ? null : numericValue(component);
    if (value !== null) out.push({ value, day, reference: refOf(obs), label, note: "component of a panel" });
  }
  return out.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

/** PEG scores: the mean (91147-9, alone or in the panel), the panel's own value, or the mean of its three items. */
export function pegReadings(observations: readonly Observation[], asOf: IsoDate): Reading[] {
  const direct = readings(observations, [PEG_MEAN], "PEG mean score", asOf);
  const seen = new Set(direct.map((r) => r.reference));
  const fromPanels: Reading[] = [];
  for (const obs of observations) {
    const day = observationDay(obs);
    if (seen.has(refOf(obs)) || !isUsableObservation(obs) || day === null || day > asOf || !hasCode(obs.code, LOINC_SYSTEM, [PEG_PANEL])) continue;
    const own = numericValue(obs);
    const items = PEG_ITEMS.map((code) => (obs.component ?? []).find((c) => hasCode(c.code, LOINC_SYSTEM, [code]))).map((c) => (c === undefined ? null : numericValue(c)));
    const complete = items.filter((v): v is number => v !== null);
    if (own !== null) fromPanels.push({ value: own, day, reference: refOf(obs), label: "PEG score (panel value)" });
    else if (complete.length === PEG_ITEMS.length) {
      const mean = complete.reduce((s, v) => s + v, 0) / complete.length;
      fromPanels.push({ value: mean, day, reference: refOf(obs), label: "PEG score", note: `mean of the 3 items (${complete.map((v) => fmt(v)).join(", ")}) computed here` });
    }
  }
  return [...direct, ...fromPanels].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

/** Evidence for a score reading (value to 2 decimals, day, reference). */
export function readingEvidence(r: Reading, prefix?: string): Evidence {
  return { reference: r.reference, label: prefix === undefined ? r.label : `${prefix}: ${r.label}`, value: r.note === undefined ? fmt(r.value, 2) : `${fmt(r.value, 2)} (${r.note})`, date: r.day };
}
