/**
 * Two current orders for the same product and the same daily dose count once: a renewal
 * re-issues the prescription, the patient does not take both. The older (by authoredOn,
 * then input position) is `excluded` as `mme.excluded.superseded` with `supersededBy`.
 * Same product with a different dose: both are counted (the higher reading) and each says so.
 * Linear in the number of orders (one pass to group, one to mark).
 */
import type { OrderMme } from "@/lib/domain";
import { dayNumber } from "@/lib/mme/dates";

interface Item {
  order: OrderMme;
  index: number;
  day: number;
}

/** At most this many other orders are named in an overlap note (then "and N more"). */
const MAX_NAMED_OVERLAPS = 3;

function productKey(o: OrderMme): string | null {
  const p = o.product;
  if (p === null) return null;
  return p.rxnorm ?? p.ndc ?? p.name.trim().toLowerCase();
}

function doseKey(o: OrderMme): string {
  let key = o.asNeeded ? "prn" : "scheduled";
  for (const i of o.ingredients) key += `|${i.ingredient}:${i.dailyAmountUnit}:${i.dailyAmount}`;
  return key;
}

function newer(a: Item, b: Item): boolean {
  return a.day === b.day ? a.index > b.index : a.day > b.day;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** Marks a superseded order (orders here are fresh objects built by this calculation). */
function supersede(item: Item, keep: Item): void {
  const date = keep.order.authoredOn === null ? "" : ` (authored ${keep.order.authoredOn.slice(0, 10)})`;
  const o = item.order;
  o.status = "excluded";
  o.reason = "mme.excluded.superseded";
  o.message = `Same product and dose as ${keep.order.medicationRequest}${date}, which replaces it: counted once.`;
  o.mmePerDay = null;
  o.supersededBy = keep.order.medicationRequest;
}

function noteOverlap(item: Item, kept: readonly Item[]): void {
  const others: string[] = [];
  for (const k of kept) {
    if (others.length === MAX_NAMED_OVERLAPS) break;
    if (k !== item) others.push(k.order.medicationRequest);
  }
  const count = kept.length - 1;
  const named = others.join(", ");
  const more = count > MAX_NAMED_OVERLAPS ? ` and ${count - MAX_NAMED_OVERLAPS} more` : "";
  const message = `Another current order for the same product with a different dose (${named}${more}) is also counted.`;
  item.order.assumptions.push({ code: "mme.assume.overlapping-orders", message });
}

/**
 * Marks superseded duplicates and notes overlapping orders, in place: `orders` must be the
 * fresh OrderMme objects of the current calculation (never a caller's result).
 */
export function supersedeDuplicates(orders: OrderMme[]): OrderMme[] {
  const byProduct = new Map<string, Item[]>();
  orders.forEach((order, index) => {
    const key = order.status === "counted" ? productKey(order) : null;
    if (key !== null) push(byProduct, key, { order, index, day: dayNumber(order.authoredOn ?? undefined) ?? -Infinity });
  });
  for (const group of byProduct.values()) {
    if (group.length < 2) continue;
    const byDose = new Map<string, Item[]>();
    for (const item of group) push(byDose, doseKey(item.order), item);
    const kept: Item[] = [];
    for (const same of byDose.values()) {
      const keep = same.reduce((a, b) => (newer(b, a) ? b : a));
      kept.push(keep);
      for (const item of same) if (item !== keep) supersede(item, keep);
    }
    if (kept.length < 2) continue;
    for (const item of kept) noteOverlap(item, kept);
  }
  return orders;
}
