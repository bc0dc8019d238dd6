/**
 * The one place where FHIR Quantity units are read: against explicit UCUM codes and a short
 * list of known non-UCUM spellings (HL7 v3 orderableDrugForm codes such as `TAB`, EHR
 * spellings such as `tablet`, `mcg`, `ML`). Never a regex on free text: an unlisted spelling
 * is "unknown unit", and the order says so instead of guessing.
 *
 * FHIR pitfall: `Quantity.code` (machine) and `Quantity.unit` (display) may disagree; the CDC
 * CQL reads only `code`. Here both are read; when both are known and disagree, the unit is
 * unknown (never pick the convenient one).
 */
import type { ProductUnit } from "@/lib/domain";
import { at, num, str } from "@/lib/mme/read/json";

export type DoseUnit =
  | { kind: "mass"; mgPerUnit: number }
  | { kind: "volume"; mlPerUnit: number }
  | { kind: "count"; unit: ProductUnit }
  | { kind: "rate"; mcgPerHourPerUnit: number };

export type UnitReading = { kind: "known"; unit: DoseUnit } | { kind: "none" } | { kind: "unknown"; text: string };

const MG: DoseUnit = { kind: "mass", mgPerUnit: 1 };
const MCG: DoseUnit = { kind: "mass", mgPerUnit: 0.001 };
const GRAM: DoseUnit = { kind: "mass", mgPerUnit: 1000 };
const ML: DoseUnit = { kind: "volume", mlPerUnit: 1 };
const MCG_PER_HOUR: DoseUnit = { kind: "rate", mcgPerHourPerUnit: 1 };
const MG_PER_HOUR: DoseUnit = { kind: "rate", mcgPerHourPerUnit: 1000 };
const count = (unit: ProductUnit): DoseUnit => ({ kind: "count", unit });

/** Spellings, compared lower-cased and trimmed. UCUM first, then the known non-UCUM ones. */
const SPELLINGS: ReadonlyMap<string, DoseUnit> = new Map<string, DoseUnit>([
  ["mg", MG], ["milligram", MG], ["milligrams", MG],
  ["ug", MCG], ["mcg", MCG], ["µg", MCG], ["μg", MCG], ["microgram", MCG], ["micrograms", MCG],
  ["g", GRAM],
  ["ml", ML], ["milliliter", ML], ["milliliters", ML], ["millilitre", ML], ["millilitres", ML], ["cc", ML],
  ["ug/h", MCG_PER_HOUR], ["ug/hr", MCG_PER_HOUR], ["mcg/h", MCG_PER_HOUR], ["mcg/hr", MCG_PER_HOUR], ["µg/h", MCG_PER_HOUR],
  ["mg/h", MG_PER_HOUR], ["mg/hr", MG_PER_HOUR],
  ...spellings("tablet", ["tbl", "tab", "tabs", "tablet", "tablets", "tablet(s)", "tab(s)", "caplet", "caplets"]),
  ...spellings("capsule", ["cap", "caps", "capsule", "capsules", "capsule(s)", "cap(s)"]),
  ...spellings("patch", ["patch", "patches", "patch(es)"]),
  ...spellings("film", ["film", "films", "film(s)", "strip", "strips"]),
  ...spellings("spray", ["spray", "sprays", "spray(s)", "actuat", "actuation", "actuations", "actuation(s)", "puff", "puffs", "puff(s)"]),
  ...spellings("lozenge", ["lozenge", "lozenges", "lozenge(s)", "troche", "troches"]),
  ["1", count("unit")], ["{each}", count("unit")], ["each", count("unit")], ["ea", count("unit")],
]);

/** A countable unit spelled as a word ("tablet(s)") and as a UCUM annotation ("{tablet}"); the HL7 v3 codes (TAB, CAP) are the lower-cased words. */
function spellings(unit: ProductUnit, words: readonly string[]): [string, DoseUnit][] {
  return words.flatMap((w): [string, DoseUnit][] => [[w, count(unit)], [`{${w}}`, count(unit)]]);
}

const NONE: UnitReading = { kind: "none" };
/** Known readings built once per spelling (this runs for every dose). */
const KNOWN: ReadonlyMap<string, UnitReading> = new Map([...SPELLINGS].map(([k, unit]): [string, UnitReading] => [k, { kind: "known", unit }]));

function lookup(text: string | undefined): UnitReading {
  if (text === undefined) return NONE;
  const exact = KNOWN.get(text);
  if (exact !== undefined) return exact;
  const normalized = text.trim().toLowerCase();
  if (normalized === "") return NONE;
  return KNOWN.get(normalized) ?? { kind: "unknown", text };
}

function sameUnit(a: DoseUnit, b: DoseUnit): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Reads the unit of a dose Quantity from `code`, then `unit`.
 * - neither present: `none` (the caller decides: one product unit, flagged);
 * - one known: that unit; both known and equal: that unit;
 * - both known and different, or only unknown spellings: `unknown`.
 */
export function readQuantityUnit(q: { readonly unit?: string | undefined; readonly code?: string | undefined }): UnitReading {
  const fromCode = lookup(q.code);
  const fromUnit = lookup(q.unit);
  if (fromCode.kind === "known" && fromUnit.kind === "known") {
    return sameUnit(fromCode.unit, fromUnit.unit) ? fromCode : { kind: "unknown", text: `${q.code ?? ""} / ${q.unit ?? ""}` };
  }
  if (fromCode.kind === "known") return fromCode;
  if (fromUnit.kind === "known") return fromUnit;
  if (fromCode.kind === "unknown") return fromCode;
  return fromUnit;
}

/** Hours per UCUM unit of time (https://hl7.org/fhir/R4/valueset-units-of-time.html); a month is 30 days, a year 365. */
export const HOURS_PER_TIME_UNIT: Readonly<Record<"s" | "min" | "h" | "d" | "wk" | "mo" | "a", number>> = {
  s: 1 / 3600,
  min: 1 / 60,
  h: 1,
  d: 24,
  wk: 24 * 7,
  mo: 24 * 30,
  a: 24 * 365,
};

const DURATION_SPELLINGS: ReadonlyMap<string, number> = new Map<string, number>([
  ["s", 1 / 3600], ["min", 1 / 60],
  ["h", 1], ["hr", 1], ["hrs", 1], ["hour", 1], ["hours", 1], ["hour(s)", 1],
  ["d", 24], ["day", 24], ["days", 24], ["day(s)", 24],
  ["wk", 168], ["wks", 168], ["week", 168], ["weeks", 168], ["week(s)", 168],
  ["mo", 720], ["month", 720], ["months", 720],
  ["a", 8760], ["year", 8760], ["years", 8760],
]);

/** A Duration (e.g. expectedSupplyDuration, maxDosePerPeriod.denominator) in hours; null when unreadable or not positive. */
export function durationHours(duration: unknown): number | null {
  const value = num(at(duration, "value"));
  if (value === undefined || value <= 0) return null;
  const code = str(at(duration, "code"));
  const unit = str(at(duration, "unit"));
  const fromCode = code === undefined ? undefined : DURATION_SPELLINGS.get(code.trim().toLowerCase());
  const fromUnit = unit === undefined ? undefined : DURATION_SPELLINGS.get(unit.trim().toLowerCase());
  if (fromCode !== undefined && fromUnit !== undefined && fromCode !== fromUnit) return null;
  const perUnit = fromCode ?? fromUnit;
  return perUnit === undefined ? null : value * perUnit;
}
