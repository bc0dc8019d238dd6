/**
 * Deterministic MedicationRequests for the benchmarks, shaped like an EHR's order history:
 * catalog opioid products (lib/mme/catalog) with the dosages clinicians write for their form
 * (IR tablets q4-8h, often as needed; ER q12h or daily; patches q72h; liquids in mL), some
 * non-opioid orders, a mix of statuses and intents over five years, some orders naming a
 * Medication resource instead of a code, and about 6 % malformed orders (no dosage, free
 * text only, unknown code, mass dose, no frequency, dangling Medication reference) that the
 * engine must report as not computable rather than skip. Same seed, same orders.
 */
import type { CodeableConcept, Dosage, Medication, MedicationRequest } from "fhir/r4";
import type { UnreadableResource } from "@/lib/domain";
import { allCatalogProducts, type CatalogProduct } from "@/lib/mme/catalog";
import { pick, prng, weighted, type Random } from "./prng";

import { RXNORM_SYSTEM, UCUM_SYSTEM as UCUM } from "@/lib/domain/code-systems";
/** The as-of date of every benchmark (the engines never read the clock). */
export const BENCH_AS_OF = "2025-06-01";
const AS_OF_MS = Date.UTC(2025, 5, 1);
const DAY_MS = 86_400_000;

/** Non-opioid orders found beside opioids in real lists (RxNorm SCD). */
const OTHER_DRUGS = [
  { code: "314076", display: "lisinopril 10 MG Oral Tablet" },
  { code: "310431", display: "gabapentin 300 MG Oral Capsule" },
  { code: "308048", display: "alprazolam 0.5 MG Oral Tablet" },
  { code: "198440", display: "acetaminophen 500 MG Oral Tablet" },
];

const STATUSES: ReadonlyArray<readonly [MedicationRequest["status"], number]> = [
  ["active", 35], ["completed", 40], ["stopped", 10], ["cancelled", 4], ["on-hold", 3], ["draft", 3], ["entered-in-error", 2], ["unknown", 3],
];
const INTENTS: ReadonlyArray<readonly [MedicationRequest["intent"], number]> = [["order", 90], ["plan", 5], ["proposal", 3], ["original-order", 2]];

type Malformation = "none" | "no-dosage" | "text-only" | "unknown-code" | "mass-dose" | "no-frequency" | "dangling-medication";
const MALFORMATIONS: ReadonlyArray<readonly [Malformation, number]> = [
  ["none", 940], ["no-dosage", 15], ["text-only", 10], ["unknown-code", 10], ["mass-dose", 10], ["no-frequency", 10], ["dangling-medication", 5],
];

/** The opioid products orders are drawn from: the catalog's single-ingredient and combination products. */
export function benchProducts(): readonly CatalogProduct[] {
  products ??= allCatalogProducts().filter((p) => p.doseForm !== "injection");
  return products;
}
let products: readonly CatalogProduct[] | undefined;

function isoDaysAgo(days: number): string {
  return new Date(AS_OF_MS - days * DAY_MS).toISOString().slice(0, 10);
}

function repeatDosage(dose: number, unit: string, code: string, frequency: number, period: number, periodUnit: "h" | "d", asNeeded: boolean, text: string): Dosage {
  return {
    text,
    timing: { repeat: { frequency, period, periodUnit } },
    asNeededBoolean: asNeeded,
    doseAndRate: [{ doseQuantity: { value: dose, unit, system: UCUM, code } }],
  };
}

/** The dosage a clinician would write for this product's form and release. */
export function realisticDosage(p: CatalogProduct, rnd: Random): Dosage {
  if (p.doseForm === "transdermal") return repeatDosage(1, "patch", "{patch}", 1, 72, "h", false, "Apply 1 patch every 72 hours");
  if (p.doseForm === "oral-liquid") {
    const ml = pick(rnd, [2.5, 5, 10]);
    return repeatDosage(ml, "mL", "mL", 1, 6, "h", true, `Take ${ml} mL by mouth every 6 hours as needed`);
  }
  const unit = p.unit === "capsule" ? "capsule" : p.unit === "film" ? "film" : "tablet";
  if (p.release === "ER/LA") {
    const hours = pick(rnd, [12, 12, 24, 8]);
    return repeatDosage(1, unit, `{${unit}}`, 1, hours, "h", false, `Take 1 ${unit} every ${hours} hours`);
  }
  const units = pick(rnd, [1, 1, 1, 2, 0.5]);
  const hours = pick(rnd, [4, 6, 6, 8, 12]);
  const prn = rnd() < 0.6;
  return repeatDosage(units, unit, `{${unit}}`, 1, hours, "h", prn, `Take ${units} ${unit} every ${hours} hours${prn ? " as needed" : ""}`);
}

function coding(p: CatalogProduct): CodeableConcept {
  return { coding: [{ system: RXNORM_SYSTEM, code: p.rxnorm, display: p.name }], text: p.name };
}

function malform(mr: MedicationRequest, kind: Malformation, p: CatalogProduct, rnd: Random): MedicationRequest {
  switch (kind) {
    case "none":
      return mr;
    case "no-dosage":
      return { ...mr, dosageInstruction: [] };
    case "text-only":
      return { ...mr, dosageInstruction: [{ text: "Take as directed" }] };
    case "unknown-code":
      return { ...mr, medicationCodeableConcept: { coding: [{ system: RXNORM_SYSTEM, code: String(9_000_000 + Math.floor(rnd() * 99_999)) }], text: "PAIN MEDICINE (compounded)" } };
    case "mass-dose": {
      const strength = p.ingredients[0]?.value ?? 5;
      return { ...mr, dosageInstruction: [repeatDosage(strength, "mg", "mg", 1, 6, "h", true, `${strength} mg every 6 hours as needed`)] };
    }
    case "no-frequency":
      return { ...mr, dosageInstruction: [{ text: "1 tablet", doseAndRate: [{ doseQuantity: { value: 1, unit: "tablet", system: UCUM, code: "{tablet}" } }] }] };
    case "dangling-medication": {
      const { medicationCodeableConcept: _dropped, ...rest } = mr;
      return { ...rest, medicationReference: { reference: "Medication/not-in-this-export" } };
    }
  }
}

export interface OrderSetOptions {
  seed?: number;
  /** Patient reference written in `subject`. */
  subject?: string;
  /** Share of orders that name a Medication resource (`medicationReference`) instead of a code. */
  medicationReferenceShare?: number;
  /** Ids of the Medication resources such orders may reference, with their product. */
  medications?: readonly BenchMedication[];
}

export interface BenchMedication {
  id: string;
  product: CatalogProduct;
}

/** One order; `i` makes its id unique. */
export function generateOrder(i: number, rnd: Random, options: OrderSetOptions = {}): MedicationRequest {
  const subject = options.subject ?? "Patient/bench";
  const base = {
    resourceType: "MedicationRequest" as const,
    id: `bench-mr-${i}`,
    status: weighted(rnd, STATUSES),
    intent: weighted(rnd, INTENTS),
    subject: { reference: subject },
    authoredOn: isoDaysAgo(Math.floor(rnd() * 1825)),
    dispenseRequest: { expectedSupplyDuration: { value: 30, unit: "days", system: UCUM, code: "d" }, quantity: { value: 60, unit: "tablet" } },
  };
  if (rnd() < 0.2) {
    const other = pick(rnd, OTHER_DRUGS);
    return { ...base, medicationCodeableConcept: { coding: [{ system: RXNORM_SYSTEM, ...other }], text: other.display }, dosageInstruction: [repeatDosage(1, "tablet", "{tablet}", 1, 1, "d", false, "Take 1 tablet daily")] };
  }
  const meds = options.medications ?? [];
  const useReference = meds.length > 0 && rnd() < (options.medicationReferenceShare ?? 0);
  const med = useReference ? pick(rnd, meds) : null;
  const product = med?.product ?? pick(rnd, benchProducts());
  const order: MedicationRequest = med
    ? { ...base, medicationReference: { reference: `Medication/${med.id}`, display: product.name }, dosageInstruction: [realisticDosage(product, rnd)] }
    : { ...base, medicationCodeableConcept: coding(product), dosageInstruction: [realisticDosage(product, rnd)] };
  return malform(order, weighted(rnd, MALFORMATIONS), product, rnd);
}

/** `count` orders for one patient (deterministic for a seed). */
export function generateOrders(count: number, options: OrderSetOptions = {}): MedicationRequest[] {
  const rnd = prng(options.seed ?? 42);
  return Array.from({ length: count }, (_, i) => generateOrder(i + 1, rnd, options));
}

/** `count` Medication resources, each a catalog product by code (as EHR exports carry them). */
export function generateMedications(count: number, seed = 7): { resources: Medication[]; index: BenchMedication[] } {
  const rnd = prng(seed);
  const index = Array.from({ length: count }, (_, i): BenchMedication => ({ id: `bench-med-${i + 1}`, product: pick(rnd, benchProducts()) }));
  const resources = index.map((m): Medication => ({ resourceType: "Medication", id: m.id, code: coding(m.product) }));
  return { resources, index };
}

/** About 0.5 % of a real feed fails validation: those arrive as UnreadableResource (lib/fhir's output). */
export function generateUnreadable(count: number): UnreadableResource[] {
  return Array.from({ length: count }, (_, i) => ({
    resourceType: "MedicationRequest",
    id: `bench-bad-${i + 1}`,
    reference: `MedicationRequest/bench-bad-${i + 1}`,
    issues: ["status: Invalid enum value", "subject: Required"],
    display: "oxycodone (unreadable order)",
  }));
}
