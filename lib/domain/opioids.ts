/**
 * Opioid products as the engines see them: ingredient, strength, dose form.
 * Built from data/rxnorm-opioids.tsv (lib/mme/catalog), from the
 * CDC 2018 NDC data file, or, flagged, from an RxNorm normalized name.
 */

import { CONDITION_VALUE_SETS } from "./valuesets.generated";
export const OPIOID_INGREDIENTS = [
  "benzhydrocodone",
  "buprenorphine",
  "butorphanol",
  "codeine",
  "dihydrocodeine",
  "fentanyl",
  "hydrocodone",
  "hydromorphone",
  "levomethadyl",
  "levorphanol",
  "meperidine",
  "methadone",
  "morphine",
  "opium",
  "oxycodone",
  "oxymorphone",
  "pentazocine",
  "sufentanil",
  "tapentadol",
  "tramadol",
] as const;

export type OpioidIngredient = (typeof OPIOID_INGREDIENTS)[number];

/**
 * Dose-form families that change the arithmetic or the factor.
 * - `oral-solid`: tablets, capsules (strength per unit)
 * - `oral-liquid`: solutions, concentrates (strength per mL)
 * - `transdermal`: patches (strength in mcg/h; MME = mcg/h x factor x patches worn)
 * - `buccal`, `sublingual`, `nasal`, `oral-transmucosal`: TIRF fentanyl and buprenorphine forms
 * - `injection`: parenteral; oral MME factors do not apply
 * - `other`: anything else (suppository, ...)
 */
export type DoseFormFamily =
  | "oral-solid"
  | "oral-liquid"
  | "transdermal"
  | "buccal"
  | "sublingual"
  | "nasal"
  | "oral-transmucosal"
  | "injection"
  | "other";

/** Immediate release vs extended-release/long-acting (CDC ER/LA value set). */
export type ReleaseKind = "IR" | "ER/LA";

/** The countable thing a dose is made of. */
export type ProductUnit = "tablet" | "capsule" | "patch" | "mL" | "film" | "spray" | "lozenge" | "unit";

/**
 * Strength of one opioid ingredient in a product.
 * - tablet 5 mg:          `{ value: 5, unit: "mg", per: "unit" }`
 * - solution 1 mg/mL:     `{ value: 1, unit: "mg", per: "mL" }`
 * - patch 0.025 mg/h:     `{ value: 25, unit: "mcg", per: "hour" }`
 * - nasal 100 mcg/spray:  `{ value: 100, unit: "mcg", per: "unit" }`
 */
export interface IngredientStrength {
  ingredient: OpioidIngredient;
  value: number;
  unit: "mg" | "mcg";
  per: "unit" | "mL" | "hour";
}

/** Where the product identity came from; shown to the clinician when not the catalog. */
export type ProductSource = "rxnorm-catalog" | "ndc-table" | "medication-resource" | "name-parse";

export interface OpioidProduct {
  /** RxNorm RXCUI when known (NDC-resolved products carry the NDC in `ndc`). */
  rxnorm: string | null;
  ndc?: string;
  /** RxNorm normalized name or best available display. */
  name: string;
  /** Opioid ingredients only (acetaminophen etc. are not listed here). */
  ingredients: IngredientStrength[];
  /** Non-opioid ingredient names, for display and for the acetaminophen ceiling caution. */
  otherIngredients: string[];
  doseForm: DoseFormFamily;
  /** Dose form as named by RxNorm, e.g. "Extended Release Oral Tablet". */
  doseFormName: string;
  release: ReleaseKind;
  unit: ProductUnit;
  source: ProductSource;
}

/**
 * Opioid use disorder codes, shared by the MME engine (methadone or buprenorphine ordered for
 * OUD is excluded from the pain MME: `mme.excluded.oud-treatment`) and readiness (the OUD
 * caution reads the same value sets through lib/taper/codes/conditions.ts). One home: the CDC
 * opioid CDS IG value set opioid-misuse-disorders (2.16.840.1.114222.48.32) as vendored in
 * data/valuesets/ and split by scripts/generate-valuesets.mjs into "opioid-use-disorder" (abuse,
 * dependence, use disorder, in remission: F11.1, F11.2) and "opioid-related-condition"
 * (withdrawal, opioid-induced disorders, unspecified use: F11.9). An order whose reason is any of
 * them is treatment of OUD, so together they cover the whole ICD-10-CM category F11.
 * docs/clinical-sources.md.
 */
const OUD_VALUE_SETS = [CONDITION_VALUE_SETS["opioid-use-disorder"], CONDITION_VALUE_SETS["opioid-related-condition"]] as const;
export const OPIOID_USE_DISORDER_CODES: { name: string; source: string; snomed: readonly string[]; icd10Prefixes: readonly string[] } = {
  name: "opioid use disorder",
  source: "CDC IG value set opioid-misuse-disorders (2.16.840.1.114222.48.32), as vendored: value sets opioid-use-disorder and opioid-related-condition",
  snomed: [...new Set(OUD_VALUE_SETS.flatMap((v) => v.snomed))],
  /** ICD-10-CM code prefixes, without the dot ("F112" matches F11.20). */
  icd10Prefixes: [...new Set(OUD_VALUE_SETS.flatMap((v) => v.icd10))],
};
