/**
 * Engine benchmarks, in whatever process imports this module:
 * - `benchMme`: calculateMme over N generated MedicationRequests (bench/data/orders.ts) for
 *   one patient, with Medication resources and a few unreadable orders;
 * - `benchTaper`: proposeTaperPlan for regimens of 1 to 5 opioids, each regimen built by the
 *   real pipeline (orders -> calculateMme -> regimenFromMme) and planned with the guidance
 *   defaults for long-term use.
 * Inputs are built before timing; only the engine call is timed.
 */
import type { MedicationRequest } from "fhir/r4";
import type { MmeResult } from "@/lib/domain";
import { calculateMme, type MmeInput } from "@/lib/mme";
import { defaultTaperOptions, proposeTaperPlan, regimenFromMme, type Regimen } from "@/lib/taper";
import { RXNORM_SYSTEM, UCUM_SYSTEM } from "@/lib/domain/code-systems";
import { BENCH_AS_OF, generateMedications, generateOrders, generateUnreadable } from "../data/orders";
import { scaleStat, timeRuns, timeRunsWithCpu, type RunPlan, type Stat } from "../stats";

export interface MmeBenchRow {
  orders: number;
  /** Wall time. */
  ms: Stat;
  /** CPU time of the process over the same runs (less sensitive to other processes). */
  cpuMs: Stat;
  /** What the engine made of the orders (shows the mix is realistic, not all excluded). */
  counted: number;
  excluded: number;
  notComputable: number;
  state: MmeResult["state"];
}

/** The engine input for `count` orders (deterministic). */
export function mmeInput(count: number): MmeInput {
  const meds = generateMedications(Math.max(1, Math.min(200, Math.floor(count / 50))));
  return {
    medicationRequests: generateOrders(count, { seed: count, medications: meds.index, medicationReferenceShare: 0.1 }),
    medications: meds.resources,
    unreadable: generateUnreadable(Math.floor(count / 200)),
    asOf: BENCH_AS_OF,
  };
}

/** calculateMme at each size; `planFor(size)` gives warm-ups and runs (fewer for big sizes). */
export function benchMme(sizes: readonly number[], planFor: (size: number) => RunPlan): MmeBenchRow[] {
  return sizes.map((size) => {
    const input = mmeInput(size);
    let last: MmeResult | null = null;
    const { wall: ms, cpu: cpuMs } = timeRunsWithCpu(() => calculateMme(input), planFor(size), (r) => {
      last = r;
    });
    const result: MmeResult = last ?? calculateMme(input);
    const count = (status: string) => result.orders.filter((o) => o.status === status).length;
    return { orders: size, ms, cpuMs, counted: count("counted"), excluded: count("excluded"), notComputable: count("not-computable"), state: result.state };
  });
}

export interface DosageLinesBenchRow {
  lines: number;
  ms: Stat;
  /** What the engine made of the order (every line is read and cross-checked before the verdict). */
  status: string;
  reason: string | null;
  /** Readings listed on the ledger for it (bounded: the first lines one by one, then one summary entry). */
  readingsListed: number;
}

/**
 * One current oxycodone 5 mg order with `lines` concurrent dosage lines (deterministic): each a
 * structured dose and timing.repeat, every third also a sig text that must agree with them. Every
 * line is read and cross-checked; their sum is far above the plausible daily maximum, so the
 * verdict comes only after the last line (the worst case: nothing stops the reading early).
 */
export function dosageLinesOrder(lines: number): MedicationRequest {
  return {
    resourceType: "MedicationRequest", id: "many-lines", status: "active", intent: "order",
    subject: { reference: "Patient/bench" }, authoredOn: "2025-05-20",
    medicationCodeableConcept: { coding: [{ system: RXNORM_SYSTEM, code: "1049621", display: "oxycodone hydrochloride 5 MG Oral Tablet" }] },
    dosageInstruction: Array.from({ length: lines }, (_, i) => {
      const tablets = 1 + (i % 2);
      const hours = 4 + (i % 4);
      return {
        ...(i % 3 === 0 ? { text: `take ${tablets} tablet${tablets > 1 ? "s" : ""} every ${hours} hours` } : {}),
        timing: { repeat: { frequency: 1, period: hours, periodUnit: "h" as const } },
        doseAndRate: [{ doseQuantity: { value: tablets, unit: "tablet", system: UCUM_SYSTEM, code: "{tablet}" } }],
      };
    }),
  };
}

/** calculateMme over one order of `lines` dosage lines. */
export function benchDosageLines(lines: number, plan: RunPlan): DosageLinesBenchRow {
  const input: MmeInput = { medicationRequests: [dosageLinesOrder(lines)], asOf: BENCH_AS_OF };
  let last: MmeResult | null = null;
  const ms = timeRuns(() => calculateMme(input), plan, (r) => {
    last = r;
  });
  const order = (last ?? calculateMme(input)).orders[0];
  return { lines, ms, status: order?.status ?? "missing", reason: order?.reason ?? null, readingsListed: order?.readings.length ?? 0 };
}

/** Current opioid orders of the taper benchmark, in the order they are added (1 to 5 opioids). */
export const TAPER_REGIMEN = [
  { rxnorm: "891881", display: "morphine sulfate 15 MG Extended Release Oral Tablet", unit: "tablet", periodHours: 12, asNeeded: false },
  { rxnorm: "1049621", display: "oxycodone hydrochloride 5 MG Oral Tablet", unit: "tablet", periodHours: 6, asNeeded: true },
  { rxnorm: "245134", display: "72 HR fentanyl 0.025 MG/HR Transdermal System", unit: "patch", periodHours: 72, asNeeded: false },
  { rxnorm: "897696", display: "hydromorphone hydrochloride 2 MG Oral Tablet", unit: "tablet", periodHours: 6, asNeeded: false },
  { rxnorm: "835603", display: "tramadol hydrochloride 50 MG Oral Tablet", unit: "tablet", periodHours: 6, asNeeded: false },
] as const;

function regimenOrder(i: number): MedicationRequest {
  const spec = TAPER_REGIMEN[i];
  if (spec === undefined) throw new Error(`no regimen product ${i}`);
  return {
    resourceType: "MedicationRequest", id: `taper-${i + 1}`, status: "active", intent: "order",
    subject: { reference: "Patient/bench" }, authoredOn: "2025-05-20",
    medicationCodeableConcept: { coding: [{ system: RXNORM_SYSTEM, code: spec.rxnorm, display: spec.display }] },
    dosageInstruction: [{
      timing: { repeat: { frequency: 1, period: spec.periodHours, periodUnit: "h" } }, asNeededBoolean: spec.asNeeded,
      doseAndRate: [{ doseQuantity: { value: 1, unit: spec.unit, system: UCUM_SYSTEM, code: `{${spec.unit}}` } }],
    }],
    // an as-needed order's supply prefills the actual use the plan starts from (2 a day)
    ...(spec.asNeeded ? { dispenseRequest: { quantity: { value: 60, unit: spec.unit }, expectedSupplyDuration: { value: 30, unit: "days", system: UCUM_SYSTEM, code: "d" } } } : {}),
  };
}

/** The regimen of the first `opioids` products, through the MME engine. */
export function taperRegimen(opioids: number): { regimen: Regimen; mmePerDay: number | null } {
  const orders = Array.from({ length: opioids }, (_, i) => regimenOrder(i));
  const mme = calculateMme({ medicationRequests: orders, asOf: BENCH_AS_OF });
  return { regimen: regimenFromMme(mme, orders), mmePerDay: mme.totalMmePerDay };
}

export interface TaperBenchRow {
  opioids: number;
  startMmePerDay: number | null;
  /** Steps of the plan, or null with the refusal code when no plan was made. */
  steps: number | null;
  refusal: string | null;
  /** Per plan. */
  ms: Stat;
}

/** proposeTaperPlan for 1..maxOpioids opioids; each sample times `batch` calls (per-plan figures). */
export function benchTaper(maxOpioids: number, plan: RunPlan, batch: number): TaperBenchRow[] {
  return Array.from({ length: maxOpioids }, (_, i) => {
    const { regimen, mmePerDay } = taperRegimen(i + 1);
    const options = defaultTaperOptions({ longTermUse: true }, regimen, BENCH_AS_OF);
    const once = () => proposeTaperPlan(regimen, options, BENCH_AS_OF);
    const outcome = once();
    const ms = timeRuns(() => {
      let last = outcome;
      for (let k = 0; k < batch; k++) last = once();
      return last;
    }, plan);
    return {
      opioids: i + 1,
      startMmePerDay: mmePerDay,
      steps: outcome.ok ? outcome.plan.steps.length : null,
      refusal: outcome.ok ? null : outcome.refusal.code,
      ms: scaleStat(ms, 1 / batch),
    };
  });
}
