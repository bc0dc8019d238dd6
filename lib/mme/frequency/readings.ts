/**
 * Step 3 of a reading: administrations per day of one dosage instruction, from every place that
 * states it (issue 13 item 1), each at the most the order allows:
 * - `timing.repeat` frequency/period: `frequencyMax` over `frequency`, the shortest `period`
 *   (not `periodMax`); a period without a frequency is once per period (flagged);
 * - `timing.repeat.timeOfDay`: one administration per distinct time (Epic sends only this, with
 *   `count` 365, for "1 tablet daily");
 * - `timing.repeat.when`: one per event, three for a generic meal event (C, AC, PC);
 * - `timing.code`: each coding (GTS abbreviation, other codes, displays) and its text ("q12hr",
 *   "Once Per Day"), read by lib/mme/frequency/timing-code.ts;
 * - each sig text.
 * A missing frequency is never read as once a day (that would lower the MME). `count` and
 * `duration` do not change the daily maximum; nor does `dayOfWeek` when the rate is per day (the
 * most on a dosing day is counted). When the rate is per week, the days listed are a reading of
 * their own (3 days a week: 3/7 a day) that must agree with it: "once a week" on Monday,
 * Wednesday and Friday is a contradiction, not once a week. Reads unparsed JSON; never throws.
 */
import type { ParsedSig } from "@/lib/mme/sig";
import { perDayWords, type NumberReading, type Unreadable } from "@/lib/mme/agreement";
import { assume, num, type Notes } from "@/lib/mme/notes";
import { arr, at, concept, num as jsonNumber, str } from "@/lib/mme/read/json";
import { HOURS_PER_TIME_UNIT } from "@/lib/mme/units";
import { timingCodeReadings } from "./timing-code";

const HOURS_PER_DAY = 24;
/** Generic meal events (any meal, before any meal, after any meal): up to three a day. */
const GENERIC_MEAL_EVENTS = new Set(["C", "AC", "PC"]);
const MEALS_PER_DAY = 3;

export interface FrequencyReadings {
  readings: NumberReading[];
  unreadable: Unreadable[];
}

function isTimeUnit(unit: string | undefined): unit is keyof typeof HOURS_PER_TIME_UNIT {
  return unit !== undefined && Object.prototype.hasOwnProperty.call(HOURS_PER_TIME_UNIT, unit);
}

function push(out: FrequencyReadings, where: string, max: number, min: number): void {
  if (!(Number.isFinite(max) && max > 0)) {
    out.unreadable.push({ where, reason: "mme.invalid-value", message: "it gives no usable number of administrations per day", blocking: true });
    return;
  }
  const low = Number.isFinite(min) && min > 0 && min < max ? min : max;
  out.readings.push({ where, value: max, min: low, words: perDayWords(max, low) });
}

function fromRepeat(out: FrequencyReadings, repeat: unknown, notes: Notes): void {
  const frequency = jsonNumber(at(repeat, "frequency"));
  const frequencyMax = jsonNumber(at(repeat, "frequencyMax"));
  const periodRaw = at(repeat, "period");
  const unitRaw = at(repeat, "periodUnit");
  const where = "timing.repeat";
  if (periodRaw === undefined && unitRaw === undefined) {
    if (frequency !== undefined || frequencyMax !== undefined) out.unreadable.push({ where, reason: "mme.missing-frequency", message: `${frequencyMax ?? frequency} times, but not per what period`, blocking: false });
    return;
  }
  const unit = str(unitRaw);
  if (!isTimeUnit(unit)) {
    out.unreadable.push({ where, reason: "mme.missing-frequency", message: "a period without a unit of time this calculator reads", blocking: false });
    return;
  }
  let period = jsonNumber(periodRaw);
  if (periodRaw !== undefined && (period === undefined || period <= 0)) {
    out.unreadable.push({ where, reason: "mme.invalid-value", message: `the period ${String(periodRaw)} is not a positive number`, blocking: true });
    return;
  }
  if (period === undefined) {
    period = 1;
    assume(notes, "mme.assume.period-one", `The timing gives ${num(frequencyMax ?? frequency ?? 1)} per ${unit} without a period length: a period of 1 ${unit} is used.`);
  }
  if (frequency === undefined && frequencyMax === undefined) assume(notes, "mme.assume.frequency-one", `The timing gives a period (every ${num(period)} ${unit}) without a frequency: once per period.`);
  const periodMax = jsonNumber(at(repeat, "periodMax"));
  const most = ((frequencyMax ?? frequency ?? 1) * HOURS_PER_DAY) / (period * HOURS_PER_TIME_UNIT[unit]);
  const longest = periodMax !== undefined && periodMax > period ? periodMax : period;
  const least = ((frequency ?? frequencyMax ?? 1) * HOURS_PER_DAY) / (longest * HOURS_PER_TIME_UNIT[unit]);
  push(out, where, most, least);
}

const DAYS_PER_WEEK = 7;
const WEEKDAYS = new Set(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]);

/** The days of a weekly rate (`periodUnit` "wk"): N days every `period` weeks, once on each day. */
function fromDaysOfWeek(out: FrequencyReadings, repeat: unknown): void {
  if (at(repeat, "periodUnit") !== "wk") return;
  const days = new Set(arr(at(repeat, "dayOfWeek")).filter((d): d is string => typeof d === "string" && WEEKDAYS.has(d)));
  if (days.size === 0) return;
  const period = jsonNumber(at(repeat, "period")) ?? 1;
  if (period <= 0) return;
  const perDay = days.size / (DAYS_PER_WEEK * period);
  push(out, "timing.repeat.dayOfWeek", perDay, perDay);
}

function fromTimesOfDay(out: FrequencyReadings, repeat: unknown): void {
  const times = new Set(arr(at(repeat, "timeOfDay")).filter((t) => typeof t === "string"));
  if (times.size > 0) push(out, "timing.repeat.timeOfDay", times.size, times.size);
}

function fromWhen(out: FrequencyReadings, repeat: unknown, notes: Notes): void {
  const events = new Set(arr(at(repeat, "when")).filter((e): e is string => typeof e === "string"));
  if (events.size === 0) return;
  let perDay = 0;
  for (const e of events) perDay += GENERIC_MEAL_EVENTS.has(e) ? MEALS_PER_DAY : 1;
  if ([...events].some((e) => GENERIC_MEAL_EVENTS.has(e))) assume(notes, "mme.assume.meals-three", "A timing event 'with meals': three times a day assumed.");
  push(out, "timing.repeat.when", perDay, perDay);
}

function fromCode(out: FrequencyReadings, code: unknown): void {
  const c = concept(code);
  if (c === null) return;
  for (const r of timingCodeReadings(c)) push(out, `timing.code "${r.code}"`, r.perDay, r.minPerDay);
}

/** Every reading of administrations per day of one dosage instruction, most structured first. */
export function readFrequencies(dosage: unknown, sigs: ReadonlyArray<{ where: string; sig: ParsedSig }>, notes: Notes): FrequencyReadings {
  const out: FrequencyReadings = { readings: [], unreadable: [] };
  const timing = at(dosage, "timing");
  const repeat = at(timing, "repeat");
  fromRepeat(out, repeat, notes);
  fromDaysOfWeek(out, repeat);
  fromTimesOfDay(out, repeat);
  fromWhen(out, repeat, notes);
  fromCode(out, at(timing, "code"));
  for (const { where, sig } of sigs) {
    const perDay = sig.administrationsPerDay;
    if (perDay !== null) push(out, where, perDay.max, perDay.min);
  }
  return out;
}
