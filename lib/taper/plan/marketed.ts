/**
 * "Is this strength a marketed US product?" for the taper planner: a product is marketed when
 * the CDC 2018 NDC compilation lists at least one NDC for the same ingredient, release (IR vs
 * ER/LA), dose form, unit, non-opioid ingredients and strength (data/marketed-strengths.json,
 * with its source and date; docs/clinical-sources.md "Products that exist").
 * A 24-hour product in the compilation ("Capsule, Extended Release, 24") only vouches for a
 * product whose RxNorm name says "24 HR"; an orally disintegrating tablet only for another one.
 * A strength the compilation does not list is never used to build a dose (unknown beats wrong:
 * a plan may be slower than it could be, never undispensable).
 */
import type { OpioidProduct } from "@/lib/domain";
import table from "@/data/marketed-strengths.json";

interface Entry {
  ingredient: string;
  release: string;
  doseForm: string;
  unit: string;
  otherIngredients: string[];
  strength: number;
  strengthUnit: string;
  per: string;
  releaseHours: number | null;
  disintegrating: boolean;
}

const ENTRIES: readonly Entry[] = table.entries;

/** Where the marketed-strength table comes from, for the plan's rationale and the CarePlan. */
export const MARKETED_SOURCE = `${table.source}, ${table.sourceDate}`;

const familyKey = (ingredient: string, release: string, doseForm: string, unit: string, others: readonly string[]): string =>
  [ingredient, release, doseForm, unit, [...others].sort().join("+")].join("|");

const byFamily = new Map<string, Entry[]>();
for (const e of ENTRIES) {
  const key = familyKey(e.ingredient, e.release, e.doseForm, e.unit, e.otherIngredients);
  byFamily.set(key, [...(byFamily.get(key) ?? []), e]);
}

const HOURS = /\b(\d+) HR\b/i;

/** True when the compilation lists this product's strength for its family (see the file header). */
export function isMarketed(product: OpioidProduct): boolean {
  const ingredient = product.ingredients[0];
  if (ingredient === undefined || product.ingredients.length !== 1) return false;
  const family = byFamily.get(familyKey(ingredient.ingredient, product.release, product.doseForm, product.unit, product.otherIngredients)) ?? [];
  const hours = Number(HOURS.exec(product.name)?.[1] ?? Number.NaN);
  const disintegrating = /Disintegrating/i.test(product.doseFormName);
  return family.some(
    (e) =>
      Math.abs(e.strength - ingredient.value) < 1e-6 &&
      e.strengthUnit === ingredient.unit &&
      e.per === ingredient.per &&
      e.disintegrating === disintegrating &&
      (e.releaseHours === null || e.releaseHours === hours),
  );
}
