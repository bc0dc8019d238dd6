/**
 * Per-order collector of assumptions and discrepancies, and the Step result type used by the
 * dose arithmetic. Expected clinical outcomes are values: a failed step carries a stable
 * reason code and a sentence, never an exception.
 */
import type { Assumption, NotComputableReason } from "@/lib/domain";

export interface Notes {
  assumptions: Assumption[];
  discrepancies: string[];
  /**
   * `code message` of each assumption recorded by `assume` (constant-time de-duplication: an order
   * may have 100k dosage lines); created on first use (most orders are excluded before any).
   */
  seen: Set<string> | null;
}

export function newNotes(): Notes {
  return { assumptions: [], discrepancies: [], seen: null };
}

/** Records an assumption once (the same code and message twice is one assumption). */
export function assume(notes: Notes, code: string, message: string): void {
  const key = `${code} ${message}`;
  if (notes.seen === null) notes.seen = new Set();
  if (notes.seen.has(key)) return;
  notes.seen.add(key);
  notes.assumptions.push({ code, message });
}

export interface Failure {
  ok: false;
  reason: NotComputableReason;
  message: string;
}
export type Step<T> = { ok: true; value: T } | Failure;

export function fail(reason: NotComputableReason, message: string): Failure {
  return { ok: false, reason, message };
}

/** "where: message." with one final full stop, whether or not the message ends with one. */
export function placed(where: string, message: string): string {
  return `${where}: ${message.replace(/\.+$/, "")}.`;
}

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** Formats a number for a sentence: at most 3 decimals, no trailing zeros. */
export function num(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}
