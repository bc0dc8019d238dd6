/**
 * PRN maxima: `maxDosePerAdministration` and `maxDosePerPeriod` (and, when the sig text gave
 * the dose or the frequency, the caps written in it) lower the computed maximum of an
 * as-needed order, only when lower, and say so. A cap that cannot be read is not applied
 * (that can only keep the MME higher) and is reported.
 *
 * A cap over a period longer than a day ("12 tablets per 3 days") could all be taken in one
 * day, so it caps the day at the full amount: daily cap = amount x max(1, 24 h / period).
 */
import type { OpioidProduct } from "@/lib/domain";
import type { Dosage, Quantity } from "fhir/r4";
import type { ParsedSig, SigCap } from "@/lib/mme/sig";
import { assume, newNotes, num, type Notes } from "@/lib/mme/notes";
import { durationHours } from "@/lib/mme/units";
import { readDoseQuantity } from "@/lib/mme/dose/quantity";
import { quantityFromSigUnit } from "@/lib/mme/dose/sig";

const HOURS_PER_DAY = 24;

export interface Schedule {
  unitsPerAdministration: number;
  massMgPerAdministration: number | null;
  administrationsPerDay: number;
}

function capUnits(product: OpioidProduct, q: Quantity, what: string, notes: Notes): number | null {
  const read = readDoseQuantity(product, q, newNotes(), what);
  if (read.ok) return read.value.units;
  notes.discrepancies.push(`The ${what} could not be read (${read.message}) and was not applied.`);
  return null;
}

function dayFactor(periodHours: number): number {
  return Math.max(1, HOURS_PER_DAY / periodHours);
}

function lowerPerAdministration(s: Schedule, capUnitsPerAdministration: number | null, notes: Notes): Schedule {
  if (capUnitsPerAdministration === null || capUnitsPerAdministration >= s.unitsPerAdministration) return s;
  assume(notes, "mme.cap.per-administration", `As needed, capped at ${num(capUnitsPerAdministration)} per administration (lower than the ${num(s.unitsPerAdministration)} ordered).`);
  return { ...s, unitsPerAdministration: capUnitsPerAdministration, massMgPerAdministration: null };
}

function lowerPerDay(s: Schedule, capUnitsPerDay: number | null, source: string, notes: Notes): Schedule {
  const unitsPerDay = s.unitsPerAdministration * s.administrationsPerDay;
  if (capUnitsPerDay === null || capUnitsPerDay >= unitsPerDay) return s;
  assume(notes, "mme.cap.per-period", `As needed, capped by ${source} at ${num(capUnitsPerDay)} a day (lower than ${num(unitsPerDay)} from the dose and frequency).`);
  return { ...s, administrationsPerDay: capUnitsPerDay / s.unitsPerAdministration, massMgPerAdministration: s.massMgPerAdministration };
}

function structuredDailyCap(product: OpioidProduct, dosage: Dosage, notes: Notes): number | null {
  const ratio = dosage.maxDosePerPeriod;
  if (ratio?.numerator === undefined) return null;
  const hours = durationHours(ratio.denominator);
  const units = capUnits(product, ratio.numerator, "maximum dose per period", notes);
  if (hours === null) {
    if (units !== null) notes.discrepancies.push("The maximum dose per period has no readable period and was not applied.");
    return null;
  }
  return units === null ? null : units * dayFactor(hours);
}

function sigDailyCap(product: OpioidProduct, cap: SigCap, s: Schedule, notes: Notes): number | null {
  if (!(cap.periodHours > 0) || !(cap.amount > 0)) return null;
  if (cap.unit === "administration") return cap.amount * dayFactor(cap.periodHours) * s.unitsPerAdministration;
  const units = capUnits(product, quantityFromSigUnit(cap.amount, cap.unit), "maximum in the sig text", notes);
  return units === null ? null : units * dayFactor(cap.periodHours);
}

/** Applies the caps of an as-needed dosage to its schedule. */
export function applyPrnCaps(product: OpioidProduct, dosage: Dosage, s: Schedule, sig: ParsedSig | null, notes: Notes): Schedule {
  const perAdministration = dosage.maxDosePerAdministration;
  let capped = perAdministration === undefined ? s : lowerPerAdministration(s, capUnits(product, perAdministration, "maximum dose per administration", notes), notes);
  capped = lowerPerDay(capped, structuredDailyCap(product, dosage, notes), "the maximum dose per period", notes);
  for (const cap of sig?.caps ?? []) capped = lowerPerDay(capped, sigDailyCap(product, cap, capped, notes), `the sig text ("${sig?.text ?? ""}")`, notes);
  return capped;
}
