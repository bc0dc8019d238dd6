/**
 * The CarePlan built from the real taper engine's output (lib/taper proposeTaperPlan),
 * validated as it would be before a write. MME factors (CDC 2022): oxycodone 1.5,
 * fentanyl patch 2.4 per mcg/h.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MmeResult, OrderMme, TaperPlan } from "@/lib/domain";
import { buildCarePlan } from "@/lib/careplan";
import { validateCarePlan } from "@/lib/fhir/careplan";
import { productByRxnorm } from "@/lib/mme/catalog";
import { defaultTaperOptions, proposeTaperPlan, regimenFromMme } from "@/lib/taper";
import { makeContext, makeReadiness } from "./fixtures";
import { elements, parseXml, tableRows, textOf } from "./xml";

const ASOF = "2025-01-06";

/** A counted order as the MME engine reports it; `mmePerDay` computed by the test (see each call). */
function counted(rxnorm: string, units: number, perDay: number, mmePerDay: number): OrderMme {
  const product = productByRxnorm(rxnorm);
  if (product === null) throw new Error(`fixture: ${rxnorm} not in the catalog`);
  return {
    medicationRequest: `MedicationRequest/${rxnorm}`, status: "counted", reason: null, message: null, display: product.name, product,
    fhirStatus: "active", fhirIntent: "order", authoredOn: "2024-01-02", sig: null, unitsPerAdministration: units, administrationsPerDay: perDay,
    ...(product.doseForm === "transdermal" ? { patchesWorn: units } : {}), asNeeded: false, ingredients: [], mmePerDay, assumptions: [],
    sources: { product: "rxnorm-catalog", dose: "structured", frequency: "structured" }, discrepancies: [], readings: [],
  };
}

function mmeOf(orders: OrderMme[]): MmeResult {
  const total = orders.reduce((s, o) => s + (o.mmePerDay ?? 0), 0);
  return { factorTableId: "cdc-2022", asOf: ASOF, lookbackDays: 120, state: "complete", complete: true, totalMmePerDay: total, byIngredient: {}, bands: { atOrAbove50: total >= 50, atOrAbove90: total >= 90 }, orders, incompleteReasons: [] };
}

function planFor(mme: MmeResult, longTermUse: boolean | null): TaperPlan {
  const regimen = regimenFromMme(mme);
  const outcome = proposeTaperPlan(regimen, defaultTaperOptions({ longTermUse }, regimen, ASOF), ASOF);
  if (!outcome.ok) throw new Error(`refused: ${outcome.refusal.message}`);
  return outcome.plan;
}

describe("CarePlan from proposeTaperPlan", () => {
  // oxycodone 10 mg (1049683) every 8 h = 30 mg/d x 1.5 = 45 MME; fentanyl 25 mcg/h (245134) = 25 x 2.4 = 60 MME
  const mme = mmeOf([counted("1049683", 1, 3, 45), counted("245134", 1, 1 / 3, 60)]);
  const plan = planFor(mme, true);
  const cp = buildCarePlan(plan, makeContext({ mme }));

  it("validates with no error (R4, codes, narrative, project rules)", async () => {
    const v = await validateCarePlan(cp);
    expect(v.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(v.ok).toBe(true);
  });

  it("has one medication activity per step and product, coded with the products' RxNorm codes", () => {
    const meds = (cp.activity ?? []).filter((a) => a.detail?.kind === "MedicationRequest");
    expect(meds).toHaveLength(plan.steps.reduce((n, s) => n + s.products.length, 0));
    const codes = new Set(meds.flatMap((a) => a.detail?.productCodeableConcept?.coding?.map((c) => c.code) ?? []));
    expect(codes.has("245134") || codes.has("1049683")).toBe(true);
    expect(plan.steps.length).toBeGreaterThan(5);
  });

  it("writes the engine's schedule into the narrative table, one row per step", () => {
    const parsed = parseXml(cp.text?.div ?? "");
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const table = elements(parsed.root, "table").find((t) => textOf(t).startsWith("Taper schedule"));
    expect(table && tableRows(table).map((r) => r[0])).toEqual(plan.steps.map((s) => (s.index === 0 ? "Start" : `Step ${s.index}`)));
    expect(cp.period).toEqual({ start: plan.steps[0]?.start, end: plan.endDate });
  });

  it("writes daily amounts that give back each product's MME: oral mg/d x 1.5, patch mcg/h x 2.4", () => {
    const meds = (cp.activity ?? []).filter((a) => a.detail?.kind === "MedicationRequest");
    const products = plan.steps.flatMap((s) => s.products);
    expect(meds).toHaveLength(products.length);
    products.forEach((p, i) => {
      const amount = meds[i]?.detail?.dailyAmount;
      const patch = p.amountUnit === "mcg/h";
      const factor = patch ? 2.4 : 1.5;
      expect(amount?.code).toBe(patch ? "ug/h" : "mg");
      expect((amount?.value ?? Number.NaN) * factor).toBeCloseTo(p.mmePerDay, 3);
    });
  });
});

describe("CarePlan from proposeTaperPlan, property", () => {
  // oxycodone 5/10/15/30 mg tablets: mg/d x 1.5
  const tablets: [string, number][] = [["1049621", 5], ["1049683", 10], ["1049611", 15], ["1049618", 30]];
  it("validates for any oxycodone regimen and either default protocol", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...tablets), fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 4 }), fc.constantFrom(true, false, null), async ([rx, mg], units, perDay, longTerm) => {
        const mme = mmeOf([counted(rx, units, perDay, mg * units * perDay * 1.5)]);
        const cp = buildCarePlan(planFor(mme, longTerm), makeContext({ mme, readiness: { ...makeReadiness(), longTermUse: longTerm } }));
        const v = await validateCarePlan(cp);
        expect(v.issues.filter((i) => i.severity === "error")).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });
});
