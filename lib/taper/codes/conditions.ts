/**
 * Condition code lists (SNOMED CT and ICD-10-CM), small and curated, each with its source.
 * Where the CDC opioid CDS IG (cqframework/opioid-cds-r4 2022.1.0, clinical-sources.md section 4)
 * has a value set, the list below is taken from it (the roots of its `is-a` filters and the
 * most common descendants); elsewhere the codes are well-known SNOMED CT concepts and
 * ICD-10-CM categories (curated for this project; a site can extend them).
 */
import { OPIOID_USE_DISORDER_CODES } from "@/lib/domain/opioids";

export { SNOMED_SYSTEM } from "@/lib/domain/code-systems";
export const ICD10_SYSTEMS = ["http://hl7.org/fhir/sid/icd-10-cm", "http://hl7.org/fhir/sid/icd-10"] as const;

export interface ConditionCodeList {
  name: string;
  source: string;
  snomed: readonly string[];
  /** ICD-10-CM code prefixes, without the dot ("F11" matches F11.20). */
  icd10Prefixes: readonly string[];
  /** For poisoning codes: the 6th character (intent) must be one of these (1-4: accidental, self-harm, assault, undetermined; not 5 adverse effect, 6 underdosing). */
  icd10IntentCharacters?: readonly string[];
}

/** Shared with the MME engine (lib/domain/opioids.ts), so both read one list. */
export const OPIOID_USE_DISORDER: ConditionCodeList = OPIOID_USE_DISORDER_CODES;

export const OPIOID_OVERDOSE: ConditionCodeList = {
  name: "opioid overdose or poisoning",
  source: "CDC IG value set opioid-misuse-disorders (poisoning and intoxication concepts); ICD-10-CM T40.0-T40.4, T40.6 with intent 1-4",
  snomed: ["1148649003", "242253008", "77721001", "47836003", "60199004", "13187008", "68099003", "18052008", "290174008"],
  icd10Prefixes: ["T400", "T401", "T402", "T403", "T404", "T406"],
  icd10IntentCharacters: ["1", "2", "3", "4"],
};

export const SUBSTANCE_USE_DISORDER: ConditionCodeList = {
  name: "substance use disorder",
  source: "CDC IG value set conditions-documenting-substance-misuse (2.16.840.1.114222.48.11): is-a 1254812006 substance dependence and others; ICD-10-CM F10-F16, F18, F19 (not F17 nicotine)",
  snomed: ["1254812006", "66214007", "5602001", "75544000", "7200002", "66590003", "31956009", "85005007", "51339003"],
  icd10Prefixes: ["F10", "F11", "F12", "F13", "F14", "F15", "F16", "F18", "F19"],
};

export const DEPRESSION: ConditionCodeList = {
  name: "depression",
  source: "Curated: SNOMED CT depressive disorder, major depressive disorder (as emitted by Synthea); ICD-10-CM F32, F33, F34.1",
  snomed: ["35489007", "370143000", "36923009"],
  icd10Prefixes: ["F32", "F33", "F341"],
};

export const ANXIETY: ConditionCodeList = {
  name: "anxiety",
  source: "Curated: SNOMED CT anxiety disorder, generalized anxiety disorder; ICD-10-CM F41",
  snomed: ["197480006", "21897009"],
  icd10Prefixes: ["F41"],
};

export const SUICIDALITY: ConditionCodeList = {
  name: "suicidal ideation or attempt",
  source: "Curated: SNOMED CT suicidal thoughts, suicide attempt; ICD-10-CM R45.851, T14.91",
  snomed: ["6471006", "82313006"],
  icd10Prefixes: ["R45851", "T1491"],
};

export const INTENTIONAL_OVERDOSE: ConditionCodeList = {
  name: "intentional overdose or poisoning",
  source: "CDC IG value set opioid-misuse-disorders (its intentional poisoning and overdose concepts); ICD-10-CM T36-T50 with intent 2 (intentional self-harm)",
  snomed: ["1148647001", "1156507003", "295195001", "290203009", "295186009", "290193005", "242829007", "242831003", "290171000"],
  icd10Prefixes: ["T36", "T37", "T38", "T39", "T40", "T41", "T42", "T43", "T44", "T45", "T46", "T47", "T48", "T49", "T50"],
  icd10IntentCharacters: ["2"],
};

export const PREGNANCY: ConditionCodeList = {
  name: "pregnancy",
  source: "Curated: SNOMED CT pregnancy, normal pregnancy (Synthea); ICD-10-CM chapter O, Z33.1, Z34",
  snomed: ["77386006", "72892002"],
  icd10Prefixes: ["O", "Z331", "Z34"],
};

export const CANCER: ConditionCodeList = {
  name: "active cancer",
  source: "CDC IG exclusions (OpioidCDSRoutines.cql; value set cdc-malignant-cancer-conditions); curated SNOMED CT malignant neoplasm concepts (incl. Synthea's 314994000 metastasis from prostate cancer); ICD-10-CM C00-C96",
  snomed: ["363346000", "254637007", "254632001", "93761005", "363406005", "254837009", "314994000"],
  icd10Prefixes: ["C"],
};

export const PALLIATIVE: ConditionCodeList = {
  name: "palliative, hospice or end-of-life care",
  source: "CDC IG exclusions (value sets conditions-likely-terminal-for-opioid-prescribing, limited-life-expectancy-conditions, therapies-indicating-end-of-life-care; example 708248004); ICD-10-CM Z51.5",
  snomed: ["708248004", "162607003", "300936002", "103735009", "385763009", "182964004"],
  icd10Prefixes: ["Z515"],
};

export const SICKLE_CELL: ConditionCodeList = {
  name: "sickle cell disease",
  source: "CDC IG value set sickle-cell-diseases: is-a 417357006; ICD-10-CM D57 (not D57.3 trait)",
  snomed: ["417357006", "127040003"],
  icd10Prefixes: ["D570", "D571", "D572", "D574", "D578"],
};

export const SLEEP_APNEA: ConditionCodeList = {
  name: "sleep apnea",
  source: "CDC IG value set conditions-documenting-sleep-disordered-breathing (2.16.840.1.114222.48.10), curated: SNOMED CT sleep apnea, obstructive sleep apnea; ICD-10-CM G47.3",
  snomed: ["73430006", "78275009"],
  icd10Prefixes: ["G473"],
};
