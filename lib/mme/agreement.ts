/**
 * Readings of one number of an order (dose per administration, administrations per day, units a
 * day) from independent places, and the rule that they must agree (ARCHITECTURE, "Trust by
 * agreement"): every reading that could be read must lie within READING_TOLERANCE of the others;
 * one reading alone is fine. Each reading is recorded for the ledger with whether it agreed.
 */
import type { FactReading, NotComputableReason, ReadingFact } from "@/lib/domain";
import { agreeWithin } from "./bounds";
import { num } from "./notes";

/** A reading of a number: where it was read, its value (the most the order allows) and the value in words. */
export interface NumberReading {
  where: string;
  value: number;
  /** The least the reading allows (a range "1-2": 1); equals `value` otherwise. */
  min: number;
  words: string;
}

/** A place that states the fact but could not be read. `blocking`: the order cannot be trusted (an invalid value). */
export interface Unreadable {
  where: string;
  reason: NotComputableReason;
  message: string;
  blocking: boolean;
}

export type Agreement =
  | { kind: "agree"; value: number; min: number; first: NumberReading; confirmedBy: string[] }
  | { kind: "disagree"; message: string }
  | { kind: "none" };

/** Whether the readings agree; the agreed value is the first reading's (readings are given most structured first). */
export function agreeOn(readings: readonly NumberReading[], what: string): Agreement {
  const [first] = readings;
  if (first === undefined) return { kind: "none" };
  for (const r of readings) {
    if (!agreeWithin(r.value, first.value)) {
      return { kind: "disagree", message: `The order states the ${what} differently: ${first.where} says ${first.words}, ${r.where} says ${r.words}.` };
    }
  }
  return { kind: "agree", value: first.value, min: first.min, first, confirmedBy: readings.slice(1).map((r) => r.where) };
}

/** Records readings for the ledger: agreeing ones `true`, the ones that disagree with the first `false`, unreadable ones `null`. */
export function recordReadings(out: FactReading[], fact: ReadingFact, readings: readonly NumberReading[], unreadable: readonly Unreadable[]): void {
  const first = readings[0];
  for (const r of readings) out.push({ fact, where: r.where, value: r.words, agrees: first === undefined ? null : agreeWithin(r.value, first.value) });
  for (const u of unreadable) out.push({ fact, where: u.where, value: `not read: ${u.message}`, agrees: null });
}

/** "2 tablets", "1 patch", "0.5 mL". */
export function unitsWords(value: number, unit: string, min?: number): string {
  const range = min !== undefined && min < value ? `${num(min)}-` : "";
  return `${range}${num(value)} ${unit}${value === 1 || unit === "mL" ? "" : unit.endsWith("h") ? "es" : "s"}`;
}

/** "3 a day", "1 every 7 days". */
export function perDayWords(value: number, min?: number): string {
  const range = min !== undefined && min < value ? `${num(min)}-` : "";
  if (value >= 1 || range !== "") return `${range}${num(value)} a day`;
  return `1 every ${num(1 / value)} days`;
}
