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
/** SNOMED CT. */
export const SNOMED_SYSTEM = "http://snomed.info/sct";
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
