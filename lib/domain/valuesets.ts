/**
 * Clinical value sets: the one set every consumer uses (readiness, the CDS service, the
 * commands, the Observation search). Generated from data/valuesets/ (the CDC opioid CDS IG's
 * published expansions, vendored unchanged, and the project's own sets and amendments) by
 * `npm run generate:valuesets` into valuesets.generated.ts; matched by lib/taper/codes/valuesets.ts.
 *
 * Matching: SNOMED CT and RxNorm codes exactly (there is no SNOMED CT release in this
 * repository: a descendant is recognised only when a published expansion lists it);
 * ICD-10-CM by the codes and ranges the set lists, with their descendants (an ICD-10-CM code
 * extends its parent's characters), never by a letter prefix.
 */

export const CONDITION_VALUE_SET_IDS = [
  "opioid-use-disorder",
  "opioid-use-disorder-in-remission",
  "opioid-related-condition",
  "opioid-overdose",
  "intentional-overdose",
  "suicide-attempt-or-ideation",
  "substance-use-disorder",
  "sleep-disordered-breathing",
  "cancer",
  "palliative-or-end-of-life",
  "sickle-cell-disease",
  "pregnancy",
  "mood-disorder",
  "anxiety-or-ptsd",
] as const;
export type ConditionValueSetId = (typeof CONDITION_VALUE_SET_IDS)[number];

export const MEDICATION_VALUE_SET_IDS = [
  "benzodiazepines",
  "other-cns-depressants",
  "naloxone-rescue",
  "buprenorphine",
  "buprenorphine-oud-formulations",
  "methadone",
] as const;
export type MedicationValueSetId = (typeof MEDICATION_VALUE_SET_IDS)[number];

export interface ConditionValueSet {
  title: string;
  /** Where each part comes from: IG value sets (canonical URL, expansion date), project sets, amendments with their reasons. */
  sources: readonly string[];
  snomed: readonly string[];
  /**
   * ICD-10-CM codes (upper case, no dot) that match with their descendants, or ranges of
   * 3-character categories ("C00-C96").
   */
  icd10: readonly string[];
  /** ICD-10-CM codes or ranges excluded, with their descendants. */
  icd10Exclude: readonly string[];
  /** For poisoning codes: the 6th character (intent) must be one of these; empty: any. */
  icd10Intent: readonly string[];
}

export interface MedicationValueSet {
  title: string;
  sources: readonly string[];
  rxnorm: readonly string[];
}

/**
 * What a urine drug test measures, as the readiness rules compare it with what is
 * prescribed (CDC 2022 Rec 10): `opiates` is the class immunoassay (morphine, codeine,
 * heroin; variably hydrocodone and hydromorphone; not synthetic opioids).
 */
export type UrineDrugAnalyte =
  | "opiates" | "morphine" | "codeine" | "hydrocodone" | "hydromorphone" | "oxycodone" | "oxymorphone"
  | "fentanyl" | "fentanyl-analog" | "methadone" | "buprenorphine" | "tramadol" | "tapentadol"
  | "heroin" | "benzodiazepines" | "cocaine" | "phencyclidine";

export interface UrineDrugTest {
  /** LOINC code. */
  code: string;
  analyte: UrineDrugAnalyte;
  /** Presumptive (screen, usually an immunoassay), confirmatory, or not stated. */
  method: "screen" | "confirm" | "unspecified";
  /** Presence/absence, or a measured amount. */
  scale: "qualitative" | "quantitative";
}
