/**
 * The CarePlan and the handout say the same as the schedule, step for step (issue 20, "Done when"):
 * every step's products, in order, appear as one CarePlan medication activity each with the
 * schedule's instruction word for word and the step's dates, and as the handout's line for that
 * step with the patient instruction of the same product. Over generated regimens (patches, ER with
 * its switch, as needed, methadone) so a missing or reordered line anywhere fails.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CarePlanActivity } from "fhir/r4";
import type { TaperPlan } from "@/lib/domain";
import { buildHandout, type Handout } from "@/lib/handout";
import { buildCarePlan } from "@/lib/careplan";
import { proposeTaperPlan } from "@/lib/taper";
import { item, options, regimen } from "../taper/helpers";
import { makeContext } from "./fixtures";

const REGIMENS: Array<[string, () => ReturnType<typeof regimen>]> = [
  ["oxycodone ER 30 mg q12h + oxycodone 10 mg q6h", () => regimen(item("1860151", 1, 2), item("1049683", 1, 4))],
  ["fentanyl 50 mcg/h + oxycodone 5 mg as needed (2 a day)", () => regimen(item("245135", 1, 1 / 3), { ...item("1049621", 1, 4), asNeeded: true })],
  ["morphine ER 60 mg q12h (switches to immediate release)", () => regimen(item("891893", 1, 2))],
  ["methadone 10 mg q8h", () => regimen(item("864706", 1, 3))],
  ["tapentadol ER 100 mg q12h", () => regimen(item("1148797", 1, 2))],
];

function planOf(r: ReturnType<typeof regimen>, overrides: Parameters<typeof options>[0] = {}): TaperPlan {
  const outcome = proposeTaperPlan(r, options({ actualUse: { "MedicationRequest/1049621": { dosesPerDay: 2, source: "entered", detail: "" } }, ...overrides }), "2025-01-01");
  if (!outcome.ok) throw new Error(outcome.refusal.message);
  return outcome.plan;
}

const medicationActivities = (activities: CarePlanActivity[]) => activities.filter((a) => a.detail?.kind === "MedicationRequest");

describe("CarePlan and handout say the same as the schedule, step for step", () => {
  it.each(REGIMENS)("%s", (_name, make) => {
    const plan = planOf(make());
    const cp = buildCarePlan(plan, makeContext());
    const meds = medicationActivities(cp.activity ?? []);
    const expected = plan.steps.flatMap((s) => s.products.map((p) => ({ step: s, p })));
    expect(meds).toHaveLength(expected.length);
    expected.forEach(({ step, p }, i) => {
      const detail = meds[i]?.detail;
      expect(detail?.description, `activity ${i}`).toContain(`: ${p.scheduleText}`);
      expect(detail?.scheduledPeriod?.start).toBe(step.start);
    });
    const rows = stepRows(handoutOf(plan));
    expect(rows).toHaveLength(plan.steps.length);
    plan.steps.forEach((s, i) => expect(rows[i]?.doses).toEqual(s.products.map((p) => p.patientText)));
    // the narrative's schedule table has the same instructions
    for (const p of plan.steps.flatMap((s) => s.products)) expect(cp.text?.div).toContain(escapeXml(p.scheduleText));
  });

  it("holds for generated options too (rate, interval, basis, pauses)", () => {
    fc.assert(fc.property(
      fc.constantFrom(...REGIMENS), fc.constantFrom("original" as const, "current" as const, "two-phase" as const), fc.integer({ min: 3, max: 10 }),
      fc.array(fc.record({ atStep: fc.integer({ min: 1, max: 5 }), intervals: fc.integer({ min: 1, max: 2 }) }), { maxLength: 1 }),
      ([, make], basis, ratePercent, pauses) => {
        const plan = planOf(make(), { basis, ratePercent, pauses });
        const meds = medicationActivities(buildCarePlan(plan, makeContext()).activity ?? []);
        const instructions = plan.steps.flatMap((s) => s.products.map((p) => p.scheduleText));
        expect(meds.map((m, i) => m.detail?.description?.includes(`: ${instructions[i] ?? "?"}`))).toEqual(instructions.map(() => true));
        expect(stepRows(handoutOf(plan)).map((r) => r.doses)).toEqual(plan.steps.map((s) => s.products.map((p) => p.patientText)));
      },
    ), { numRuns: 40 });
  });
});

/** The English handout; its step rows (a step kept several intervals adds "no change" rows between them). */
function handoutOf(plan: TaperPlan): Handout {
  return buildHandout({ plan, language: "en", patient: null, clinician: null, clinic: null, nextVisit: null });
}
const stepRows = (h: Handout) => h.rows.filter((r) => r.stepIndex !== null);

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
