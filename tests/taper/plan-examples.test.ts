/**
 * Worked examples of the plan engine. MME factors (CDC 2022): oxycodone 1.5, methadone 4.7,
 * fentanyl patch 2.4 per mcg/h. Rate floor after k intervals (basis `original`):
 * start x (1 - 0.10 k). A step beyond the next real dose removes at most 1.5 x the rate's
 * own step (TAPER_DEFAULTS.maxCatchUpFactor).
 */
import { describe, expect, it } from "vitest";
import type { TaperPlan } from "@/lib/domain";
import { proposeTaperPlan } from "@/lib/taper";
import { item, options, regimen } from "./helpers";

function planOf(...args: Parameters<typeof proposeTaperPlan>): TaperPlan {
  const outcome = proposeTaperPlan(...args);
  if (!outcome.ok) throw new Error(`refused: ${outcome.refusal.code} ${outcome.refusal.message}`);
  return outcome.plan;
}
const totals = (plan: TaperPlan): number[] => plan.steps.map((s) => Math.round(s.totalMmePerDay * 1000) / 1000);
const kinds = (plan: TaperPlan): string[] => plan.steps.map((s) => s.kind);

describe("single IR opioid, 10 % of the original dose per month", () => {
  // oxycodone 10 mg (1049683) every 8 hours = 30 mg/day x 1.5 = 45 MME/day; floor_k = 45 - 4.5 k.
  const plan = planOf(regimen(item("1049683", 1, 3)), options(), "2025-01-01");
  it.each([
    // [step, kind, MME/day, arithmetic]
    [1, "reduce", 41.25, "floor 40.5: 10+10+7.5 = 27.5 mg x 1.5"],
    [2, "reduce", 37.5, "floor 36: 10+7.5+7.5 = 25 mg"],
    [3, "reduce", 33.75, "floor 31.5: 3 x 7.5 = 22.5 mg"],
    [4, "reduce", 30, "floor 27: 7.5+7.5+5 = 20 mg"],
    [5, "reduce", 26.25, "floor 22.5: 15 mg would remove 7.5 > 1.5 x 4.5, so 7.5+5+5 = 17.5 mg"],
    [6, "reduce", 22.5, "floor 18: 3 x 5 mg = 15 mg (smallest tablet)"],
    [7, "extend-interval", 15, "floor 13.5: 5 mg every 12 hours = 10 mg"],
    [8, "hold", 15, "floor 9: 5 mg once a day = 7.5 MME is below it"],
    [9, "extend-interval", 7.5, "floor 4.5: 5 mg once a day"],
    [10, "extend-interval", 3.75, "floor 0: 5 mg every other day = 2.5 mg/day"],
    [11, "stop", 0, "taken less than daily: stop (the only step exempt from the rate)"],
  ])("step %i is %s at %d MME/day (%s)", (index, kind, mme) => {
    const step = plan.steps[index];
    expect(step?.kind).toBe(kind);
    expect(step?.totalMmePerDay).toBeCloseTo(mme, 9);
  });
  it("dates steps monthly from the start date, and the plan ends at the stop", () => {
    expect(plan.steps.map((s) => s.start).slice(0, 3)).toEqual(["2025-01-01", "2025-02-01", "2025-03-01"]);
    expect(plan.endDate).toBe("2025-12-01");
    expect(plan.steps[11]?.percentOfStart).toBe(0);
    expect(plan.steps[6]?.percentOfStart).toBeCloseTo(50, 9); // 22.5 / 45
  });
  it("splits the daily dose between real tablets and keeps 3 doses a day", () => {
    const step1 = plan.steps[1]?.products ?? [];
    expect(step1.map((p) => [p.dose, p.administrationsPerDay])).toEqual([[10, 2], [7.5, 1]]);
    expect(step1[0]?.scheduleText).toBe("oxycodone 10 mg (1 x 10 mg) for 2 of the 3 doses a day, every 8 hours");
    expect(step1.map((p) => p.rxnorm)).toEqual(["1049683", "1113314"]);
  });
  it("dispenses whole tablets for each step's days", () => {
    // step 0: January, 31 days x 3 tablets; step 1: February, 28 days x 2 (10 mg) and 28 x 1 (7.5 mg)
    expect(plan.steps[0]?.products[0]?.dispense).toEqual([{ rxnorm: "1049683", display: "oxycodone hydrochloride 10 MG Oral Tablet", quantity: 93, unit: "tablet" }]);
    expect(plan.steps[1]?.products.flatMap((p) => p.dispense.map((d) => d.quantity))).toEqual([56, 28]);
    // every other day in November (30 days): 15 administrations of one 5 mg tablet
    expect(plan.steps[10]?.products[0]?.dispense[0]?.quantity).toBe(15);
  });
});

describe("ER + IR combination: highest MME first, one product at a time", () => {
  // oxycodone ER 30 mg (1860151) every 12 h = 90 MME + oxycodone 10 mg (1049683) every 6 h = 60 MME = 150.
  // floor_k = 150 - 15 k; catch-up bound 22.5 MME.
  const plan = planOf(regimen(item("1049683", 1, 4), item("1860151", 1, 2)), options(), "2025-01-01");
  it("tapers the ER product to a stop first, keeping its 12-hour interval, then the IR product", () => {
    expect(totals(plan)).toEqual([
      150, // start
      135, // ER 15+10 = 25 mg q12h (75) + 60
      120, // ER 20 mg q12h (60) + 60
      105, // ER 15 mg q12h (45) + 60
      90, // ER 10 mg q12h (30) + 60
      75, // ER 10 mg once a day (15) + 60: interval lengthened at the smallest ER tablet
      67.5, // ER 10 mg every other day (7.5) + 60
      60, // ER stopped (taken less than daily)
      37.5, // floor 30, bound 22.5: IR 7.5+7.5+5+5 = 25 mg (37.5)
      30, // floor 15: IR 4 x 5 mg
      22.5, 15, 7.5, 3.75, // floor 0: IR 5 mg every 8 h, 12 h, once a day, every other day
      0,
    ]);
    expect(plan.steps[1]?.products.map((p) => p.key)).toEqual(["1860151", "1049683"]);
    expect(plan.steps[1]?.products[0]?.scheduleText).toBe("oxycodone ER 25 mg (1 x 15 mg + 1 x 10 mg) every 12 hours");
    // no 25 mg tablet exists: no single product code; each component carries its own
    expect(plan.steps[1]?.products[0]?.rxnorm).toBeNull();
    expect(plan.steps[1]?.products[0]?.components.map((c) => [c.rxnorm, c.count])).toEqual([["1860154", 1], ["1860157", 1]]);
    expect(plan.steps[7]?.kind).toBe("stop");
    expect(plan.steps[7]?.products[0]).toMatchObject({ key: "1860151", administrationsPerDay: 0, mmePerDay: 0 });
  });
  it("follows the clinician's order when one is given", () => {
    const irFirst = planOf(regimen(item("1049683", 1, 4), item("1860151", 1, 2)), options({ productOrder: ["1049683"] }), "2025-01-01");
    // floor 135: IR 40 -> 30 mg/day (45 MME) removes 15 = the rate's step; ER untouched
    expect(irFirst.steps[1]?.products.find((p) => p.key === "1860151")?.mmePerDay).toBe(90);
    expect(irFirst.steps[1]?.totalMmePerDay).toBeCloseTo(135, 9);
  });
});

describe("fentanyl patch: combinations of real patch strengths", () => {
  it("75 mcg/h at 10 % of the original per month: 62.5, 50, 37.5, 25, 12 with holds, then stops at the smallest patch", () => {
    // 75 x 2.4 = 180 MME; floor_k = 180 - 18 k; one patch step of 12.5 mcg/h = 30 MME needs two months.
    const plan = planOf(regimen(item("197696", 1, 1 / 3)), options(), "2025-01-01");
    expect(totals(plan)).toEqual([180, 180, 150, 150, 120, 90, 90, 60, 60, 28.8]);
    // k5: floor 90 = 37.5 x 2.4 exactly; k9: floor 18 <= 12 x 2.4 = 28.8
    expect(kinds(plan)).toEqual(["start", "hold", "reduce", "hold", "reduce", "reduce", "hold", "reduce", "hold", "reduce"]);
    expect(plan.steps[2]?.products[0]?.scheduleText).toBe("fentanyl patch 62.5 mcg/h (1 x 62.5 mcg/h patch), changed every 72 hours");
    // 12 mcg/h cannot be spaced out: the plan says so instead of stopping a daily opioid abruptly
    expect(plan.warnings.map((w) => w.code)).toEqual(["taper.fentanyl-patch", "taper.patch-floor"]);
    // dispense: a 31-day month starting with a change = ceil(31 / 3) = 11 patches
    expect(plan.steps[0]?.products[0]?.dispense[0]?.quantity).toBe(11);
  });
  it("two patches worn: 2 x 75 = 150 mcg/h steps through 100 + 37.5, 100 + 25, 87.5 + 25 (two patches at most)", () => {
    // 150 x 2.4 = 360 MME; 10 % of the current dose per month: floor 324, 291.6, 262.44
    const plan = planOf(regimen(item("197696", 2, 1 / 3)), options({ basis: "current" }), "2025-01-01");
    const combos = plan.steps.slice(1, 4).map((s) => s.products[0]?.components.map((c) => `${c.count}x${c.strength}`).join("+"));
    // 100 + 12 ("112", really 112.5: the 12 patch delivers 12.5 mcg/h) is merged into 87.5 + 25 = 112.5
    expect(combos).toEqual(["1x100+1x37.5", "1x100+1x25", "1x87.5+1x25"]);
    expect(totals(plan).slice(1, 4)).toEqual([330, 300, 270]); // 137.5, 125, 112.5 mcg/h x 2.4
    expect(plan.steps.every((s) => s.products.every((p) => p.components.reduce((n, c) => n + c.count, 0) <= 2))).toBe(true);
  });
});

describe("methadone: real 5 and 10 mg tablets, holds, and its caution", () => {
  // methadone 10 mg (864706) every 8 h = 30 mg/day x 4.7 = 141 MME; floor_k = 141 - 14.1 k.
  // Real daily doses keep 3 doses a day: 25 mg (10+10+5) = 117.5, 20 mg = 94, 15 mg = 70.5,
  // then 5 mg every 12 h = 47, once a day = 23.5, every other day = 11.75.
  const plan = planOf(regimen(item("864706", 1, 3)), options(), "2025-01-01");
  it("holds whenever the next real dose (5 mg/day = 23.5 MME) is more than the rate allows so far", () => {
    expect(totals(plan)).toEqual([141, 141, 117.5, 117.5, 94, 70.5, 70.5, 47, 47, 23.5, 11.75, 0]);
    expect(kinds(plan)).toEqual(["start", "hold", "reduce", "hold", "reduce", "reduce", "hold", "extend-interval", "hold", "extend-interval", "extend-interval", "stop"]);
  });
  it("carries the methadone caution", () => {
    expect(plan.warnings.find((w) => w.code === "taper.methadone")?.message).toMatch(/half-life/);
  });
});

describe("the weekly two-phase protocol (weeks to months of use)", () => {
  // morphine ER 50 mg capsule (894801) every 12 h = 100 MME; 10 % of the original per week
  // until 30 % remains (weeks 1-7: 90 ... 30), then 10 % of the remaining: 27, 24.3, 21.87...
  const plan = planOf(regimen(item("894801", 1, 2)), options({ basis: "two-phase", interval: { unit: "week", count: 1 }, startDate: "2025-01-06" }), "2025-01-06");
  it("follows the original-dose phase exactly with 10 mg capsules, then holds until the remaining-dose phase allows 20", () => {
    expect(totals(plan).slice(0, 12)).toEqual([100, 90, 80, 70, 60, 50, 40, 30, 30, 30, 30, 20]);
    // week 11: floor 30 x 0.9^4 = 19.68 <= 20 (10 mg twice a day)
    expect(plan.steps.map((s) => s.start).slice(0, 3)).toEqual(["2025-01-06", "2025-01-13", "2025-01-20"]);
  });
  it("follows up at every weekly step", () => {
    expect(plan.followUps.slice(0, 3).map((f) => f.date)).toEqual(["2025-01-13", "2025-01-20", "2025-01-27"]);
  });
});

describe("pauses", () => {
  it("hold the dose for N intervals before the chosen reduction and freeze the rate clock", () => {
    // same oxycodone 45 MME plan, pause 2 months before the 2nd reduction: the remaining
    // schedule is the unpaused one shifted by two months (no catch-up after the pause).
    const base = planOf(regimen(item("1049683", 1, 3)), options(), "2025-01-01");
    const paused = planOf(regimen(item("1049683", 1, 3)), options({ pauses: [{ atStep: 2, intervals: 2 }] }), "2025-01-01");
    expect(kinds(paused).slice(0, 5)).toEqual(["start", "reduce", "pause", "pause", "reduce"]);
    expect(totals(paused)).toEqual([...totals(base).slice(0, 2), 41.25, 41.25, ...totals(base).slice(2)]);
    expect(paused.steps[4]?.start).toBe("2025-05-01");
    expect(paused.endDate).toBe("2026-02-01");
  });
  it("warn when the pause step is never reached", () => {
    const plan = planOf(regimen(item("1049683", 1, 3)), options({ target: { kind: "mme", mmePerDay: 40 }, pauses: [{ atStep: 5, intervals: 1 }] }), "2025-01-01");
    expect(plan.warnings.map((w) => w.code)).toContain("taper.pause-not-applied");
  });
});

describe("discontinuation through interval extension", () => {
  it("at the smallest tablet, lengthens the interval one step at a time and stops only after every-other-day dosing", () => {
    // morphine 30 mg (892672) every 6 h = 120 MME; smallest real dose 10 mg.
    const plan = planOf(regimen(item("892672", 1, 4)), options(), "2025-01-01");
    const tail = plan.steps.filter((s) => s.kind === "extend-interval" || s.kind === "stop");
    expect(tail.map((s) => [s.products[0]?.dose, s.products[0]?.administrationsPerDay])).toEqual([
      [10, 3], [10, 2], [10, 1], [10, 0.5], [0, 0], // every 8 h, 12 h, daily, every other day, stop
    ]);
    expect(tail.map((s) => s.products[0]?.scheduleText)).toEqual([
      "morphine 10 mg (1 x 10 mg) every 8 hours", "morphine 10 mg (1 x 10 mg) every 12 hours",
      "morphine 10 mg (1 x 10 mg) once a day", "morphine 10 mg (1 x 10 mg) every other day", "Stop morphine",
    ]);
  });
});

describe("a target above zero", () => {
  it.each([
    // oxycodone 45 MME plan: 41.25, 37.5, 33.75, 30, 26.25 ...
    [30, [45, 41.25, 37.5, 33.75, 30]], // 30 is a real dose: the plan ends there
    [28, [45, 41.25, 37.5, 33.75, 30, 26.25]], // the first real dose at or below 28
  ])("target %d MME/day ends at the first real dose at or below it", (target, expected) => {
    const plan = planOf(regimen(item("1049683", 1, 3)), options({ target: { kind: "mme", mmePerDay: target } }), "2025-01-01");
    expect(totals(plan)).toEqual(expected);
    expect(plan.targetMmePerDay).toBe(target);
    expect(plan.warnings).toEqual([]);
  });
});

describe("a rate that makes the next step impossible becomes a hold", () => {
  it("5 % per month from oxycodone 5 mg every 6 h: the only next dose is 25 % lower, so four holds first", () => {
    // 4 x 5 mg = 20 mg x 1.5 = 30 MME; floor_k = 30 - 1.5 k: 28.5, 27, 25.5, 24 are all above
    // 5 mg every 8 h (22.5 MME); at k = 5 the floor is 22.5 and the interval is lengthened.
    const plan = planOf(regimen(item("1049621", 1, 4)), options({ ratePercent: 5 }), "2025-01-01");
    expect(kinds(plan).slice(0, 6)).toEqual(["start", "hold", "hold", "hold", "hold", "extend-interval"]);
    expect(plan.steps[1]?.note).toMatch(/^Hold: the next real dose \(22.5 MME\/day in total\)/);
    expect(totals(plan).at(-1)).toBe(0);
  });
});

describe("factor consistency with the MME engine's table", () => {
  it("uses the 2016 methadone tiers for each step's daily dose when the MME came from the cdc-2016 table", () => {
    // methadone 10 mg every 8 h = 30 mg/day; 2016 tier (20, 40] -> 8: 240 MME.
    const start = item("864706", 1, 3);
    const r = { ...regimen({ ...start, mmePerDay: 240 }), factorTableId: "cdc-2016" as const };
    const plan = planOf(r, options(), "2025-01-01");
    const tier = (mg: number): number => (mg <= 20 ? 4 : mg <= 40 ? 8 : mg <= 60 ? 10 : 12);
    for (const step of plan.steps) {
      const dailyMg = step.products.reduce((s, p) => s + p.dose * p.administrationsPerDay, 0);
      expect(step.totalMmePerDay).toBeCloseTo(dailyMg * tier(dailyMg), 9);
    }
    // 25 mg = 200 MME, then 20 mg = 80 MME (tier 4): the cliff of the 2016 table
    expect(totals(plan)).toContain(200);
    expect(totals(plan)).toContain(80);
  });
});
