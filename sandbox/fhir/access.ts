/**
 * What a SMART access token allows on the sandbox's FHIR server. Stricter than the public
 * sandbox, whose proxy accepts requests without a token and never checks scopes (smart-sources.md
 * trap 13): here a missing scope is 403, and a `patient/` scope keeps the token inside the
 * Patient compartment of its patient (searches must name that patient; reads of another
 * patient's resources are refused).
 */
import { matchesSearchRequest, parseSearchRequest, type Filter } from "@medplum/core";
import type { Resource } from "@medplum/fhirtypes";
import { permittingScopes, type Interaction, type ResourceScope } from "../auth/scopes";
import { compartmentPatients, isPatientCompartmentType, patientIdFromReference, patientSearchParams, subjectReferences } from "./compartment";

export type AccessDecision =
  | {
      ok: true;
      /** The patient the request is confined to; null when a user/system scope allows it or the type is not patient data. */
      patient: string | null;
      /** v2 query constraints: the request must satisfy one of them; empty when unconstrained. */
      constraints: URLSearchParams[];
    }
  | { ok: false; reason: "insufficient_scope" | "forbidden"; message: string };

const VERB: Record<Interaction, string> = { c: "create", r: "read", u: "update", d: "delete", s: "search" };

/** Does the token allow `interaction` on `resourceType`? Source: SMART App Launch 2.2 scopes. */
export function decideInteraction(
  scopes: readonly ResourceScope[],
  tokenPatient: string | null,
  resourceType: string,
  interaction: Interaction,
): AccessDecision {
  const permitting = permittingScopes(scopes, resourceType, interaction);
  if (permitting.length === 0) {
    return { ok: false, reason: "insufficient_scope", message: `The access token's scopes do not allow ${VERB[interaction]} on ${resourceType}.` };
  }
  const unconstrained = permitting.filter((s) => s.query === null);
  const constraints = unconstrained.length ? [] : permitting.flatMap((s) => (s.query ? [s.query] : []));
  const broad = permitting.some((s) => s.context !== "patient");
  if (broad || !isPatientCompartmentType(resourceType)) return { ok: true, patient: null, constraints };
  if (!tokenPatient) {
    return { ok: false, reason: "forbidden", message: "The access token has patient scopes but no patient in context." };
  }
  return { ok: true, patient: tokenPatient, constraints };
}

/** A search must be for the token's patient and satisfy a query constraint, if any. */
export function checkSearch(decision: Extract<AccessDecision, { ok: true }>, resourceType: string, filters: readonly Filter[], query: URLSearchParams): AccessDecision {
  const patient = decision.patient;
  if (patient) {
    const codes = patientSearchParams(resourceType);
    const forPatient = filters.some(
      (f) => codes.includes(f.code) && f.operator === "eq" && f.value.split(",").every((v) => referencesPatient(v, patient)),
    );
    if (!forPatient) {
      const param = codes.includes("patient") ? "patient" : (codes[0] ?? "patient");
      return {
        ok: false,
        reason: "forbidden",
        message: `This token is limited to patient ${patient}: search ${resourceType} with ${param}=${param === "_id" ? patient : `Patient/${patient}`}.`,
      };
    }
  }
  if (decision.constraints.length && !decision.constraints.some((c) => [...c].every(([k, v]) => query.getAll(k).includes(v)))) {
    return { ok: false, reason: "insufficient_scope", message: `The access token only allows ${resourceType} searches with ${decision.constraints.map(String).join(" or ")}.` };
  }
  return decision;
}

/** A resource read, created or updated must be in the token's patient compartment and match a constraint. */
export function checkResource(decision: Extract<AccessDecision, { ok: true }>, resource: Resource): AccessDecision {
  const patient = decision.patient;
  if (patient && isPatientCompartmentType(resource.resourceType) && !compartmentPatients(resource).has(patient)) {
    return { ok: false, reason: "forbidden", message: `${resource.resourceType}/${resource.id ?? "(new)"} is not in the record of patient ${patient}.` };
  }
  if (decision.constraints.length) {
    const ok = decision.constraints.some((c) => {
      try {
        return matchesSearchRequest(resource, parseSearchRequest(resource.resourceType, Object.fromEntries(c)));
      } catch {
        return false;
      }
    });
    if (!ok) return { ok: false, reason: "insufficient_scope", message: `The access token does not allow this ${resource.resourceType}.` };
  }
  return decision;
}

/**
 * A resource a patient-scoped token creates or updates: the same checks as a read, and the
 * resource must belong to that patient alone: its subject (or `patient`) names the token's
 * patient, and no other patient appears anywhere in its compartment references. Otherwise a
 * token for patient A could write into patient B's chart by naming A elsewhere (a CarePlan
 * whose performer is A and subject is B is in A's compartment; issue 19.9).
 */
export function checkWrite(decision: Extract<AccessDecision, { ok: true }>, resource: Resource): AccessDecision {
  const patient = decision.patient;
  if (patient && isPatientCompartmentType(resource.resourceType) && resource.resourceType !== "Patient") {
    const subjects = subjectReferences(resource);
    const subjectOk = subjects.length > 0 && subjects.every((r) => patientIdFromReference(r) === patient);
    const others = [...compartmentPatients(resource)].filter((p) => p !== patient);
    if (!subjectOk || others.length > 0) {
      return { ok: false, reason: "forbidden", message: `This token may only write ${resource.resourceType} resources whose subject is patient ${patient} and that name no other patient.` };
    }
  }
  return checkResource(decision, resource);
}

function referencesPatient(value: string, patient: string): boolean {
  return value === patient || patientIdFromReference(value) === patient;
}
