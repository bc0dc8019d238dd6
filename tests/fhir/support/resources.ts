/** Small, valid R4 resources for gateway tests (scenario-named builders). */
export const PATIENT = "pat-1";

export function medicationRequest(id: string, patient = PATIENT, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    resourceType: "MedicationRequest",
    id,
    status: "active",
    intent: "order",
    subject: { reference: `Patient/${patient}` },
    medicationCodeableConcept: { coding: [{ system: "http://www.nlm.nih.gov/research/umls/rxnorm", code: "1049621", display: "oxycodone 5 MG Oral Tablet" }] },
    ...extra,
  };
}

export function medication(id: string): Record<string, unknown> {
  return { resourceType: "Medication", id, code: { coding: [{ system: "http://www.nlm.nih.gov/research/umls/rxnorm", code: "1049621" }] } };
}

export function observation(id: string, code = "72514-3", patient = PATIENT): Record<string, unknown> {
  return {
    resourceType: "Observation",
    id,
    status: "final",
    code: { coding: [{ system: "http://loinc.org", code }] },
    subject: { reference: `Patient/${patient}` },
    effectiveDateTime: "2025-01-10T10:00:00Z",
    valueQuantity: { value: 6, unit: "{score}", system: "http://unitsofmeasure.org", code: "{score}" },
  };
}

export function condition(id: string): Record<string, unknown> {
  return { resourceType: "Condition", id, subject: { reference: `Patient/${PATIENT}` }, code: { text: "Chronic low back pain" } };
}

export function carePlan(id: string): Record<string, unknown> {
  return { resourceType: "CarePlan", id, status: "active", intent: "plan", subject: { reference: `Patient/${PATIENT}` } };
}
