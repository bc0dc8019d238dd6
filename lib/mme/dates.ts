/**
 * Calendar-day arithmetic on FHIR date/dateTime strings, without a clock (the caller passes
 * `asOf`). Only the date part is used: a few hours of time zone never move an order across
 * a 90-day lookback in a way that matters, and reading the date part avoids parsing pitfalls.
 */

const DATE_PART = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;
const MS_PER_DAY = 86_400_000;

/**
 * Days since 1970-01-01 of a FHIR date or dateTime. A partial date ("2024", "2024-05")
 * resolves to its first or last day, as the caller asks (the reading that errs towards
 * counting an order). Null when the text is not a date.
 */
export function dayNumber(value: string | undefined, end: "first" | "last" = "first"): number | null {
  if (value === undefined) return null;
  const m = DATE_PART.exec(value);
  if (m === null) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? null : Number(m[2]);
  const day = m[3] === undefined ? null : Number(m[3]);
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null && (day < 1 || day > 31)) return null;
  const ms =
    month === null
      ? end === "first" ? Date.UTC(year, 0, 1) : Date.UTC(year, 11, 31)
      : day === null
        ? end === "first" ? Date.UTC(year, month - 1, 1) : Date.UTC(year, month, 0)
        : Date.UTC(year, month - 1, day);
  return Math.floor(ms / MS_PER_DAY);
}

/** `YYYY-MM-DD` of a day number. */
export function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** True for a full `YYYY-MM-DD` calendar date that exists. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = dayNumber(value);
  return day !== null && formatDay(day) === value;
}
