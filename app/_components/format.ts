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

/** "60 tablets", "1 patch". */
export function fmtQuantity(quantity: number, unit: string): string {
  const plural = quantity === 1 || unit === "mL" ? unit : unit.endsWith("s") ? unit : `${unit}s`;
  return `${fmtNumber(quantity)} ${plural}`;
}
