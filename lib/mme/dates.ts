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
  const fast = fullDateDay(value);
  if (fast !== null) return fast;
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

const ZERO = 48;
const digit = (s: string, i: number): number => {
  const d = s.charCodeAt(i) - ZERO;
  return d >= 0 && d <= 9 ? d : NaN;
};

/**
 * Fast path for the common full date "YYYY-MM-DD..." (days from civil, H. Hinnant's
 * algorithm), avoiding a regex and a Date per order. Null when not of that shape.
 */
function fullDateDay(s: string): number | null {
  if (s.length < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const m = digit(s, 5) * 10 + digit(s, 6);
  const d = digit(s, 8) * 10 + digit(s, 9);
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * `YYYY-MM-DD` of a day number (civil from days, H. Hinnant's algorithm: integer arithmetic, no
 * Date per call; excluded orders' messages format a date each). Years outside 0-9999 go through Date.
 */
export function formatDay(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (!Number.isInteger(day) || y < 0 || y > 9999) return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  return `${String(y).padStart(4, "0")}-${pad2(m)}-${pad2(d)}`;
}

/** True for a full `YYYY-MM-DD` calendar date that exists. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = dayNumber(value);
  return day !== null && formatDay(day) === value;
}
