/**
 * Two current orders for the same product and the same daily dose count once: a renewal
 * re-issues the prescription, the patient does not take both. The older (by authoredOn,
 * then input position) is `excluded` as `mme.excluded.superseded` with `supersededBy`.
 * Same product with a different dose: both are counted (the higher reading) and each says so.
 */
import type { OrderMme } from "@/lib/domain";
import { dayNumber } from "@/lib/mme/dates";

function productKey(o: OrderMme): string | null {
  const p = o.product;
  if (p === null) return null;
  return p.rxnorm ?? p.ndc ?? p.name.trim().toLowerCase();
}

function doseKey(o: OrderMme): string {
  const amounts = o.ingredients.map((i) => `${i.ingredient}:${i.dailyAmountUnit}:${i.dailyAmount.toPrecision(12)}`).join(",");
  return `${amounts}|${o.asNeeded ? "prn" : "scheduled"}`;
}

function newer(a: { order: OrderMme; index: number }, b: { order: OrderMme; index: number }): boolean {
  const da = dayNumber(a.order.authoredOn ?? undefined) ?? -Infinity;
  const db = dayNumber(b.order.authoredOn ?? undefined) ?? -Infinity;
  return da === db ? a.index > b.index : da > db;
}

/** Marks superseded duplicates and notes overlapping orders; returns a new array, same order. */
export function supersedeDuplicates(orders: readonly OrderMme[]): OrderMme[] {
  const out = [...orders];
  const byProduct = new Map<string, { order: OrderMme; index: number }[]>();
  orders.forEach((order, index) => {
    const key = order.status === "counted" ? productKey(order) : null;
    if (key !== null) byProduct.set(key, [...(byProduct.get(key) ?? []), { order, index }]);
  });
  for (const group of byProduct.values()) {
    const byDose = new Map<string, { order: OrderMme; index: number }[]>();
    for (const item of group) byDose.set(doseKey(item.order), [...(byDose.get(doseKey(item.order)) ?? []), item]);
    for (const same of byDose.values()) {
      const keep = same.reduce((a, b) => (newer(b, a) ? b : a));
      for (const item of same) {
        if (item === keep) continue;
        out[item.index] = {
          ...item.order,
          status: "excluded",
          reason: "mme.excluded.superseded",
          message: `Same product and dose as ${keep.order.medicationRequest}${keep.order.authoredOn === null ? "" : ` (authored ${keep.order.authoredOn.slice(0, 10)})`}, which replaces it: counted once.`,
          mmePerDay: null,
          supersededBy: keep.order.medicationRequest,
        };
      }
    }
    if (byDose.size > 1) noteOverlap(out, group.map((g) => g.index));
  }
  return out;
}

function noteOverlap(out: OrderMme[], indexes: number[]): void {
  for (const i of indexes) {
    const order = out[i];
    if (order === undefined || order.status !== "counted") continue;
    const others = indexes.filter((j) => j !== i && out[j]?.status === "counted").map((j) => out[j]?.medicationRequest);
    if (others.length === 0) continue;
    out[i] = {
      ...order,
      assumptions: [...order.assumptions, { code: "mme.assume.overlapping-orders", message: `Another current order for the same product with a different dose (${others.join(", ")}) is also counted.` }],
    };
  }
}
