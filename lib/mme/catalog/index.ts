/**
 * Product knowledge: RxNorm code -> opioid product (ingredient, strength, dose form,
 * IR vs ER/LA), and the strengths that exist for a product family (used by the taper
 * engine to build doses from real tablets and patches).
 * Data: rxnorm-products.generated.ts (from ../shared/reference/rxnorm-opioids.tsv).
 */
import type { DoseFormFamily, OpioidIngredient, ReleaseKind } from "@/lib/domain";
import { RXNORM_NALOXONE_PRODUCTS, RXNORM_OPIOID_PRODUCTS } from "./rxnorm-products.generated";
import type { CatalogProduct, NaloxoneProduct } from "./types";

export type { CatalogProduct, NaloxoneProduct } from "./types";

const byRxnorm = new Map<string, CatalogProduct>(RXNORM_OPIOID_PRODUCTS.map((p) => [p.rxnorm, p]));
const naloxoneByRxnorm = new Map<string, NaloxoneProduct>(RXNORM_NALOXONE_PRODUCTS.map((p) => [p.rxnorm, p]));

/** The catalog product for an RxNorm code, or null when the code is not an opioid product we know. */
export function productByRxnorm(rxnorm: string): CatalogProduct | null {
  return byRxnorm.get(rxnorm.trim()) ?? null;
}

/** The naloxone rescue product for an RxNorm code, or null. */
export function naloxoneByRxnormCode(rxnorm: string): NaloxoneProduct | null {
  return naloxoneByRxnorm.get(rxnorm.trim()) ?? null;
}

/**
 * Catalog products with a single opioid ingredient of this family (same ingredient, dose
 * form family, release), e.g. every oxycodone IR oral tablet. Combination products are
 * kept only when `otherIngredients` matches exactly, so APAP/oxycodone 5/325 and plain
 * oxycodone 5 mg are different families. Sorted by strength, ascending.
 */
export function productFamily(
  ingredient: OpioidIngredient,
  doseForm: DoseFormFamily,
  release: ReleaseKind,
  otherIngredients: readonly string[],
): CatalogProduct[] {
  const others = [...otherIngredients].sort().join("|");
  return RXNORM_OPIOID_PRODUCTS.filter(
    (p) =>
      p.ingredients.length === 1 &&
      p.ingredients[0]?.ingredient === ingredient &&
      p.doseForm === doseForm &&
      p.release === release &&
      [...p.otherIngredients].sort().join("|") === others,
  ).sort((a, b) => (a.ingredients[0]?.value ?? 0) - (b.ingredients[0]?.value ?? 0));
}

export function allCatalogProducts(): readonly CatalogProduct[] {
  return RXNORM_OPIOID_PRODUCTS;
}
