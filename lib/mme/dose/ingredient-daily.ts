/**
 * A schedule -> the daily amount of each opioid ingredient: mg/day for oral and
 * transmucosal forms, mcg/h worn for patches (all patches worn at once x strength).
 */
import type { IngredientStrength, OpioidIngredient, OpioidProduct } from "@/lib/domain";
import type { LineResult as DosageResult } from "./line";

export type IngredientDaily =
  | { ingredient: OpioidIngredient; kind: "mg/d"; amount: number }
  | { ingredient: OpioidIngredient; kind: "mcg/h"; amount: number };

function mg(strength: IngredientStrength): number {
  return strength.unit === "mg" ? strength.value : strength.value / 1000;
}

/** Daily amounts per ingredient; null when the schedule lacks what the form needs. */
export function ingredientAmounts(product: OpioidProduct, r: DosageResult): IngredientDaily[] | null {
  const out: IngredientDaily[] = [];
  for (const s of product.ingredients) {
    if (s.per === "hour") {
      if (r.patchesWorn === null) return null;
      out.push({ ingredient: s.ingredient, kind: "mcg/h", amount: r.patchesWorn * (s.unit === "mcg" ? s.value : s.value * 1000) });
    } else if (r.massMgPerDay !== null && product.ingredients.length === 1) {
      out.push({ ingredient: s.ingredient, kind: "mg/d", amount: r.massMgPerDay });
    } else {
      if (r.unitsPerDay === null) return null;
      out.push({ ingredient: s.ingredient, kind: "mg/d", amount: r.unitsPerDay * mg(s) });
    }
  }
  return out;
}

/** Adds daily amounts of concurrent dosage instructions, ingredient by ingredient. */
export function sumAmounts(lists: readonly IngredientDaily[][]): IngredientDaily[] {
  const [only] = lists;
  if (lists.length === 1 && only !== undefined) return only;
  // one running sum per ingredient and kind, updated in place (linear in the number of lines)
  const sums = new Map<string, IngredientDaily>();
  for (const list of lists) {
    for (const item of list) {
      const key = `${item.ingredient}|${item.kind}`;
      const prev = sums.get(key);
      if (prev === undefined) sums.set(key, { ...item });
      else prev.amount += item.amount;
    }
  }
  return [...sums.values()];
}
