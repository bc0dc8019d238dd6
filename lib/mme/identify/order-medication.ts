/**
 * The medication of a MedicationRequest: `medicationCodeableConcept`, or `medicationReference`
 * resolved to a contained or supplied Medication (its code, else its ingredients), or, when
 * the Medication was not supplied, the reference's display name (flagged).
 */
import type { Medication, MedicationRequest } from "fhir/r4";
import type { NdcLookup } from "@/lib/mme/ndc";
import { identifyConcept } from "./concept";
import { findMedication, identifyMedication } from "./medication-resource";
import type { Identification } from "./types";

export function identifyOrderMedication(mr: MedicationRequest, medications: ReadonlyMap<string, Medication>, ndcLookup: NdcLookup | undefined): Identification {
  if (mr.medicationCodeableConcept !== undefined) return identifyConcept(mr.medicationCodeableConcept, ndcLookup);
  const ref = mr.medicationReference;
  if (ref === undefined) return { kind: "unidentified", name: "(no medication)", message: "The order names no medication." };
  const med = findMedication(mr, medications);
  if (med !== null) {
    const found = identifyMedication(med, ndcLookup);
    if (found.kind !== "product") return found;
    const from = ref.reference ?? "the referenced Medication";
    return { ...found, assumptions: [{ code: "mme.assume.medication-reference", message: `Medication read from ${from}.` }, ...found.assumptions] };
  }
  const label = ref.reference ?? ref.display ?? "(unresolved reference)";
  if (ref.display !== undefined && ref.display.trim() !== "") {
    const byName = identifyConcept({ text: ref.display }, undefined);
    if (byName.kind !== "unidentified") return byName;
  }
  return { kind: "unidentified", name: ref.display ?? label, message: `The referenced medication (${label}) was not provided, so it could not be identified.` };
}
