/**
 * Which orders count at `asOf`, supersession, exclusions (not an opioid, naloxone,
 * buprenorphine), parenteral and unknown-strength orders, unreadable resources, truncation,
 * and the completeness of the result.
 */
import { describe, expect, it } from "vitest";
import { TRUNCATED_SENTENCE, unknownMmeResult } from "@/lib/mme";
import { AS_OF, codes, every, one, order, perDay, run, tab, RXNORM } from "./builders";

const OXY_5 = "1049621";
const UCUM = "http://unitsofmeasure.org";
const supply = (days: number) => ({ value: days, unit: "days", system: UCUM, code: "d" });

describe("current at asOf (2025-06-01, lookback 90 days)", () => {
  it.each([
    // status, intent -> status, reason
    ["active", "order", "counted", null],
    ["on-hold", "order", "counted", null],
    ["stopped", "order", "excluded", "mme.excluded.status"],
    ["completed", "order", "excluded", "mme.excluded.status"],
    ["cancelled", "order", "excluded", "mme.excluded.status"],
    ["entered-in-error", "order", "excluded", "mme.excluded.status"],
    ["draft", "order", "excluded", "mme.excluded.status"],
    ["unknown", "order", "not-computable", "mme.unknown-status"],
    ["active", "plan", "counted", null],
    ["active", "original-order", "counted", null],
    ["active", "instance-order", "counted", null],
    ["active", "proposal", "excluded", "mme.excluded.intent"],
    ["active", "option", "excluded", "mme.excluded.intent"],
  ] as const)("status %s, intent %s -> %s %s", (status, intent, expected, reason) => {
    const o = one(order(OXY_5, perDay(tab(1), 4), { status, intent }));
    expect(o.status).toBe(expected);
    expect(o.reason).toBe(reason);
  });

  it("on-hold is counted and says so", () => {
    expect(codes(one(order(OXY_5, perDay(tab(1), 4), { status: "on-hold" })))).toContain("mme.assume.on-hold");
  });

  it("doNotPerform is excluded", () => {
    expect(one(order(OXY_5, perDay(tab(1), 4), { doNotPerform: true })).reason).toBe("mme.excluded.intent");
  });

  it.each([
    // authoredOn, dispenseRequest -> counted?
    ["2025-03-03", undefined, true], // exactly 90 days before
    ["2025-03-02", undefined, false], // 91 days before
    ["2024-06-01", { validityPeriod: { start: "2024-06-01", end: "2025-12-01" } }, true],
    ["2024-06-01", { validityPeriod: { start: "2024-06-01" } }, false], // open-ended validity is not "forever"
    ["2025-01-01", { expectedSupplyDuration: supply(30), numberOfRepeatsAllowed: 5 }, true], // 180 days of supply
    ["2025-01-01", { expectedSupplyDuration: supply(30) }, false],
    ["1923-11-10", undefined, false], // the public sandbox's "active" order
  ])("authored %s with %o -> counted %s", (authoredOn, dispenseRequest, counted) => {
    const o = one(order(OXY_5, perDay(tab(1), 4), { authoredOn, ...(dispenseRequest === undefined ? {} : { dispenseRequest }) }));
    expect(o.status === "counted").toBe(counted);
    if (!counted) expect(o.reason).toBe("mme.excluded.stale");
  });

  it("a stale order's sentence gives its date", () => {
    const o = one(order(OXY_5, perDay(tab(1), 4), { authoredOn: "1923-11-10" }));
    expect(o.message).toContain("1923-11-10");
    expect(o.message).toContain(AS_OF);
  });

  it("the lookback is configurable", () => {
    expect(one(order(OXY_5, perDay(tab(1), 4), { authoredOn: "2024-12-01" }), { lookbackDays: 365 }).status).toBe("counted");
  });

  it("future-dated orders are excluded", () => {
    const o = one(order(OXY_5, perDay(tab(1), 4), { authoredOn: "2025-07-01" }));
    expect(o.reason).toBe("mme.excluded.future");
  });

  it("an undated order is counted, flagged", () => {
    const mr = order(OXY_5, perDay(tab(1), 4));
    delete mr.authoredOn;
    const o = one(mr);
    expect(o.status).toBe("counted");
    expect(codes(o)).toContain("mme.assume.undated");
  });
});

describe("two current orders for the same product and sig count once", () => {
  it("the older is superseded by the newer", () => {
    const older = order(OXY_5, perDay(tab(1), 4), { authoredOn: "2025-04-01" });
    const newer = order(OXY_5, perDay(tab(1), 4), { authoredOn: "2025-05-20" });
    const r = run([older, newer]);
    expect(r.totalMmePerDay).toBeCloseTo(30, 9);
    expect(r.orders[0]).toMatchObject({ status: "excluded", reason: "mme.excluded.superseded", supersededBy: `MedicationRequest/${newer.id ?? ""}` });
    expect(r.orders[1]?.status).toBe("counted");
  });

  it("same product, different dose: both counted, each says so", () => {
    const r = run([order(OXY_5, perDay(tab(1), 4)), order(OXY_5, perDay(tab(2), 4))]);
    expect(r.totalMmePerDay).toBeCloseTo(90, 9);
    expect(r.orders.every((o) => codes(o).includes("mme.assume.overlapping-orders"))).toBe(true);
  });
});

describe("exclusions and not-computable orders", () => {
  it.each([
    // code, display -> status, reason
    ["197361", "Amlodipine 5 MG Oral Tablet", "excluded", "mme.excluded.not-an-opioid"],
    ["1191212", "Naloxone Hydrochloride 0.02 MG/ML Injectable Solution", "excluded", "mme.excluded.not-an-opioid"],
    ["1010600", undefined, "excluded", "mme.excluded.buprenorphine"], // bup/nal SL film 2/0.5
    ["904880", undefined, "excluded", "mme.excluded.buprenorphine"], // Butrans patch
    ["1732136", undefined, "not-computable", "mme.parenteral"], // morphine 5 mg/mL injection (Synthea)
    ["2103192", undefined, "not-computable", "mme.no-conversion-factor"], // sufentanil SL: no factor
    ["2118728", undefined, "not-computable", "mme.no-conversion-factor"], // benzhydrocodone/APAP: no factor
    ["99999999", "Acetaminophen/Hydrocodone", "not-computable", "mme.unknown-strength"],
  ] as const)("%s %s -> %s %s", (code, display, status, reason) => {
    const o = one(order(code, perDay(tab(1), 2), { medicationCodeableConcept: { coding: [{ system: RXNORM, code, ...(display === undefined ? {} : { display }) }] } }));
    expect(o.status).toBe(status);
    expect(o.reason).toBe(reason);
    expect(o.message?.length).toBeGreaterThan(10);
  });

  it("buprenorphine is listed with the reason, never added", () => {
    const r = run([order("1010604", perDay(tab(1), 2)), order(OXY_5, perDay(tab(1), 4))]);
    expect(r.totalMmePerDay).toBeCloseTo(30, 9);
    expect(r.orders[0]?.message).toContain("partial agonist");
    expect(r.complete).toBe(true);
  });

  it("a non-opioid order never makes the result incomplete, even when not current", () => {
    const r = run([order("197361", null, { medicationCodeableConcept: { text: "Amlodipine 5 MG" } })]);
    expect(r.state).toBe("complete");
  });

  it("an order with no identifiable medication is not computable when current", () => {
    const o = one(order("x", perDay(tab(1), 2), { medicationCodeableConcept: { coding: [{ system: "urn:local", code: "123" }] } }));
    expect(o.reason).toBe("mme.unknown-medication");
  });
});

describe("completeness", () => {
  it("one not-computable current opioid order: incomplete, total a floor, a sentence", () => {
    const r = run([order(OXY_5, perDay(tab(1), 4)), order(OXY_5, { doseAndRate: [{ doseQuantity: tab(1) }] })]);
    expect(r.state).toBe("incomplete");
    expect(r.complete).toBe(false);
    expect(r.totalMmePerDay).toBeCloseTo(30, 9);
    expect(r.incompleteReasons).toEqual(["1 order could not be computed"]);
  });

  it("unreadable MedicationRequests become not-computable orders with the validation message", () => {
    const r = run([order(OXY_5, perDay(tab(1), 4))], {
      unreadable: [
        { resourceType: "MedicationRequest", id: "bad1", reference: "MedicationRequest/bad1", issues: ["status: Invalid option"], display: "Oxycodone 5 MG" },
        { resourceType: "MedicationRequest", id: null, reference: null, issues: ["subject: required"], display: null },
      ],
    });
    expect(r.orders.slice(1).map((o) => [o.medicationRequest, o.status, o.reason])).toEqual([
      ["MedicationRequest/bad1", "not-computable", "mme.unreadable-resource"],
      ["MedicationRequest/#unreadable-2", "not-computable", "mme.unreadable-resource"],
    ]);
    expect(r.orders[1]?.message).toContain("status: Invalid option");
    expect(r.incompleteReasons).toEqual(["2 orders could not be computed"]);
  });

  it("a truncated record is incomplete with the sentence", () => {
    const r = run([order(OXY_5, every(tab(1), 6))], { truncated: true });
    expect(r.state).toBe("incomplete");
    expect(r.incompleteReasons).toEqual([TRUNCATED_SENTENCE]);
    expect(TRUNCATED_SENTENCE).toBe("record truncated: MME may be incomplete");
  });

  it("unknownMmeResult: state unknown, total null", () => {
    const r = unknownMmeResult(AS_OF, "cdc-2022", "MedicationRequest search failed: 403");
    expect(r).toMatchObject({ state: "unknown", complete: false, totalMmePerDay: null, incompleteReasons: ["MedicationRequest search failed: 403"] });
  });

  it("an invalid asOf is an unknown result, not an exception", () => {
    expect(run([order(OXY_5, every(tab(1), 6))], { asOf: "2025-02-30" }).state).toBe("unknown");
  });

  it("orders keep input order and ids; unrounded totals are sums of unrounded order values", () => {
    // hydrocodone 7.5 mg q8h = 22.5 mg x 1 = 22.5; oxycodone 5 mg q8h = 15 mg x 1.5 = 22.5
    const a = order("857005", every(tab(1), 8));
    const b = order(OXY_5, every(tab(1), 8));
    const r = run([a, b]);
    expect(r.orders.map((o) => o.medicationRequest)).toEqual([`MedicationRequest/${a.id ?? ""}`, `MedicationRequest/${b.id ?? ""}`]);
    expect(r.totalMmePerDay).toBe((r.orders[0]?.mmePerDay ?? NaN) + (r.orders[1]?.mmePerDay ?? NaN));
    expect(r.byIngredient).toEqual({ hydrocodone: 22.5, oxycodone: 22.5 });
  });
});
