/**
 * Small FHIR records for worked examples: each resource is validated by lib/fhir's schemas
 * on the way in (scenarioInputs), and the MME is computed by lib/mme, as the app does.
 */
import type { ReadinessInputs } from "@/lib/taper";
import { scenarioInputs } from "./scenario";

let next = 0;
const id = (prefix: string): string => `${prefix}-${(next += 1)}`;

export function bundle(...resources: object[]): unknown {
  return { resourceType: "Bundle", type: "collection", entry: resources.map((resource) => ({ resource })) };
}

export function inputs(asOf: string, resources: object[], unavailable: ReadinessInputs["unavailable"] = {}): ReadinessInputs {
  return scenarioInputs(bundle(...resources), asOf, unavailable);
}

interface Coded { system: string; code: string; display?: string }
export const snomed = (code: string, display?: string): Coded => ({ system: "http://snomed.info/sct", code, ...(display === undefined ? {} : { display }) });
export const icd10 = (code: string, display?: string): Coded => ({ system: "http://hl7.org/fhir/sid/icd-10-cm", code, ...(display === undefined ? {} : { display }) });
export const rxnorm = (code: string, display?: string): Coded => ({ system: "http://www.nlm.nih.gov/research/umls/rxnorm", code, ...(display === undefined ? {} : { display }) });
export const loinc = (code: string, display?: string): Coded => ({ system: "http://loinc.org", code, ...(display === undefined ? {} : { display }) });

export function condition(coding: Coded[], opts: { clinicalStatus?: string; onset?: string; text?: string; verification?: string } = {}): object {
  return {
    resourceType: "Condition", id: id("cond"), subject: { reference: "Patient/p1" },
    code: { coding, ...(opts.text === undefined ? {} : { text: opts.text }) },
    ...(opts.clinicalStatus === undefined ? {} : { clinicalStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code: opts.clinicalStatus }] } }),
    ...(opts.verification === undefined ? {} : { verificationStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-ver-status", code: opts.verification }] } }),
    ...(opts.onset === undefined ? {} : { onsetDateTime: opts.onset }),
  };
}

/** A MedicationRequest: one unit every `periodHours`, `status` active unless said. */
export function order(coding: Coded[], opts: { status?: string; authoredOn?: string; periodHours?: number; text?: string; id?: string } = {}): object {
  return {
    resourceType: "MedicationRequest", id: opts.id ?? id("mr"), status: opts.status ?? "active", intent: "order", subject: { reference: "Patient/p1" },
    authoredOn: opts.authoredOn ?? "2025-02-01",
    medicationCodeableConcept: { coding, ...(opts.text === undefined ? {} : { text: opts.text }) },
    dosageInstruction: [{ timing: { repeat: { frequency: 1, period: opts.periodHours ?? 12, periodUnit: "h" } }, doseAndRate: [{ doseQuantity: { value: 1, unit: "tablet" } }] }],
  };
}

/** An Observation dated `day` with the value fields given. */
export function observation(coding: Coded[], day: string, value: object, opts: { status?: string; id?: string; component?: object[] } = {}): object {
  return {
    resourceType: "Observation", id: opts.id ?? id("obs"), status: opts.status ?? "final", subject: { reference: "Patient/p1" },
    code: { coding }, effectiveDateTime: `${day}T10:00:00Z`, ...value, ...(opts.component === undefined ? {} : { component: opts.component }),
  };
}
