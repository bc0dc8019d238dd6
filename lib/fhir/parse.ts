/**
 * Parsing of inbound FHIR R4 JSON: `unknown` in, a typed `fhir/r4` resource or an
 * `UnreadableResource` out. Never throws. Used by the FHIR gateway, the CLI and the
 * sandbox tooling; the pure engines receive only what this returns.
 *
 * Contract:
 * - lenient on extra fields (kept in the output, unvalidated), strict on what the engines
 *   read (see lib/fhir/schemas/datatypes.ts for the caveat on undeclared fields);
 * - the parsed value is assignable to the `fhir/r4` type without a cast (checked by the
 *   return types below: a schema drifting from `@types/fhir` fails the typecheck);
 * - a resource that fails validation becomes an `UnreadableResource` carrying the
 *   validation messages with their paths (no values, so no patient data), and a display
 *   text read best-effort from the raw JSON, so it can be shown and never dropped silently.
 */
import type { Bundle, CarePlan, Condition, Medication, MedicationRequest, Observation, OperationOutcome, Patient } from "fhir/r4";
import type * as z from "./zod";
import type { UnreadableResource } from "@/lib/domain";
import {
  BundleSchema,
  CarePlanSchema,
  ConditionSchema,
  MedicationRequestSchema,
  MedicationSchema,
  ObservationSchema,
  OperationOutcomeSchema,
  PatientSchema,
} from "./schemas";
import { rawDisplay, rawString } from "./raw";

export interface ParsedResourceByType {
  MedicationRequest: MedicationRequest;
  Medication: Medication;
  Observation: Observation;
  Condition: Condition;
  CarePlan: CarePlan;
  Patient: Patient;
  Bundle: Bundle;
  OperationOutcome: OperationOutcome;
}
export type ParsedResourceType = keyof ParsedResourceByType;
export type ParsedResource = ParsedResourceByType[ParsedResourceType];

export type ParseResult<T> = { ok: true; resource: T } | { ok: false; unreadable: UnreadableResource };

/** At most this many validation messages per resource (the first ones are the useful ones). */
const MAX_ISSUES = 8;

type Parsers = { [K in ParsedResourceType]: (raw: unknown) => ParseResult<ParsedResourceByType[K]> };

const parsers: Parsers = {
  MedicationRequest: (raw) => run(MedicationRequestSchema, raw),
  Medication: (raw) => run(MedicationSchema, raw),
  Observation: (raw) => run(ObservationSchema, raw),
  Condition: (raw) => run(ConditionSchema, raw),
  CarePlan: (raw) => run(CarePlanSchema, raw),
  Patient: (raw) => run(PatientSchema, raw),
  Bundle: (raw) => run(BundleSchema, raw),
  OperationOutcome: (raw) => run(OperationOutcomeSchema, raw),
};

export const PARSED_RESOURCE_TYPES: readonly ParsedResourceType[] = [
  "MedicationRequest", "Medication", "Observation", "Condition", "CarePlan", "Patient", "Bundle", "OperationOutcome",
];

export function isParsedResourceType(value: unknown): value is ParsedResourceType {
  return typeof value === "string" && PARSED_RESOURCE_TYPES.some((t) => t === value);
}

/**
 * Parses any supported resource, dispatching on `resourceType`. A value that is not an
 * object, has no `resourceType`, or has one this app does not read is unreadable, with
 * the reason. Bundle entries are not parsed here: use `parseResource` on each entry.
 */
export function parseResource(raw: unknown): ParseResult<ParsedResource> {
  const resourceType = rawString(raw, "resourceType");
  if (resourceType === null) return unreadable(raw, [typeof raw === "object" && raw !== null ? "resourceType: missing" : "not a JSON object"]);
  if (!isParsedResourceType(resourceType)) return unreadable(raw, [`resourceType: ${resourceType} is not read by this app`]);
  return parsers[resourceType](raw);
}

/** Parses a resource that must be of `type` (e.g. a search result of `MedicationRequest?patient=`). */
export function parseResourceAs<K extends ParsedResourceType>(type: K, raw: unknown): ParseResult<ParsedResourceByType[K]> {
  const resourceType = rawString(raw, "resourceType");
  if (resourceType !== type) {
    return unreadable(raw, [`resourceType: expected ${type}, got ${resourceType ?? "none"}`]);
  }
  return parsers[type](raw);
}

function run<T>(schema: z.ZodType<T>, raw: unknown): ParseResult<T> {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, resource: result.data };
  const issues = result.error.issues.slice(0, MAX_ISSUES).map((i) => `${i.path.map(String).join(".") || "(root)"}: ${i.message}`);
  return unreadable(raw, issues);
}

/** Builds the UnreadableResource for a raw value (also used by callers for JSON syntax errors). */
export function unreadable(raw: unknown, issues: string[]): { ok: false; unreadable: UnreadableResource } {
  const resourceType = rawString(raw, "resourceType");
  const id = rawString(raw, "id");
  return {
    ok: false,
    unreadable: {
      resourceType,
      id,
      reference: resourceType !== null && id !== null ? `${resourceType}/${id}` : null,
      issues,
      display: rawDisplay(raw),
    },
  };
}
