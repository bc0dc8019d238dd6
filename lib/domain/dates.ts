/**
 * Calendar arithmetic on FHIR `date` strings (`YYYY-MM-DD`), pure and time-zone free: the one home for
 * date arithmetic (issue 14.4) that the engines, the CarePlan, the FHIR queries and the hooks share.
 * The engines never read the clock and never build `Date` objects from local time: a step
 * that starts on 2025-03-01 starts on that calendar day wherever the plan is printed.
 * Days are counted with the proleptic Gregorian calendar (days-from-civil, H. Hinnant).
 */
import type { IsoDate } from "./common";

const DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})/;

/** Days since 1970-01-01 for a civil date. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function daysInMonth(year: number, month: number): number {
  return daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function format(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * The calendar date at the start of a FHIR `date`/`dateTime`/`instant` string, or null when
 * it does not start with a valid `YYYY-MM-DD` (partial dates such as `2020-05` are null:
 * the engines never guess a day).
 */
export function toDayNumber(value: string): number | null {
  const m = DATE_PREFIX.exec(value);
  if (m === null) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return daysFromCivil(year, month, day);
}

/** True for a real calendar date written exactly `YYYY-MM-DD`. */
export function isValidIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && toDayNumber(value) !== null;
}

/** The `YYYY-MM-DD` of a day number (days since 1970-01-01). */
export function fromDayNumber(days: number): IsoDate {
  const { year, month, day } = civilFromDays(days);
  return format(year, month, day);
}

/** `date + n` days. Throws on an invalid date (a programmer error: validate first). */
export function addDays(date: IsoDate, n: number): IsoDate {
  const d = toDayNumber(date);
  if (d === null) throw new Error(`addDays: invalid date ${date}`);
  return fromDayNumber(d + n);
}

/**
 * `date + n` calendar months, clamped to the end of the month (2025-01-31 + 1 month =
 * 2025-02-28). Always computed from the same anchor date, so a monthly schedule never drifts.
 */
export function addMonths(date: IsoDate, n: number): IsoDate {
  const m = DATE_PREFIX.exec(date);
  if (m === null || toDayNumber(date) === null) throw new Error(`addMonths: invalid date ${date}`);
  const total = Number(m[1]) * 12 + (Number(m[2]) - 1) + n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return format(year, month, Math.min(Number(m[3]), daysInMonth(year, month)));
}

/** Whole days from `from` to `to` (negative when `to` is earlier); null if either is invalid. */
export function daysBetween(from: string, to: string): number | null {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  return a === null || b === null ? null : b - a;
}
