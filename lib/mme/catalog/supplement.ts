/**
 * RxNorm codes that real data carries but data/rxnorm-opioids.tsv lacks
 * (clinical-sources.md sections 3 and 5; tests/fixtures/sandbox-patients/README.md; the CDC MME IG
 * OMTKLogic test vectors). Hand-written, so each row says where it comes from; keep it short.
 *
 * Two kinds of rows:
 * - full products (strength known), looked up like catalog rows;
 * - ingredient-level codes (an RxNorm ingredient code such as 7804 oxycodone, or a product
 *   whose strength we could not verify): the order is recognised as an opioid, and is
 *   "not computable: unknown strength" unless the form alone decides (injection).
 *
 * Not here: 856980. Synthea displays it as "Acetaminophen/Hydrocodone", but the code is the
 * SCD "acetaminophen 300 MG / hydrocodone bitartrate 10 MG Oral Tablet" (TSV, from OMTKData's
 * RxNav pull), so the catalog row applies and the engine notes that the display names no strength.
 */
import type { DoseFormFamily, OpioidIngredient } from "@/lib/domain";
import type { CatalogProduct } from "./types";

const base = { source: "rxnorm-catalog", inCdcErVs: false, inCdcBuprenorphineVs: false, inCdcMoudVs: false, formulation: null } as const;

export const SUPPLEMENT_PRODUCTS: readonly CatalogProduct[] = [
  // Synthea / public SMART sandbox (57 orders in the R4 sample); not in OMTKData nor the CDC VS.
  { ...base, rxnorm: "1310197", name: "Acetaminophen 300 MG / HYDROcodone Bitartrate 5 MG [Vicodin]", ingredients: [{ ingredient: "hydrocodone", value: 5, unit: "mg", per: "unit" }], otherIngredients: ["acetaminophen"], doseForm: "oral-solid", doseFormName: "Oral Tablet", release: "IR", unit: "tablet", inCdcOpioidVs: false, commonPrimaryCare: true },
  // Synthea moderate-opioid module; meperidine has no CDC clinical factor (data file 0.1).
  { ...base, rxnorm: "861467", name: "Meperidine Hydrochloride 50 MG Oral Tablet", ingredients: [{ ingredient: "meperidine", value: 50, unit: "mg", per: "unit" }], otherIngredients: [], doseForm: "oral-solid", doseFormName: "Oral Tablet", release: "IR", unit: "tablet", inCdcOpioidVs: false, commonPrimaryCare: false },
  // Synthea (once): parenteral, oral factors do not apply.
  { ...base, rxnorm: "1732136", name: "1 ML Morphine Sulfate 5 MG/ML Injection", ingredients: [{ ingredient: "morphine", value: 5, unit: "mg", per: "mL" }], otherIngredients: [], doseForm: "injection", doseFormName: "Injection", release: "IR", unit: "mL", inCdcOpioidVs: false, commonPrimaryCare: false },
  // CDC CDS IG rec-04-05 request: branded component (SBDC) of Kadian, an ER morphine capsule.
  { ...base, rxnorm: "892495", name: "Morphine Sulfate 10 MG [Kadian]", ingredients: [{ ingredient: "morphine", value: 10, unit: "mg", per: "unit" }], otherIngredients: [], doseForm: "oral-solid", doseFormName: "Extended Release Oral Capsule", release: "ER/LA", unit: "capsule", inCdcOpioidVs: false, inCdcErVs: true, commonPrimaryCare: false },
  // CDC MME IG OMTKLogicTests vectors (TIRF fentanyl; not in the TSV, which holds patches only).
  { ...base, rxnorm: "1115577", name: "fentanyl 0.4 MG/ACTUAT Metered Dose Nasal Spray", ingredients: [{ ingredient: "fentanyl", value: 400, unit: "mcg", per: "unit" }], otherIngredients: [], doseForm: "nasal", doseFormName: "Metered Dose Nasal Spray", release: "IR", unit: "spray", inCdcOpioidVs: true, commonPrimaryCare: false },
  { ...base, rxnorm: "858087", name: "fentanyl 1.2 MG Buccal Film", ingredients: [{ ingredient: "fentanyl", value: 1200, unit: "mcg", per: "unit" }], otherIngredients: [], doseForm: "buccal", doseFormName: "Buccal Film", release: "IR", unit: "film", inCdcOpioidVs: true, commonPrimaryCare: false },
  { ...base, rxnorm: "1237050", name: "fentanyl 0.1 MG/ACTUAT Mucosal Spray", ingredients: [{ ingredient: "fentanyl", value: 100, unit: "mcg", per: "unit" }], otherIngredients: [], doseForm: "sublingual", doseFormName: "Mucosal Spray", release: "IR", unit: "spray", inCdcOpioidVs: true, commonPrimaryCare: false },
];

/** An RxNorm code that names opioid ingredients but no usable strength. */
export interface IngredientLevelCode {
  rxnorm: string;
  name: string;
  ingredients: readonly OpioidIngredient[];
  /** Known when the code fixes the form (e.g. an injection); null otherwise. */
  doseForm: DoseFormFamily | null;
}

export const INGREDIENT_LEVEL_CODES: readonly IngredientLevelCode[] = [
  // CDC MME IG OMTKLogicTests: fentanyl/ropivacaine injection (epidural): parenteral.
  { rxnorm: "1244687", name: "fentanyl / ropivacaine Injectable Solution", ingredients: ["fentanyl"], doseForm: "injection" },
  // RxNorm ingredient (IN) codes, as in the TSV's ingredient_rxcui column; 6754 meperidine per the CDC IG tests.
  { rxnorm: "1819", name: "buprenorphine", ingredients: ["buprenorphine"], doseForm: null },
  { rxnorm: "2670", name: "codeine", ingredients: ["codeine"], doseForm: null },
  { rxnorm: "4337", name: "fentanyl", ingredients: ["fentanyl"], doseForm: null },
  { rxnorm: "5489", name: "hydrocodone", ingredients: ["hydrocodone"], doseForm: null },
  { rxnorm: "3423", name: "hydromorphone", ingredients: ["hydromorphone"], doseForm: null },
  { rxnorm: "6813", name: "methadone", ingredients: ["methadone"], doseForm: null },
  { rxnorm: "7052", name: "morphine", ingredients: ["morphine"], doseForm: null },
  { rxnorm: "7804", name: "oxycodone", ingredients: ["oxycodone"], doseForm: null },
  { rxnorm: "7814", name: "oxymorphone", ingredients: ["oxymorphone"], doseForm: null },
  { rxnorm: "787390", name: "tapentadol", ingredients: ["tapentadol"], doseForm: null },
  { rxnorm: "10689", name: "tramadol", ingredients: ["tramadol"], doseForm: null },
  { rxnorm: "6754", name: "meperidine", ingredients: ["meperidine"], doseForm: null },
];

/** RxNorm ingredient code for naloxone (an antagonist: never an opioid order). */
export const NALOXONE_INGREDIENT_RXCUI = "7242";
