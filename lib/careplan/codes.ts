/**
 * Code systems and codes written into the CarePlan, each with where it comes from.
 * docs/clinical-sources.md sections 3 (PainTreatmentCarePlan) and 4 (value sets);
 * docs/smart-sources.md section 5.5 (US Core CarePlan, write-back safety).
 */
import type { FactorTableId } from "@/lib/domain";
import { LOINC_SYSTEM, SNOMED_SYSTEM } from "@/lib/domain/code-systems";

/**
 * LOINC 80764-4 "Pain medicine Plan of care note": the required binding of
 * PainTreatmentCarePlan.category (HL7 CDC opioid CPG, value set `pain-treatment-plan`,
 * IG OID 2.16.840.1.114222.48.35).
 */
export const PAIN_PLAN_CATEGORY = {
  system: LOINC_SYSTEM,
  code: "80764-4",
  display: "Pain medicine Plan of care note",
} as const;

/**
 * HL7 "Data Exchange Profiles for the 2022 CDC Clinical Practice Guideline" (cdc-opioid-cpg 1.0.0)
 * PainTreatmentCarePlan: declared in meta.profile of a plan agreed with the patient (status
 * active, intent plan). The profile allows only active|completed, so a draft never claims it.
 * Definition: data/hl7-cdc-opioid-cpg/SD_PainTreatmentCarePlan.fsh; docs/clinical-sources.md section 3.
 */
export const PAIN_TREATMENT_CAREPLAN_PROFILE = "http://hl7.org/fhir/us/cdc-opioid-cpg/StructureDefinition/PainTreatmentCarePlan";

/** US Core CarePlan.category slice `AssessPlan` (US Core STU3.1.1-STU7 CarePlan profile). */
export const US_CORE_ASSESS_PLAN_CATEGORY = {
  system: "http://hl7.org/fhir/us/core/CodeSystem/careplan-category",
  code: "assess-plan",
  display: "Assessment and Plan of Treatment",
} as const;

/** SNOMED CT 390906007 "Follow-up encounter (procedure)", for the follow-up visit activities. */
export const FOLLOW_UP_ENCOUNTER = {
  system: SNOMED_SYSTEM,
  code: "390906007",
  display: "Follow-up encounter",
} as const;

/**
 * Identifier system for a `urn:uuid:` value: FHIR R4 Identifier guidance
 * (https://hl7.org/fhir/R4/datatypes.html#Identifier, "urn:ietf:rfc:3986" for URIs).
 */
export const PROPOSAL_IDENTIFIER_SYSTEM = "urn:ietf:rfc:3986";

/** Where each conversion-factor table comes from (clinical-sources.md section 2). Shown in the narrative and the note. */
export const FACTOR_TABLE_LABELS: Record<FactorTableId, string> = {
  "cdc-2022": "CDC 2022 Clinical Practice Guideline for Prescribing Opioids for Pain (conversion factors)",
  "cdc-2016": "CDC 2016 Guideline for Prescribing Opioids for Chronic Pain (conversion factors)",
};

/** R4 CarePlan.author target types (https://hl7.org/fhir/R4/careplan.html). */
export const CAREPLAN_AUTHOR_TYPES = [
  "Patient",
  "Practitioner",
  "PractitionerRole",
  "Device",
  "RelatedPerson",
  "Organization",
  "CareTeam",
] as const;
