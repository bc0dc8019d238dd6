/**
 * Dose-tiered factors (methadone, CDC 2016 table) are read on the patient's TOTAL daily
 * methadone across current orders: the tier reflects how much methadone the patient takes,
 * and two 15 mg/day orders (30 mg/day) must not each get the 20 mg/day tier.
 */
import type { FactorTableId, OrderMme } from "@/lib/domain";
import { factorDefinition, tierFor } from "@/lib/mme/factors/lookup";
import { num } from "@/lib/mme/notes";

export function applyTotalDoseTiers(orders: readonly OrderMme[], tableId: FactorTableId): OrderMme[] {
  const def = factorDefinition(tableId, "methadone");
  const rule = def?.rule;
  if (rule === undefined || rule.type !== "tiered") return [...orders];
  const isMethadoneCounted = (o: OrderMme) => o.status === "counted" && o.ingredients.some((i) => i.ingredient === "methadone");
  const counted = orders.filter(isMethadoneCounted);
  if (counted.length < 2) return [...orders];
  const totalMg = counted.flatMap((o) => o.ingredients).filter((i) => i.ingredient === "methadone").reduce((s, i) => s + i.dailyAmount, 0);
  const tier = tierFor(rule.tiers, totalMg);
  if (tier === null) return [...orders];
  const beyond = totalMg > rule.tableEndsAtMgPerDay ? ` (above the table's last row, ${rule.tableEndsAtMgPerDay} mg/day)` : "";
  return orders.map((o) => {
    if (!isMethadoneCounted(o)) return o;
    const ingredients = o.ingredients.map((i) => (i.ingredient === "methadone" ? { ...i, factor: tier.factor, mmePerDay: i.dailyAmount * tier.factor } : i));
    return {
      ...o,
      ingredients,
      mmePerDay: ingredients.reduce((s, i) => s + i.mmePerDay, 0),
      assumptions: [...o.assumptions, { code: "mme.factor.methadone-total", message: `Methadone tier chosen on the total methadone dose across ${counted.length} orders (${num(totalMg)} mg/day): factor ${tier.factor}${beyond}.` }],
    };
  });
}
