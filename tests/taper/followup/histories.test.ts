/**
 * The follow-up engine over generated histories: real plans from the planner, saved as the
 * app saves them, read back from the CarePlan, and order histories read through lib/mme.
 * Regimens (CDC 2022 factors: oxycodone 1.5, morphine 1, hydrocodone 1, tramadol 0.2,
 * fentanyl patch 2.4 per mcg/h):
 * - oxycodone 10 mg every 6 h: 40 mg/day x 1.5 = 60 MME/day;
 * - morphine ER 30 mg every 12 h: 60 MME/day;
 * - hydrocodone/APAP 10/325 every 6 h: 40 MME/day;
 * - tramadol 50 mg every 6 h: 200 mg x 0.2 = 40 MME/day (50 mg is the smallest marketed tramadol
 *   tablet: its steps are fewer doses a day, each after the dose before was kept long enough);
 * - fentanyl 25 mcg/h patch every 72 h + oxycodone 5 mg every 6 h: 60 + 30 = 90 MME/day.
 */
import { describe, expect, it } from "vitest";
import type { FollowUpResult, TaperOptions, TaperPlan } from "@/lib/domain";
import { followUpFromCarePlans } from "@/lib/careplan";
import { followed, heldAt, reductionsAhead } from "@/sandbox/scenarios/plan-history";
import { mmeAt, planFor, saved, taking } from "./support";

const START = "2025-01-06";

const REGIMENS = {
  "oxycodone 10 mg q6h": [taking("1049683", 1, 4)],
  "morphine ER 30 mg q12h": [taking("891888", 1, 2)],
  "hydrocodone/APAP 10/325 q6h": [taking("856999", 1, 4)],
  "tramadol 50 mg q6h": [taking("835603", 1, 4)],
  "fentanyl 25 mcg/h + oxycodone 5 mg q6h": [taking("245134", 1, 1 / 3), taking("1049621", 1, 4)],
} as const;

const OPTION_SETS: Record<string, Partial<TaperOptions>> = {
  "10 % of the original per month": {},
  "10 % of the current dose every 2 weeks": { basis: "current", interval: { unit: "week", count: 2 } },
  "weekly two-phase protocol": { basis: "two-phase", interval: { unit: "week", count: 1 } },
};

const cases = Object.entries(REGIMENS).flatMap(([regimen, products]) =>
  Object.entries(OPTION_SETS).map(([rate, patch]) => ({ name: `${regimen}, ${rate}`, ...planFor(products, START, patch) })),
);

/** The day before each step's start (the end of the previous step) and its start: both edges of every step. */
function daysOf(plan: TaperPlan): string[] {
  return plan.steps.flatMap((s) => [s.start, ...(s.index > 0 ? [dayBefore(s.start)] : [])]);
}

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function statusAt(plan: TaperPlan, mme: Parameters<typeof saved>[1], periods: ReturnType<typeof followed>, asOf: string): FollowUpResult {
  const carePlan = saved(plan, mme, "cp-1", `${START}T10:00:00Z`);
  return followUpFromCarePlans([carePlan], mmeAt(periods, asOf), asOf);
}

describe.each(cases)("$name", ({ plan, mme }) => {
  it("has a multi-step plan to test against", () => {
    expect(plan.steps.length).toBeGreaterThan(4);
  });

  it("a plan followed exactly is on track at every step, on its first and last day", () => {
    for (const asOf of daysOf(plan)) {
      const r = statusAt(plan, mme, followed(plan), asOf);
      expect({ asOf, status: r.status, complete: r.currentComplete }).toEqual({ asOf, status: "on-track", complete: true });
    }
  });

  it("orders two reductions ahead of the plan are faster than planned wherever two lower doses remain", () => {
    const periods = reductionsAhead(plan, 2);
    let faster = 0;
    for (const step of plan.steps) {
      const lower = new Set(plan.steps.filter((s) => s.index > step.index && s.totalMmePerDay < step.totalMmePerDay).map((s) => s.totalMmePerDay));
      const r = statusAt(plan, mme, periods, step.start);
      if (lower.size >= 2) {
        expect({ step: step.index, status: r.status }).toEqual({ step: step.index, status: "faster-than-planned" });
        expect(r.question).not.toBeNull();
        expect(r.reasons.join(" ")).toMatch(/Agnoli et al\., JAMA 2021;326\(5\):411-419, corrected/);
        expect(r.reasons.join(" ")).toMatch(/naloxone/);
        faster++;
      }
    }
    expect(faster).toBeGreaterThan(1);
  });

  it("orders one reduction ahead are still on track (the next step's prescription written early)", () => {
    const periods = reductionsAhead(plan, 1);
    for (const step of plan.steps) expect({ step: step.index, status: statusAt(plan, mme, periods, step.start).status }).toEqual({ step: step.index, status: "on-track" });
  });

  it("a patient held at an earlier step is paused, at that step, once the plan has moved below it", () => {
    const at = 2;
    const level = plan.steps[at]?.totalMmePerDay ?? Number.NaN;
    const firstOfLevel = plan.steps.find((s) => s.totalMmePerDay === level)?.index;
    let paused = 0;
    for (const step of plan.steps.filter((s) => s.index > at)) {
      const r = statusAt(plan, mme, heldAt(plan, at), step.start);
      const expected = step.totalMmePerDay < level ? "paused" : "on-track";
      expect({ step: step.index, status: r.status }).toEqual({ step: step.index, status: expected });
      if (expected === "paused") {
        expect(r.heldAtStep).toBe(firstOfLevel);
        expect(r.tone).toBe("neutral");
        paused++;
      }
    }
    expect(paused).toBeGreaterThan(0);
  });
});
