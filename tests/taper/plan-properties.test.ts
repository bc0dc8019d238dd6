/**
 * Property tests over random regimens of real catalog products and random guideline-rate
 * options: the MME never increases, never falls faster than the rate allows (the final stop
 * of a product taken less than daily excepted), reaches the target (or says why not), and
 * every dose is made of whole units of strengths that exist for the product.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RegimenItem, TaperOptions, TaperPlan } from "@/lib/domain";
import { productByRxnorm, productFamily } from "@/lib/mme/catalog";
import { proposeTaperPlan, rateFloor, TAPER_DEFAULTS } from "@/lib/taper";
import { item, options, regimen } from "./helpers";

/** [rxnorm, units per administration choices, administrations per day choices] */
const PRODUCTS: Array<[string, number[], number[]]> = [
  ["1049621", [1, 2], [1, 2, 3, 4, 6]], ["1049683", [1, 2], [2, 3, 4]], ["1049611", [1], [3, 4]], ["1049618", [1], [2, 4]],
  ["1049221", [1, 2], [2, 3, 4]], ["856999", [1], [3, 4]], ["892582", [1, 2], [3, 4]], ["892672", [1], [4, 6]],
  ["891881", [1, 2], [2, 3]], ["891893", [1], [2]], ["1860157", [1, 2], [2]], ["1860127", [1], [2]],
  ["897696", [1, 2], [4, 6]], ["897702", [1], [4]], ["864718", [1, 2], [1, 2, 3]], ["864706", [1, 2], [2, 3]],
  ["835603", [1, 2], [2, 3, 4]], ["825411", [1], [3, 4]], ["1860491", [1], [2]],
  ["577057", [1], [1 / 3]], ["245134", [1, 2], [1 / 3]], ["245135", [1], [1 / 3]], ["197696", [1, 2], [1 / 3]], ["245136", [1], [1 / 3]],
  ["991147", [1, 2, 3], [1, 2]],
];

const itemArb = fc.constantFrom(...PRODUCTS).chain(([rxnorm, units, perDay]) =>
  fc.record({ rxnorm: fc.constant(rxnorm), units: fc.constantFrom(...units), perDay: fc.constantFrom(...perDay) }));

const regimenArb = fc.uniqueArray(itemArb, { minLength: 1, maxLength: 3, selector: (i) => i.rxnorm })
  .map((specs) => specs.map((s) => item(s.rxnorm, s.units, s.perDay)));

/** Guideline-speed options: at most 10 % per week in effect and 20 % per step. */
const optionsArb = (items: RegimenItem[]): fc.Arbitrary<TaperOptions> => {
  const start = items.reduce((s, i) => s + i.mmePerDay, 0);
  const timing = fc.oneof(
    fc.record({ interval: fc.constant({ unit: "month" as const, count: 1 }), ratePercent: fc.integer({ min: 3, max: 20 }) }),
    fc.integer({ min: 1, max: 2 }).chain((count) => fc.record({ interval: fc.constant({ unit: "week" as const, count }), ratePercent: fc.integer({ min: 3, max: 10 * count }) })),
    fc.integer({ min: 7, max: 28 }).chain((count) => fc.record({ interval: fc.constant({ unit: "day" as const, count }), ratePercent: fc.integer({ min: 3, max: Math.min(20, Math.floor((10 * count) / 7)) }) })),
  );
  return fc.record({
    timing,
    basis: fc.constantFrom("original" as const, "current" as const, "two-phase" as const),
    target: fc.oneof(fc.constant({ kind: "discontinue" as const }), fc.double({ min: 0, max: 0.9, noNaN: true }).map((f) => ({ kind: "mme" as const, mmePerDay: Math.round(f * start * 10) / 10 }))),
    reversed: fc.boolean(),
    pauses: fc.array(fc.record({ atStep: fc.integer({ min: 1, max: 6 }), intervals: fc.integer({ min: 1, max: 3 }) }), { maxLength: 2 }),
  }).map((o) => options({
    ...o.timing, basis: o.basis, target: o.target, pauses: o.pauses,
    productOrder: o.reversed ? [...items].sort((a, b) => a.mmePerDay - b.mmePerDay).map((i) => i.key) : null,
  }));
};

const caseArb = regimenArb.chain((items) => fc.tuple(fc.constant(items), optionsArb(items)));

function planFor(items: RegimenItem[], opts: TaperOptions): TaperPlan {
  const outcome = proposeTaperPlan(regimen(...items), opts, "2025-01-01");
  if (!outcome.ok) throw new Error(`refused: ${outcome.refusal.code}: ${outcome.refusal.message}`);
  return outcome.plan;
}

const EPS = 1e-6;
const productPerDay = (plan: TaperPlan, step: number, key: string): number =>
  (plan.steps[step]?.products ?? []).filter((p) => p.key === key).reduce((s, p) => s + p.administrationsPerDay, 0);

describe("plan properties", () => {
  it("the MME never increases from step to step, and dates move forward", () => {
    fc.assert(fc.property(caseArb, ([items, opts]) => {
      const plan = planFor(items, opts);
      plan.steps.slice(1).forEach((step, i) => {
        const previous = plan.steps[i];
        expect(step.totalMmePerDay).toBeLessThanOrEqual((previous?.totalMmePerDay ?? 0) + EPS);
        expect(step.start > (previous?.start ?? "")).toBe(true);
      });
    }), { numRuns: 300 });
  });

  it("never drops faster than the rate allows, except the stop of a product taken less than daily", () => {
    fc.assert(fc.property(caseArb, ([items, opts]) => {
      const plan = planFor(items, opts);
      let k = 0;
      let exempt = 0;
      plan.steps.forEach((step, s) => {
        if (s === 0 || step.kind === "pause") return;
        k += 1;
        if (step.kind === "stop") {
          const stopped = step.products.filter((p) => p.administrationsPerDay === 0);
          for (const p of stopped) expect(productPerDay(plan, s - 1, p.key)).toBeLessThan(1);
          exempt += (plan.steps[s - 1]?.totalMmePerDay ?? 0) - step.totalMmePerDay;
          return;
        }
        const floor = rateFloor(opts.basis, opts.ratePercent, plan.startMmePerDay, k, TAPER_DEFAULTS.twoPhaseSwitchFraction);
        expect(step.totalMmePerDay + exempt).toBeGreaterThanOrEqual(floor - EPS);
      });
    }), { numRuns: 300 });
  });

  it("reaches the target, or ends at the smallest fentanyl patch and says so", () => {
    fc.assert(fc.property(caseArb, ([items, opts]) => {
      const plan = planFor(items, opts);
      const final = plan.steps[plan.steps.length - 1];
      const codes = plan.warnings.map((w) => w.code);
      if ((final?.totalMmePerDay ?? 0) <= plan.targetMmePerDay + EPS) return;
      expect(codes.includes("taper.patch-floor") || codes.includes("taper.step-limit")).toBe(true);
      if (codes.includes("taper.patch-floor")) {
        for (const p of final?.products ?? []) {
          if (p.administrationsPerDay === 0) continue;
          expect(p.doseUnit).toBe("mcg/h");
          expect(p.dose).toBe(12);
        }
      }
    }), { numRuns: 300 });
  });

  it("every dose is whole units of strengths that exist for that product family, at the patient's interval or longer", () => {
    fc.assert(fc.property(caseArb, ([items, opts]) => {
      const plan = planFor(items, opts);
      const allowed = new Map(items.map((i) => [i.key, strengthsOf(i)]));
      const startPerDay = new Map(items.map((i) => [i.key, i.administrationsPerDay]));
      plan.steps.forEach((step, s) => {
        for (const p of step.products) {
          for (const c of p.components) {
            expect(allowed.get(p.key)?.has(c.strength), `${p.display} ${c.strength}`).toBe(true);
            expect(p.doseUnit === "mL" ? Number.isInteger(c.count * 2) : Number.isInteger(c.count)).toBe(true);
            expect(c.count).toBeGreaterThan(0);
          }
          expect(productPerDay(plan, s, p.key)).toBeLessThanOrEqual((startPerDay.get(p.key) ?? 0) + EPS);
          for (const d of p.dispense) expect(Number.isInteger(d.quantity)).toBe(true);
        }
      });
    }), { numRuns: 300 });
  });

  it("follows up at least monthly from the start to after the last step, and lists what to monitor", () => {
    fc.assert(fc.property(caseArb, ([items, opts]) => {
      const plan = planFor(items, opts);
      const dates = [opts.startDate, ...plan.followUps.map((f) => f.date)];
      dates.slice(1).forEach((d, i) => {
        const gap = (Date.parse(d) - Date.parse(dates[i] ?? d)) / 86_400_000;
        expect(gap).toBeGreaterThanOrEqual(0);
        expect(gap).toBeLessThanOrEqual(TAPER_DEFAULTS.followUpMaxGapDays);
      });
      expect((dates.at(-1) ?? "") > (plan.steps.at(-1)?.start ?? "")).toBe(true);
      // every step change has a follow-up on its first day
      for (const step of plan.steps.slice(1)) expect(plan.followUps.some((f) => f.date === step.start)).toBe(true);
      const monitoring = plan.monitoring.join(" ").toLowerCase();
      for (const word of ["withdrawal", "pain", "function", "mood", "suicidality"]) expect(monitoring).toContain(word);
    }), { numRuns: 200 });
  });

  it("never throws on arbitrary options: a plan or a refusal", () => {
    fc.assert(fc.property(regimenArb, fc.double(), fc.integer({ min: -2, max: 40 }), fc.constantFrom("day", "week", "month", "year"), fc.double(), (items, rate, count, unit, target) => {
      const opts = options({ ratePercent: rate, interval: { unit: unit as "day", count }, target: { kind: "mme", mmePerDay: target } });
      const outcome = proposeTaperPlan(regimen(...items), opts, "2025-01-01");
      expect(typeof outcome.ok).toBe("boolean");
    }), { numRuns: 300 });
  });
});

/** Strengths of the product's family with the same unit (a superset of what the engine may use), plus its own. */
function strengthsOf(i: RegimenItem): Set<number> {
  const own = i.product.ingredients[0];
  const product = productByRxnorm(i.key) ?? i.product;
  if (own === undefined) return new Set();
  const family = productFamily(own.ingredient, product.doseForm, product.release, product.otherIngredients).filter((p) => p.unit === product.unit);
  return new Set([own.value, ...family.map((p) => p.ingredients[0]?.value ?? -1)]);
}
