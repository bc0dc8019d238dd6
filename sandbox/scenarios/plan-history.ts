/**
 * Order histories that follow a taper plan (or do not): for each period, the MedicationRequests
 * a clinician would write for that period's doses, the earlier ones completed and the one in
 * force active. Used by the follow-up scenario patients and by the follow-up engine's tests
 * (tests/taper/followup), so both see the same shapes an EHR writes: one order per tablet or
 * patch strength, a structured dosage and a sig that agree, a supply for the period.
 */
import type { MedicationRequest } from "fhir/r4";
import type { DoseComponent, IsoDate, StepProduct, TaperPlan } from "@/lib/domain";
import { addDays, daysBetween } from "@/lib/taper/dates";
import { SANDBOX_TAG } from "./builders";
import { RXNORM, UCUM } from "./codes";

/** What the patient was prescribed from `from` until the next period starts. */
export interface OrderPeriod {
  from: IsoDate;
  products: readonly StepProduct[];
}

export interface HistoryOptions {
  patientId: string;
  requesterId: string;
  /** Prefix of every MedicationRequest id. */
  idPrefix: string;
  /** The day the history is seen from: the period containing it is active, the earlier ones completed. */
  asOf: IsoDate;
  /** Days of supply written on the last (open) period. */
  lastSupplyDays?: number;
  /** Omit the sandbox tag (unit tests). */
  untagged?: boolean;
}

const unitWord = (c: DoseComponent): string => (c.strengthUnit === "mcg/h" ? "patch" : c.strengthUnit === "mg/mL" ? "mL" : "tablet");

function sig(c: DoseComponent, periodHours: number): string {
  const every = `every ${periodHours} hours`;
  if (c.strengthUnit === "mcg/h") return `Apply ${c.count} patch${c.count === 1 ? "" : "es"} ${every}`;
  if (c.strengthUnit === "mg/mL") return `Take ${c.count} mL by mouth ${every}`;
  return `Take ${c.count} tablet${c.count === 1 ? "" : "s"} by mouth ${every}`;
}

function order(opts: HistoryOptions, id: string, c: DoseComponent, perDay: number, from: IsoDate, days: number, active: boolean): MedicationRequest {
  const periodHours = Math.round((24 / perDay) * 1000) / 1000;
  const unit = unitWord(c);
  const doseQuantity = unit === "mL" ? { value: c.count, unit: "mL", system: UCUM, code: "mL" } : { value: c.count, unit, system: UCUM, code: `{${unit}}` };
  return {
    resourceType: "MedicationRequest",
    id,
    ...(opts.untagged ? {} : { meta: { tag: [SANDBOX_TAG] } }),
    status: active ? "active" : "completed",
    intent: "order",
    medicationCodeableConcept: { coding: [{ system: RXNORM, ...(c.rxnorm !== null ? { code: c.rxnorm } : {}), display: c.display }], text: c.display },
    subject: { reference: `Patient/${opts.patientId}` },
    authoredOn: `${from}T10:00:00Z`,
    requester: { reference: `Practitioner/${opts.requesterId}` },
    dosageInstruction: [{
      sequence: 1,
      text: sig(c, periodHours),
      timing: { repeat: { frequency: 1, period: periodHours, periodUnit: "h" } },
      asNeededBoolean: false,
      doseAndRate: [{ doseQuantity }],
    }],
    dispenseRequest: {
      validityPeriod: { start: from, end: addDays(from, Math.max(0, days - 1)) },
      quantity: { ...doseQuantity, value: Math.ceil(c.count * perDay * days - 1e-9) },
      expectedSupplyDuration: { value: days, unit: "days", system: UCUM, code: "d" },
    },
  };
}

/**
 * The orders of each period: one per dose component of each product taken (a stopped
 * product has none). A period is active when `asOf` falls in it (the last one when `asOf` is
 * after every start), completed before; periods starting after `asOf` are not written.
 */
export function ordersForPeriods(periods: readonly OrderPeriod[], opts: HistoryOptions): MedicationRequest[] {
  const all = [...periods].sort((a, b) => a.from.localeCompare(b.from));
  const sorted = all.filter((p) => p.from <= opts.asOf);
  return sorted.flatMap((period, i) => {
    const next = sorted[i + 1];
    const active = next === undefined;
    // the open period's supply covers it up to the next planned period (a step may last several months)
    const upcoming = all.find((p) => p.from > period.from);
    const days = next !== undefined ? (daysBetween(period.from, next.from) ?? 30) : upcoming !== undefined ? (daysBetween(period.from, upcoming.from) ?? 30) : (opts.lastSupplyDays ?? 30);
    return doses(period.products).map((d, j) => order(opts, `${opts.idPrefix}-${i}-${j}`, d.component, d.perDay, period.from, days, active));
  });
}

/**
 * One order per tablet (or patch) product, as a prescriber writes it: a product used in two
 * doses of a split regimen (15 mg morning and 15 + 5 mg evening) is one order for its total
 * units a day, so that two orders of the same product never look like a renewal of each other.
 */
function doses(products: readonly StepProduct[]): { component: DoseComponent; perDay: number }[] {
  const byProduct = new Map<string, { component: DoseComponent; unitsPerDay: number; counts: Set<number> }>();
  const out: { component: DoseComponent; perDay: number }[] = [];
  for (const d of products.flatMap((p) => p.doses)) {
    if (d.administrationsPerDay <= 0) continue;
    for (const c of d.components) {
      if (c.strengthUnit === "mcg/h") { out.push({ component: c, perDay: d.administrationsPerDay }); continue; }
      const key = c.rxnorm ?? c.display;
      const entry = byProduct.get(key) ?? { component: c, unitsPerDay: 0, counts: new Set<number>() };
      entry.unitsPerDay += c.count * d.administrationsPerDay;
      entry.counts.add(c.count);
      byProduct.set(key, entry);
    }
  }
  for (const e of byProduct.values()) {
    const count = e.counts.size === 1 ? (e.component.count) : 1;
    out.push({ component: { ...e.component, count }, perDay: e.unitsPerDay / count });
  }
  return out;
}

/** Periods that follow the plan exactly: step s's doses from step s's start. */
export function followed(plan: TaperPlan): OrderPeriod[] {
  return plan.steps.map((s) => ({ from: s.start, products: s.products }));
}

/** Periods that run `steps` steps ahead of the plan: at step s's start, the doses of step s + steps (the last step's at the end). */
export function ahead(plan: TaperPlan, steps: number): OrderPeriod[] {
  return plan.steps.map((s, i) => ({ from: s.start, products: (plan.steps[Math.min(i + steps, plan.steps.length - 1)] ?? s).products }));
}

/** Periods that follow the plan up to step `at`, then stay on step `at`'s doses. */
export function heldAt(plan: TaperPlan, at: number): OrderPeriod[] {
  return plan.steps.map((s, i) => ({ from: s.start, products: (plan.steps[Math.min(i, at)] ?? s).products }));
}

/**
 * Periods that run `reductions` dose reductions ahead of the plan: at each step's start, the
 * doses of the first step whose level is that many distinct planned levels lower (a hold in
 * the plan is not a reduction), or the last step's.
 */
export function reductionsAhead(plan: TaperPlan, reductions: number): OrderPeriod[] {
  return plan.steps.map((s) => {
    let level = s.totalMmePerDay;
    let target = s;
    for (let n = 0; n < reductions; n++) {
      const lower = plan.steps.find((t) => t.index > target.index && t.totalMmePerDay < level);
      if (lower === undefined) break;
      target = lower;
      level = lower.totalMmePerDay;
    }
    return { from: s.start, products: target.products };
  });
}
