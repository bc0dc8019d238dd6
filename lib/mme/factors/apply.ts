/**
 * Daily ingredient amounts -> MME per ingredient with the chosen factor table (clinical
 * first, CDC data file for opioids the table lacks, flagged).
 */
import type { FactorTableId, IngredientMme, OpioidProduct } from "@/lib/domain";
import type { IngredientDaily } from "@/lib/mme/dose/ingredient-daily";
import { factorKeyFor, resolveFactor } from "@/lib/mme/factors/lookup";
import type { ResolvedFactor } from "@/lib/mme/factors/types";
import { assume, fail, num, ok, type Notes, type Step } from "@/lib/mme/notes";

/** The amount in the unit the factor multiplies, or null when the units cannot meet (e.g. a per-mcg/h factor for a tablet). */
function amountFor(item: IngredientDaily, factor: ResolvedFactor): number | null {
  if (factor.amountUnit === "mcg/h") return item.kind === "mcg/h" ? item.amount : null;
  if (item.kind !== "mg/d") return null;
  return factor.amountUnit === "mcg/d" ? item.amount * 1000 : item.amount;
}

function noteFactor(item: IngredientDaily, factor: ResolvedFactor, notes: Notes): void {
  if (factor.kind === "data-file") {
    assume(notes, "mme.factor.data-file", `${item.ingredient}: not in the clinical conversion table; the CDC 2018 data-file factor (${factor.factor}) is used.`);
  }
  if (factor.beyondTable) {
    assume(notes, "mme.factor.beyond-table", `${item.ingredient} ${num(item.amount)} mg/day is above the table's last row (80 mg/day); its last factor (${factor.factor}) is used.`);
  }
}

/** MME per ingredient; fails with `mme.no-conversion-factor` when no factor applies, `mme.invalid-value` on overflow. */
export function applyFactors(product: OpioidProduct, amounts: readonly IngredientDaily[], tableId: FactorTableId, notes: Notes): Step<IngredientMme[]> {
  const out: IngredientMme[] = [];
  for (const item of amounts) {
    const key = factorKeyFor(item.ingredient, product);
    const factor = key === null ? null : resolveFactor(tableId, key, item.amount);
    const amount = factor === null ? null : amountFor(item, factor);
    if (factor === null || amount === null) {
      return fail("mme.no-conversion-factor", `No MME conversion factor applies to ${item.ingredient} as ${product.doseFormName} (no CDC factor for this opioid or form).`);
    }
    const mmePerDay = amount * factor.factor;
    if (!Number.isFinite(mmePerDay) || mmePerDay < 0) return fail("mme.invalid-value", "The dose arithmetic gives no finite number.");
    noteFactor(item, factor, notes);
    out.push({
      ingredient: item.ingredient,
      dailyAmount: amount,
      dailyAmountUnit: factor.amountUnit,
      factor: factor.factor,
      factorKind: factor.kind,
      factorCitation: factor.citation,
      mmePerDay,
    });
  }
  return ok(out);
}

export function sumMme(items: readonly IngredientMme[]): number {
  let sum = 0;
  for (const i of items) sum += i.mmePerDay;
  return sum;
}
