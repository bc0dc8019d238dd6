/**
 * The condition lists the readiness rules check: each names the value sets it draws on
 * (lib/domain/valuesets, from the CDC opioid CDS IG and the project's own sets, with their
 * sources) and, as a second reading for records coded with local or unlisted codes, the
 * words that name the condition in its text or displays. A match by name alone is said so
 * in the evidence, and a caution that would hold the plan asks for confirmation instead.
 */
import type { ConditionValueSetId } from "@/lib/domain/valuesets";

export interface ConditionCodeList {
  /** What the list finds, in words ("opioid use disorder"). */
  name: string;
  valueSets: readonly ConditionValueSetId[];
  /** Words that name the condition in a Condition's text or a coding's display (case-insensitive). */
  names: RegExp | null;
  /** Words that make a name match not count ("trait", "screening", "history of"). */
  notNames?: RegExp;
  /** Words in the condition's own text or displays that make even a code match not count (a postpartum O code is not a current pregnancy). */
  notByDisplay?: RegExp;
}

export const OPIOID_USE_DISORDER: ConditionCodeList = {
  name: "opioid use disorder",
  valueSets: ["opioid-use-disorder"],
  names: /\b(opioid|opiate|heroin|narcotic)s? (use disorder|dependence|abuse|addiction)\b/i,
  notNames: /\b(screen\w*|risk|family history|no history|denies)\b/i,
};

/** Use disorder codes that say "in remission" (SNOMED CT from the IG expansion; ICD-10-CM F11.11, F11.21). */
export const OPIOID_USE_DISORDER_IN_REMISSION: ConditionCodeList = {
  name: "opioid use disorder in remission",
  valueSets: ["opioid-use-disorder-in-remission"],
  names: /\bremission\b/i,
};

export const OPIOID_RELATED: ConditionCodeList = {
  name: "opioid-related condition (withdrawal, opioid-induced disorder, unspecified use)",
  valueSets: ["opioid-related-condition"],
  names: null,
};

export const OPIOID_OVERDOSE: ConditionCodeList = {
  name: "opioid overdose or poisoning",
  valueSets: ["opioid-overdose"],
  names: /\b(opioid|opiate|heroin|fentanyl|oxycodone|morphine|methadone|hydrocodone|hydromorphone|narcotic)s? (overdose|poisoning)\b|\boverdose of (opioid|opiate|heroin|fentanyl|narcotic)/i,
  notNames: /\b(risk|screen\w*|education|family history)\b/i,
};

export const INTENTIONAL_OVERDOSE: ConditionCodeList = {
  name: "intentional overdose or poisoning",
  valueSets: ["intentional-overdose"],
  names: /\bintentional (overdose|poisoning)\b|\bself-poisoning\b/i,
};

export const SUICIDALITY: ConditionCodeList = {
  name: "suicide attempt or suicidal ideation",
  valueSets: ["suicide-attempt-or-ideation"],
  names: /\bsuicid\w*/i,
  notNames: /\b(risk assessment|assessment|screen\w*|negative|denies|no suicidal|family history)\b/i,
};

export const SUBSTANCE_USE_DISORDER: ConditionCodeList = {
  name: "substance use disorder",
  valueSets: ["substance-use-disorder"],
  names: /\b(substance|alcohol|drug|cocaine|cannabis|stimulant|opioid|sedative)s? (use disorder|dependence|abuse)\b/i,
  notNames: /\b(screen\w*|risk|family history|denies)\b/i,
};

export const SLEEP_APNEA: ConditionCodeList = {
  name: "sleep-disordered breathing",
  valueSets: ["sleep-disordered-breathing"],
  names: /\bsleep apn(o)?ea\b|\bhypoventilation\b/i,
  notNames: /\b(screen\w*|risk|ruled out)\b/i,
};

export const CANCER: ConditionCodeList = {
  name: "active cancer",
  valueSets: ["cancer"],
  names: /\b(cancer|carcinoma|malignan\w*|lymphoma|leuk(a)?emia|sarcoma|melanoma|myeloma|metasta\w*|neoplasm)\b/i,
  notNames: /\b(benign|in situ|basal cell|squamous cell carcinoma of (the )?skin|history of|family history|screening|screen|risk|suspected|ruled out)\b/i,
};

export const PALLIATIVE: ConditionCodeList = {
  name: "palliative, hospice or end-of-life care",
  valueSets: ["palliative-or-end-of-life"],
  names: /\b(palliative|hospice|end[- ]of[- ]life|terminal illness)\b/i,
};

export const SICKLE_CELL: ConditionCodeList = {
  name: "sickle cell disease",
  valueSets: ["sickle-cell-disease"],
  names: /\bsickl(e|ing)\b|\bhb[- ]?ss\b/i,
  notNames: /\btrait\b|\bcarrier\b/i,
};

/** Words that make a pregnancy code or name not a current pregnancy (postpartum, delivered). */
export const NOT_CURRENT_PREGNANCY = /\b(puerper\w*|postpartum|post-partum|childbirth|delivered|after delivery|lactation|history of)\b/i;

export const PREGNANCY: ConditionCodeList = {
  name: "current pregnancy",
  valueSets: ["pregnancy"],
  names: /\bpregnan\w*/i,
  notNames: /\b(not pregnant|test|termination|ectopic|abortion|miscarriage|puerper\w*|postpartum|post-partum|childbirth|delivered|history of|prevention)\b/i,
  notByDisplay: NOT_CURRENT_PREGNANCY,
};

export const DEPRESSION: ConditionCodeList = {
  name: "depression or bipolar disorder",
  valueSets: ["mood-disorder"],
  names: /\b(depress\w*|bipolar|dysthymi\w*)\b/i,
  notNames: /\b(respiratory|screen\w*|negative|denies|family history|risk)\b/i,
};

export const ANXIETY: ConditionCodeList = {
  name: "anxiety disorder or post-traumatic stress disorder",
  valueSets: ["anxiety-or-ptsd"],
  names: /\b(anxiety|panic disorder|post-?traumatic stress|ptsd)\b/i,
  notNames: /\b(screen\w*|negative|denies|family history|risk)\b/i,
};
