/**
 * Orders that replace one another, across the current orders of a patient:
 * - a renewal names the order it renews (`priorPrescription`): the earlier one is superseded;
 * - a newer order of the same product written once the earlier order's supply had run out
 *   (authoredOn + expectedSupplyDuration x fills, on or before the newer order's authoredOn) renews
 *   it: the earlier one is superseded (PDMP fills of the same product on different dates are not
 *   summed);
 * - two current orders of the same product and the same daily dose count once (a re-issue);
 * - the same product with a different dose and overlapping supply: both are counted (the higher
 *   reading) and each says so.
 * The superseded order is `excluded` as `mme.excluded.superseded` with `supersededBy`. Linear in the
 * number of orders (one pass to index and group, one to mark).
 */
import type { OrderMme } from "@/lib/domain";
import { dayNumber, formatDay } from "@/lib/mme/dates";
import { at, text } from "@/lib/mme/read/json";
import { supplyEndDay } from "./order";

interface Item {
  order: OrderMme;
  index: number;
  day: number;
  supplyEnd: number | null;
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
function supersede(o: OrderMme, keep: OrderMme, why: string): void {
  o.status = "excluded";
  o.reason = "mme.excluded.superseded";
  o.message = why;
  o.mmePerDay = null;
  o.supersededBy = keep.medicationRequest;
}

function authored(o: OrderMme): string {
  return o.authoredOn === null ? "" : ` (authored ${o.authoredOn.slice(0, 10)})`;
}

function noteOverlap(item: Item, kept: readonly Item[]): void {
  const others: string[] = [];
  for (const k of kept) {
    if (others.length === MAX_NAMED_OVERLAPS) break;
    if (k !== item) others.push(k.order.medicationRequest);
  }
  const count = kept.length - 1;
  const more = count > MAX_NAMED_OVERLAPS ? ` and ${count - MAX_NAMED_OVERLAPS} more` : "";
  item.order.assumptions.push({ code: "mme.assume.overlapping-orders", message: `Another current order for the same product with a different dose (${others.join(", ")}${more}) is also counted.` });
}

/** `priorPrescription` references: the renewed order is superseded by the one that names it. */
function renewedByReference(orders: OrderMme[], requests: readonly unknown[]): void {
  let byRef: Map<string, OrderMme> | null = null;
  orders.forEach((o, i) => {
    if (o.status !== "counted" && o.status !== "not-computable") return;
    const ref = text(at(at(requests[i], "priorPrescription"), "reference"));
    if (ref === undefined) return;
    if (byRef === null) {
      byRef = new Map<string, OrderMme>();
      for (const x of orders) byRef.set(x.medicationRequest, x);
    }
    const relative = ref === undefined ? undefined : /(MedicationRequest\/[^/]+)(?:\/_history\/[^/]+)?$/.exec(ref)?.[1];
    const prior = relative === undefined ? undefined : byRef.get(relative);
    if (prior === undefined || prior === o || (prior.status !== "counted" && prior.status !== "not-computable")) return;
    supersede(prior, o, `Renewed by ${o.medicationRequest}${authored(o)}, which names it as its prior prescription: counted once.`);
  });
}

/** Within one product: renewals after the supply ran out, then same-dose re-issues, then overlap notes. */
function resolveProduct(group: Item[]): void {
  group.sort((a, b) => (newer(a, b) ? 1 : -1));
  for (let i = 0; i + 1 < group.length; i += 1) {
    const older = group[i];
    const next = group[i + 1];
    if (older === undefined || next === undefined || older.supplyEnd === null || older.supplyEnd > next.day) continue;
    supersede(older.order, next.order, `Its supply ran out on ${formatDay(older.supplyEnd)}; ${next.order.medicationRequest}${authored(next.order)} renews it: counted once.`);
  }
  const live = group.filter((g) => g.order.status === "counted");
  if (live.length < 2) return;
  const byDose = new Map<string, Item[]>();
  for (const item of live) push(byDose, doseKey(item.order), item);
  const kept: Item[] = [];
  for (const same of byDose.values()) {
    const keep = same.reduce((a, b) => (newer(b, a) ? b : a));
    kept.push(keep);
    for (const item of same) if (item !== keep) supersede(item.order, keep.order, `Same product and dose as ${keep.order.medicationRequest}${authored(keep.order)}, which replaces it: counted once.`);
  }
  if (kept.length < 2) return;
  for (const item of kept) noteOverlap(item, kept);
}

/**
 * Marks superseded and renewed orders and notes overlapping ones, in place: `orders` must be the
 * fresh OrderMme objects of the current calculation, `requests` the orders they were read from.
 */
export function supersedeDuplicates(orders: OrderMme[], requests: readonly unknown[]): OrderMme[] {
  renewedByReference(orders, requests);
  const byProduct = new Map<string, Item[]>();
  orders.forEach((order, index) => {
    const key = order.status === "counted" ? productKey(order) : null;
    if (key === null) return;
    push(byProduct, key, { order, index, day: dayNumber(order.authoredOn ?? undefined) ?? -Infinity, supplyEnd: supplyEndDay(requests[index]) });
  });
  for (const group of byProduct.values()) if (group.length > 1) resolveProduct(group);
  return orders;
}
