/**
 * One MedicationRequest -> one OrderMme: identify the medication, decide whether it is a
 * current opioid order, then compute it or say why not. Expected clinical outcomes are
 * values (status + stable reason code + sentence), never exceptions.
 */
import type { FactorTableId, IsoDate, OrderMme, OrderReason, ResourceRef } from "@/lib/domain";
import type { Medication, MedicationRequest } from "fhir/r4";
import type { NdcLookup } from "@/lib/mme/ndc";
import { newNotes, type Notes } from "@/lib/mme/notes";
import { identifyOrderMedication } from "@/lib/mme/identify/order-medication";
import type { Identification } from "@/lib/mme/identify/types";
import { computeOrder } from "./dose/order";
import { evaluateCurrency } from "./currency/order";
import { renderSig } from "./sig/render";

export interface OrderContext {
  asOf: IsoDate;
  asOfDay: number;
  lookbackDays: number;
  factorTableId: FactorTableId;
  medications: ReadonlyMap<string, Medication>;
  ndcLookup: NdcLookup | undefined;
}

/** `MedicationRequest/<id>`, or `MedicationRequest/#<n>` (1-based input position) when the resource has no id. */
export function orderRef(mr: MedicationRequest, index: number): ResourceRef {
  return mr.id === undefined || mr.id === "" ? `MedicationRequest/#${index + 1}` : `MedicationRequest/${mr.id}`;
}

function displayOf(id: Identification): string {
  return id.kind === "product" ? id.product.name : id.name;
}

function base(mr: MedicationRequest, index: number, id: Identification, notes: Notes): OrderMme {
  return {
    medicationRequest: orderRef(mr, index),
    status: "excluded",
    reason: null,
    message: null,
    display: displayOf(id),
    product: id.kind === "product" ? id.product : null,
    fhirStatus: mr.status,
    fhirIntent: mr.intent,
    authoredOn: mr.authoredOn ?? null,
    // Rendered only for orders that stay on the ledger (see evaluateOrder): most orders of a
    // real record are excluded (stopped, stale, not opioids), and their sig is not shown.
    sig: null,
    unitsPerAdministration: null,
    administrationsPerDay: null,
    asNeeded: anyAsNeeded(mr),
    ingredients: [],
    mmePerDay: null,
    assumptions: notes.assumptions,
    sources: { product: id.kind === "product" || id.kind === "opioid-without-strength" ? id.source : null, dose: null, frequency: null },
    discrepancies: notes.discrepancies,
  };
}

/** Closes the fresh order object built by `base` (no copy: one allocation per order). */
function closed(order: OrderMme, status: "excluded" | "not-computable", reason: OrderReason, message: string): OrderMme {
  order.status = status;
  order.reason = reason;
  order.message = message;
  return order;
}

// Hot path (every order): plain loops, no per-call closures.
function anyAsNeeded(mr: MedicationRequest): boolean {
  for (const d of mr.dosageInstruction ?? []) if (d.asNeededBoolean === true || d.asNeededCodeableConcept !== undefined) return true;
  return false;
}

function hasBuprenorphine(id: Identification): boolean {
  if (id.kind === "opioid-without-strength") return id.ingredients.includes("buprenorphine");
  if (id.kind !== "product") return false;
  for (const i of id.product.ingredients) if (i.ingredient === "buprenorphine") return true;
  return false;
}

const BUPRENORPHINE_MESSAGE =
  "Buprenorphine is not added to the MME total: a partial agonist (CDC 2022 gives no factor), and it may be treatment for opioid use disorder, which must not be tapered by this tool.";

/** Evaluates one parsed MedicationRequest at `asOf`. Never throws. */
export function evaluateOrder(mr: MedicationRequest, index: number, ctx: OrderContext): OrderMme {
  const notes = newNotes();
  const id = identifyOrderMedication(mr, ctx.medications, ctx.ndcLookup);
  const order = base(mr, index, id, notes);
  if (id.kind === "naloxone") return closed(order, "excluded", "mme.excluded.not-an-opioid", "Naloxone is an opioid antagonist (overdose rescue), not an opioid analgesic.");
  if (id.kind === "not-opioid") return closed(order, "excluded", "mme.excluded.not-an-opioid", id.message);
  const currency = evaluateCurrency(mr, ctx.asOfDay, ctx.asOf, ctx.lookbackDays, notes);
  if (currency.kind === "excluded") return closed(order, "excluded", currency.reason, currency.message);
  order.sig = renderSig(mr.dosageInstruction);
  if (currency.kind === "unknown-status") return closed(order, "not-computable", "mme.unknown-status", currency.message);
  if (id.kind === "unidentified") return closed(order, "not-computable", "mme.unknown-medication", id.message);
  if (hasBuprenorphine(id)) return closed(order, "excluded", "mme.excluded.buprenorphine", BUPRENORPHINE_MESSAGE);
  const parenteral = id.kind === "product" ? id.product.doseForm === "injection" : id.doseForm === "injection";
  if (parenteral) return closed(order, "not-computable", "mme.parenteral", `${displayOf(id)} is given by injection: the oral MME factors do not apply.`);
  if (id.kind === "opioid-without-strength") {
    return closed(order, "not-computable", "mme.unknown-strength", `${id.name} names the opioid (${id.ingredients.join(", ")}) but not its strength.`);
  }
  notes.assumptions.push(...id.assumptions);
  notes.discrepancies.push(...id.discrepancies);
  const computed = computeOrder(id.product, mr, ctx.factorTableId, notes);
  if (!computed.ok) return closed(order, "not-computable", computed.reason, computed.message);
  const c = computed.value;
  order.status = "counted";
  order.unitsPerAdministration = c.unitsPerAdministration;
  order.administrationsPerDay = c.administrationsPerDay;
  order.asNeeded = c.asNeeded;
  order.ingredients = c.ingredients;
  order.mmePerDay = c.mmePerDay;
  order.sources.dose = c.sources.dose;
  order.sources.frequency = c.sources.frequency;
  if (c.patchesWorn !== null) order.patchesWorn = c.patchesWorn;
  return order;
}
