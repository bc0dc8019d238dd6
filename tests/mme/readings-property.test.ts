/**
 * The property behind "trust by agreement" (issue 13, "Done when"): for any generated order that
 * states its facts consistently in several places (RxNorm code and its name; a dose in tablets, in
 * mg, in the sig, as Epic's three entries; a frequency in timing.repeat, a GTS code, the sig; a fill
 * of 30 days), the order is counted, every reading agrees, and the numbers lie within the bounds.
 * Perturbing any one reading (the dose's value or unit, the frequency, the code's strength) makes
 * the order not computable, or changes the number consistently with the perturbed fact: never a
 * silent mix of the old and the new.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MmeResult, OrderMme } from "@/lib/domain";
import { calculateMme, CDC_2022_TABLE } from "@/lib/mme";
import { MAX_ORDER_MME_PER_DAY, UNITS_PER_ADMINISTRATION } from "@/lib/mme/bounds";
import { allCatalogProducts, type CatalogProduct } from "@/lib/mme/catalog";
import { AS_OF, RXNORM, UCUM } from "./builders";

const GTS = "http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation";
const FREQUENCIES = { 1: ["QD", "once daily"], 2: ["BID", "twice a day"], 3: ["TID", "three times a day"], 4: ["QID", "four times a day"], 6: ["Q4H", "every 4 hours"] } as const;
type PerDay = keyof typeof FREQUENCIES;

function factorOf(p: CatalogProduct): number | null {
  const ingredient = p.ingredients[0]?.ingredient;
  const key = ingredient === "fentanyl" ? "fentanyl-transdermal" : ingredient;
  const def = key === undefined ? undefined : CDC_2022_TABLE.factors[key as keyof typeof CDC_2022_TABLE.factors];
  return def?.rule.type === "single" ? def.rule.factor : null;
}

/** Single-opioid products with a clinical factor: oral tablets/capsules, oral liquids, fentanyl patches. */
const PRODUCTS = allCatalogProducts().filter((p) => p.ingredients.length === 1 && factorOf(p) !== null && (p.doseForm === "oral-solid" || p.doseForm === "oral-liquid" || p.doseForm === "transdermal"));

interface Facts {
  product: CatalogProduct;
  /** Product units per administration (tablets, mL, patches). */
  units: number;
  perDay: PerDay;
  asNeeded: boolean;
  readings: { mass: boolean; count: boolean; epic: boolean; sig: boolean; repeat: boolean; code: boolean; fill: boolean; name: boolean };
}

const facts: fc.Arbitrary<Facts> = fc
  .record({
    product: fc.constantFrom(...PRODUCTS),
    unitsPick: fc.constantFrom(0, 1, 2),
    perDay: fc.constantFrom<PerDay>(1, 2, 3, 4, 6),
    asNeeded: fc.boolean(),
    readings: fc.record({ mass: fc.boolean(), count: fc.boolean(), epic: fc.boolean(), sig: fc.boolean(), repeat: fc.boolean(), code: fc.boolean(), fill: fc.boolean(), name: fc.boolean() }),
  })
  .map(({ product, unitsPick, perDay, asNeeded, readings }) => {
    const units = product.unit === "mL" ? [2.5, 5, 10][unitsPick] ?? 5 : product.unit === "tablet" ? [0.5, 1, 2][unitsPick] ?? 1 : [1, 1, 2][unitsPick] ?? 1;
    // a mass dose only for an oral product (a patch's dose is patches); at least one dose and one frequency reading
    const mass = readings.mass && product.doseForm !== "transdermal";
    const r = { ...readings, mass, count: readings.count || (!mass && !readings.epic && !readings.sig), repeat: readings.repeat || (!readings.code && !readings.sig) };
    return { product, units, perDay, asNeeded, readings: r };
  })
  // a consistent order is one a prescriber could write: within the per-order MME bound (10 mL of
  // methadone 20 mg/mL six times a day is 1,200 mg, 5,640 MME: refused as implausible, rightly)
  .filter((f) => expectedMme(f) <= MAX_ORDER_MME_PER_DAY);

const strengthMg = (p: CatalogProduct): number => {
  const s = p.ingredients[0];
  return s === undefined ? NaN : s.unit === "mg" ? s.value : s.value / 1000;
};
const unitWord = (p: CatalogProduct): string => (p.unit === "mL" ? "mL" : p.unit === "patch" ? "patch" : p.unit);

/** The MME the facts give: units x per day x strength x factor; a patch: patches worn x mcg/h x 2.4. */
function expectedMme(f: Facts): number {
  const s = f.product.ingredients[0];
  const factor = factorOf(f.product) ?? NaN;
  if (s === undefined) return NaN;
  if (s.per === "hour") return f.units * (s.unit === "mcg" ? s.value : s.value * 1000) * factor;
  return f.units * f.perDay * strengthMg(f.product) * factor;
}

/** The order stating `f` in every place `f.readings` says. */
function build(f: Facts): Record<string, unknown> {
  const p = f.product;
  const mg = f.units * strengthMg(p);
  const doseAndRate: unknown[] = [];
  if (f.readings.count) doseAndRate.push({ doseQuantity: { value: f.units, unit: unitWord(p), system: UCUM, code: p.unit === "mL" ? "mL" : `{${p.unit}}` } });
  if (f.readings.mass) doseAndRate.push({ type: { text: "calculated" }, doseQuantity: { value: mg, unit: "mg", system: UCUM, code: "mg" } });
  if (f.readings.epic) {
    // Epic writes "tablet(s)", "capsule(s)"; a patch or mL as such
    doseAndRate.push({ type: { text: "admin-amount" }, doseQuantity: { value: f.units, unit: p.unit === "tablet" || p.unit === "capsule" ? `${p.unit}(s)` : unitWord(p) } });
    doseAndRate.push({ type: { coding: [{ system: "http://epic.com/CodeSystem/dose-rate-type", code: "ordered" }] }, doseQuantity: { value: f.units, unit: unitWord(p) } });
  }
  const [gts, words] = FREQUENCIES[f.perDay];
  const timing: Record<string, unknown> = {};
  if (f.readings.repeat) timing.repeat = { frequency: f.perDay, period: 1, periodUnit: "d" };
  if (f.readings.code) timing.code = { coding: [{ system: GTS, code: gts }] };
  const verb = p.unit === "patch" ? "Apply" : "Take";
  const dosage: Record<string, unknown> = { timing, asNeededBoolean: f.asNeeded, ...(doseAndRate.length > 0 ? { doseAndRate } : {}) };
  if (f.readings.sig) dosage.text = `${verb} ${f.units} ${unitWord(p)} ${words}${f.asNeeded ? " as needed" : ""}`;
  const order: Record<string, unknown> = {
    resourceType: "MedicationRequest",
    id: "p1",
    status: "active",
    intent: "order",
    subject: { reference: "Patient/p" },
    authoredOn: "2025-05-20",
    medicationCodeableConcept: { coding: [{ system: RXNORM, code: p.rxnorm, ...(f.readings.name ? { display: p.name } : {}) }] },
    dosageInstruction: [dosage],
  };
  if (f.readings.fill && p.unit !== "patch") {
    order.dispenseRequest = { quantity: { value: f.units * f.perDay * 30, unit: unitWord(p) }, expectedSupplyDuration: { value: 30, unit: "days", system: UCUM, code: "d" } };
  }
  return order;
}

function only(r: MmeResult): OrderMme {
  const o = r.orders[0];
  if (o === undefined) throw new Error("no order");
  return o;
}

const run = (order: unknown): OrderMme => only(calculateMme({ medicationRequests: [order], asOf: AS_OF }));

describe("consistent readings: counted, every reading agrees, within bounds", () => {
  it("for any product, dose, frequency and choice of places stating them", () => {
    fc.assert(
      fc.property(facts, (f) => {
        const o = run(build(f));
        expect(o.status, o.message ?? "").toBe("counted");
        expect(o.mmePerDay ?? NaN).toBeCloseTo(expectedMme(f), 6);
        expect(o.readings.length).toBeGreaterThan(1);
        for (const r of o.readings) expect(r.agrees, `${r.where}: ${r.value}`).not.toBe(false);
        const bounds = UNITS_PER_ADMINISTRATION[f.product.unit];
        if (o.unitsPerAdministration !== null) {
          expect(o.unitsPerAdministration).toBeGreaterThanOrEqual(bounds.min);
          expect(o.unitsPerAdministration).toBeLessThanOrEqual(bounds.max);
        }
      }),
      { numRuns: 1500 },
    );
  });
});

type Perturbation = "dose value" | "dose unit" | "frequency" | "strength";

/** Perturbs one reading of the built order; returns the ratios of the MME a consistent reading of the perturbed order may give. */
function perturb(order: Record<string, unknown>, f: Facts, kind: Perturbation, k: number, other: CatalogProduct): number[] {
  const dosage = (order.dosageInstruction as Record<string, unknown>[])[0] ?? {};
  const entries = (dosage.doseAndRate as Record<string, unknown>[] | undefined) ?? [];
  const timing = dosage.timing as Record<string, unknown>;
  switch (kind) {
    case "dose value": {
      const e = entries[0] as { doseQuantity: { value: number } } | undefined;
      if (e !== undefined) e.doseQuantity.value *= k;
      else dosage.text = String(dosage.text).replace(/^(\w+) [\d.]+ /, `$1 ${f.units * k} `);
      return [k];
    }
    case "dose unit": {
      const e = entries[0] as { doseQuantity: Record<string, unknown> } | undefined;
      if (e !== undefined) e.doseQuantity = { ...e.doseQuantity, unit: "mcg", code: "ug" };
      else dosage.text = String(dosage.text).replace(/^(\w+) ([\d.]+) \S+/, "$1 $2 mcg");
      // read as a mass in mcg: 1000x less than a mg dose of the same number
      return [];
    }
    case "frequency": {
      const next = ([1, 2, 3, 4, 6] as const).find((n) => n !== f.perDay) ?? 1;
      if (timing.repeat !== undefined) timing.repeat = { frequency: next, period: 1, periodUnit: "d" };
      else if (timing.code !== undefined) timing.code = { coding: [{ system: GTS, code: FREQUENCIES[next][0] }] };
      else dosage.text = String(dosage.text).replace(FREQUENCIES[f.perDay][1], FREQUENCIES[next][1]);
      // a patch's MME does not depend on how often it is changed
      return f.product.unit === "patch" ? [1] : [next / f.perDay];
    }
    case "strength": {
      (order.medicationCodeableConcept as { coding: unknown[] }).coding = [{ system: RXNORM, code: other.rxnorm }];
      const ratio = (factorOf(other) ?? NaN) / (factorOf(f.product) ?? NaN);
      const s = other.ingredients[0];
      const s0 = f.product.ingredients[0];
      // tablets count: the new strength; a mass dose: the same mg (only the factor may change)
      return s === undefined || s0 === undefined ? [] : [ratio * (s.value / s0.value) * (s.unit === s0.unit ? 1 : s.unit === "mcg" ? 0.001 : 1000), ratio];
    }
  }
}

describe("perturbing one reading: not computable, or a consistent change, never silent", () => {
  it("for any order and any perturbation of one of its readings", () => {
    const seen = { refused: 0, changed: 0 };
    fc.assert(
      fc.property(facts, fc.constantFrom<Perturbation>("dose value", "dose unit", "frequency", "strength"), fc.constantFrom(2, 3, 0.5), fc.constantFrom(...PRODUCTS), (f, kind, k, other) => {
        if (kind === "strength" && other.rxnorm === f.product.rxnorm) return;
        const before = run(build(f));
        const order = build(f);
        const ratios = perturb(order, f, kind, k, other);
        const after = run(order);
        if (after.status !== "counted") {
          expect(after.status).toBe("not-computable");
          expect(after.message ?? "").not.toBe("");
          seen.refused += 1;
          return;
        }
        // Counted after a perturbation: every reading still agrees, and the number moved exactly as the perturbed fact says.
        for (const r of after.readings) expect(r.agrees, `${kind}: ${r.where}: ${r.value}`).not.toBe(false);
        const ratio = (after.mmePerDay ?? NaN) / (before.mmePerDay ?? NaN);
        expect(ratios.some((x) => Math.abs(x - ratio) < 1e-6), `${kind}: ratio ${ratio}, allowed ${ratios.join(", ")}`).toBe(true);
        if (Math.abs(ratio - 1) > 1e-9) seen.changed += 1;
      }),
      { numRuns: 3000 },
    );
    expect(seen.refused).toBeGreaterThan(300);
    expect(seen.changed).toBeGreaterThan(100);
  });
});
