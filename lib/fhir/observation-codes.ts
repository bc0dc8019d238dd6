/**
 * LOINC codes of the Observations the readiness rules read, grouped by what they measure.
 * Data, not logic: the query builder asks the EHR for exactly these (server-side filter),
 * so a patient with thousands of vital signs does not page through all of them.
 * Source: docs/clinical-sources.md section 5 (each code verified there, except
 * 75893-8 whose display was not seen; it is still asked for so a PEG item 1 is not missed).
 * Must equal the codes lib/taper/codes/loinc.ts reads (tests/fhir/observation-codes.test.ts).
 */

import { URINE_DRUG_TESTS } from "@/lib/domain/valuesets.generated";

export { LOINC_SYSTEM } from "@/lib/domain/code-systems";

/** Pain intensity 0-10 (Synthea and the public sandbox file it under category vital-signs). */
export const PAIN_INTENSITY_CODES = ["72514-3"] as const;

/** PEG 3-item scale: panel, mean score, items 2 and 3, item 1 (Krebs 2009; HHS 2019 function assessment). */
export const PEG_CODES = ["91148-7", "91147-9", "91145-3", "91146-1", "75893-8"] as const;

/**
 * PHQ-9 total, PHQ-9 Modified for Teens total (what Synthea emits for adults too), PHQ-9 item 9
 * (self-harm), and the two panels: an item 9 recorded only as a component of its panel is
 * fetched with the panel (issue 21 item 8).
 */
export const PHQ9_CODES = ["44261-6", "89204-2", "44260-8", "44249-1", "89206-7"] as const;

/** PHQ-2 total, and its panel. */
export const PHQ2_CODES = ["55758-7", "55757-9"] as const;

/** GAD-7 total, and its panel. */
export const GAD7_CODES = ["70274-6", "69737-5"] as const;

/**
 * Urine drug tests the readiness rules read (CDC 2022 Rec 10): every presence/absence test
 * and every screen-method test of the CDC IG's urine drug screening value sets for the
 * analytes the rules compare with prescriptions (lib/domain/valuesets.generated.ts: opiates,
 * morphine, codeine, hydrocodone, hydromorphone, oxycodone, oxymorphone, fentanyl and its
 * analogs, methadone/EDDP, buprenorphine, tramadol, tapentadol, heroin/6-MAM,
 * benzodiazepines, cocaine, PCP). Amount-only confirmatory codes are left out to keep the
 * search URL short (a few kB); the commands read whatever the Bundle holds.
 */
export const URINE_DRUG_SCREEN_CODES: readonly string[] = URINE_DRUG_TESTS.filter((t) => t.scale === "qualitative" || t.method === "screen").map((t) => t.code);

/** Questionnaire scores (the EHR files these under category `survey`). */
export const SURVEY_CODES = [...PAIN_INTENSITY_CODES, ...PEG_CODES, ...PHQ9_CODES, ...PHQ2_CODES, ...GAD7_CODES] as const;

/** Every Observation code the readiness rules use. */
export const READINESS_OBSERVATION_CODES = [...SURVEY_CODES, ...URINE_DRUG_SCREEN_CODES] as const;

/** Observation category system (FHIR R4 observation-category). */
export const OBSERVATION_CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category";

/**
 * For EHRs that require `category` on Observation searches (Epic): one search per category,
 * each with the codes expected there. Pain intensity is asked for under both `survey` and
 * `vital-signs` because EHRs file it either way (Synthea: vital-signs).
 */
export const OBSERVATION_CODES_BY_CATEGORY: ReadonlyArray<{ category: string; codes: readonly string[] }> = [
  { category: "survey", codes: SURVEY_CODES },
  { category: "vital-signs", codes: PAIN_INTENSITY_CODES },
  { category: "laboratory", codes: URINE_DRUG_SCREEN_CODES },
];

/**
 * CarePlan category of earlier pain treatment plans: LOINC 80764-4 "Pain medicine Plan of
 * care note" (HL7 CDC opioid IG PainTreatmentCarePlan, clinical-sources.md section 4).
 */
export const PAIN_PLAN_CATEGORY_CODE = "80764-4";
