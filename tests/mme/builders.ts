/**
 * Builders for MedicationRequests in engine tests. Every builder output is also run through
 * the zod schema in `parsed()` so a fixture that is not valid FHIR fails loudly.
 */
import type { Dosage, MedicationRequest, Quantity } from "fhir/r4";
import { parseResourceAs } from "@/lib/fhir/parse";
import { calculateMme, type MmeInput } from "@/lib/mme";
import type { MmeResult, OrderMme } from "@/lib/domain";

export const RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
export const UCUM = "http://unitsofmeasure.org";
export const AS_OF = "2025-06-01";

export const tab = (value: number): Quantity => ({ value, unit: "tablet", system: UCUM, code: "{tbl}" });
export const mg = (value: number): Quantity => ({ value, unit: "mg", system: UCUM, code: "mg" });
export const patch = (value: number): Quantity => ({ value, unit: "patch", system: UCUM, code: "{patch}" });
export const ml = (value: number): Quantity => ({ value, unit: "mL", system: UCUM, code: "mL" });

/** A dosage: dose quantity every `periodHours` hours (frequency 1), optional PRN. */
export function every(dose: Quantity, periodHours: number, extra: Partial<Dosage> = {}): Dosage {
  return { timing: { repeat: { frequency: 1, period: periodHours, periodUnit: "h" } }, doseAndRate: [{ doseQuantity: dose }], ...extra };
}

/** A dosage: dose quantity `timesPerDay` times a day. */
export function perDay(dose: Quantity, timesPerDay: number, extra: Partial<Dosage> = {}): Dosage {
  return { timing: { repeat: { frequency: timesPerDay, period: 1, periodUnit: "d" } }, doseAndRate: [{ doseQuantity: dose }], ...extra };
}

let counter = 0;

export function order(rxnorm: string, dosage: Dosage | Dosage[] | null, extra: Partial<MedicationRequest> = {}): MedicationRequest {
  counter += 1;
  const dosageInstruction = dosage === null ? undefined : Array.isArray(dosage) ? dosage : [dosage];
  return {
    resourceType: "MedicationRequest",
    id: `mr-${counter}`,
    status: "active",
    intent: "order",
    subject: { reference: "Patient/p1" },
    authoredOn: "2025-05-15",
    medicationCodeableConcept: { coding: [{ system: RXNORM, code: rxnorm }] },
    ...(dosageInstruction === undefined ? {} : { dosageInstruction }),
    ...extra,
  };
}

/** Validates a test MedicationRequest with the app's own schema (fixtures cannot rot). */
export function parsed(mr: unknown): MedicationRequest {
  const r = parseResourceAs("MedicationRequest", mr);
  if (!r.ok) throw new Error(`test fixture is not a valid MedicationRequest: ${r.unreadable.issues.join("; ")}`);
  return r.resource;
}

export function run(orders: MedicationRequest[], input: Partial<MmeInput> = {}): MmeResult {
  return calculateMme({ medicationRequests: orders.map(parsed), asOf: AS_OF, ...input });
}

/** The single order of a one-order calculation. */
export function one(mr: MedicationRequest, input: Partial<MmeInput> = {}): OrderMme {
  const [o] = run([mr], input).orders;
  if (o === undefined) throw new Error("no order in the result");
  return o;
}

export function codes(o: OrderMme): string[] {
  return o.assumptions.map((a) => a.code);
}
