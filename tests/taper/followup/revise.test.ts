/**
 * Revisions of the plan in effect: pause, slow, resume, stop. Each is a new plan from the
 * current orders, written as a CarePlan that `replaces` the earlier one, read back as the plan
 * in effect; never faster than the guidance without a rapid-taper reason.
 * Plan under test: oxycodone 10 mg every 6 h = 60 MME/day, 10 % of the original dose per month
 * from 2025-01-06 (3.75 MME/day steps: 60, 56.25, 52.5, 52.5, 45, ...); the revision is made on
 * 2025-03-10, when the patient is at step 2 (52.5 MME/day).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TaperPlan } from "@/lib/domain";
import { followUpFromCarePlans, readSavedPlan } from "@/lib/careplan";
import { validateCarePlan } from "@/lib/fhir/careplan";
import { defaultTaperOptions, percentPerWeek, regimenFromMme, TAPER_DEFAULTS } from "@/lib/taper";
import { plannedSeries, proposeRevision, type RevisionRequest } from "@/lib/taper/followup";
import { followed } from "@/sandbox/scenarios/plan-history";
import { mmeAt, planFor, saved, taking } from "./support";

const START = "2025-01-06";
const TODAY = "2025-03-10";
const { plan, mme: startMme } = planFor([taking("1049683", 1, 4)], START);
const original = saved(plan, startMme, "cp-1", `${START}T10:00:00Z`);
const inEffect = (() => {
  const r = readSavedPlan(original);
  if (!r.ok) throw new Error("test setup");
  return r.plan;
})();
const todayMme = mmeAt(followed(plan), TODAY);
const regimen = regimenFromMme(todayMme);
const defaults = defaultTaperOptions({ longTermUse: true }, regimen, TODAY);

function revise(request: RevisionRequest, current = inEffect) {
  return proposeRevision({ inEffect: current, regimen, defaults, request, asOf: TODAY });
}

function revised(request: RevisionRequest): { plan: TaperPlan; carePlan: ReturnType<typeof saved> } {
  const r = revise(request);
  if (!r.ok) throw new Error(r.refusal.message);
  return { plan: r.plan, carePlan: saved(r.plan, todayMme, "cp-2", `${TODAY}T11:00:00Z`, { replaces: r.replaces, record: r.record, replacedSummary: r.replacedSummary }) };
}

const levels = (p: TaperPlan) => p.steps.map((s) => s.totalMmePerDay);

describe("pause", () => {
  const { plan: paused, carePlan } = revised({ kind: "pause", reason: "withdrawal insomnia", pauseIntervals: 2 });

  it("holds today's dose for 2 intervals, then reduces at the same rate", () => {
    // today 52.5 MME/day; held for 2 months (step 0 and one planned pause), then 10 % of 52.5 per month
    expect(levels(paused).slice(0, 3)).toEqual([52.5, 52.5, paused.steps[2]?.totalMmePerDay]);
    expect(paused.steps[1]?.kind).toBe("pause");
    expect(paused.steps[2]?.totalMmePerDay ?? Infinity).toBeLessThan(52.5);
    expect(paused.steps[0]?.start).toBe(TODAY);
    expect(paused.steps[2]?.start).toBe("2025-05-10");
    expect(paused.options.ratePercent).toBe(10);
  });

  it("is written as a CarePlan that replaces the earlier one, with the reason, and validates", async () => {
    expect(carePlan.replaces).toEqual([{ reference: "CarePlan/cp-1" }]);
    expect(carePlan.note?.some((n) => n.text.includes("Reason: withdrawal insomnia"))).toBe(true);
    expect(carePlan.text?.div).toContain("withdrawal insomnia");
    const v = await validateCarePlan(carePlan);
    expect(v.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("is the plan in effect afterwards; a patient holding the dose is on track, not paused against the old plan", () => {
    const asOf = "2025-04-15"; // the old plan's step 3 (52.5) is due; the revision holds 52.5
    const m = mmeAt([...followed(plan).filter((p) => p.from < TODAY), { from: TODAY, products: plan.steps[2]?.products ?? [] }], asOf);
    const withRevision = followUpFromCarePlans([original, carePlan], m, asOf);
    expect(withRevision.carePlan).toBe("CarePlan/cp-2");
    expect(withRevision.status).toBe("on-track");
    expect(withRevision.chain.map((c) => c.reference)).toEqual(["CarePlan/cp-2", "CarePlan/cp-1"]);
    expect(withRevision.chain[0]?.revision).toEqual({ kind: "pause", reason: "withdrawal insomnia", pauseIntervals: 2 });
    expect(followUpFromCarePlans([original], m, asOf).status).toBe("paused");
  });
});

describe("slow", () => {
  it("a lower rate from today: smaller steps", () => {
    const { plan: slow } = revised({ kind: "slow", reason: "pain worse", ratePercent: 5 });
    // 5 % of 52.5 = 2.63 MME/day per month at most
    expect(slow.options.ratePercent).toBe(5);
    expect(52.5 - (slow.steps.find((s) => s.totalMmePerDay < 52.5)?.totalMmePerDay ?? 0)).toBeLessThanOrEqual(52.5 * 0.1);
  });

  it("a longer interval: slower", () => {
    const r = revise({ kind: "slow", reason: "pain worse", interval: { unit: "month", count: 2 } });
    expect(r.ok && r.plan.options.interval).toEqual({ unit: "month", count: 2 });
  });

  it.each<[Partial<RevisionRequest>, string]>([
    [{ ratePercent: 10 }, "the same rate"],
    [{ ratePercent: 20 }, "a faster rate"],
    [{ ratePercent: 20, interval: { unit: "month", count: 2 } }, "the same pace per week"],
  ])("refuses %j (%s): not slower", (change) => {
    const r = revise({ kind: "slow", reason: "x", ...change });
    expect(r.ok ? null : r.refusal.code).toBe("followup.revision.not-slower");
  });
});

describe("resume and stop", () => {
  it("resume: the first reduction is today, at the plan's rate", () => {
    const r = revise({ kind: "resume", reason: "sleeping better" });
    if (!r.ok) throw new Error(r.refusal.message);
    expect(r.plan.steps[1]?.start).toBe(TODAY);
    expect(r.plan.steps[1]?.totalMmePerDay ?? Infinity).toBeLessThan(52.5);
  });

  it("stop: today's dose held, no reduction; read back, no plan is in effect", () => {
    const { plan: stop, carePlan } = revised({ kind: "stop", reason: "patient declines further reduction" });
    expect(levels(stop)).toEqual([52.5]);
    expect(stop.rationale).toMatch(/stopped at the current dose \(52.5 MME\/day\)/);
    const r = followUpFromCarePlans([original, carePlan], todayMme, TODAY);
    expect(r.status).toBe("no-plan");
    expect(r.summary).toMatch(/stopped \(reason: patient declines further reduction\)/);
  });

  it("needs a reason", () => {
    const r = revise({ kind: "resume", reason: "  " });
    expect(r.ok ? null : r.refusal.code).toBe("followup.revision.reason-required");
  });

  it("refuses from incomplete current orders (the planner's own blocker)", () => {
    const incomplete = { ...todayMme, state: "incomplete" as const, complete: false, incompleteReasons: ["1 order could not be computed."] };
    const r = proposeRevision({ inEffect, regimen: regimenFromMme(incomplete), defaults, request: { kind: "pause", reason: "x", pauseIntervals: 1 }, asOf: TODAY });
    expect(r.ok).toBe(false);
  });
});

describe("never faster than the guidance without a rapid-taper reason", () => {
  // a plan made as a safety-driven rapid taper: 25 % of the original every week
  const rapid = planFor([taking("1049683", 1, 4)], START, { ratePercent: 25, interval: { unit: "week", count: 1 }, rapidTaper: { reason: "overdose on this dose" } });
  const rapidSaved = readSavedPlan(saved(rapid.plan, rapid.mme, "cp-r", `${START}T10:00:00Z`));
  if (!rapidSaved.ok) throw new Error("test setup");

  it("resuming a rapid plan without a reason of its own is refused, with one it is allowed", () => {
    const without = revise({ kind: "resume", reason: "continue" }, rapidSaved.plan);
    expect(without.ok ? null : without.refusal.code).toBe("taper.rate-too-fast");
    const withReason = revise({ kind: "resume", reason: "continue", rapidTaperReason: "overdose on this dose" }, rapidSaved.plan);
    expect(withReason.ok).toBe(true);
  });

  it("any revision without a rapid-taper reason is at or below the guidance pace (property)", () => {
    const request = fc.record({
      kind: fc.constantFrom("pause" as const, "slow" as const, "resume" as const, "stop" as const),
      reason: fc.constant("because"),
      pauseIntervals: fc.integer({ min: 1, max: 6 }),
      ratePercent: fc.double({ min: 0.5, max: 100, noNaN: true }),
      interval: fc.record({ unit: fc.constantFrom("day" as const, "week" as const, "month" as const), count: fc.integer({ min: 1, max: 8 }) }),
    });
    fc.assert(fc.property(request, fc.boolean(), (req, fromRapid) => {
      const r = revise(req, fromRapid ? rapidSaved.plan : inEffect);
      if (!r.ok) return;
      expect(r.plan.options.rapidTaper).toBeNull();
      expect(percentPerWeek(r.plan.options, TAPER_DEFAULTS)).toBeLessThanOrEqual(TAPER_DEFAULTS.maxPercentPerWeek + 1e-9);
      expect(r.plan.steps[0]?.totalMmePerDay).toBeCloseTo(52.5, 6);
    }), { numRuns: 150 });
  });
});

describe("the planned line across the chain", () => {
  it("follows the old plan until the revision was written, then the revision", () => {
    const { carePlan } = revised({ kind: "pause", reason: "withdrawal", pauseIntervals: 2 });
    const chain = [readSavedPlan(carePlan), readSavedPlan(original)].flatMap((r) => (r.ok ? [r.plan] : []));
    const series = plannedSeries(chain);
    // old plan: 60 (01-06), 56.25 (02-06), 52.5 (03-06); revision from 03-10: 52.5 held to 05-10, then lower
    expect(series.slice(0, 4).map((p) => [p.date, p.mmePerDay, p.reference])).toEqual([
      ["2025-01-06", 60, "CarePlan/cp-1"], ["2025-02-06", 56.25, "CarePlan/cp-1"], ["2025-03-06", 52.5, "CarePlan/cp-1"], ["2025-03-10", 52.5, "CarePlan/cp-2"],
    ]);
    expect(series.filter((p) => p.reference === "CarePlan/cp-1").every((p) => p.date < TODAY)).toBe(true);
    expect(series.find((p) => p.date === "2025-05-10")?.mmePerDay ?? Infinity).toBeLessThan(52.5);
  });
});
