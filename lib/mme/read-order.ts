/**
 * One order -> one OrderMme, through the steps of a reading: identify the product (every reading
 * must agree), check currency (the shared rule), exclude what is never pain MME (buprenorphine,
 * OUD treatment), read the dose and frequency in force (readings that must agree, inside the
 * plausibility bounds), apply the factors. Expected clinical outcomes are values (status + stable
 * reason code + sentence), never exceptions. Reads unparsed JSON: any value is accepted.
 */
import type { FactorTableId, FactReading, IsoDate, OrderMme, OrderReason, ResourceRef } from "@/lib/domain";
import { MAX_ORDER_MME_PER_DAY, PATCH_MCG_PER_HOUR } from "./bounds";
import { orderCurrency } from "./currency/order";
import { linesAt } from "./currency/schedule";
import { computeOrder } from "./dose/order";
import { classify, collectReadings, describeStrengths, firstProduct, identify, type Identity } from "./identify";
import { oudTreatmentSignal } from "./identify/oud";
import type { NdcLookup } from "./ndc";
import { newNotes, num, type Notes } from "./notes";
import { at, obj, text, type JsonObject } from "./read/json";
import { renderSig } from "./sig/render";

export interface OrderContext {
  asOf: IsoDate;
  asOfDay: number;
  lookbackDays: number;
  factorTableId: FactorTableId;
  medications: ReadonlyMap<string, JsonObject>;
  ndcLookup: NdcLookup | undefined;
}

/** `MedicationRequest/<id>`, or `MedicationRequest/#<n>` (1-based input position) when the resource has no id. */
export function orderRef(order: unknown, index: number): ResourceRef {
  const id = text(at(order, "id"));
  return id === undefined ? `MedicationRequest/#${index + 1}` : `MedicationRequest/${id}`;
}

function base(order: JsonObject, index: number, display: string, notes: Notes, readings: FactReading[]): OrderMme {
  return {
    medicationRequest: orderRef(order, index),
    status: "excluded",
    reason: null,
    message: null,
    display,
    product: null,
    fhirStatus: typeof order.status === "string" ? order.status : null,
    fhirIntent: typeof order.intent === "string" ? order.intent : null,
    authoredOn: typeof order.authoredOn === "string" ? order.authoredOn : null,
    // Rendered only for orders that stay on the ledger (most orders of a real record are
    // excluded: stopped, stale, not opioids), and their sig is not shown.
    sig: null,
    unitsPerAdministration: null,
    administrationsPerDay: null,
    asNeeded: anyAsNeeded(order.dosageInstruction),
    ingredients: [],
    mmePerDay: null,
    assumptions: notes.assumptions,
    sources: { product: null, dose: null, frequency: null },
    discrepancies: notes.discrepancies,
    readings,
  };
}

/** Closes the fresh order object built by `base` (no copy: one allocation per order). */
function closed(order: OrderMme, status: "excluded" | "not-computable", reason: OrderReason, message: string): OrderMme {
  order.status = status;
  order.reason = reason;
  order.message = message;
  return order;
}

function anyAsNeeded(dosages: unknown): boolean {
  if (!Array.isArray(dosages)) return false;
  for (const d of dosages) if (at(d, "asNeededBoolean") === true || at(d, "asNeededCodeableConcept") !== undefined) return true;
  return false;
}

const BUPRENORPHINE_MESSAGE =
  "Buprenorphine is not added to the MME total: a partial agonist (CDC 2022 gives no factor), and it may be treatment for opioid use disorder, which must not be tapered by this tool.";

/** The product readings as ledger entries: each says what it read and whether it agreed. */
function productFacts(identity: Identity, out: FactReading[]): void {
  if (identity.kind !== "opioid" && identity.kind !== "conflict") return;
  const product = identity.kind === "opioid" ? identity.product : null;
  for (const r of identity.readings) {
    const claim = r.claim;
    const value =
      claim.kind === "opioid"
        ? claim.product !== null ? describeStrengths(claim.product) : `${claim.ingredients.join(" + ")}, no strength${claim.note === null ? "" : ` (${claim.note})`}`
        : claim.kind === "naloxone" ? "naloxone" : claim.kind === "other" ? (claim.strengthStated ? "another drug" : "names no opioid") : claim.name;
    const agrees = identity.kind === "conflict" ? null : claim.kind !== "opioid" ? (claim.kind === "other" && !claim.strengthStated ? null : false) : true;
    out.push({ fact: "product", where: r.where, value: product !== null && claim.kind === "opioid" && claim.product === product ? `${value} (used)` : value, agrees });
  }
}

/** Names the order carries for its product (for the OUD product check). */
function namesOf(identity: Identity): string[] {
  return identity.readings.filter((r) => r.source === "name-parse").map((r) => r.where.replace(/^name "|"$/g, ""));
}

function patchRateProblem(identity: Extract<Identity, { kind: "opioid" }>): string | null {
  const product = identity.product;
  if (product === null || product.doseForm !== "transdermal") return null;
  for (const s of product.ingredients) {
    if (s.ingredient !== "fentanyl" || s.per !== "hour") continue;
    const rate = s.unit === "mcg" ? s.value : s.value * 1000;
    if (rate < PATCH_MCG_PER_HOUR.min || rate > PATCH_MCG_PER_HOUR.max) return `A fentanyl patch of ${num(rate)} mcg/h is outside the marketed range (${PATCH_MCG_PER_HOUR.min}-${PATCH_MCG_PER_HOUR.max}): the strength's unit is likely wrong.`;
  }
  return null;
}

/** Reads one order at `asOf`. Never throws, for any input value. */
export function readOrder(value: unknown, index: number, ctx: OrderContext): OrderMme {
  const notes = newNotes();
  const readings: FactReading[] = [];
  const order = obj(value);
  if (order === null) {
    const o = base({}, index, "(unreadable MedicationRequest)", notes, readings);
    return closed(o, "not-computable", "mme.unreadable-resource", "This MedicationRequest could not be read: it is not a JSON object.");
  }
  const collected = collectReadings(order, ctx);
  const kind = classify(collected);
  if (kind === "naloxone") return closed(base(order, index, collected.name, notes, readings), "excluded", "mme.excluded.not-an-opioid", "Naloxone is an opioid antagonist (overdose rescue), not an opioid analgesic.");
  if (kind === "not-opioid") return closed(base(order, index, collected.name, notes, readings), "excluded", "mme.excluded.not-an-opioid", `${collected.name}: not an opioid analgesic (its codes and names match no opioid product).`);
  const currency = orderCurrency(order, ctx.asOfDay, ctx.asOf, ctx.lookbackDays);
  if (currency.kind === "excluded") {
    const product = firstProduct(collected);
    const o = base(order, index, product?.name ?? collected.name, notes, readings);
    o.product = product;
    o.sources.product = product?.source ?? null;
    return closed(o, "excluded", currency.reason, currency.message);
  }
  const identity = identify(collected);
  const o = base(order, index, identity.name, notes, readings);
  if (identity.kind === "opioid") {
    o.product = identity.product;
    o.sources.product = identity.source;
  }
  o.sig = renderSig(order.dosageInstruction);
  productFacts(identity, readings);
  if (currency.kind === "unknown-status") return closed(o, "not-computable", "mme.unknown-status", currency.message);
  notes.assumptions.push(...currency.assumptions);
  if (identity.kind === "unidentified") return closed(o, "not-computable", "mme.unknown-medication", identity.message);
  if (identity.kind === "conflict") return closed(o, "not-computable", "mme.conflicting-product", identity.message);
  if (identity.kind !== "opioid") return closed(o, "excluded", "mme.excluded.not-an-opioid", `${identity.name}: not an opioid analgesic.`);
  notes.discrepancies.push(...identity.remarks);
  if (identity.source === "name-parse") notes.assumptions.push({ code: "mme.assume.name-parse", message: `Product identified from its name "${identity.name}" (no code the catalog knows): check the strength and form.` });
  if (identity.source === "medication-resource") notes.assumptions.push({ code: "mme.assume.medication-ingredients", message: `Strength read from the ingredients of the referenced Medication (${identity.name}).` });
  const treatsOud = identity.ingredients.some((i) => i === "methadone" || i === "buprenorphine") ? oudTreatmentSignal(order, namesOf(identity)) : null;
  if (treatsOud !== null) {
    return closed(o, "excluded", "mme.excluded.oud-treatment", `${identity.ingredients.join(" + ")} for opioid use disorder (${treatsOud}): not part of the pain MME, and not tapered by this tool; continue medication treatment for OUD.`);
  }
  if (identity.ingredients.includes("buprenorphine")) return closed(o, "excluded", "mme.excluded.buprenorphine", BUPRENORPHINE_MESSAGE);
  if (identity.doseForm === "injection") return closed(o, "not-computable", "mme.parenteral", `${identity.name} is given by injection: the oral MME factors do not apply.`);
  const product = identity.product;
  if (product === null) {
    const why = identity.remarks.length > 0 ? ` ${identity.remarks.join(" ")}` : "";
    return closed(o, "not-computable", "mme.unknown-strength", `${identity.name} names the opioid (${identity.ingredients.join(", ")}) but not its strength.${why}`);
  }
  const patch = patchRateProblem(identity);
  if (patch !== null) return closed(o, "not-computable", "mme.implausible", patch);
  const lines = linesAt(order, ctx.asOfDay);
  if (lines.kind === "uncertain") return closed(o, "not-computable", "mme.uncertain-schedule", lines.message);
  if (lines.kind === "lines" && lines.note !== null) notes.assumptions.push({ code: "mme.assume.step-in-force", message: lines.note });
  const steps = lines.kind === "lines" && lines.note !== null && lines.note.startsWith("Successive");
  const computed = computeOrder(product, order, lines.kind === "lines" ? lines.lines : [], steps, ctx.factorTableId, notes, readings);
  if (!computed.ok) return closed(o, "not-computable", computed.reason, computed.message);
  const c = computed.value;
  if (c.mmePerDay > MAX_ORDER_MME_PER_DAY) {
    return closed(o, "not-computable", "mme.implausible", `${num(c.mmePerDay)} MME a day from one order is above the plausible maximum (${MAX_ORDER_MME_PER_DAY}): a unit error is more likely than a real order.`);
  }
  o.status = "counted";
  o.unitsPerAdministration = c.unitsPerAdministration;
  o.administrationsPerDay = c.administrationsPerDay;
  o.asNeeded = c.asNeeded;
  o.ingredients = c.ingredients;
  o.mmePerDay = c.mmePerDay;
  o.sources.dose = c.sources.dose;
  o.sources.frequency = c.sources.frequency;
  if (c.patchesWorn !== null) o.patchesWorn = c.patchesWorn;
  return o;
}
