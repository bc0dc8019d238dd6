/**
 * Stated maxima (max-per-period caps), structured or written: `maxDosePerAdministration`,
 * `maxDosePerPeriod`, and the caps of the sig text ("max 6/day", "MDD 5", "Max Daily Amount:
 * 30 mg", "not to exceed 3 tablets per day"). A cap without a unit is in the dose's unit.
 * - As needed: the most the order allows is the schedule lowered to its caps (only when lower,
 *   and said so): the CDC MME IG counts PRN orders at their maximum.
 * - Scheduled: a cap lower than the schedule contradicts it: the order needs review.
 * A cap that cannot be read is not applied (that can only keep the MME higher) and is reported.
 * A cap over a period longer than a day ("12 tablets per 3 days") could all be taken in one day:
 * daily cap = amount x max(1, 24 h / period).
 */
import type { OpioidProduct } from "@/lib/domain";
import type { ParsedSig } from "@/lib/mme/sig";
import { unitsWords, type Unreadable } from "@/lib/mme/agreement";
import { assume, fail, newNotes, num, ok, type Notes, type Step } from "@/lib/mme/notes";
import { at, quantity } from "@/lib/mme/read/json";
import { durationHours } from "@/lib/mme/units";
import { readDoseQuantity, type DoseQuantity } from "@/lib/mme/dose/quantity";
import { quantityFromSigUnit } from "@/lib/mme/dose/sig";

const HOURS_PER_DAY = 24;

export interface Schedule {
  unitsPerAdministration: number;
  massMgPerAdministration: number | null;
  administrationsPerDay: number;
}

/** A cap, in product units: per administration or per day. */
export interface Cap {
  where: string;
  kind: "per-administration" | "per-day";
  /** Product units, or administrations for an "N doses a day" cap. */
  units: number;
  administrations: boolean;
}

function dayFactor(periodHours: number): number {
  return Math.max(1, HOURS_PER_DAY / periodHours);
}

function capUnits(product: OpioidProduct, q: DoseQuantity, where: string, unreadable: Unreadable[]): number | null {
  const read = readDoseQuantity(product, q, newNotes(), "maximum");
  if (read.ok) return read.value.units;
  unreadable.push({ where, reason: read.reason, message: `${read.message} (not applied)`, blocking: false });
  return null;
}

/** Every cap the dosage states, read in product units; unreadable ones are listed, never applied. */
export function readCaps(product: OpioidProduct, dosage: unknown, sigs: ReadonlyArray<{ where: string; sig: ParsedSig }>): { caps: Cap[]; unreadable: Unreadable[] } {
  const caps: Cap[] = [];
  const unreadable: Unreadable[] = [];
  const perAdministration = quantity(at(dosage, "maxDosePerAdministration"));
  if (perAdministration !== null) {
    const units = capUnits(product, perAdministration, "maxDosePerAdministration", unreadable);
    if (units !== null) caps.push({ where: "maxDosePerAdministration", kind: "per-administration", units, administrations: false });
  }
  const ratio = at(dosage, "maxDosePerPeriod");
  const numerator = quantity(at(ratio, "numerator"));
  if (numerator !== null) {
    const hours = durationHours(at(ratio, "denominator"));
    const units = capUnits(product, numerator, "maxDosePerPeriod", unreadable);
    if (hours === null) unreadable.push({ where: "maxDosePerPeriod", reason: "mme.missing-frequency", message: "no readable period (not applied)", blocking: false });
    else if (units !== null) caps.push({ where: "maxDosePerPeriod", kind: "per-day", units: units * dayFactor(hours), administrations: false });
  }
  for (const { where, sig } of sigs) {
    for (const cap of sig.caps) {
      if (!(cap.periodHours > 0) || !(cap.amount > 0)) continue;
      const label = `${where} maximum`;
      if (cap.unit === "administration") {
        caps.push({ where: label, kind: "per-day", units: cap.amount * dayFactor(cap.periodHours), administrations: true });
        continue;
      }
      const unit = cap.unit === "dose-unit" ? (sig.dose?.unit ?? null) : cap.unit;
      if (unit === null && product.unit === "mL") {
        unreadable.push({ where: label, reason: "mme.unknown-dose-unit", message: `a maximum of ${num(cap.amount)} without a unit, for a liquid (not applied)`, blocking: false });
        continue;
      }
      const units = capUnits(product, quantityFromSigUnit(cap.amount, unit), label, unreadable);
      if (units !== null) caps.push({ where: label, kind: "per-day", units: units * dayFactor(cap.periodHours), administrations: false });
    }
  }
  return { caps, unreadable };
}

function capPerDay(cap: Cap, s: Schedule): number {
  return cap.administrations ? cap.units * s.unitsPerAdministration : cap.units;
}

/**
 * Applies the caps: as needed, lowers the schedule to the tightest cap (said so); scheduled, a cap
 * below the schedule is a contradiction (`mme.conflicting-frequency`).
 */
export function applyCaps(product: OpioidProduct, s: Schedule, caps: readonly Cap[], asNeeded: boolean, notes: Notes): Step<Schedule> {
  let out = s;
  for (const cap of caps) {
    if (cap.kind === "per-administration") {
      if (cap.units >= out.unitsPerAdministration * (1 - 1e-9)) continue;
      if (!asNeeded) return fail("mme.conflicting-frequency", `The order gives ${unitsWords(out.unitsPerAdministration, product.unit)} a dose but its ${cap.where} is ${unitsWords(cap.units, product.unit)}.`);
      assume(notes, "mme.cap.per-administration", `As needed, capped by ${cap.where} at ${num(cap.units)} per administration (lower than the ${num(out.unitsPerAdministration)} ordered).`);
      out = { ...out, unitsPerAdministration: cap.units, massMgPerAdministration: null };
      continue;
    }
    const perDay = out.unitsPerAdministration * out.administrationsPerDay;
    const limit = capPerDay(cap, out);
    if (limit >= perDay * (1 - 1e-9)) continue;
    if (!asNeeded) return fail("mme.conflicting-frequency", `The order allows ${unitsWords(perDay, product.unit)} a day but its ${cap.where} is ${unitsWords(limit, product.unit)} a day.`);
    assume(notes, "mme.cap.per-period", `As needed, capped by ${cap.where} at ${num(limit)} a day (lower than ${num(perDay)} from the dose and frequency).`);
    out = { ...out, administrationsPerDay: limit / out.unitsPerAdministration };
  }
  return ok(out);
}
