/**
 * Literal references as the loader reads them, for grouping resources by patient and finding
 * the Medication an order names: `Patient/123`, `https://server/fhir/Patient/123` and
 * `Patient/123/_history/2` all mean `Patient/123` (FHIR R4 References, 2.3.0.1 literal
 * references: relative or absolute, optionally versioned). `urn:uuid:...` (transaction
 * bundles) and contained `#id` references are kept as written.
 */
import { parseReference } from "@/lib/domain/references";

/** `Type/id` for a relative or absolute literal reference (lib/domain/references), else the reference as written (trimmed). */
export function normalizeReference(reference: string): string {
  return parseReference(reference)?.relative ?? reference.trim();
}

/** The id of the Patient a reference names, or null when it names no Patient. */
export function patientIdOf(reference: string): string | null {
  const parsed = parseReference(reference);
  return parsed !== null && parsed.resourceType === "Patient" ? parsed.id : null;
}
