/**
 * Which dosage instructions of an order apply at `asOf` (FHIR R4 Dosage.sequence and
 * Timing.repeat.bounds[x]):
 * - instructions with the same `sequence` (or none) apply together; each may have its own
 *   bounds (`boundsPeriod`, or `boundsDuration` from the order's start): one whose bounds ended
 *   before `asOf`, or start after it, does not apply;
 * - different sequences follow one another (a taper written as steps): the step in force at
 *   `asOf` is found by walking the steps from the order's start (validityPeriod.start, else
 *   authoredOn) with each step's duration. When a step before `asOf` has no duration, or the
 *   order has no start, the step in force cannot be told: `uncertain` (never "the highest").
 * Linear in the number of instructions. Reads unparsed JSON; never throws.
 */
import { dayNumber, formatDay } from "@/lib/mme/dates";
import { arr, at, num, obj, period, str } from "@/lib/mme/read/json";
import { durationHours } from "@/lib/mme/units";

const HOURS_PER_DAY = 24;

export type LinesAt =
  /** The instructions that apply at `asOf` (possibly every instruction), with a sentence when a step was chosen by date. */
  | { kind: "lines"; lines: unknown[]; note: string | null }
  | { kind: "none" }
  | { kind: "ended"; message: string }
  | { kind: "not-started"; message: string }
  | { kind: "uncertain"; message: string };

interface Window {
  start: number | null;
  /** Last day (inclusive) or null when open. */
  end: number | null;
}

/** A line's own window from `timing.repeat.boundsPeriod` / `boundsDuration` (relative to `orderStart`). */
function lineWindow(dosage: unknown, orderStart: number | null): Window {
  const repeat = at(at(dosage, "timing"), "repeat");
  const p = period(at(repeat, "boundsPeriod"));
  const start = dayNumber(p?.start, "first");
  const end = dayNumber(p?.end, "last");
  if (p !== null) return { start, end };
  const hours = durationHours(at(repeat, "boundsDuration"));
  if (hours === null) return { start: null, end: null };
  const from = orderStart;
  return { start: from, end: from === null ? null : from + Math.ceil(hours / HOURS_PER_DAY) - 1 };
}

function orderStartDay(order: unknown): number | null {
  const validity = period(at(at(order, "dispenseRequest"), "validityPeriod"));
  return dayNumber(validity?.start, "first") ?? dayNumber(str(at(order, "authoredOn")), "first");
}

/** Concurrent instructions (one step): those whose own bounds hold `asOf`. */
function concurrent(lines: readonly unknown[], orderStart: number | null, asOfDay: number): LinesAt {
  const active: unknown[] = [];
  let ended = 0;
  let future = 0;
  let lastEnd = -Infinity;
  let firstStart = Infinity;
  for (const line of lines) {
    const w = lineWindow(line, orderStart);
    if (w.end !== null && w.end < asOfDay) {
      ended += 1;
      lastEnd = Math.max(lastEnd, w.end);
    } else if (w.start !== null && w.start > asOfDay) {
      future += 1;
      firstStart = Math.min(firstStart, w.start);
    } else active.push(line);
  }
  if (active.length > 0) return { kind: "lines", lines: active, note: ended + future > 0 ? `${ended + future} of ${lines.length} dosage instructions do not apply on this date (their bounds).` : null };
  if (future === 0) return { kind: "ended", message: `Its dosage instructions ended on ${formatDay(lastEnd)} (timing bounds), before the as-of date.` };
  if (ended === 0) return { kind: "not-started", message: `Its dosage instructions start on ${formatDay(firstStart)} (timing bounds), after the as-of date.` };
  return { kind: "ended", message: "No dosage instruction applies on the as-of date (one ended before it, the next starts after it)." };
}

interface Step {
  sequence: number;
  lines: unknown[];
}

function stepsOf(dosages: readonly unknown[]): { steps: Step[]; unsequenced: unknown[] } {
  const bySequence = new Map<number, unknown[]>();
  const unsequenced: unknown[] = [];
  for (const d of dosages) {
    const sequence = num(at(d, "sequence"));
    if (sequence === undefined) {
      unsequenced.push(d);
      continue;
    }
    const list = bySequence.get(sequence);
    if (list === undefined) bySequence.set(sequence, [d]);
    else list.push(d);
  }
  const steps = [...bySequence.entries()].sort((a, b) => a[0] - b[0]).map(([sequence, lines]) => ({ sequence, lines }));
  return { steps, unsequenced };
}

/** A step's window: absolute from its lines' boundsPeriod, else [cursor, cursor + boundsDuration). */
function stepWindow(step: Step, cursor: number | null): Window {
  let start: number | null = null;
  let end: number | null = null;
  let hours: number | null = null;
  for (const line of step.lines) {
    const repeat = at(at(line, "timing"), "repeat");
    const p = period(at(repeat, "boundsPeriod"));
    const s = dayNumber(p?.start, "first");
    const e = dayNumber(p?.end, "last");
    if (s !== null) start = start === null ? s : Math.min(start, s);
    if (e !== null) end = end === null ? e : Math.max(end, e);
    const h = durationHours(at(repeat, "boundsDuration"));
    if (h !== null) hours = hours === null ? h : Math.max(hours, h);
  }
  const from = start ?? cursor;
  if (end === null && hours !== null && from !== null) end = from + Math.ceil(hours / HOURS_PER_DAY) - 1;
  return { start: from, end };
}

/** Successive steps: the one in force at `asOf`, or why it cannot be told. */
function successive(steps: readonly Step[], unsequenced: readonly unknown[], orderStart: number | null, asOfDay: number): LinesAt {
  let cursor = orderStart;
  for (let i = 0; i < steps.length; i += 1) {
    const step = steps[i];
    if (step === undefined) continue;
    const w = stepWindow(step, cursor);
    const label = `step ${i + 1} of ${steps.length} (sequence ${step.sequence})`;
    if (w.start === null) return { kind: "uncertain", message: `Its dosage instructions are successive steps, but ${label} has no start date (no validity period, authored date or bounds), so the step in force cannot be told.` };
    if (asOfDay < w.start) {
      return i === 0 ? { kind: "not-started", message: `Its first step starts on ${formatDay(w.start)}, after the as-of date.` } : { kind: "uncertain", message: `No step covers the as-of date (${label} starts on ${formatDay(w.start)}).` };
    }
    const last = i === steps.length - 1;
    if (w.end === null) {
      if (last) return { kind: "lines", lines: [...step.lines, ...unsequenced], note: `Successive dosage steps: the last, ${label}, applies from ${formatDay(w.start)}.` };
      return { kind: "uncertain", message: `Its dosage instructions are successive steps (a taper or titration), but ${label} has no duration, so the step in force on the as-of date cannot be told.` };
    }
    if (asOfDay <= w.end) return { kind: "lines", lines: [...step.lines, ...unsequenced], note: `Successive dosage steps: ${label} applies from ${formatDay(w.start)} to ${formatDay(w.end)}.` };
    cursor = w.end + 1;
  }
  return { kind: "ended", message: `Its last dosage step ended before the as-of date${cursor === null ? "" : ` (on ${formatDay(cursor - 1)})`}.` };
}

/** The dosage instructions of an order that apply on `asOfDay`. */
export function linesAt(order: unknown, asOfDay: number): LinesAt {
  const all = arr(at(order, "dosageInstruction"));
  if (all.length === 0) return { kind: "none" };
  const dosages: unknown[] = [];
  for (const d of all) {
    if (obj(d) === null) return { kind: "uncertain", message: "A dosage instruction is not a readable object, so what the order allows cannot be told." };
    dosages.push(d);
  }
  const orderStart = orderStartDay(order);
  const { steps, unsequenced } = stepsOf(dosages);
  if (steps.length <= 1) return concurrent(dosages, orderStart, asOfDay);
  return successive(steps, unsequenced, orderStart, asOfDay);
}
