/**
 * A row of the CDC 2018 MME data file -> the engine's OpioidProduct (source "ndc-table").
 * The file gives the drug, strength per unit and unit of measure, a master form and an SA/LA
 * flag; the dose-form family is read from the master form, the drug and, for the transmucosal
 * fentanyl and buprenorphine products, the product name (the file's forms "Tablet", "Film" and
 * "Spray" each cover oral, buccal, sublingual and nasal products).
 */
import { OPIOID_INGREDIENTS, type DoseFormFamily, type IngredientStrength, type OpioidIngredient, type ProductUnit } from "@/lib/domain";
import type { NdcTableProduct } from "./types";

interface FormMapping {
  doseForm: DoseFormFamily;
  unit: ProductUnit;
}

const OPIOIDS: ReadonlySet<string> = new Set(OPIOID_INGREDIENTS);
const SA_LA_SUFFIX = / (?:SA|LA)$/;

function isOpioidIngredient(name: string): name is OpioidIngredient {
  return OPIOIDS.has(name);
}

/** The file's Drug column ("Oxycodone SA", "Buprenorphine") as an ingredient, or null (propoxyphene). */
export function ingredientOf(row: NdcTableProduct): OpioidIngredient | null {
  const name = row.drug.replace(SA_LA_SUFFIX, "").trim().toLowerCase();
  return isOpioidIngredient(name) ? name : null;
}

/** Brand names of the transmucosal products, from their labels. */
const BRAND_FORMS: ReadonlyArray<readonly [RegExp, FormMapping]> = [
  [/\bFENTORA\b/, { doseForm: "buccal", unit: "tablet" }],
  [/\bABSTRAL\b/, { doseForm: "sublingual", unit: "tablet" }],
  [/\b(?:BELBUCA|BUNAVAIL|ONSOLIS)\b/, { doseForm: "buccal", unit: "film" }],
  [/\bSUBOXONE\b/, { doseForm: "sublingual", unit: "film" }],
  [/\bLAZANDA\b/, { doseForm: "nasal", unit: "spray" }],
  [/\bSUBSYS\b/, { doseForm: "sublingual", unit: "spray" }],
];

const ORAL_LIQUIDS = new Set(["Solution", "Liquid", "Suspension", "Syrup"]);

function formOf(row: NdcTableProduct, ingredient: OpioidIngredient | null): FormMapping {
  const form = row.masterForm;
  const transmucosal = form === "Film" || form === "Spray" || (form.startsWith("Tablet") && ingredient === "fentanyl");
  if (transmucosal) {
    const brand = BRAND_FORMS.find(([re]) => re.test(row.productName));
    if (brand !== undefined) return brand[1];
    if (form === "Spray" && row.uom === "MG/ML") return { doseForm: "nasal", unit: "mL" }; // butorphanol nasal spray
    return { doseForm: "oral-transmucosal", unit: form === "Film" ? "film" : form === "Spray" ? "spray" : "tablet" };
  }
  if (form.startsWith("Tablet")) {
    return ingredient === "buprenorphine" ? { doseForm: "sublingual", unit: "tablet" } : { doseForm: "oral-solid", unit: "tablet" };
  }
  if (form.startsWith("Capsule")) return { doseForm: "oral-solid", unit: "capsule" };
  if (form === "Patch, Extended Release") return { doseForm: "transdermal", unit: "patch" };
  if (ORAL_LIQUIDS.has(form)) return { doseForm: "oral-liquid", unit: "mL" };
  if (form === "Lozenge/Troche") return { doseForm: "oral-transmucosal", unit: "lozenge" };
  if (form === "Extended Release Subcutaneous") return { doseForm: "injection", unit: "unit" };
  return { doseForm: "other", unit: "unit" };
}

/** The strength of the opioid per unit, as IngredientStrength; null when the file gives none. */
function strengthOf(row: NdcTableProduct, ingredient: OpioidIngredient): IngredientStrength | null {
  const value = row.strengthPerUnit;
  if (value === null || row.uom === null) return null;
  switch (row.uom) {
    case "MG":
      return { ingredient, value, unit: "mg", per: "unit" };
    case "MCG":
    case "MCG/SPRAY":
      return { ingredient, value, unit: "mcg", per: "unit" };
    case "MCG/HR":
      return { ingredient, value, unit: "mcg", per: "hour" };
    case "MG/ML":
      return { ingredient, value, unit: "mg", per: "mL" };
  }
}

const ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  apap: ["acetaminophen"],
  asa: ["aspirin"],
  caff: ["caffeine"],
  "a.p.c. w": ["aspirin", "phenacetin", "caffeine"],
  "aspirin (buffered)": ["aspirin"],
  "butabarbital na": ["butabarbital"],
};
const SALT = / (?:hydrochloride|hcl|bitartrate|phosphate|phos|sulfate|tartrate|citrate|napsylate|terephthalate|acetate)$/;

/** Non-opioid ingredients from GENNME ("Acetaminophen/Hydrocodone Bitartrate" -> ["acetaminophen"]). */
function otherIngredientsOf(row: NdcTableProduct, ingredient: OpioidIngredient | null): string[] {
  const parts = row.genericName
    .toLowerCase()
    .split("/")
    .map((p) => p.trim())
    .flatMap((p) => ABBREVIATIONS[p] ?? [p.replace(SALT, "").replace(SALT, "")]);
  const others = parts.filter((p) => p !== "" && (ingredient === null || !p.includes(ingredient)));
  return others.filter((p, i) => others.indexOf(p) === i);
}

export interface RowProduct {
  ingredient: OpioidIngredient | null;
  form: FormMapping;
  strength: IngredientStrength | null;
  otherIngredients: string[];
}

/** Everything the lookup needs from a row, computed once per row. */
export function readRow(row: NdcTableProduct): RowProduct {
  const ingredient = ingredientOf(row);
  return {
    ingredient,
    form: formOf(row, ingredient),
    strength: ingredient === null ? null : strengthOf(row, ingredient),
    otherIngredients: otherIngredientsOf(row, ingredient),
  };
}
