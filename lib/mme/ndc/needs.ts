/**
 * Whether any order needs the NDC table: a medication coded with an NDC and with no RxNorm
 * code the catalog knows. The caller then loads the table lazily (loadNdcLookup); otherwise
 * the ~56 KB (gzipped) table is never downloaded.
 */
import type { CodeableConcept, Medication, MedicationRequest, Resource } from "fhir/r4";
import { isNdcSystem, isRxNormSystem } from "@/lib/domain/code-systems";
import { productByRxnorm } from "@/lib/mme/catalog";

function ndcOnly(concept: CodeableConcept | undefined): boolean {
  const codings = concept?.coding ?? [];
  const hasNdc = codings.some((c) => isNdcSystem(c.system) && typeof c.code === "string");
  const knownRxnorm = codings.some((c) => isRxNormSystem(c.system) && typeof c.code === "string" && productByRxnorm(c.code) !== null);
  return hasNdc && !knownRxnorm;
}

function isMedication(resource: Resource): resource is Medication {
  return resource.resourceType === "Medication";
}

function containedNdcOnly(resource: Resource): boolean {
  return isMedication(resource) && ndcOnly(resource.code);
}

export function needsNdcLookup(requests: readonly MedicationRequest[], medications: readonly Medication[] = []): boolean {
  return (
    requests.some((r) => ndcOnly(r.medicationCodeableConcept) || (r.contained ?? []).some(containedNdcOnly)) ||
    medications.some((m) => ndcOnly(m.code))
  );
}
