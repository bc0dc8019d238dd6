/**
 * Generated histories for the follow-up engine: a regimen written as real orders, the plan
 * the planner proposes for it (lib/taper), the CarePlan the app would save (lib/careplan),
 * and order histories that follow it or not (sandbox/scenarios/plan-history.ts), each read
 * back through lib/mme exactly as the app reads a chart.
 */
import type { CarePlan, MedicationRequest } from "fhir/r4";
import type { DoseComponent, MmeResult, StepProduct, TaperOptions, TaperPlan } from "@/lib/domain";
import { buildCarePlan, type CarePlanRevision } from "@/lib/careplan";
import { calculateMme } from "@/lib/mme";
import { productByRxnorm } from "@/lib/mme/catalog";
import { defaultTaperOptions, proposeTaperPlan, regimenFromMme } from "@/lib/taper";
import { ordersForPeriods, type OrderPeriod } from "@/sandbox/scenarios/plan-history";
import { makeConfirmations, makeReadiness } from "../../careplan/fixtures";

export const PATIENT = "p-follow";

/** One product of a starting regimen: `count` units of `rxnorm` every 24/`perDay` hours. */
export function taking(rxnorm: string, count: number, perDay: number): StepProduct {
  const product = productByRxnorm(rxnorm);
  const ingredient = product?.ingredients[0];
  if (product === null || ingredient === undefined) throw new Error(`test setup: ${rxnorm} not in the catalog`);
  const strengthUnit: DoseComponent["strengthUnit"] = product.doseForm === "transdermal" ? "mcg/h" : "mg";
  const amountUnit = strengthUnit === "mcg/h" ? "mcg/h" : "mg";
  return {
    key: rxnorm, label: product.name, rxnorm, display: product.name, asNeeded: false, change: "none", amountUnit,
    doses: [{ amount: count * ingredient.value, amountUnit, components: [{ rxnorm, display: product.name, strength: ingredient.value, strengthUnit, count }], administrationsPerDay: perDay }],
    administrationsPerDay: perDay, scheduleText: "", patientText: "", mmePerDay: 0, dispense: [],
  };
}

export function ordersOf(periods: readonly OrderPeriod[], asOf: string): MedicationRequest[] {
  return ordersForPeriods(periods, { patientId: PATIENT, requesterId: "dr", idPrefix: "mr", asOf, untagged: true });
}

export function mmeAt(periods: readonly OrderPeriod[], asOf: string, extra: readonly MedicationRequest[] = []): MmeResult {
  return calculateMme({ medicationRequests: [...ordersOf(periods, asOf), ...extra], asOf });
}

/** The planner's default plan (long-term use: 10 % of the original dose per month) for this regimen, from `start`. */
export function planFor(products: readonly StepProduct[], start: string, patch: Partial<TaperOptions> = {}, longTermUse: boolean | null = true): { plan: TaperPlan; mme: MmeResult } {
  const mme = mmeAt([{ from: start, products }], start);
  if (mme.state !== "complete") throw new Error(`test setup: starting MME ${mme.state}: ${mme.incompleteReasons.join(" ")}`);
  const regimen = regimenFromMme(mme);
  const outcome = proposeTaperPlan(regimen, { ...defaultTaperOptions({ longTermUse }, regimen, start), ...patch }, start);
  if (!outcome.ok) throw new Error(`test setup: refused ${outcome.refusal.message}`);
  return { plan: outcome.plan, mme };
}

let uuidCounter = 0;
/** A fixed, valid urn:uuid per call (no randomness in tests). */
export function nextUuid(): string {
  uuidCounter += 1;
  return `urn:uuid:00000000-0000-4000-8000-${String(uuidCounter).padStart(12, "0")}`;
}

/** The CarePlan the app saves for `plan`, as read back from the server (with an id). */
export function saved(plan: TaperPlan, mme: MmeResult, id: string, created: string, revision?: CarePlanRevision): CarePlan {
  const cp = buildCarePlan(plan, {
    patientRef: `Patient/${PATIENT}`, created, identifier: { system: "urn:ietf:rfc:3986", value: nextUuid() }, mme,
    readiness: makeReadiness(), confirmations: makeConfirmations(), ...(revision ? { revision } : {}),
  });
  return { ...cp, id, meta: { versionId: "1", lastUpdated: created } };
}
