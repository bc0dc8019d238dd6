/**
 * Worked examples of the plan engine. MME factors (CDC 2022): oxycodone 1.5, methadone 4.7,
 * morphine 1, fentanyl patch 2.4 per mcg/h. The rate (basis `original`, 10 % a month) allows each
 * step to remove 10 % of the starting MME in one interval; a step that must remove more (the
 * smallest strength forces it) comes only after the dose before it was kept long enough:
 * intervals = ceil(removed / allowance) (lib/taper/plan/allowance.ts).
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
const intervals = (plan: TaperPlan): number[] => plan.steps.map((s) => s.intervals);

describe("single IR opioid, 10 % of the original dose per month", () => {
  // oxycodone 10 mg (1049683) every 8 hours = 30 mg/day x 1.5 = 45 MME/day; allowance 4.5 MME/day a month.
  const plan = planOf(regimen(item("1049683", 1, 3)), options(), "2025-01-01");
  it.each([
    // [step, kind, MME/day, intervals kept, arithmetic]
    [1, "reduce", 41.25, 1, "10+10+7.5 = 27.5 mg x 1.5: removes 3.75 <= 4.5 (the next real dose, 25 mg, would remove 7.5)"],
    [2, "reduce", 37.5, 1, "10+7.5+7.5 = 25 mg"],
    [3, "reduce", 33.75, 1, "3 x 7.5 = 22.5 mg"],
    [4, "reduce", 30, 1, "7.5+7.5+5 = 20 mg"],
    [5, "reduce", 26.25, 1, "7.5+5+5 = 17.5 mg"],
    [6, "reduce", 22.5, 2, "3 x 5 mg (smallest tablet); kept 2 months: the next step removes 7.5 = ceil(7.5 / 4.5) = 2 intervals"],
    [7, "extend-interval", 15, 2, "5 mg every 12 hours = 10 mg; kept 2 months for the same reason"],
    [8, "extend-interval", 7.5, 2, "5 mg once a day: never less often (CDC 2022 draft l.2431-2435)"],
    [9, "stop", 0, 1, "stop from the smallest dose once a day, after 2 months at it (7.5 <= 2 x 4.5)"],
  ])("step %i is %s at %d MME/day, kept %i interval(s) (%s)", (index, kind, mme, kept) => {
    const step = plan.steps[index];
    expect(step?.kind).toBe(kind);
    expect(step?.totalMmePerDay).toBeCloseTo(mme, 9);
    expect(step?.intervals).toBe(kept);
  });
  it("dates each step by the intervals before it, and ends at the stop", () => {
    expect(plan.steps.map((s) => s.start)).toEqual([
      "2025-01-01", "2025-02-01", "2025-03-01", "2025-04-01", "2025-05-01", "2025-06-01", "2025-07-01", "2025-09-01", "2025-11-01", "2026-01-01",
    ]);
    expect(plan.endDate).toBe("2026-01-01");
    expect(plan.steps[6]?.percentOfStart).toBeCloseTo(50, 9); // 22.5 / 45
  });
  it("gives one instruction for the product, its day split between two real doses", () => {
    const [oxy] = plan.steps[1]?.products ?? [];
    expect(plan.steps[1]?.products).toHaveLength(1);
    expect(oxy?.doses.map((d) => [d.amount, d.administrationsPerDay, d.components[0]?.rxnorm])).toEqual([[10, 2, "1049683"], [7.5, 1, "1113314"]]);
    expect(oxy?.scheduleText).toBe("oxycodone 27.5 mg a day, every 8 hours: 10 mg (1 x 10 mg tablet) at 1st and 2nd doses, 7.5 mg (1 x 7.5 mg tablet) at 3rd dose");
    expect(oxy?.patientText).toBe("Take 3 doses a day, 8 hours apart: 1 oxycodone 10 mg tablet for the 1st and 2nd doses of the day, and 1 oxycodone 7.5 mg tablet for the 3rd dose.");
    expect(oxy?.rxnorm).toBeNull(); // two products: each dose carries its own code
  });
  it("says why a step differs from the nominal rate", () => {
    expect(plan.steps[1]?.rate).toMatchObject({ nominalMmePerDay: 4.5, removedMmePerDay: 3.75 });
    expect(plan.steps[1]?.rate.differences.map((d) => d.code)).toEqual(["rounded-to-marketed"]);
    expect(plan.steps[6]?.rate.differences.map((d) => d.code)).toEqual(["rounded-to-marketed", "kept-longer"]);
    expect(plan.steps[7]?.rate.differences[0]?.sentence).toMatch(/^The smallest step possible from here \(the next dose made of marketed strengths\) removes 7.5 MME\/day \(33 % of the current total\), more than the 4.5 MME\/day the rate allows in one interval/);
  });
  it("dispenses whole tablets for each step's days", () => {
    // step 0: January, 31 days x 3 tablets; step 1: February, 28 days x 2 (10 mg) and 28 x 1 (7.5 mg)
    expect(plan.steps[0]?.products[0]?.dispense).toEqual([{ rxnorm: "1049683", display: "oxycodone hydrochloride 10 MG Oral Tablet", quantity: 93, unit: "tablet" }]);
    expect(plan.steps[1]?.products.flatMap((p) => p.dispense.map((d) => d.quantity))).toEqual([56, 28]);
    // step 6 lasts July and August (62 days) at 3 tablets a day
    expect(plan.steps[6]?.products[0]?.dispense[0]?.quantity).toBe(186);
  });
  it("ends with the stop line of its own", () => {
    expect(plan.steps[9]?.products).toEqual([expect.objectContaining({ change: "stopped", mmePerDay: 0, scheduleText: "Stop oxycodone (was 5 mg once a day): last dose on 2025-12-31" })]);
  });
});

describe("ER + IR of the same opioid: highest MME first, one product at a time, never two conflicting lines", () => {
  // oxycodone ER 30 mg (1860151) every 12 h = 90 MME + oxycodone 10 mg (1049683) every 6 h = 60 MME = 150;
  // allowance 15 MME/day a month.
  const plan = planOf(regimen(item("1049683", 1, 4), item("1860151", 1, 2)), options(), "2025-01-01");
  it("tapers the ER product at its 12-hour interval, stops it at its lowest strength (the patient already takes IR oxycodone), then the IR product", () => {
    expect(totals(plan)).toEqual([
      150, // start
      135, // ER 25 mg (15 + 10) every 12 h (75) + 60
      120, 105, 90, // ER 20, 15, 10 mg every 12 h
      60, // ER stopped: removes 30, so ER 10 mg was kept 2 months
      45, 30, // IR 7.5 then 5 mg every 6 h
      22.5, 15, 7.5, // IR 5 mg every 8 h, 12 h, once a day
      0,
    ]);
    expect(intervals(plan)).toEqual([1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1]);
    expect(plan.steps[1]?.products.map((p) => p.key)).toEqual(["1860151", "1049683"]);
    expect(plan.steps[5]?.products.map((p) => p.scheduleText)).toEqual([
      "Stop oxycodone ER (was 10 mg every 12 hours): last dose on 2025-06-30",
      "oxycodone 10 mg (1 x 10 mg tablet) every 6 hours",
    ]);
    expect(plan.warnings.map((w) => w.code)).toContain("taper.er-no-switch");
  });
  it("follows the clinician's order when one is given", () => {
    const irFirst = planOf(regimen(item("1049683", 1, 4), item("1860151", 1, 2)), options({ productOrder: ["1049683"] }), "2025-01-01");
    // IR 40 -> 30 mg/day (45 MME) removes 15 = the allowance; ER untouched
    expect(irFirst.steps[1]?.products.find((p) => p.key === "1860151")?.mmePerDay).toBe(90);
    expect(irFirst.steps[1]?.totalMmePerDay).toBeCloseTo(135, 9);
  });
});

describe("fentanyl patch: marketed patch strengths, the end at zero", () => {
  it("75 mcg/h at 10 % of the original per month: each 12.5 mcg/h step (30 MME) after 2 months, then the removal of the last patch", () => {
    // 75 x 2.4 = 180 MME; allowance 18 a month; 62.5 -> 150, 50 -> 120 ... 12 -> 28.8; each step removes
    // 30 (31.2 for 25 -> 12), so each dose is kept ceil(30 / 18) = 2 months; the last patch: 28.8 / 18 -> 2 months
    const plan = planOf(regimen(item("197696", 1, 1 / 3)), options(), "2025-01-01");
    expect(totals(plan)).toEqual([180, 150, 120, 90, 60, 28.8, 0]);
    expect(intervals(plan)).toEqual([2, 2, 2, 2, 2, 2, 1]);
    expect(plan.steps[1]?.products[0]?.scheduleText).toBe("fentanyl patch 62.5 mcg/h (1 x 62.5 mcg/h patch), changed every 72 hours");
    expect(plan.steps.at(-1)?.products[0]?.scheduleText).toBe("Stop fentanyl patch (was 12 mcg/h): remove the last patch on 2026-01-01; no new patch");
    // dispense: a 59-day step (January and February) starting with a change = ceil(59 / 3) = 20 patches
    expect(plan.steps[0]?.products[0]?.dispense[0]?.quantity).toBe(20);
  });
  it("two patches worn: 2 x 75 = 150 mcg/h steps through 100 + 37.5, 100 + 25, 87.5 + 25 (two patches at most)", () => {
    // 150 x 2.4 = 360 MME; 10 % of the current dose per month
    const plan = planOf(regimen(item("197696", 2, 1 / 3)), options({ basis: "current" }), "2025-01-01");
    const combos = plan.steps.slice(1, 4).map((s) => s.products[0]?.doses[0]?.components.map((c) => `${c.count}x${c.strength}`).join("+"));
    expect(combos).toEqual(["1x100+1x37.5", "1x100+1x25", "1x87.5+1x25"]);
    expect(totals(plan).slice(1, 4)).toEqual([330, 300, 270]); // 137.5, 125, 112.5 mcg/h x 2.4
    expect(plan.steps.every((s) => s.products.every((p) => p.doses.every((d) => d.components.reduce((n, c) => n + c.count, 0) <= 2)))).toBe(true);
    expect(totals(plan).at(-1)).toBe(0);
  });
});

describe("methadone: real 5 and 10 mg tablets, at most one change every 2 weeks, and its caution", () => {
  // methadone 10 mg (864706) every 8 h = 30 mg/day x 4.7 = 141 MME; weekly protocol: 14.1 MME a week;
  // each 5 mg/day step removes 23.5 MME: 2 weeks at each dose (ceil(23.5 / 14.1) = 2, and the 2-week spacing)
  const plan = planOf(regimen(item("864706", 1, 3)), options({ interval: { unit: "week", count: 1 }, basis: "two-phase", duration: { value: "less-than-a-year", source: "clinician" } }), "2025-01-01");
  it("steps 25, 20, 15 mg a day at three doses, then fewer doses of 5 mg, each kept 2 weeks", () => {
    expect(totals(plan)).toEqual([141, 117.5, 94, 70.5, 47, 23.5, 0]);
    expect(intervals(plan).slice(0, -1).every((n) => n >= 2)).toBe(true);
    expect(kinds(plan)).toEqual(["start", "reduce", "reduce", "reduce", "extend-interval", "extend-interval", "stop"]);
  });
  it("carries the methadone caution", () => {
    expect(plan.warnings.find((w) => w.code === "taper.methadone")?.message).toMatch(/half-life.*Changes at most every 14 days/);
  });
});

describe("the weekly two-phase protocol (weeks to months of use)", () => {
  // morphine ER 50 mg capsule (894801) every 12 h = 100 MME; 10 % of the original per week (10 MME) until
  // 30 % remains, then 10 % of the remaining
  const plan = planOf(regimen(item("894801", 1, 2)), options({ basis: "two-phase", interval: { unit: "week", count: 1 }, startDate: "2025-01-06" }), "2025-01-06");
  it("follows the original-dose phase exactly with 10 mg capsules, then slows in the remaining-dose phase", () => {
    expect(totals(plan).slice(0, 8)).toEqual([100, 90, 80, 70, 60, 50, 40, 30]);
    // at 30 MME the allowance is 3 a week: 30 -> 20 (10 mg twice a day) needs 4 weeks (30 x (1 - 0.9^4) = 10.3 >= 10)
    expect(plan.steps[7]?.intervals).toBe(4);
    expect(plan.steps.map((s) => s.start).slice(0, 3)).toEqual(["2025-01-06", "2025-01-13", "2025-01-20"]);
  });
  it("follows up at every weekly step", () => {
    expect(plan.followUps.slice(0, 3).map((f) => f.date)).toEqual(["2025-01-13", "2025-01-20", "2025-01-27"]);
  });
});

describe("pauses: the dose is held, and the taper resumes at the same rate (no catch-up)", () => {
  it("holds the dose for N intervals before the chosen reduction; the step after it removes no more than one interval allows", () => {
    const base = planOf(regimen(item("1049683", 1, 3)), options(), "2025-01-01");
    const paused = planOf(regimen(item("1049683", 1, 3)), options({ pauses: [{ atStep: 2, intervals: 2 }] }), "2025-01-01");
    expect(kinds(paused).slice(0, 4)).toEqual(["start", "reduce", "pause", "reduce"]);
    expect(paused.steps[2]?.intervals).toBe(2);
    // the same steps as without the pause, two months later
    expect(totals(paused).filter((_, i) => i !== 2)).toEqual(totals(base));
    expect(paused.steps[3]?.rate.removedMmePerDay).toBeCloseTo(3.75, 9);
    expect(paused.steps[3]?.start).toBe("2025-05-01");
    expect(paused.endDate).toBe("2026-03-01");
  });
  it("warn when the pause step is never reached", () => {
    const plan = planOf(regimen(item("1049683", 1, 3)), options({ target: { kind: "mme", mmePerDay: 40 }, pauses: [{ atStep: 5, intervals: 1 }] }), "2025-01-01");
    expect(plan.warnings.map((w) => w.code)).toContain("taper.pause-not-applied");
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

describe("factor consistency with the MME engine's table", () => {
  it("uses the 2016 methadone tiers for each step's daily dose when the MME came from the cdc-2016 table", () => {
    // methadone 10 mg every 8 h = 30 mg/day; 2016 tier (20, 40] -> 8: 240 MME.
    const start = item("864706", 1, 3);
    const r = { ...regimen({ ...start, mmePerDay: 240 }), factorTableId: "cdc-2016" as const };
    const plan = planOf(r, options(), "2025-01-01");
    const tier = (mg: number): number => (mg <= 20 ? 4 : mg <= 40 ? 8 : mg <= 60 ? 10 : 12);
    for (const step of plan.steps) {
      const dailyMg = step.products.reduce((s, p) => s + p.doses.reduce((d, x) => d + x.amount * x.administrationsPerDay, 0), 0);
      expect(step.totalMmePerDay).toBeCloseTo(dailyMg * tier(dailyMg), 9);
    }
    // 25 mg = 200 MME, then 20 mg = 80 MME (tier 4): the cliff of the 2016 table
    expect(totals(plan)).toContain(200);
    expect(totals(plan)).toContain(80);
  });
});
