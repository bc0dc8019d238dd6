/**
 * Best-effort reads from raw (unvalidated) JSON, for labelling a resource that failed
 * validation. Never used to compute anything.
 */

/** The own property `key` of `value` when `value` is a plain object, else undefined. */
export function rawProp(value: unknown, key: string): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const found: unknown = Object.getOwnPropertyDescriptor(value, key)?.value;
  return found;
}

/** The own string property `key` of `value`, or null. */
export function rawString(value: unknown, key: string): string | null {
  const found = rawProp(value, key);
  return typeof found === "string" ? found : null;
}

function conceptText(concept: unknown): string | null {
  const text = rawString(concept, "text");
  if (text !== null) return text;
  const codings = rawProp(concept, "coding");
  if (!Array.isArray(codings)) return null;
  for (const coding of codings) {
    const display = rawString(coding, "display") ?? rawString(coding, "code");
    if (display !== null) return display;
  }
  return null;
}

/** A display for a raw resource: its medication or code text, else null. */
export function rawDisplay(value: unknown): string | null {
  return (
    conceptText(rawProp(value, "medicationCodeableConcept")) ??
    rawString(rawProp(value, "medicationReference"), "display") ??
    conceptText(rawProp(value, "code"))
  );
}
