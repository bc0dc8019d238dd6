/**
 * Safe reading of unparsed JSON. The MME engine accepts any value where a FHIR resource is
 * expected (a validated `fhir/r4` object, a raw vendor resource that failed validation, or
 * junk) and reads it only through these accessors, so no input can make it throw (issue 13
 * item 7). Each accessor returns the value when it has the expected JSON type, else "absent"
 * (`undefined`, an empty array, `null`); numbers must be finite.
 */

export type JsonObject = Readonly<Record<string, unknown>>;

const EMPTY: readonly unknown[] = [];

/** The value as an object (not an array, not null), or null. */
export function obj(value: unknown): JsonObject | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as JsonObject) : null;
}

/**
 * A property of an object; undefined for anything else. Inherited properties (`toString`...) can
 * only come back as functions, which no accessor below accepts; the engine reads fixed FHIR keys
 * only (never `__proto__`). Parsed JSON has no getters, so a plain read cannot throw.
 */
export function at(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? (value as JsonObject)[key] : undefined;
}

/** The value as an array; any other value is an empty array. */
export function arr(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : EMPTY;
}

/** The value as a string, or undefined. */
export function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** The value as a non-blank string, trimmed, or undefined. */
export function text(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const t = value.trim();
  return t === "" ? undefined : t;
}

/** The value as a finite number, or undefined (numeric strings, NaN and infinities are not numbers here). */
export function num(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** A FHIR Quantity as read: `value` null when absent; `invalid` when present but not a finite number. */
export interface QuantityView {
  value: number | null;
  invalid: boolean;
  unit: string | undefined;
  code: string | undefined;
}

/** Reads a Quantity-shaped value; null when it is not an object. */
export function quantity(value: unknown): QuantityView | null {
  if (obj(value) === null) return null;
  const raw = at(value, "value");
  const n = num(raw);
  return { value: n ?? null, invalid: raw !== undefined && n === undefined, unit: str(at(value, "unit")), code: str(at(value, "code")) };
}

/** A FHIR Coding as read (blank strings are absent). */
export interface CodingView {
  system: string | undefined;
  code: string | undefined;
  display: string | undefined;
}

/** A CodeableConcept as read: its codings and its text. */
export interface ConceptView {
  coding: CodingView[];
  text: string | undefined;
}

/** Reads a CodeableConcept-shaped value (codings that are not objects are skipped); null when not an object. */
export function concept(value: unknown): ConceptView | null {
  if (obj(value) === null) return null;
  const coding: CodingView[] = [];
  for (const c of arr(at(value, "coding"))) {
    if (obj(c) === null) continue;
    coding.push({ system: text(at(c, "system")), code: text(at(c, "code")), display: text(at(c, "display")) });
  }
  return { coding, text: text(at(value, "text")) };
}

/** A FHIR Period's ends as written (unvalidated; lib/mme/dates reads them). */
export function period(value: unknown): { start: string | undefined; end: string | undefined } | null {
  if (obj(value) === null) return null;
  return { start: str(at(value, "start")), end: str(at(value, "end")) };
}
