/**
 * The CDS order-sign benchmark (issue 16): one order-sign request with a 100-order prefetch
 * (bench/data/orders.ts, the same generator as the engine rows) and a draft opioid order,
 * through the service's handler in-process (lib/cds-service/handler.ts: request parsing,
 * prefetch read by content, lib/mme, readiness, cards), no network. Budget: median < 50 ms.
 */
import { handleHookCall } from "@/lib/cds-service/handler";
import { RXNORM_SYSTEM } from "@/lib/domain/code-systems";
import { BENCH_AS_OF, generateMedications, generateOrders } from "../data/orders";
import { summarize, type RunPlan, type Stat } from "../stats";

export interface CdsBenchRow {
  /** Orders in the prefetch. */
  orders: number;
  ms: Stat;
  cpuMs: Stat;
  /** Cards in the response (shows the cards were built, not a short-circuit). */
  cards: number;
}

export const CDS_BENCH_ORDERS = 100;

/** The order-sign request body (deterministic). */
export function orderSignRequest(orders: number): unknown {
  const meds = generateMedications(4);
  const prefetchOrders = generateOrders(orders, { seed: orders, medications: meds.index, medicationReferenceShare: 0.1 });
  const draft = {
    resourceType: "MedicationRequest", id: "bench-draft", status: "draft", intent: "order", subject: { reference: "Patient/bench" },
    medicationCodeableConcept: { coding: [{ system: RXNORM_SYSTEM, code: "1049683", display: "oxycodone hydrochloride 10 MG Oral Tablet" }] },
    dosageInstruction: [{ timing: { repeat: { frequency: 1, period: 6, periodUnit: "h" } }, doseAndRate: [{ doseQuantity: { value: 1, unit: "tablet" } }] }],
  };
  return {
    hook: "order-sign", hookInstance: "00000000-bench-4000-8000-000000000100",
    context: { patientId: "bench", userId: "Practitioner/bench", draftOrders: { resourceType: "Bundle", type: "collection", entry: [{ resource: draft }] } },
    prefetch: {
      medications: { resourceType: "Bundle", type: "searchset", entry: [...prefetchOrders, ...meds.resources].map((resource) => ({ resource })) },
      observations: null,
      conditions: null,
    },
  };
}

/** Times the handler on the request (`plan.warmups` untimed calls, then `plan.runs` timed). */
export async function benchCdsOrderSign(plan: RunPlan, orders = CDS_BENCH_ORDERS): Promise<CdsBenchRow> {
  const body = orderSignRequest(orders);
  const call = () => handleHookCall({ serviceId: "opioid-mme-order-sign", body, asOf: BENCH_AS_OF, now: new Date(`${BENCH_AS_OF}T12:00:00Z`), plannerLaunchUrl: "https://app.example.org/launch.html", fhirAccess: false });
  let cards = 0;
  for (let i = 0; i < plan.warmups; i++) await call();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < plan.runs; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const result = await call();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
    if (result.status !== 200) throw new Error(`cds bench: the service answered ${result.status}`);
    cards = result.body.cards.length;
  }
  return { orders, ms: summarize(wall), cpuMs: summarize(cpu), cards };
}
