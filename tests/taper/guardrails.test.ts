/** Option guardrails: refusals are values with stable codes (CDC 2022 Rec 5; draft l.2638-2641, 2650-2659). */
import { describe, expect, it } from "vitest";
import type { TaperOptions } from "@/lib/domain";
import { percentPerWeek, proposeTaperPlan, TAPER_DEFAULTS } from "@/lib/taper";
import { item, options, regimen } from "./helpers";

const oxy = regimen(item("1049683", 1, 3)); // 45 MME
const codeOf = (opts: Partial<TaperOptions>): string | null => {
  const outcome = proposeTaperPlan(oxy, options(opts), "2025-01-01");
  return outcome.ok ? null : outcome.refusal.code;
};

describe("rate in effect", () => {
  it.each([
    // [rate %, interval, % per week in effect]
    [10, { unit: "week", count: 1 }, 10], // 10 x 7 / 7
    [25, { unit: "day", count: 10 }, 17.5], // 25 x 7 / 10
    [10, { unit: "month", count: 1 }, 2.5], // 10 x 7 / 28 (shortest month)
    [20, { unit: "week", count: 2 }, 10], // 20 x 7 / 14
  ] as const)("%d %% every %o is %d %% per week", (ratePercent, interval, perWeek) => {
    expect(percentPerWeek({ ratePercent, interval }, TAPER_DEFAULTS)).toBeCloseTo(perWeek, 9);
  });
});

describe("refusals", () => {
  it.each([
    [{ ratePercent: 25, interval: { unit: "day", count: 10 } }, "taper.rate-too-fast"], // 17.5 %/week
    [{ ratePercent: 11, interval: { unit: "week", count: 1 } }, "taper.rate-too-fast"],
    [{ ratePercent: 40, interval: { unit: "month", count: 1 } }, "taper.step-too-large"], // 10 %/week but one 40 % step
    [{ ratePercent: 100, interval: { unit: "month", count: 12 } }, "taper.abrupt-discontinuation"],
    [{ ratePercent: 0 }, "taper.invalid-rate"],
    [{ ratePercent: Number.NaN }, "taper.invalid-rate"],
    [{ interval: { unit: "week", count: 0 } }, "taper.invalid-interval"],
    [{ interval: { unit: "week", count: 1.5 } }, "taper.invalid-interval"],
    [{ startDate: "2025-02-30" }, "taper.invalid-start-date"],
    [{ target: { kind: "mme", mmePerDay: 45 } }, "taper.invalid-target"], // not below the start
    [{ target: { kind: "mme", mmePerDay: -1 } }, "taper.invalid-target"],
    [{ productOrder: ["nope"] }, "taper.invalid-product-order"],
    [{ pauses: [{ atStep: 0, intervals: 1 }] }, "taper.invalid-pause"],
    [{ pauses: [{ atStep: 1, intervals: 100000 }] }, "taper.invalid-pause"],
    [{ rapidTaper: { reason: "  " } }, "taper.rapid-needs-reason"],
    [{ methadoneFaster: { reason: "" } }, "taper.methadone-faster-needs-reason"],
  ] as Array<[Partial<TaperOptions>, string]>)("%o is refused with %s", (opts, code) => {
    expect(codeOf(opts)).toBe(code);
  });

  it("accepts the fastest guideline rate (10 % per week) and 20 % every two weeks", () => {
    expect(codeOf({ ratePercent: 10, interval: { unit: "week", count: 1 } })).toBeNull();
    expect(codeOf({ ratePercent: 20, interval: { unit: "week", count: 2 } })).toBeNull();
  });

  it("explains the refusal in a sentence with the rate in effect", () => {
    const outcome = proposeTaperPlan(oxy, options({ ratePercent: 25, interval: { unit: "day", count: 10 } }), "2025-01-01");
    expect(outcome.ok ? "" : outcome.refusal.message).toMatch(/^25 % every 10 days is 17.5 % per week in effect/);
  });
});

describe("safety-driven rapid taper", () => {
  it("allows a faster rate with a reason, warns, and still never stops a daily dose abruptly", () => {
    const outcome = proposeTaperPlan(oxy, options({ ratePercent: 50, interval: { unit: "week", count: 1 }, rapidTaper: { reason: "overdose on the current dose" } }), "2025-01-01");
    if (!outcome.ok) throw new Error(outcome.refusal.message);
    const { plan } = outcome;
    expect(plan.warnings[0]?.code).toBe("taper.rapid-taper");
    expect(plan.warnings[0]?.message).toContain("overdose on the current dose");
    const stopIndex = plan.steps.findIndex((s) => s.kind === "stop");
    // the step before the stop is the smallest dose once a day: never every other day
    expect(plan.steps[stopIndex - 1]?.products[0]?.administrationsPerDay).toBe(1);
    expect(plan.steps.flatMap((s) => s.products.map((p) => p.administrationsPerDay)).filter((n) => n > 0 && n < 1)).toEqual([]);
  });
});

describe("oral liquids keep their concentration and are measured in 0.5 mL steps", () => {
  it("methadone 10 mg/mL, 2 mL every 12 hours (40 mg/day = 188 MME)", () => {
    const outcome = proposeTaperPlan(regimen(item("991147", 2, 2)), options(), "2025-01-01");
    if (!outcome.ok) throw new Error(outcome.refusal.message);
    const step1 = outcome.plan.steps[1];
    // 10 % of 188 = 18.8 MME/day a month: 2 mL + 1.5 mL = 35 mg/day x 4.7 = 164.5 removes 23.5, more than
    // one month allows, so the starting dose is kept 2 months (2 x 18.8 = 37.6 >= 23.5)
    expect(outcome.plan.steps[0]?.intervals).toBe(2);
    expect(step1?.totalMmePerDay).toBeCloseTo(164.5, 9);
    expect(step1?.products[0]?.doses.map((d) => [d.amount, d.amountUnit, d.administrationsPerDay])).toEqual([[2, "mL", 1], [1.5, "mL", 1]]);
    expect(step1?.products[0]?.scheduleText).toBe("methadone oral liquid 35 mg a day, every 12 hours: 20 mg (2 mL of 10 mg/mL) at 1st dose, 15 mg (1.5 mL of 10 mg/mL) at 2nd dose");
  });
});
