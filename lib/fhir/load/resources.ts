/**
 * Raw resources -> typed buckets: every resource a caller expects is parsed with
 * `parseResourceAs` (lib/fhir/parse.ts); one that fails becomes an `UnreadableResource`
 * (shown, never dropped). One filing rule for every reader of FHIR data: the app's searches
 * (lib/fhir/record.ts), both commands and the warehouse UDF (one patient's resources from a
 * Bundle or NDJSON, lib/fhir/load/patient.ts), the sandbox launcher and the test scenarios.
 */
import type { CarePlan, Condition, Medication, MedicationRequest, Observation } from "fhir/r4";
import type { UnreadableResource } from "@/lib/domain";
import { parseResourceAs, unreadable, type ParseResult } from "../parse";
import { rawProp, rawString } from "../raw";
import { patientIdOf } from "./reference";

export interface RecordResources {
  medicationRequests: MedicationRequest[];
  /** Medications that came with the orders (`_include`, or referenced in the input). */
  medications: Medication[];
  observations: Observation[];
  conditions: Condition[];
  carePlans: CarePlan[];
  unreadable: UnreadableResource[];
}

/** The resource types filed into a bucket of RecordResources. */
export type FiledType = "MedicationRequest" | "Medication" | "Observation" | "Condition" | "CarePlan";

export function emptyResources(): RecordResources {
  return { medicationRequests: [], medications: [], observations: [], conditions: [], carePlans: [], unreadable: [] };
}

export interface FileOptions {
  /**
   * The types to keep, the first one being what a resource without `resourceType` is read
   * as (a search for orders that returns a typeless entry got a broken order). Any other
   * type is not filed (`fileResource` returns false).
   */
  expected: readonly FiledType[];
  /**
   * The patient every resource must belong to: a resource whose subject names another
   * patient is unreadable (a server or proxy that mixes patients must never feed another
   * patient's orders into this patient's MME). null: the caller grouped by subject already.
   */
  patientId: string | null;
  /** Type/id already filed (the same resource from two searches or pages is filed once). */
  seen?: Set<string>;
}

/** The reference in a raw resource's `subject` (or, for the few types that have it, `patient`), or null. */
export function subjectReference(raw: unknown): string | null {
  return rawString(rawProp(raw, "subject"), "reference") ?? rawString(rawProp(raw, "patient"), "reference");
}

/** The patient id named by a raw resource's `subject` reference, or null when there is none or it is not a Patient. */
export function subjectPatientId(raw: unknown): string | null {
  const reference = rawString(rawProp(raw, "subject"), "reference");
  return reference === null ? null : patientIdOf(reference);
}

function isFiledType(type: string, expected: readonly FiledType[]): type is FiledType {
  return expected.some((t) => t === type);
}

/**
 * Parses and files one raw resource into `into`. Returns false when its type is not
 * expected (not filed, for the caller to count as ignored).
 */
export function fileResource(into: RecordResources, raw: unknown, options: FileOptions): boolean {
  const type = rawString(raw, "resourceType");
  const readAs = type === null ? options.expected[0] : isFiledType(type, options.expected) ? type : undefined;
  if (readAs === undefined) return false;
  const id = rawString(raw, "id");
  if (type !== null && id !== null && options.seen !== undefined) {
    if (options.seen.has(`${type}/${id}`)) return true;
    options.seen.add(`${type}/${id}`);
  }
  const subject = subjectPatientId(raw);
  if (options.patientId !== null && subject !== null && subject !== options.patientId) {
    into.unreadable.push(unreadable(raw, ["subject: refers to a different patient than the one the app was opened for"]).unreadable);
    return true;
  }
  fileAs(into, readAs, raw);
  return true;
}

function fileAs(into: RecordResources, type: FiledType, raw: unknown): void {
  switch (type) {
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
  }
}

function push<T>(bucket: T[], unreadableList: UnreadableResource[], result: ParseResult<T>): void {
  if (result.ok) bucket.push(result.resource);
  else unreadableList.push(result.unreadable);
}

/** Files every raw resource of a flat list (one patient's resources) into fresh buckets. */
export function loadResources(raws: Iterable<unknown>, options: FileOptions): RecordResources {
  const into = emptyResources();
  for (const raw of raws) fileResource(into, raw, options);
  return into;
}

/**
 * The unreadable resources the MME engine must see: orders, and resources of unknown type
 * (a broken entry may be an order). They make the MME incomplete, never lower.
 */
export function unreadableOrders(list: readonly UnreadableResource[]): UnreadableResource[] {
  return list.filter((u) => u.resourceType === "MedicationRequest" || u.resourceType === null);
}
