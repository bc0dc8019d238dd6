/**
 * CarePlan.activity entries: one per taper step and product (a proposed MedicationRequest,
 * coded with RxNorm), saying the step's instruction for that product word for word (the
 * schedule and the handout show the same instruction), then the follow-up visits, then the
 * monitoring items.
 * R4 CarePlan.activity.detail: https://hl7.org/fhir/R4/careplan-definitions.html#CarePlan.activity.detail
 * Pitfall handled: a step's `end` is exclusive in the engine, inclusive in a FHIR Period.
 */
import type { CarePlanActivity, CodeableConcept, Period, Quantity } from "fhir/r4";
import type { Confirmations, StepDose, StepProduct, TaperPlan, TaperStep } from "@/lib/domain";
import { RXNORM_SYSTEM, UCUM_SYSTEM } from "@/lib/domain/code-systems";
import { roundTo } from "@/lib/domain/numbers";
import { FOLLOW_UP_ENCOUNTER } from "./codes";
import { stepExtension } from "./extensions";
import { STEP_KIND_LABELS, formatMme, inclusiveEnd } from "./format";
import { dispenseLines, productLine, stepLabel } from "./sections-plan";

/** Decimal places kept in dailyAmount (avoids 0.1 x 3 = 0.30000000000000004 in the chart). */
const AMOUNT_DECIMALS = 4;

const UCUM_BY_AMOUNT_UNIT: Record<StepDose["amountUnit"], { unit: string; code: string }> = {
  mg: { unit: "mg", code: "mg" },
  mL: { unit: "mL", code: "mL" },
  "mcg/h": { unit: "mcg/h", code: "ug/h" },
};

export function productConcept(p: StepProduct): CodeableConcept {
  return p.rxnorm === null
    ? { text: p.display }
    : { coding: [{ system: RXNORM_SYSTEM, code: p.rxnorm, display: p.display }], text: p.display };
}

/**
 * Amount per day: the sum of dose x administrations per day over the product's doses (mg, mL).
 * A patch is a continuous rate: its daily amount is the strength worn (mcg/h, UCUM `ug/h`), not
 * dose x changes per day; a stopped product's is 0. Undefined when a number is not finite or
 * negative, or the doses are not in the product's unit (unknown beats wrong).
 */
export function dailyAmount(p: StepProduct): Quantity | undefined {
  if (p.doses.some((d) => d.amountUnit !== p.amountUnit)) return undefined;
  const perDay = p.amountUnit === "mcg/h" ? (p.doses[0]?.amount ?? 0) : p.doses.reduce((sum, d) => sum + d.amount * d.administrationsPerDay, 0);
  if (!Number.isFinite(perDay) || perDay < 0) return undefined;
  const ucum = UCUM_BY_AMOUNT_UNIT[p.amountUnit];
  return { value: roundTo(perDay, AMOUNT_DECIMALS), unit: ucum.unit, system: UCUM_SYSTEM, code: ucum.code };
}

function stepPeriod(step: TaperStep): Period {
  const end = inclusiveEnd(step.start, step.end);
  return end === null ? { start: step.start } : { start: step.start, end };
}

/** "Step 2, Reduce (2025-02-03 to 2025-03-02): oxycodone 10 mg every 8 hours (45 MME/day). Dispense: ..." */
export function medicationDescription(step: TaperStep, p: StepProduct): string {
  const period = stepPeriod(step);
  const dispense = dispenseLines(p);
  return (
    `${stepLabel(step)}, ${STEP_KIND_LABELS[step.kind]} (${period.start ?? step.start} to ${period.end ?? "?"}): ` +
    `${productLine(p)}. Total for this step: ${formatMme(step.totalMmePerDay)}.` +
    (dispense.length > 0 ? ` Dispense: ${dispense.join(", ")}.` : "")
  );
}

function medicationActivity(step: TaperStep, p: StepProduct): CarePlanActivity {
  const amount = dailyAmount(p);
  return {
    detail: {
      // the step's index and total planned MME/day, read back at follow-up (extensions.ts)
      extension: [stepExtension(step)],
      kind: "MedicationRequest",
      status: "not-started",
      productCodeableConcept: productConcept(p),
      ...(amount ? { dailyAmount: amount } : {}),
      scheduledPeriod: stepPeriod(step),
      description: medicationDescription(step, p),
    },
  };
}

function followUpActivity(date: string, purpose: string): CarePlanActivity {
  return {
    detail: {
      kind: "Appointment",
      code: { coding: [{ ...FOLLOW_UP_ENCOUNTER }], text: "Follow-up visit" },
      status: "not-started",
      scheduledPeriod: { start: date, end: date },
      description: `Follow-up visit on ${date}: ${purpose}`,
    },
  };
}

function monitoringActivity(item: string, period: Period): CarePlanActivity {
  return {
    detail: { code: { text: "Monitoring during the taper" }, status: "not-started", scheduledPeriod: period, description: item },
  };
}

/** All activities, in order: medication steps, follow-ups (agreed date first if not in the plan), monitoring. */
export function buildActivities(plan: TaperPlan, confirmations: Confirmations, period: Period): CarePlanActivity[] {
  const medication = plan.steps.flatMap((step) => step.products.map((p) => medicationActivity(step, p)));
  const agreed = confirmations.followUpDate;
  const followUps = plan.followUps.map((f) => followUpActivity(f.date, f.purpose));
  if (agreed !== null && !plan.followUps.some((f) => f.date === agreed)) {
    followUps.unshift(followUpActivity(agreed, "first follow-up agreed with the patient"));
  }
  return [...medication, ...followUps, ...plan.monitoring.map((m) => monitoringActivity(m, period))];
}
