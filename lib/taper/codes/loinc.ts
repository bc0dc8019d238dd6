/**
 * LOINC codes the readiness rules read (docs/clinical-sources.md section 5, each
 * marked [V] there unless noted). lib/fhir/observation-codes.ts asks the EHR for exactly these codes;
 * tests/fhir/observation-codes.test.ts fails when the two lists differ.
 */
export { LOINC_SYSTEM } from "@/lib/domain/code-systems";

/** Pain severity 0-10 verbal numeric rating (Synthea files it under vital-signs, with decimals). */
export const PAIN_0_10 = ["72514-3"] as const;
/** PEG 3-item pain scale panel, and its mean score. */
export const PEG_PANEL = "91148-7";
export const PEG_MEAN = "91147-9";
/** PEG items: average pain (75893-8, display unverified [U]), enjoyment of life, general activity. */
export const PEG_ITEMS = ["75893-8", "91145-3", "91146-1"] as const;
/** PHQ-9 total score, and the PHQ-9 Modified for Teens total that Synthea emits for adults too. */
export const PHQ9_TOTAL = ["44261-6", "89204-2"] as const;
/** PHQ-9 item 9: thoughts that you would be better off dead, or of hurting yourself. */
export const PHQ9_ITEM9 = ["44260-8"] as const;
export const PHQ2_TOTAL = ["55758-7"] as const;
export const GAD7_TOTAL = ["70274-6"] as const;

/**
 * LOINC answers of the PHQ item answer list (Not at all / Several days / More than half the
 * days / Nearly every day) -> 0-3. [U]: the answer codes are not listed in clinical-sources.md; they
 * are used only when an item is sent as a coded answer without a number.
 */
export const PHQ_ANSWER_SCORES: Readonly<Record<string, number>> = {
  "LA6568-5": 0,
  "LA6569-3": 1,
  "LA6570-1": 2,
  "LA6571-9": 3,
};

export const DRUG_SCREEN_CLASSES = [
  "opiates", "fentanyl", "oxycodone", "methadone", "buprenorphine", "benzodiazepines", "cocaine", "cannabinoids", "phencyclidine", "heroin",
] as const;
export type DrugScreenClass = (typeof DRUG_SCREEN_CLASSES)[number];

/** Urine drug screens by class (clinical-sources.md section 5; CDC IG value sets `*-urine-drug-screening-tests`). */
export const URINE_DRUG_SCREENS: Readonly<Record<DrugScreenClass, readonly string[]>> = {
  opiates: ["19295-5"],
  fentanyl: ["59673-4", "58379-9"],
  oxycodone: ["19642-8", "58430-0"],
  methadone: ["19550-3", "93495-0"],
  buprenorphine: ["93494-3", "58359-1"],
  benzodiazepines: ["14316-4"],
  cocaine: ["14314-9", "70146-6"],
  cannabinoids: ["19415-9", "18282-4"],
  phencyclidine: ["19659-2"],
  heroin: ["19321-9"],
};
