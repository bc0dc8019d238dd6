/**
 * Literal references as the loader reads them, for grouping resources by patient and finding
 * the Medication an order names: `Patient/123`, `https://server/fhir/Patient/123` and
 * `Patient/123/_history/2` all mean `Patient/123` (FHIR R4 References, 2.3.0.1 literal
 * references: relative or absolute, optionally versioned). `urn:uuid:...` (transaction
 * bundles) and contained `#id` references are kept as written.
 */
const TYPED = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

/** `Type/id` for a relative or absolute literal reference, else the reference as written (trimmed). */
export function normalizeReference(reference: string): string {
  const trimmed = reference.trim();
  const m = TYPED.exec(trimmed);
  return m === null ? trimmed : `${m[1] ?? ""}/${m[2] ?? ""}`;
}

/** The id of the Patient a reference names, or null when it names no Patient. */
export function patientIdOf(reference: string): string | null {
  const m = TYPED.exec(reference.trim());
  return m !== null && m[1] === "Patient" ? (m[2] ?? null) : null;
}
