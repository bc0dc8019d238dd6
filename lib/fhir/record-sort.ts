/**
 * Sorts the raw resources of the patient searches into typed buckets. Every resource a
 * search was expected to return is parsed with `parseResourceAs`; one that fails becomes an
 * `UnreadableResource` (shown, never dropped). A resource whose subject names a different
 * patient than the launch patient is refused the same way: a server or proxy that mixes
 * patients must never feed another patient's orders into this patient's MME.
 */
import type { CarePlan, Condition, Medication, MedicationRequest, Observation } from "fhir/r4";
import type { UnreadableResource } from "@/lib/domain";
import { parseResourceAs, unreadable } from "./parse";
import { rawProp, rawString } from "./raw";
import type { SearchKey } from "./queries";

export interface RecordResources {
  medicationRequests: MedicationRequest[];
  /** Medications that came with the orders (`_include`). */
  medications: Medication[];
  observations: Observation[];
  conditions: Condition[];
  carePlans: CarePlan[];
  unreadable: UnreadableResource[];
}

export function emptyResources(): RecordResources {
  return { medicationRequests: [], medications: [], observations: [], conditions: [], carePlans: [], unreadable: [] };
}

/** Resource types each search may return; anything else is counted as `ignored`. */
export const EXPECTED_TYPES: Record<SearchKey, readonly string[]> = {
  medicationRequests: ["MedicationRequest", "Medication"],
  observations: ["Observation"],
  conditions: ["Condition"],
  carePlans: ["CarePlan"],
};

const PATIENT_REF = /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

/** The patient id named by a raw resource's `subject` reference, or null when there is none or it is not a Patient. */
export function subjectPatientId(raw: unknown): string | null {
  const reference = rawString(rawProp(raw, "subject"), "reference");
  if (reference === null) return null;
  return PATIENT_REF.exec(reference)?.[1] ?? null;
}

/**
 * Parse and file one raw resource from search `key` into `into` (deduplicated by
 * type/id, since the same resource can arrive from two searches or pages).
 * Returns false when the resource type was not expected for that search (ignored).
 */
export function fileResource(into: RecordResources, key: SearchKey, raw: unknown, patientId: string, seen: Set<string>): boolean {
  const type = rawString(raw, "resourceType");
  if (type !== null && !EXPECTED_TYPES[key].includes(type)) return false;
  const id = rawString(raw, "id");
  if (type !== null && id !== null) {
    if (seen.has(`${type}/${id}`)) return true;
    seen.add(`${type}/${id}`);
  }
  const subject = subjectPatientId(raw);
  if (subject !== null && subject !== patientId) {
    into.unreadable.push(unreadable(raw, ["subject: refers to a different patient than the one the app was opened for"]).unreadable);
    return true;
  }
  fileParsed(into, key, type, raw);
  return true;
}

function fileParsed(into: RecordResources, key: SearchKey, type: string | null, raw: unknown): void {
  switch (type ?? EXPECTED_TYPES[key][0]) {
    case "Medication":
      return push(into.medications, into.unreadable, parseResourceAs("Medication", raw));
    case "MedicationRequest":
      return push(into.medicationRequests, into.unreadable, parseResourceAs("MedicationRequest", raw));
    case "Observation":
      return push(into.observations, into.unreadable, parseResourceAs("Observation", raw));
    case "Condition":
      return push(into.conditions, into.unreadable, parseResourceAs("Condition", raw));
    case "CarePlan":
      return push(into.carePlans, into.unreadable, parseResourceAs("CarePlan", raw));
    default:
      into.unreadable.push(unreadable(raw, [`resourceType: unexpected in this search`]).unreadable);
  }
}

function push<T>(bucket: T[], unreadableList: UnreadableResource[], result: { ok: true; resource: T } | { ok: false; unreadable: UnreadableResource }): void {
  if (result.ok) bucket.push(result.resource);
  else unreadableList.push(result.unreadable);
}
