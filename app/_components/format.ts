/**
 * Display formatting for the clinician's screens: dates, plurals and schedule phrases. Numbers are
 * rounded by lib/domain/numbers (the one rounding rule the CarePlan, the handout and the commands use too).
 */
import { formatDecimal, formatMmePerDay } from "@/lib/domain/numbers";

/** MME/day to one decimal, without trailing ".0" for whole numbers. */
export const fmtMme = formatMmePerDay;

/** A number for doses: up to 2 decimals, no trailing zeros. */
export function fmtNumber(value: number): string {
  return formatDecimal(value, 2);
}

const DATE = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });

/** `2026-03-04` or a dateTime -> "Mar 4, 2026"; unparseable input is shown as given. */
export function fmtDate(value: string | null | undefined): string {
  if (!value) return "unknown date";
  const d = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(d.getTime()) ? value : DATE.format(d);
}

/** "1 order", "2 orders". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Administrations per day as a schedule phrase: 3 -> "every 8 hours", 0.5 -> "every other day". */
export function frequencyPhrase(perDay: number): string {
  if (perDay <= 0) return "stopped";
  if (perDay === 1) return "once a day";
  if (perDay === 0.5) return "every other day";
  if (perDay < 1) return `every ${fmtNumber(1 / perDay)} days`;
  const hours = 24 / perDay;
  if (Number.isInteger(hours)) return `every ${hours} hours`;
  return `${fmtNumber(perDay)} times a day`;
}

/** Units of measure that never take a plural ("5 mL", "10 mg"). */
const INVARIANT_UNITS = new Set(["mL", "ml", "mg", "mcg", "g", "L", "MME/day", "mg/day", "mcg/hr", "mcg/h"]);

/** The plural of a dose unit: "patch" -> "patches", "tablet" -> "tablets", "capsule" -> "capsules"; "mL" stays. */
export function pluralUnit(unit: string): string {
  if (INVARIANT_UNITS.has(unit) || unit.endsWith("s") && !unit.endsWith("ss")) return unit;
  if (/(ch|sh|x|ss|z)$/.test(unit)) return `${unit}es`;
  if (/[^aeiou]y$/.test(unit)) return `${unit.slice(0, -1)}ies`;
  return `${unit}s`;
}

/** "60 tablets", "1 patch", "11 patches", "1.5 tablets", "5 mL". */
export function fmtQuantity(quantity: number, unit: string): string {
  return `${fmtNumber(quantity)} ${quantity === 1 ? unit : pluralUnit(unit)}`;
}

/**
 * Engine sentences as a clinician reads them: a line reference into the CDC 2022 draft
 * ("CDC 2022 draft l.2422-2424") becomes the short reference "CDC 2022", "Rec 5" becomes
 * "Recommendation 5", and the team's "[U: ...]" verification marks are dropped. The full
 * citation stays behind the "Sources" disclosure (`CitationList`). One home: every screen that
 * shows engine text passes it through here.
 */
export function plainText(text: string): string {
  return text
    .replace(/\s*\[U:[^\]]*\]/g, "")
    .replace(/CDC 2022 draft,?\s*l\.\s?[\d\s,\-–]*\d/g, "CDC 2022")
    .replace(/\bCDC 2022 Rec (\d+)/g, "CDC 2022, Recommendation $1")
    .replace(/\bl\.\s?\d{3,5}(?:\s?[-–]\s?\d{3,5})?(?:,\s?\d{3,5}(?:\s?[-–]\s?\d{3,5})?)*/g, "")
    .replace(/\(\s*\)/g, "")
    .replace(/\s+([.,;)])/g, "$1");
}

/** A short human reference for a citation: "CDC 2022, Recommendation 5", "HHS 2019", "CDC 2022". */
export function citationShort(c: { source: string; section: string }): string {
  const source = plainText(c.source).replace(/ draft$/, "").trim();
  const rec = /^Recommendation \d+/.exec(c.section);
  return rec ? `${source}, ${rec[0]}` : source;
}
