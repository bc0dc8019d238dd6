/**
 * FHIR code-system URIs: the one definition of each in the repository (issue 14.4). Readers accept every
 * spelling a real EHR sends (the canonical URI and its `urn:oid:` form: FHIR R4 terminology, "Using Codes
 * in Resources" / the HL7 terminology's code-system pages, which list both); writers always write the
 * canonical URI.
 */

/** RxNorm (NLM). Canonical URI. */
export const RXNORM_SYSTEM = "http://www.nlm.nih.gov/research/umls/rxnorm";
/** RxNorm's OID (2.16.840.1.113883.6.88), which some EHRs and C-CDA-derived resources send instead. */
export const RXNORM_OID_SYSTEM = "urn:oid:2.16.840.1.113883.6.88";

/** National Drug Code (FDA). Canonical URI. */
export const NDC_SYSTEM = "http://hl7.org/fhir/sid/ndc";
/** NDC's OID (2.16.840.1.113883.6.69). */
export const NDC_OID_SYSTEM = "urn:oid:2.16.840.1.113883.6.69";

/** LOINC. */
export const LOINC_SYSTEM = "http://loinc.org";
/** LOINC's OID (2.16.840.1.113883.6.1). */
export const LOINC_OID_SYSTEM = "urn:oid:2.16.840.1.113883.6.1";
/** SNOMED CT. */
export const SNOMED_SYSTEM = "http://snomed.info/sct";
/** SNOMED CT's OID (2.16.840.1.113883.6.96). */
export const SNOMED_OID_SYSTEM = "urn:oid:2.16.840.1.113883.6.96";
/** ICD-10-CM (US clinical modification). Canonical URI. */
export const ICD10CM_SYSTEM = "http://hl7.org/fhir/sid/icd-10-cm";
/** ICD-10-CM's OID (2.16.840.1.113883.6.90). */
export const ICD10CM_OID_SYSTEM = "urn:oid:2.16.840.1.113883.6.90";
/** WHO ICD-10, which some EHRs send for ICD-10-CM codes (its categories are ICD-10-CM's). */
export const ICD10_SYSTEM = "http://hl7.org/fhir/sid/icd-10";
/** UCUM units. */
export const UCUM_SYSTEM = "http://unitsofmeasure.org";

/** True when `system` names RxNorm in either spelling. */
export function isRxNormSystem(system: string | undefined): boolean {
  return system === RXNORM_SYSTEM || system === RXNORM_OID_SYSTEM;
}

/** True when `system` names the NDC in either spelling. */
export function isNdcSystem(system: string | undefined): boolean {
  return system === NDC_SYSTEM || system === NDC_OID_SYSTEM;
}

/** True when `system` names LOINC in either spelling. */
export function isLoincSystem(system: string | undefined): boolean {
  return system === LOINC_SYSTEM || system === LOINC_OID_SYSTEM;
}

/** True when `system` names SNOMED CT in either spelling (any edition: the URI has no edition part). */
export function isSnomedSystem(system: string | undefined): boolean {
  return system === SNOMED_SYSTEM || system === SNOMED_OID_SYSTEM;
}

/** True when `system` names ICD-10-CM (either spelling) or WHO ICD-10. */
export function isIcd10System(system: string | undefined): boolean {
  return system === ICD10CM_SYSTEM || system === ICD10CM_OID_SYSTEM || system === ICD10_SYSTEM;
}
