/**
 * Reference normalization for grouping by patient and resolving Medications inside an input:
 * `Patient/123`, `https://server/fhir/Patient/123`, `Patient/123/_history/2` -> `Patient/123`;
 * `urn:uuid:...` (transaction bundles) is kept as is until the bundle's fullUrls resolve it.
 */
const TYPED = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

/** `Type/id` for a relative or absolute literal reference, else the reference as written. */
export function normalizeReference(reference: string): string {
  const m = TYPED.exec(reference.trim());
  return m === null ? reference.trim() : `${m[1] ?? ""}/${m[2] ?? ""}`;
}
