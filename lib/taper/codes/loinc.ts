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
/** PHQ-9 item 9: thoughts that you would be better off dead, or of hurting yourself (read alone or as a component of its panel, 44249-1). */
export const PHQ9_ITEM9 = ["44260-8"] as const;
export const PHQ2_TOTAL = ["55758-7"] as const;
export const GAD7_TOTAL = ["70274-6"] as const;
/**
 * Panels whose components carry the scores above (PHQ-9, PHQ-9 Modified for Teens, PHQ-2, GAD-7): the
 * readers take a score from any Observation's component (readiness/scores.ts), so an item 9 or a total
 * recorded only inside its panel is read when the panel is fetched (issue 21 item 8).
 */
export const SCORE_PANELS = ["44249-1", "89206-7", "55757-9", "69737-5"] as const;

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
