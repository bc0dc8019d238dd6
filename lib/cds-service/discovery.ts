/**
 * The discovery document (GET /cds-services) and the prefetch templates. The templates ask
 * for what the app itself reads (lib/fhir/queries.ts), in the subset CDS Hooks 2.0 recommends
 * ("Prefetch query restrictions": type-level searches by patient and token; `_include` is
 * the one extra, for Medications referenced by the orders). The service reads prefetched data
 * by its content, not by these key names, so an EHR's own prefetch configuration works too
 * (lib/cds-service/prefetch.ts).
 */
import { hooksOf, SERVICE_TEXT, CDS_SERVICE_IDS, type CdsDiscovery, type CdsServiceDefinition, type CdsServiceId } from "@/lib/cds";
import { LOINC_SYSTEM, PAIN_PLAN_CATEGORY_CODE, READINESS_OBSERVATION_CODES } from "@/lib/fhir/observation-codes";
import { encodeQuery, encodeTokens } from "@/lib/fhir/queries";

const PATIENT = "patient={{context.patientId}}";

/** Prefetch keys and templates (a key names a record part; lib/cds-service/prefetch.ts relies on content first). */
export const PREFETCH_TEMPLATES = {
  medications: `MedicationRequest?${PATIENT}&${encodeQuery([["_include", "MedicationRequest:medication"]])}`,
  observations: `Observation?${PATIENT}&code=${encodeTokens(LOINC_SYSTEM, READINESS_OBSERVATION_CODES)}&${encodeQuery([["_sort", "-date"]])}`,
  conditions: `Condition?${PATIENT}`,
  carePlans: `CarePlan?${PATIENT}&category=${encodeTokens(LOINC_SYSTEM, [PAIN_PLAN_CATEGORY_CODE])}`,
} as const;

export type PrefetchKey = keyof typeof PREFETCH_TEMPLATES;

const SERVICE_PREFETCH: Record<CdsServiceId, readonly PrefetchKey[]> = {
  "opioid-mme-order-sign": ["medications", "observations", "conditions"],
  "opioid-taper-patient-view": ["medications", "observations", "conditions", "carePlans"],
};

const USAGE =
  "Needs the patient's MedicationRequests (with referenced Medications), Observations and Conditions: " +
  "prefetched, or readable from the FHIR server with fhirAuthorization (patient/MedicationRequest.rs, " +
  "patient/Medication.rs, patient/Observation.rs, patient/Condition.rs, patient/CarePlan.rs). " +
  "Without either, it answers with no cards.";

/** The prefetch templates of one service. */
export function prefetchOf(id: CdsServiceId): Record<string, string> {
  return Object.fromEntries(SERVICE_PREFETCH[id].map((k) => [k, PREFETCH_TEMPLATES[k]]));
}

/** One discovery entry per (service, hook). */
export function discovery(): CdsDiscovery {
  const services: CdsServiceDefinition[] = CDS_SERVICE_IDS.flatMap((id) =>
    hooksOf(id).map((hook) => ({ hook, id, ...SERVICE_TEXT[id], prefetch: prefetchOf(id), usageRequirements: USAGE })),
  );
  return { services };
}
