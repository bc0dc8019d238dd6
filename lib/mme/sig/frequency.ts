/**
 * Reads administrations per day from a normalized sig.
 * - intervals: "q 6 h", "every 4-6 hours" (a range of intervals gives a range of administrations;
 *   the shortest interval is the maximum), "6 hourly", "every 3 days", "q week";
 * - counts: "3 x daily", "2 times a day", "twice daily", "x 2 / day", "1-2 times daily";
 * - Latin: bid/bd, tid/tds, qid/qds, qd, qod, qhs, hs, qam, qpm;
 * - every other day (0.5/day), weekly (1/7), monthly (1/30, the 30-day month of the CDC
 *   implementation guide's ToDaily);
 * - times of day ("in the morning and at bedtime", "8 am and 8 pm") count one each when no
 *   count or interval is written; when one is, they may not exceed it.
 * Two different frequencies, or times of day beyond the written frequency: null with a warning.
 */
import { RANGE, toRange } from "./lexicon";
import { blank, matchesOf } from "./text";
import type { NumberRange, SigWarning } from "./types";

const HOURS_PER_DAY = 24;
const MINUTES_PER_DAY = 1440;
const DAYS_PER_WEEK = 7;
/** CDC opioid-mme-r4 MMECalculator ToDaily: 'mo' = 30 days. */
const DAYS_PER_MONTH = 30;

type Flag = "every-other-day" | "at-bedtime";
interface Rule {
  re: RegExp;
  /** Administrations per day for a match; null when the numbers are unusable. */
  perDay: (m: RegExpExecArray) => NumberRange | null;
  flag?: Flag;
}

const fixed = (n: number) => (): NumberRange => ({ min: n, max: n });
/** "every N-M <period>" -> administrations per day, from the period length in days per interval unit. */
const every = (group: number, daysPerUnit: number) => (m: RegExpExecArray): NumberRange | null => {
  const r = toRange(m[group]);
  if (r === null || r.min === 0) return null;
  return { min: 1 / (r.max * daysPerUnit), max: 1 / (r.min * daysPerUnit) };
};
/** "N-M times per <period>" -> administrations per day. */
const times = (group: number, periodGroup: number) => (m: RegExpExecArray): NumberRange | null => {
  const r = toRange(m[group]);
  const days = periodDays(m[periodGroup]);
  return r === null || days === null ? null : { min: r.min / days, max: r.max / days };
};

function periodDays(word: string | undefined): number | null {
  if (word === undefined) return null;
  if (word.startsWith("w")) return DAYS_PER_WEEK;
  if (word.startsWith("mo")) return DAYS_PER_MONTH;
  return 1;
}

const PERIOD = String.raw`(day|daily|d|24 hours?|24 hrs?|24 h|weeks?|weekly|wks?|months?|monthly|mo)`;
const PER = String.raw`(?:a|per|\/|each|every|in a|in|in 1)?`;
const HOUR_WORD = String.raw`(?:h|hr|hrs|hour|hours|hourly|o)`;

/** In priority order: a match blanks its span, so "daily" inside "twice daily" is not read again. */
const EXPLICIT: readonly Rule[] = [
  { re: /\b(?:every other day|every 2 nd day|every second day|q other day|qod|q od|on alternate days|alternate days|every alternate day)\b/g, perDay: fixed(0.5), flag: "every-other-day" },
  { re: /\bevery (?:3 rd|third) day\b/g, perDay: fixed(1 / 3) },
  { re: new RegExp(String.raw`\b(?:q|every|each|evry|every q)\s*(${RANGE})\s*${HOUR_WORD}\b`, "g"), perDay: every(1, 1 / HOURS_PER_DAY) },
  { re: new RegExp(String.raw`\b(${RANGE})\s*(?:hourly|hrly)\b`, "g"), perDay: every(1, 1 / HOURS_PER_DAY) },
  { re: /\b(?:every|each|q)\s*(?:hour|hr)\b|\bhourly\b/g, perDay: fixed(HOURS_PER_DAY) },
  { re: new RegExp(String.raw`\b(?:q|every)\s*(${RANGE})\s*(?:min|mins|minutes?)\b`, "g"), perDay: every(1, 1 / MINUTES_PER_DAY) },
  { re: new RegExp(String.raw`\b(?:q|every|each)\s*(${RANGE})\s*(?:d|day|days)\b`, "g"), perDay: every(1, 1) },
  { re: new RegExp(String.raw`\b(?:q|every|each)\s*(${RANGE})\s*(?:w|wk|wks|week|weeks)\b`, "g"), perDay: every(1, DAYS_PER_WEEK) },
  { re: new RegExp(String.raw`\b(${RANGE})\s*(?:x|times|time)\s*${PER}\s*${PERIOD}\b`, "g"), perDay: times(1, 2) },
  { re: new RegExp(String.raw`\bx\s*(${RANGE})\s*${PER}\s*${PERIOD}\b`, "g"), perDay: times(1, 2) },
  { re: new RegExp(String.raw`\b(once)\s*${PER}\s*${PERIOD}\b`, "g"), perDay: (m) => ({ min: 1 / (periodDays(m[2]) ?? 1), max: 1 / (periodDays(m[2]) ?? 1) }) },
  { re: new RegExp(String.raw`\b(twice)\s*${PER}\s*${PERIOD}\b`, "g"), perDay: (m) => ({ min: 2 / (periodDays(m[2]) ?? 1), max: 2 / (periodDays(m[2]) ?? 1) }) },
  { re: new RegExp(String.raw`\b(thrice)\s*${PER}\s*${PERIOD}\b`, "g"), perDay: (m) => ({ min: 3 / (periodDays(m[2]) ?? 1), max: 3 / (periodDays(m[2]) ?? 1) }) },
  { re: /\b(?:bid|bd|b i d)\b/g, perDay: fixed(2) },
  { re: /\b(?:tid|tds|t i d)\b/g, perDay: fixed(3) },
  { re: /\b(?:qid|qds|q i d)\b/g, perDay: fixed(4) },
  { re: /\b(?:weekly|every week|each week|q week|q wk|qwk|per week|a week)\b/g, perDay: fixed(1 / DAYS_PER_WEEK) },
  { re: /\b(?:monthly|every month|q month|q mo|qmo)\b/g, perDay: fixed(1 / DAYS_PER_MONTH) },
  { re: /\b(?:daily|every day|each day|qd|q d|qday|q day|per day|a day|\/ day)\b/g, perDay: fixed(1) },
];

/** Times of day; each category counts once. Clock times ("8 am") first, so "pm" is not read twice. */
const CLOCK = /\b(\d{1,2})(?:\s(\d{2}))?\s*(am|pm)\b/g;
const TIMES_OF_DAY: ReadonlyArray<{ re: RegExp; flag?: Flag; count?: number }> = [
  // "before meals", "with meals", "ac", "pc": three meals a day (the times-of-day category counts 3).
  { re: /\b(?:(?:with|before|after)\s+(?:meals|each meal|every meal|all meals)|ac|pc)\b/g, count: 3 },
  { re: /\b(?:qam|q am|am|every morning|each morning|in the morning|in am|mornings?|breakfast|upon waking|on waking)\b/g },
  { re: /\b(?:noon|midday|lunch|lunchtime)\b/g },
  { re: /\bafternoons?\b/g },
  { re: /\b(?:qpm|q pm|pm|every evening|in the evening|evenings?|supper|dinner)\b/g },
  { re: /\b(?:qhs|q hs|hs|q bedtime|at bedtime|bedtime|before bed|at bed|at night|nightly|every night|each night|qn|q night|nights?)\b/g, flag: "at-bedtime" },
];
const SEQUENTIAL = /\b(?:then|followed by|after that|thereafter)\b/;
/** Days of the week (full names, and the abbreviations EHRs print: "Sun/Tu/Th/Sa", "M,W,F" is not read). */
const WEEKDAY = /\b(sun|sundays?|mon|mondays?|tue|tues|tu|tuesdays?|wed|weds|wednesdays?|thu|thur|thurs|th|thursdays?|fri|fridays?|sat|sa|saturdays?)\b/g;
const DATE_AFTER = /^\s+\d{1,2}\s*\/\s*\d{1,2}/;
const WEEKDAY_KEY: Readonly<Record<string, string>> = { su: "sun", mo: "mon", tu: "tue", we: "wed", th: "thu", fr: "fri", sa: "sat" };
const ADDITIONAL = /\b(?:additional|extra|another|in addition|plus|repeat|repeated)\b/;
const LEFTOVER_TIMES = /\bx\s*\d|\b\d+\s*x\b|\b(?:twice|thrice)\b/;

export interface FrequencyReading {
  perDay: NumberRange | null;
  /** The frequency comes from days of the week named ("Sun/Tu/Th/Sa"). */
  weekdays: boolean;
  /** How many frequency statements were found (counts and intervals plus times of day). */
  mentions: number;
  /** How many of them were counts or intervals (not times of day). */
  explicitMentions: number;
  everyOtherDay: boolean;
  atBedtime: boolean;
  warnings: SigWarning[];
}

const sameRange = (a: NumberRange, b: NumberRange) => Math.abs(a.min - b.min) < 1e-9 && Math.abs(a.max - b.max) < 1e-9;
const isUsable = (r: NumberRange) => Number.isFinite(r.min) && Number.isFinite(r.max) && r.min >= 0 && r.max > 0;

function readExplicit(s: string): { found: NumberRange[]; flags: Set<Flag>; rest: string } {
  const found: NumberRange[] = [];
  const flags = new Set<Flag>();
  let rest = s;
  for (const rule of EXPLICIT) {
    const hits = matchesOf(rule.re, rest);
    for (const { m } of hits) {
      const r = rule.perDay(m);
      if (r !== null && isUsable(r)) found.push(r);
      if (rule.flag !== undefined) flags.add(rule.flag);
    }
    rest = blank(rest, hits.map((h) => h.span));
  }
  return { found, flags, rest };
}

function readTimesOfDay(s: string): { count: number; meals: number; bedtime: boolean; rest: string } {
  const clocks = matchesOf(CLOCK, s);
  const distinctClocks = new Set(clocks.map(({ m }) => `${m[1]}:${m[2] ?? "00"}${m[3]}`));
  let rest = blank(s, clocks.map((c) => c.span));
  let count = distinctClocks.size;
  let meals = 0;
  let bedtime = false;
  for (const { re, flag, count: weight } of TIMES_OF_DAY) {
    const hits = matchesOf(re, rest);
    if (hits.length > 0) {
      count += weight ?? 1;
      if (weight !== undefined) meals += weight;
      bedtime ||= flag === "at-bedtime";
    }
    rest = blank(rest, hits.map((h) => h.span));
  }
  return { count, meals, bedtime, rest };
}

const AMBIGUOUS = (message: string): SigWarning => ({ code: "sig.ambiguous-frequency", message });

/** Distinct days of the week named ("on monday wednesday friday", "Sun/Tu/Th/Sa"). */
function readWeekdays(s: string): { days: number; rest: string } {
  // A day followed by a date ("Starting Tue 5/28/2019") is a date, not a schedule.
  const hits = matchesOf(WEEKDAY, s).filter(({ span }) => !DATE_AFTER.test(s.slice(span.end, span.end + 12)));
  const distinct = new Set(hits.map(({ m }) => WEEKDAY_KEY[(m[1] ?? "").slice(0, 2)] ?? ""));
  const abbreviationsOnly = hits.every(({ m }) => (m[1] ?? "").length <= 3);
  // Lone abbreviations ("th", "sa") are read as days only when several are listed.
  if (hits.length === 0 || (abbreviationsOnly && distinct.size < 2)) return { days: 0, rest: s };
  return { days: distinct.size, rest: blank(s, hits.map((h) => h.span)) };
}

/** Reads the administrations per day of a normalized sig. Pure; never throws. */
export function readFrequency(s: string): FrequencyReading {
  const explicit = readExplicit(s);
  const weekdays = readWeekdays(explicit.rest);
  if (weekdays.days > 0) return fromWeekdays(explicit.found, weekdays.days, weekdays.rest);
  const tod = readTimesOfDay(explicit.rest);
  const onlyEveryOtherDay = explicit.found.length > 0 && explicit.found.every((r) => r.min === 0.5 && r.max === 0.5);
  const base = {
    weekdays: false,
    mentions: explicit.found.length + tod.count,
    explicitMentions: explicit.found.length,
    everyOtherDay: explicit.flags.has("every-other-day") || onlyEveryOtherDay,
    atBedtime: tod.bedtime,
  };
  const first = explicit.found[0];
  const distinct = explicit.found.filter((r, i) => explicit.found.findIndex((o) => sameRange(o, r)) === i);
  if (distinct.length > 1) {
    const sequential = SEQUENTIAL.test(s);
    const warning: SigWarning = sequential
      ? { code: "sig.sequential-instructions", message: "The sig text gives instructions in sequence (\"then\"); no single frequency was used." }
      : AMBIGUOUS("The sig text states more than one frequency; none was used.");
    return { ...base, perDay: null, warnings: [warning] };
  }
  if (ADDITIONAL.test(s) && base.mentions > 0) {
    return { ...base, perDay: null, warnings: [AMBIGUOUS("The sig text allows additional doses beyond its frequency; no frequency was used.")] };
  }
  if (first !== undefined) {
    // "2 times a day with meals": the meals say when, the count says how many.
    const timesOfDay = tod.count - tod.meals;
    if (first.max >= 1 && timesOfDay > first.max) {
      return { ...base, perDay: null, warnings: [AMBIGUOUS("The times of day in the sig text exceed its written frequency; none was used.")] };
    }
    return { ...base, perDay: first, warnings: leftover(tod.rest) };
  }
  if (tod.count > 0) return { ...base, perDay: { min: tod.count, max: tod.count }, warnings: leftover(tod.rest) };
  return { ...base, perDay: null, warnings: [...leftover(tod.rest), { code: "sig.no-frequency", message: "The sig text states no frequency." }] };
}

/**
 * A schedule by days of the week: N named days = N/7 a day, unless a written frequency says
 * the same per week. A daily frequency next to named days ("once daily and two on sundays") or
 * times of day on those days leave the most per day unknown: null.
 */
function fromWeekdays(found: readonly NumberRange[], days: number, rest: string): FrequencyReading {
  const base = { mentions: found.length + 1, explicitMentions: found.length, everyOtherDay: false, atBedtime: false, weekdays: true };
  const perDay = { min: days / DAYS_PER_WEEK, max: days / DAYS_PER_WEEK };
  const [first] = found;
  if (found.length === 0 || (found.length === 1 && first !== undefined && sameRange(first, perDay))) {
    const tod = readTimesOfDay(rest);
    if (tod.count <= 1) return { ...base, perDay, warnings: [] };
  }
  return { ...base, perDay: null, warnings: [AMBIGUOUS("The sig text names days of the week beside another frequency; the most per day is not certain.")] };
}

function leftover(rest: string): SigWarning[] {
  return LEFTOVER_TIMES.test(rest) ? [AMBIGUOUS("The sig text has a count (\"x2\", \"twice\") without a period; it was not used.")] : [];
}
