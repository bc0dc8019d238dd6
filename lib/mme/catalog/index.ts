/**
 * Product knowledge: RxNorm code -> opioid product (ingredient, strength, dose form,
 * IR vs ER/LA), and the strengths that exist for a product family (used by the taper
 * engine to build doses from real tablets and patches).
 * Data: rxnorm-products.generated.ts (from data/rxnorm-opioids.tsv) and
 * supplement.ts (codes real data carries that the TSV lacks).
 */
import type { DoseFormFamily, OpioidIngredient, ReleaseKind } from "@/lib/domain";
import { RXNORM_NALOXONE_PRODUCTS, RXNORM_OPIOID_PRODUCTS } from "./rxnorm-products.generated";
import { INGREDIENT_LEVEL_CODES, NALOXONE_INGREDIENT_RXCUI, SUPPLEMENT_PRODUCTS, type IngredientLevelCode } from "./supplement";
import type { CatalogProduct, NaloxoneProduct } from "./types";

export type { CatalogProduct, NaloxoneProduct } from "./types";
export type { IngredientLevelCode } from "./supplement";

const byRxnorm = new Map<string, CatalogProduct>([
  ...SUPPLEMENT_PRODUCTS.map((p): [string, CatalogProduct] => [p.rxnorm, p]),
  ...RXNORM_OPIOID_PRODUCTS.map((p): [string, CatalogProduct] => [p.rxnorm, p]),
]);
const naloxoneByRxnorm = new Map<string, NaloxoneProduct>([
  ...RXNORM_NALOXONE_PRODUCTS.map((p): [string, NaloxoneProduct] => [p.rxnorm, p]),
  [NALOXONE_INGREDIENT_RXCUI, { rxnorm: NALOXONE_INGREDIENT_RXCUI, name: "naloxone" }],
]);
const ingredientLevel = new Map<string, IngredientLevelCode>(INGREDIENT_LEVEL_CODES.map((c) => [c.rxnorm, c]));

/**
 * The catalog product for an RxNorm code (the TSV rows, then the supplement's products),
 * or null when the code is not an opioid product we know.
 */
export function productByRxnorm(rxnorm: string): CatalogProduct | null {
  return byRxnorm.get(rxnorm.trim()) ?? null;
}

/** The naloxone rescue product for an RxNorm code, or null. */
export function naloxoneByRxnormCode(rxnorm: string): NaloxoneProduct | null {
  return naloxoneByRxnorm.get(rxnorm.trim()) ?? null;
}

export type RxnormLookup =
  | { kind: "product"; product: CatalogProduct }
  | { kind: "ingredient-level"; entry: IngredientLevelCode }
  | { kind: "naloxone"; product: NaloxoneProduct };

/** Every lookup answer, built once (the engine asks for each order). Catalog products win over the rest. */
const lookups = new Map<string, RxnormLookup>([
  ...[...naloxoneByRxnorm.values()].map((product): [string, RxnormLookup] => [product.rxnorm, { kind: "naloxone", product }]),
  ...[...ingredientLevel.values()].map((entry): [string, RxnormLookup] => [entry.rxnorm, { kind: "ingredient-level", entry }]),
  ...[...byRxnorm.values()].map((product): [string, RxnormLookup] => [product.rxnorm, { kind: "product", product }]),
]);

/** Everything the catalog knows about an RxNorm code: a product, an opioid without strength, naloxone, or null. */
export function lookupRxnorm(rxnorm: string): RxnormLookup | null {
  return lookups.get(rxnorm) ?? lookups.get(rxnorm.trim()) ?? null;
}

const FORMULATION_PREFIX = /^(Abuse-Deterrent|Matrix Delivery)\s+/i;

/** The formulation RxNorm names before the ingredient ("abuse-deterrent", "matrix-delivery"), or null. */
export function formulationOf(name: string): string | null {
  const m = FORMULATION_PREFIX.exec(name);
  return m?.[1] ? m[1].toLowerCase().replace(" ", "-") : null;
}

/**
 * Catalog products with a single opioid ingredient of this family (same ingredient, dose
 * form family, release), e.g. every oxycodone IR oral tablet. Combination products are
 * kept only when `otherIngredients` matches exactly, so APAP/oxycodone 5/325 and plain
 * oxycodone 5 mg are different families; so are product lines with a named formulation
 * (abuse-deterrent, matrix delivery). Sorted by strength, ascending.
 */
export function productFamily(
  ingredient: OpioidIngredient,
  doseForm: DoseFormFamily,
  release: ReleaseKind,
  otherIngredients: readonly string[],
  formulation: string | null = null,
): CatalogProduct[] {
  const others = [...otherIngredients].sort().join("|");
  return RXNORM_OPIOID_PRODUCTS.filter(
    (p) =>
      p.ingredients.length === 1 &&
      p.ingredients[0]?.ingredient === ingredient &&
      p.doseForm === doseForm &&
      p.release === release &&
      [...p.otherIngredients].sort().join("|") === others &&
      p.formulation === formulation,
  ).sort((a, b) => (a.ingredients[0]?.value ?? 0) - (b.ingredients[0]?.value ?? 0));
}

export function allCatalogProducts(): readonly CatalogProduct[] {
  return RXNORM_OPIOID_PRODUCTS;
}
