/**
 * The one answer to "which product is this order, and is it current at `asOf`?" for every
 * MedicationRequest, opioid or not (issue 13 item 5). The MME engine, readiness (sedatives,
 * naloxone, OUD treatment), the trends timeline, both commands and CDS use it, so two screens
 * cannot disagree about an order: the same status, intent, date, supply and timing-bound rules
 * (lib/mme/currency/order.ts), the same resolution of the medication (its code, a contained or
 * supplied Medication, the reference's display) and the same opioid identification with its
 * cross-checked readings (lib/mme/identify). Reads unparsed JSON; never throws.
 */
import type { ExclusionReason, IsoDate, OpioidIngredient, OpioidProduct, ResourceRef } from "@/lib/domain";
import { DEFAULT_LOOKBACK_DAYS } from "./constants";
import { orderCurrency } from "./currency/order";
import { dayNumber } from "./dates";
import { identifyOrder, indexMedications, type Identity } from "./identify";
import { findMedication } from "./identify/medication";
import type { NdcLookup } from "./ndc";
import { arr, at, concept, text, type CodingView, type JsonObject } from "./read/json";
import { orderRef } from "./read-order";

export type { CodingView } from "./read/json";

/** Is the order current at `asOf`? `unknown`: its FHIR status is "unknown" (it may be active: never silently left out). */
export interface OrderCurrency {
  state: "current" | "not-current" | "unknown";
  /** Why it is not current (stale, ended, status, intent, future); null otherwise. */
  reason: ExclusionReason | null;
  /** A sentence for the clinician; null when current without remark. */
  message: string | null;
  /** Remarks on a current order (on hold, no status, supply ran out...). */
  remarks: string[];
}

export interface OrderIdentity {
  reference: ResourceRef;
  /** Every coding and name of the order's medication: the order's concept, the referenced Medication (contained or supplied), the reference's display. */
  codings: CodingView[];
  names: string[];
  /** The opioid reading: an opioid (maybe without strength), naloxone, another drug, unidentified, or readings that conflict. */
  kind: Identity["kind"];
  /** Display name (product name when identified). */
  name: string;
  /** Opioid ingredients (empty unless an opioid or conflicting opioid readings). */
  ingredients: OpioidIngredient[];
  /** The opioid product when its readings agree on a strength; null otherwise. */
  product: OpioidProduct | null;
  currency: OrderCurrency;
}

export interface IdentityContext {
  asOf: IsoDate;
  lookbackDays?: number | undefined;
  /** Medications the orders may reference, raw or parsed. */
  medications?: readonly unknown[] | undefined;
  ndcLookup?: NdcLookup | undefined;
}

interface Prepared {
  asOf: IsoDate;
  asOfDay: number | null;
  lookbackDays: number;
  medications: ReadonlyMap<string, JsonObject>;
  ndcLookup: NdcLookup | undefined;
}

function prepare(ctx: IdentityContext): Prepared {
  return {
    asOf: ctx.asOf,
    asOfDay: dayNumber(ctx.asOf),
    lookbackDays: ctx.lookbackDays ?? DEFAULT_LOOKBACK_DAYS,
    medications: indexMedications(arr(ctx.medications)),
    ndcLookup: typeof ctx.ndcLookup === "function" ? ctx.ndcLookup : undefined,
  };
}

function medicationCodes(order: unknown, medications: ReadonlyMap<string, JsonObject>): { codings: CodingView[]; names: string[] } {
  const codings: CodingView[] = [];
  const names: string[] = [];
  const add = (value: unknown): void => {
    const c = concept(value);
    if (c === null) return;
    codings.push(...c.coding);
    for (const n of [c.text, ...c.coding.map((x) => x.display)]) if (n !== undefined && !names.includes(n)) names.push(n);
  };
  add(at(order, "medicationCodeableConcept"));
  const med = findMedication(order, medications);
  if (med !== null) add(at(med, "code"));
  const display = text(at(at(order, "medicationReference"), "display"));
  if (display !== undefined && !names.includes(display)) names.push(display);
  return { codings, names };
}

function currencyAt(order: unknown, p: Prepared): OrderCurrency {
  if (p.asOfDay === null) return { state: "unknown", reason: null, message: `invalid as-of date "${p.asOf}"`, remarks: [] };
  const c = orderCurrency(order, p.asOfDay, p.asOf, p.lookbackDays);
  if (c.kind === "current") return { state: "current", reason: null, message: null, remarks: c.assumptions.map((a) => a.message) };
  if (c.kind === "unknown-status") return { state: "unknown", reason: null, message: c.message, remarks: [] };
  return { state: "not-current", reason: c.reason, message: c.message, remarks: [] };
}

function readOne(order: unknown, index: number, p: Prepared): OrderIdentity {
  const identity = identifyOrder(order, { medications: p.medications, ndcLookup: p.ndcLookup });
  const { codings, names } = medicationCodes(order, p.medications);
  return {
    reference: orderRef(order, index),
    codings,
    names,
    kind: identity.kind,
    name: identity.name,
    ingredients: identity.kind === "opioid" || identity.kind === "conflict" ? identity.ingredients : [],
    product: identity.kind === "opioid" ? identity.product : null,
    currency: currencyAt(order, p),
  };
}

/** Identity and currency of every order (in input order), at `ctx.asOf`. Never throws. */
export function readOrderIdentities(orders: readonly unknown[], ctx: IdentityContext): OrderIdentity[] {
  const p = prepare(ctx);
  const list = arr(orders);
  const out: OrderIdentity[] = [];
  for (let i = 0; i < list.length; i += 1) out.push(readOne(list[i], i, p));
  return out;
}

/** Identity and currency of one order (`index` names an order without an id). Never throws. */
export function readOrderIdentity(order: unknown, ctx: IdentityContext, index = 0): OrderIdentity {
  return readOne(order, index, prepare(ctx));
}
