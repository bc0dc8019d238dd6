/**
 * Property tests over the whole product catalog and generated regimens (one to four opioids, as
 * needed and scheduled, patches, methadone, liquids) with guideline-speed options (issue 20,
 * "Done when"): totals never rise; no step removes more than the rate allows over the time its
 * dose was kept; every strength is a marketed US product (checked against the CDC NDC compilation
 * directly, not through the engine's own table); dosing intervals come from a followable set; no
 * oral product is taken less often than once a day and no ER product beyond its labelled interval;
 * "stop" plans end at zero with a stop line; one instruction per product per step; as-needed
 * products start from actual use; medication for OUD is never tapered.
 * The rate bound is restated here from its definition (docs/clinical-sources.md "Taper plan"),
 * not imported from the engine.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { OpioidProduct, RegimenItem, TaperOptions, TaperPlan } from "@/lib/domain";
import { allCatalogProducts, productByRxnorm } from "@/lib/mme/catalog";
import { NDC_TABLE } from "@/lib/mme/ndc/ndc-table.generated";
import { proposeTaperPlan, TAPER_DEFAULTS } from "@/lib/taper";
import { tapersAs } from "@/lib/taper/plan/product-kind";
import { item, options, regimen } from "./helpers";

const EPS = 1e-6;

/** The compilation's rows by drug and form, read here on their own terms (an independent reading). */
function ndcMarketed(p: OpioidProduct): boolean {
  const s = p.ingredients[0];
  if (s === undefined) return false;
  const la = p.release === "ER/LA";
  return NDC_TABLE.products.some((row) => {
    const drug = row.drug.toLowerCase();
    if (!drug.startsWith(s.ingredient) || row.ndcs.length === 0 || row.strengthPerUnit === null) return false;
    if (s.ingredient !== "methadone" && (row.longShortActing === "LA") !== la) return false;
    const others = row.genericName.toLowerCase().split("/").filter((g) => !g.includes(s.ingredient)).length;
    if ((others > 0) !== (p.otherIngredients.length > 0)) return false;
    const form = row.masterForm.toLowerCase();
    const formOk = p.unit === "patch" ? form.startsWith("patch") : p.unit === "mL" ? /solution|liquid/.test(form) : form.startsWith(p.unit);
    // Xtampza ER is listed in oxycodone hydrochloride strengths, named by RxNorm in base (its label: 9 mg = 10 mg HCl)
    const strengths = row.productName === "XTAMPZA ER" ? [row.strengthPerUnit, row.strengthPerUnit * 0.9] : [row.strengthPerUnit];
    return formOk && strengths.some((v) => Math.abs(v - s.value) < 1e-6);
  });
}

/** Every product the engine builds doses for, that the compilation lists: the catalog the generators draw from. */
const TAPERABLE = allCatalogProducts().filter((p) => tapersAs(p).kind !== "unsupported" && ndcMarketed(p) && !p.name.includes("["));

const labelledPerDay = (p: OpioidProduct): number => (/\b24 HR\b/.test(p.name) ? 1 : 2);
const isEr = (p: OpioidProduct): boolean => p.release === "ER/LA" && p.ingredients[0]?.ingredient !== "methadone" && p.doseForm === "oral-solid";

interface Spec { product: OpioidProduct; units: number; perDay: number; asNeeded: boolean; actual: number }

const specArb: fc.Arbitrary<Spec> = fc.constantFrom(...TAPERABLE).chain((product) => {
  const kind = tapersAs(product).kind;
  const perDay = kind === "patch" ? fc.constant(1 / 3) : isEr(product) ? fc.constantFrom(labelledPerDay(product), 2, 3) : fc.constantFrom(1, 2, 3, 4, 6, 24 / 5);
  const units = kind === "liquid" ? fc.constantFrom(1, 2.5, 5) : fc.constantFrom(1, 1, 2);
  const asNeeded = kind === "oral" && !isEr(product) ? fc.boolean() : fc.constant(false);
  return fc.record({ product: fc.constant(product), units, perDay, asNeeded, actual: fc.integer({ min: 0, max: 6 }) });
});

function itemOf(spec: Spec): RegimenItem {
  const base = item(spec.product.rxnorm ?? "", spec.units, spec.perDay);
  return spec.asNeeded ? { ...base, asNeeded: true, administrationsPerDay: Math.floor(spec.perDay) } : base;
}

const regimenArb = fc.uniqueArray(specArb, { minLength: 1, maxLength: 4, selector: (s) => s.product.rxnorm });

/** Guideline-speed options: at most 10 % per week in effect and 20 % per step. */
const optionsArb = (items: RegimenItem[], specs: Spec[]): fc.Arbitrary<TaperOptions> => {
  const start = items.reduce((s, i) => s + i.mmePerDay, 0);
  const timing = fc.oneof(
    fc.record({ interval: fc.constant({ unit: "month" as const, count: 1 }), ratePercent: fc.integer({ min: 3, max: 20 }) }),
    fc.integer({ min: 1, max: 2 }).chain((count) => fc.record({ interval: fc.constant({ unit: "week" as const, count }), ratePercent: fc.integer({ min: 3, max: 10 * count }) })),
    fc.integer({ min: 7, max: 28 }).chain((count) => fc.record({ interval: fc.constant({ unit: "day" as const, count }), ratePercent: fc.integer({ min: 3, max: Math.min(20, Math.floor((10 * count) / 7)) }) })),
  );
  const actualUse = Object.fromEntries(items.flatMap((it, i) => {
    const spec = specs[i];
    return it.asNeeded && spec !== undefined ? [[it.orderRefs[0] ?? "", { dosesPerDay: spec.actual, source: "entered" as const, detail: "" }]] : [];
  }));
  return fc.record({
    timing,
    basis: fc.constantFrom("original" as const, "current" as const, "two-phase" as const),
    target: fc.oneof(fc.constant({ kind: "discontinue" as const }), fc.constant({ kind: "discontinue" as const }), fc.double({ min: 0, max: 0.9, noNaN: true }).map((f) => ({ kind: "mme" as const, mmePerDay: Math.round(f * start * 10) / 10 }))),
    reversed: fc.boolean(),
    erAtLowest: fc.constantFrom("switch-to-ir" as const, "stop" as const),
    pauses: fc.array(fc.record({ atStep: fc.integer({ min: 1, max: 6 }), intervals: fc.integer({ min: 1, max: 3 }) }), { maxLength: 2 }),
  }).map((o) => options({
    ...o.timing, basis: o.basis, target: o.target, pauses: o.pauses, erAtLowest: o.erAtLowest, actualUse,
    productOrder: o.reversed ? [...items].sort((a, b) => a.mmePerDay - b.mmePerDay).map((i) => i.key) : null,
  }));
};

const caseArb = regimenArb.chain((specs) => {
  const items = specs.map(itemOf);
  return fc.tuple(fc.constant(items), optionsArb(items, specs));
});

/**
 * The plan, or null when refused for a reason the case allows: nothing left to taper (every
 * as-needed product at 0 a day), or a target the generator drew from the ordered maximum that is
 * not below the start from actual use.
 */
function planFor(items: RegimenItem[], opts: TaperOptions): TaperPlan | null {
  const outcome = proposeTaperPlan(regimen(...items), opts, "2025-01-01");
  if (!outcome.ok && (outcome.refusal.code === "taper.nothing-to-taper" || (outcome.refusal.code === "taper.invalid-target" && /actual use/.test(outcome.refusal.message)))) return null;
  if (!outcome.ok) throw new Error(`refused: ${outcome.refusal.code}: ${outcome.refusal.message}`);
  return outcome.plan;
}

/** The most the rate removes over `m` intervals from `current` (its definition; a stop: one halving below once a day). */
function bound(opts: TaperOptions, start: number, current: number, m: number, stop: boolean): number {
  const r = opts.ratePercent / 100;
  const geometric = opts.basis === "current" || (opts.basis === "two-phase" && current <= start * TAPER_DEFAULTS.twoPhaseSwitchFraction * (1 + 1e-9));
  if (!geometric) return m * r * start;
  return stop ? m * r * Math.min(start, 2 * current) : current * (1 - (1 - r) ** m);
}

const ALLOWED_FREQUENCY = /(every (4|6|8|12|24|72) hours|once a day|twice a day|\d+ times a day)/;

describe("plan properties over generated regimens (1 to 4 opioids, as needed and scheduled, patches, methadone, liquids)", () => {
  it("draws from the whole taperable catalog", () => {
    expect(TAPERABLE.length).toBeGreaterThan(60);
    for (const ingredient of ["oxycodone", "morphine", "hydromorphone", "methadone", "fentanyl", "tapentadol", "tramadol", "oxymorphone", "hydrocodone", "codeine"]) {
      expect(TAPERABLE.some((p) => p.ingredients[0]?.ingredient === ingredient), ingredient).toBe(true);
    }
  });

  it("totals never rise, dates move forward, and no step removes more than the rate allows over the time its dose was kept", () => {
    fc.assert(fc.property(caseArb, ([items, opts]) => {
      const plan = planFor(items, opts);
      if (plan === null) return;
      let kept = 0; // intervals at the current dose, pauses not counted
      plan.steps.forEach((step, s) => {
        const previous = plan.steps[s - 1];
        if (previous === undefined) {
          kept = step.intervals;
          return;
        }
        expect(step.totalMmePerDay).toBeLessThanOrEqual(previous.totalMmePerDay + EPS);
        expect(step.start > previous.start).toBe(true);
        if (step.kind === "pause") return;
        const removed = previous.totalMmePerDay - step.totalMmePerDay;
        const stop = step.products.some((p) => p.change === "stopped");
        if (removed > EPS) expect(removed, `step ${s} after ${kept} interval(s)`).toBeLessThanOrEqual(bound(opts, plan.startMmePerDay, previous.totalMmePerDay, kept, stop) + EPS);
        kept = step.intervals;
      });
    }), { numRuns: 400 });
  });

  it("every strength in every step is a marketed US product (CDC NDC compilation), in whole units", () => {
    fc.assert(fc.property(caseArb, ([items, opts]) => {
      const plan = planFor(items, opts);
      if (plan === null) return;
      for (const step of plan.steps) {
        for (const p of step.products) {
          for (const d of p.doses) {
            for (const c of d.components) {
              const product = productByRxnorm(c.rxnorm ?? "");
              expect(product !== null && ndcMarketed(product), `${c.display}`).toBe(true);
              expect(d.amountUnit === "mL" ? Number.isInteger(c.count * 2) : Number.isInteger(c.count)).toBe(true);
            }
          }
          for (const line of p.dispense) expect(Number.isInteger(line.quantity)).toBe(true);
        }
      }
    }), { numRuns: 300 });
  });

  it("intervals come from a followable set; nothing is taken less often than once a day; ER products keep their labelled interval", () => {
    fc.assert(fc.property(caseArb, ([items, opts]) => {
      const plan = planFor(items, opts);
      if (plan === null) return;
      const byKey = new Map(items.map((i) => [i.key, i]));
      const asOrdered = new Set(plan.steps[0]?.products.map((p) => `${p.key}|${p.scheduleText}`));
      for (const step of plan.steps.slice(1)) {
        for (const p of step.products) {
          // a product not changed yet stays as ordered (its taper has not begun)
          if (p.change === "stopped" || asOrdered.has(`${p.key}|${p.scheduleText}`)) continue;
          expect(p.scheduleText, p.scheduleText).toMatch(ALLOWED_FREQUENCY);
          expect(`${p.scheduleText} ${p.patientText}`).not.toMatch(/every other day|\d+\.\d+ hours|\d+\.\d+ times/);
          if (p.amountUnit === "mcg/h") continue;
          expect(Number.isInteger(p.administrationsPerDay) && p.administrationsPerDay >= 1, p.scheduleText).toBe(true);
          for (const d of p.doses) expect(Number.isInteger(d.administrationsPerDay)).toBe(true);
          const it = byKey.get(p.key);
          const product = productByRxnorm(p.doses[0]?.components[0]?.rxnorm ?? "");
          if (it !== undefined && product !== null && isEr(product)) {
            expect(p.administrationsPerDay, p.scheduleText).toBeGreaterThanOrEqual(Math.min(labelledPerDay(product), Math.floor(it.administrationsPerDay)));
          }
        }
      }
    }), { numRuns: 300 });
  });

  it("'stop' plans end at zero with a stop line of their own; every step has one instruction per product", () => {
    fc.assert(fc.property(caseArb, ([items, opts]) => {
      const plan = planFor(items, opts);
      if (plan === null) return;
      for (const step of plan.steps) {
        expect(new Set(step.products.map((p) => p.key)).size).toBe(step.products.length);
        expect(new Set(step.products.map((p) => p.label)).size).toBe(step.products.length);
      }
      if (opts.target.kind !== "discontinue") return;
      const last = plan.steps.at(-1);
      expect(last?.totalMmePerDay).toBe(0);
      expect(last?.kind).toBe("stop");
      expect(last?.products.map((p) => p.change)).toEqual(["stopped"]);
      expect(last?.products[0]?.scheduleText).toMatch(/^Stop .*: (last dose on \d{4}-\d{2}-\d{2}|remove the last patch on \d{4}-\d{2}-\d{2}; no new patch)$/);
      // every product that stops has exactly one stop line, in the step where it stops
      for (const i of items) {
        const stops = plan.steps.flatMap((s) => s.products.filter((p) => p.key === i.key && p.change === "stopped"));
        expect(stops.length).toBeLessThanOrEqual(1);
      }
    }), { numRuns: 300 });
  });

  it("as-needed products start from actual use, never above it, and keep as-needed wording", () => {
    fc.assert(fc.property(caseArb, ([items, opts]) => {
      const plan = planFor(items, opts);
      if (plan === null) return;
      for (const i of items.filter((x) => x.asNeeded)) {
        const actual = opts.actualUse[i.orderRefs[0] ?? ""]?.dosesPerDay ?? 0;
        const first = plan.steps[0]?.products.find((p) => p.key === i.key);
        if (actual === 0) {
          expect(first).toBeUndefined();
          continue;
        }
        expect(first?.administrationsPerDay).toBe(Math.min(actual, i.administrationsPerDay));
        expect(first?.mmePerDay ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(i.mmePerDay + EPS);
        for (const s of plan.steps) {
          const p = s.products.find((x) => x.key === i.key);
          if (p !== undefined && p.change !== "stopped") expect(p.scheduleText).toMatch(/as needed, up to (once|twice|\d+ times) a day$/);
        }
      }
    }), { numRuns: 300 });
  });

  it("follows up at least monthly from the start to after the last step", () => {
    fc.assert(fc.property(caseArb, ([items, opts]) => {
      const plan = planFor(items, opts);
      if (plan === null) return;
      const dates = [opts.startDate, ...plan.followUps.map((f) => f.date)];
      dates.slice(1).forEach((d, i) => {
        const gap = (Date.parse(d) - Date.parse(dates[i] ?? d)) / 86_400_000;
        expect(gap).toBeGreaterThanOrEqual(0);
        expect(gap).toBeLessThanOrEqual(TAPER_DEFAULTS.followUpMaxGapDays);
      });
      for (const step of plan.steps.slice(1)) expect(plan.followUps.some((f) => f.date === step.start)).toBe(true);
    }), { numRuns: 150 });
  });

  it("medication for opioid use disorder is never tapered: refused, or held until an override with a reason", () => {
    fc.assert(fc.property(caseArb, fc.boolean(), ([items, opts], alone) => {
      const oud = { display: "methadone 10 MG/ML Oral Solution (opioid use disorder)", reason: "Medication for opioid use disorder." };
      const r = { ...regimen(...(alone ? [] : items)), oudTreatment: [oud], notTapered: [oud] };
      const outcome = proposeTaperPlan(r, opts, "2025-01-01");
      expect(outcome.ok).toBe(false);
      expect(outcome.ok ? "" : outcome.refusal.code).toBe(alone ? "taper.oud-treatment" : "taper.gated");
      expect(outcome.ok ? "" : outcome.refusal.message).toMatch(/Rec 12/);
      if (alone) return;
      const overridden = proposeTaperPlan(r, { ...opts, gateDecisions: [{ findingId: "caution.oud", kind: "override", reason: "pain opioid only; OTP informed" }] }, "2025-01-01");
      if (!overridden.ok) {
        expect(["taper.nothing-to-taper", "taper.invalid-target"]).toContain(overridden.refusal.code);
        return;
      }
      expect(overridden.plan.cautions.map((c) => [c.findingId, c.decision.reason])).toEqual([["caution.oud", "pain opioid only; OTP informed"]]);
      expect(overridden.plan.steps.flatMap((s) => s.products.map((p) => p.display)).some((d) => d.includes("opioid use disorder"))).toBe(false);
      expect(overridden.plan.notTapered).toContainEqual(oud);
    }), { numRuns: 100 });
  });

  it("never throws on arbitrary options: a plan or a refusal", () => {
    fc.assert(fc.property(regimenArb, fc.double(), fc.integer({ min: -2, max: 40 }), fc.constantFrom("day", "week", "month", "year"), fc.double(), (specs, rate, count, unit, target) => {
      const opts = options({ ratePercent: rate, interval: { unit: unit === "year" ? "month" : unit, count }, target: { kind: "mme", mmePerDay: target } });
      const outcome = proposeTaperPlan(regimen(...specs.map(itemOf)), opts, "2025-01-01");
      expect(typeof outcome.ok).toBe("boolean");
    }), { numRuns: 200 });
  });
});

describe("the whole catalog, one product at a time: a plan a pharmacist could dispense, ending at zero", () => {
  it.each(TAPERABLE.map((p) => [p.name, p] as const))("%s", (_name, product) => {
    const kind = tapersAs(product).kind;
    const perDay = kind === "patch" ? 1 / 3 : isEr(product) ? labelledPerDay(product) : 3;
    const plan = planFor([item(product.rxnorm ?? "", kind === "liquid" ? 5 : 2, perDay)], options());
    expect(plan).not.toBeNull();
    if (plan === null) return;
    expect(plan.steps.at(-1)?.totalMmePerDay).toBe(0);
    const components = plan.steps.flatMap((s) => s.products.flatMap((p) => p.doses.flatMap((d) => d.components)));
    for (const c of components) expect(ndcMarketed(productByRxnorm(c.rxnorm ?? "") ?? product), c.display).toBe(true);
  });
});
