/**
 * The one place the plan engine turns a product's daily amount into MME/day. It must agree
 * with the MME engine: the factor is derived from the MME engine's own result for the
 * order (mmePerDay / daily amount), so the table the MME engine used (cdc-2022 or cdc-2016)
 * applies here too. Every factor in the 2022 table is a single number per unit, so this is
 * exact for it. A tiered factor (the 2016 table's methadone) depends on the daily dose, so
 * lower doses are looked up in lib/mme's own table (`resolveFactor`), tier by tier, for the
 * product's daily dose (one methadone product at a time: the usual case).
 */
import type { FactorTableId, RegimenItem } from "@/lib/domain";
import { factorDefinition, factorKeyFor, resolveFactor } from "@/lib/mme/factors/lookup";
import { startLevel } from "./levels";
import type { ProductKind } from "./product-kind";

/** MME/day of a product at a daily amount (mg/day for oral and liquid; mcg/h worn for patches). */
export type MmeFunction = (dailyAmount: number) => number;

/** The starting daily amount of an item, in the unit its MmeFunction takes. */
export function startingDailyAmount(item: RegimenItem, kind: ProductKind): number {
  const amount = startLevel(item, kind).amount;
  return kind === "patch" ? amount : amount * item.administrationsPerDay;
}

/** MME per unit of daily amount as the MME engine applied it to this order; NaN when it cannot be derived. */
export function derivedFactor(item: RegimenItem, kind: ProductKind): number {
  const daily = startingDailyAmount(item, kind);
  return daily > 0 ? item.mmePerDay / daily : Number.NaN;
}

/** MME/day as a function of the product's daily amount, consistent with lib/mme's factor table. */
export function mmeFunctionFor(item: RegimenItem, kind: ProductKind, table: FactorTableId): MmeFunction {
  const factor = derivedFactor(item, kind);
  const ingredient = item.product.ingredients[0]?.ingredient;
  const key = ingredient === undefined ? null : factorKeyFor(ingredient, item.product);
  const definition = key === null ? null : factorDefinition(table, key);
  if (key === null || definition === null || definition.rule.type === "single") return (dailyAmount) => dailyAmount * factor;
  return (dailyAmount) => dailyAmount * (resolveFactor(table, key, dailyAmount)?.factor ?? Number.NaN);
}
