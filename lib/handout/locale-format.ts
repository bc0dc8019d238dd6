/** Dates and numbers in the handout's language (Intl; es-US: "1 de marzo de 2025", "2.5"). Pure: no clock. */
import type { IsoDate } from "@/lib/domain";

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/** "March 1, 2025" (en-US), "1 de marzo de 2025" (es-US); the text itself when it is not an ISO date. */
export function longDateIn(locale: string, iso: IsoDate): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m === null) return iso;
  let f = dateFormats.get(locale);
  if (f === undefined) {
    f = new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
    dateFormats.set(locale, f);
  }
  return f.format(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** A count or strength with at most 2 decimals: "2.5", "1,325" (es-US groups and decimals as en-US). */
export function numberIn(locale: string, value: number): string {
  let f = numberFormats.get(locale);
  if (f === undefined) {
    f = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    numberFormats.set(locale, f);
  }
  return f.format(value);
}
