/**
 * Administrations per day from structured `Timing.repeat` (FHIR R4 Timing), at the most the
 * order allows: `frequencyMax` over `frequency`, the shortest `period` (not `periodMax`). When
 * there is no frequency/period: the number of `timeOfDay` entries, then of `when` events.
 * Missing frequency is NEVER read as once a day (that would lower the MME): the caller then
 * tries the timing code, then the sig text, else "not computable".
 * `dayOfWeek`, `count`, `duration` and bounds do not change the daily maximum and are ignored.
 */
import type { Timing, TimingRepeat } from "fhir/r4";
import { assume, fail, num, type Failure, type Notes } from "@/lib/mme/notes";
import { HOURS_PER_TIME_UNIT } from "@/lib/mme/units";

export type FrequencyReading = { kind: "per-day"; perDay: number } | { kind: "missing" } | { kind: "failed"; failure: Failure };

const failed = (failure: Failure): FrequencyReading => ({ kind: "failed", failure });

const HOURS_PER_DAY = 24;

function fromPeriod(repeat: TimingRepeat, notes: Notes): FrequencyReading {
  const frequency = repeat.frequencyMax ?? repeat.frequency;
  let period = repeat.period;
  const unit = repeat.periodUnit;
  if (unit === undefined) return failed(fail("mme.missing-frequency", "The timing gives a period without a unit of time."));
  if (period === undefined) {
    period = 1;
    assume(notes, "mme.assume.period-one", `The timing gives ${num(frequency ?? 1)} per ${unit} without a period length: a period of 1 ${unit} is used.`);
  }
  if (!Number.isFinite(period) || period <= 0) return failed(fail("mme.invalid-value", `The timing period ${String(period)} is not a positive number.`));
  if (frequency === undefined) assume(notes, "mme.assume.frequency-one", `The timing gives a period (every ${num(period)} ${unit}) without a frequency: once per period.`);
  if (repeat.frequencyMax !== undefined && repeat.frequency !== undefined && repeat.frequencyMax !== repeat.frequency) {
    assume(notes, "mme.assume.frequency-max", `Up to ${repeat.frequencyMax} times (at least ${repeat.frequency}): the maximum is used.`);
  }
  if (repeat.periodMax !== undefined && repeat.periodMax !== period) {
    assume(notes, "mme.assume.period-shortest", `Every ${num(period)}-${num(repeat.periodMax)} ${unit}: the shortest interval (${num(period)} ${unit}) is used.`);
  }
  const perDay = ((frequency ?? 1) * HOURS_PER_DAY) / (period * HOURS_PER_TIME_UNIT[unit]);
  return Number.isFinite(perDay) && perDay > 0 ? { kind: "per-day", perDay } : failed(fail("mme.invalid-value", "The timing gives no usable number of administrations per day."));
}

/** Reads `timing.repeat`. `missing` when it states no frequency, period, timeOfDay or when. */
export function structuredFrequency(timing: Timing | undefined, notes: Notes): FrequencyReading {
  const repeat = timing?.repeat;
  if (repeat === undefined) return { kind: "missing" };
  const hasPeriod = repeat.period !== undefined || repeat.periodUnit !== undefined;
  if (hasPeriod) return fromPeriod(repeat, notes);
  if (repeat.frequency !== undefined || repeat.frequencyMax !== undefined) {
    return failed(fail("mme.missing-frequency", `The timing says ${repeat.frequencyMax ?? repeat.frequency} times but not per what period.`));
  }
  const times = new Set(repeat.timeOfDay ?? []).size;
  if (times > 0) return { kind: "per-day", perDay: times };
  return fromWhen(repeat, notes);
}

/** Generic meal events (any meal, before any meal, after any meal): up to three a day. */
const GENERIC_MEAL_EVENTS = new Set(["C", "AC", "PC"]);
const MEALS_PER_DAY = 3;

/** Each distinct `when` event is one administration a day; a generic meal event is three. */
function fromWhen(repeat: TimingRepeat, notes: Notes): FrequencyReading {
  const events = [...new Set(repeat.when ?? [])];
  if (events.length === 0) return { kind: "missing" };
  const generic = events.filter((e) => GENERIC_MEAL_EVENTS.has(e));
  if (generic.length > 0) assume(notes, "mme.assume.meals-three", `"${generic.join(", ")}" (with meals): three times a day assumed.`);
  return { kind: "per-day", perDay: events.length - generic.length + generic.length * MEALS_PER_DAY };
}
