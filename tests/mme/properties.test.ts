/**
 * Property tests (fast-check): random and malformed MedicationRequests never make the engine
 * throw, never give NaN/Infinity/negative numbers, never count a not-computable order; and
 * removing or corrupting data never raises `complete` nor lowers the counted total silently.
 */
import fc from "fast-check";
import type { Dosage, MedicationRequest, Quantity, Timing } from "fhir/r4";
import { describe, expect, it } from "vitest";
import type { MmeResult, UnreadableResource } from "@/lib/domain";
import { parseResourceAs } from "@/lib/fhir/parse";
import { calculateMme } from "@/lib/mme";
import { AS_OF, RXNORM } from "./builders";

const CODES = ["1049621", "1049221", "857005", "891881", "864706", "864826", "245134", "197696", "835603", "897696", "1010604", "1191212", "1115577", "197361", "1310197", "861467", "1732136", "00000"];
const UNITS = ["mg", "tablet", "{tbl}", "TAB", "mL", "patch", "{patch}", "ug/h", "mcg", "spray", "scoop", ""];
const STATUSES = ["active", "on-hold", "stopped", "completed", "unknown", "draft"] as const;
const INTENTS = ["order", "plan", "proposal", "original-order"] as const;
const PERIOD_UNITS = ["h", "d", "wk", "mo", "min"] as const;

const anyNumber = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 6 }), weight: 6 },
  { arbitrary: fc.double({ noNaN: false }), weight: 1 },
  { arbitrary: fc.integer({ min: -5, max: 50 }), weight: 1 },
  { arbitrary: fc.constantFrom(0, 0.5, 1e308, Infinity, NaN), weight: 1 },
);
const quantity: fc.Arbitrary<Quantity> = fc.record(
  { value: anyNumber, unit: fc.constantFrom(...UNITS), code: fc.constantFrom(...UNITS), system: fc.constant("http://unitsofmeasure.org") },
  { requiredKeys: [] },
);
const timing: fc.Arbitrary<Timing> = fc.record(
  {
    repeat: fc.record(
      { frequency: fc.integer({ min: -1, max: 12 }), frequencyMax: fc.integer({ min: 0, max: 12 }), period: anyNumber, periodMax: anyNumber, periodUnit: fc.constantFrom(...PERIOD_UNITS), timeOfDay: fc.array(fc.constantFrom("08:00:00", "20:00:00"), { maxLength: 3 }) },
      { requiredKeys: [] },
    ),
    code: fc.record({ text: fc.constantFrom("BID", "Q6H", "whenever", "") }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);
const dosage: fc.Arbitrary<Dosage> = fc.record(
  {
    sequence: fc.integer({ min: 1, max: 3 }),
    text: fc.constantFrom("1-2 tablets every 4-6 hours as needed", "apply 1 patch every 72 hours", "take as directed", "2 tabs q6h prn max 6/day"),
    timing,
    asNeededBoolean: fc.boolean(),
    doseAndRate: fc.array(fc.record({ doseQuantity: quantity, doseRange: fc.record({ high: quantity }, { requiredKeys: [] }), type: fc.record({ text: fc.constantFrom("ordered", "calculated") }) }, { requiredKeys: [] }), { maxLength: 3 }),
    maxDosePerPeriod: fc.record({ numerator: quantity, denominator: fc.record({ value: anyNumber, unit: fc.constantFrom("d", "h", "x") }, { requiredKeys: [] }) }, { requiredKeys: [] }),
    maxDosePerAdministration: quantity,
  },
  { requiredKeys: [] },
);
const medicationRequest: fc.Arbitrary<MedicationRequest> = fc.record(
  {
    resourceType: fc.constant("MedicationRequest" as const),
    id: fc.string({ minLength: 1, maxLength: 6 }),
    status: fc.oneof({ arbitrary: fc.constant("active" as const), weight: 4 }, { arbitrary: fc.constantFrom(...STATUSES), weight: 1 }),
    intent: fc.constantFrom(...INTENTS),
    subject: fc.constant({ reference: "Patient/p" }),
    authoredOn: fc.constantFrom("2025-05-20", "2025-05-20", "2025-05-20", "2025-01-01", "1923-11-10", "2025-07-01", "2025", "garbage"),
    medicationCodeableConcept: fc.record({ coding: fc.array(fc.record({ system: fc.constant(RXNORM), code: fc.constantFrom(...CODES) }), { maxLength: 2 }), text: fc.constantFrom("Oxycodone 5 MG Oral Tablet", "Lisinopril", "") }, { requiredKeys: [] }),
    dosageInstruction: fc.array(dosage, { maxLength: 3 }),
    dispenseRequest: fc.record({ quantity, expectedSupplyDuration: fc.record({ value: anyNumber, unit: fc.constantFrom("d", "days", "wk") }), numberOfRepeatsAllowed: fc.integer({ min: -1, max: 5 }) }, { requiredKeys: [] }),
  },
  { requiredKeys: ["resourceType", "status", "intent", "subject"] },
);

/** A computable, current, structured opioid order (no sig, no dispense request). */
const goodOrder: fc.Arbitrary<MedicationRequest> = fc
  .record({
    code: fc.constantFrom("1049621", "857005", "891881", "864706", "197696", "835603", "1049604"),
    units: fc.integer({ min: 1, max: 4 }),
    frequency: fc.integer({ min: 1, max: 6 }),
    asNeeded: fc.boolean(),
    id: fc.uuid(),
  })
  .map(({ code, units, frequency, asNeeded, id }) => ({
    resourceType: "MedicationRequest" as const,
    id,
    status: "active" as const,
    intent: "order" as const,
    subject: { reference: "Patient/p" },
    authoredOn: "2025-05-01",
    medicationCodeableConcept: { coding: [{ system: RXNORM, code }] },
    dosageInstruction: [{ timing: { repeat: { frequency, period: 1, periodUnit: "d" as const } }, asNeededBoolean: asNeeded, doseAndRate: [{ doseQuantity: { value: units, unit: code === "1049604" ? "mL" : code === "197696" ? "patch" : "tablet" } }] }],
  }));

function checkInvariants(r: MmeResult): void {
  expect(r.totalMmePerDay === null || (Number.isFinite(r.totalMmePerDay) && r.totalMmePerDay >= 0)).toBe(true);
  for (const o of r.orders) {
    if (o.status === "counted") {
      expect(o.reason).toBeNull();
      expect(o.mmePerDay !== null && Number.isFinite(o.mmePerDay) && o.mmePerDay >= 0).toBe(true);
    } else {
      expect(o.reason).not.toBeNull();
      expect(o.mmePerDay).toBeNull();
    }
    for (const i of o.ingredients) expect(Number.isFinite(i.mmePerDay) && i.mmePerDay >= 0 && Number.isFinite(i.dailyAmount)).toBe(true);
    for (const n of [o.unitsPerAdministration, o.administrationsPerDay]) expect(n === null || (Number.isFinite(n) && n >= 0)).toBe(true);
  }
  expect(r.complete).toBe(r.state === "complete");
  if (r.orders.some((o) => o.status === "not-computable")) expect(r.complete).toBe(false);
}

describe("calculateMme on random MedicationRequests", () => {
  it("typed but wild values (NaN, Infinity, negatives, empty arrays) never throw and keep every invariant", () => {
    const seen = { counted: 0, notComputable: 0 };
    fc.assert(
      // wild orders mixed with computable ones, so both branches are reached
      fc.property(fc.array(fc.oneof(medicationRequest, goodOrder), { maxLength: 6 }), fc.constantFrom("cdc-2022", "cdc-2016" as const), (mrs, table) => {
        const r = calculateMme({ medicationRequests: mrs, asOf: AS_OF, factorTableId: table });
        checkInvariants(r);
        seen.counted += r.orders.filter((o) => o.status === "counted").length;
        seen.notComputable += r.orders.filter((o) => o.status === "not-computable").length;
      }),
      { numRuns: 400 },
    );
    // The generator must reach both branches, or the property says nothing.
    expect(seen.counted, JSON.stringify(seen)).toBeGreaterThan(100);
    expect(seen.notComputable).toBeGreaterThan(20);
  });

  it("raw JSON (valid or not) through the zod parser: unreadable ones become not-computable orders", () => {
    const raw = fc.oneof(medicationRequest.map((m): unknown => m), fc.anything(), fc.object().map((o): unknown => ({ resourceType: "MedicationRequest", ...o })));
    fc.assert(
      fc.property(fc.array(raw, { maxLength: 6 }), (values) => {
        const ok: MedicationRequest[] = [];
        const bad: UnreadableResource[] = [];
        for (const v of values) {
          const p = parseResourceAs("MedicationRequest", v);
          if (p.ok) ok.push(p.resource);
          else bad.push(p.unreadable);
        }
        const r = calculateMme({ medicationRequests: ok, unreadable: bad, asOf: AS_OF });
        checkInvariants(r);
        expect(r.orders).toHaveLength(values.length);
        expect(r.orders.filter((o) => o.reason === "mme.unreadable-resource")).toHaveLength(bad.length);
      }),
      { numRuns: 300 },
    );
  });
});

type Corruption = (mr: MedicationRequest) => unknown;
const CORRUPTIONS: Record<string, Corruption> = {
  "drop dosageInstruction": ({ dosageInstruction: _d, ...rest }) => rest,
  "drop timing": (mr) => ({ ...mr, dosageInstruction: mr.dosageInstruction?.map(({ timing: _t, ...d }) => d) }),
  "drop doseAndRate": (mr) => ({ ...mr, dosageInstruction: mr.dosageInstruction?.map(({ doseAndRate: _x, ...d }) => d) }),
  "drop dose unit": (mr) => ({ ...mr, dosageInstruction: mr.dosageInstruction?.map((d) => ({ ...d, doseAndRate: d.doseAndRate?.map((x) => ({ doseQuantity: { value: x.doseQuantity?.value } })) })) }),
  "garble dose unit": (mr) => ({ ...mr, dosageInstruction: mr.dosageInstruction?.map((d) => ({ ...d, doseAndRate: d.doseAndRate?.map((x) => ({ doseQuantity: { ...x.doseQuantity, unit: "zz" } })) })) }),
  "garble period unit": (mr) => ({ ...mr, dosageInstruction: mr.dosageInstruction?.map((d) => ({ ...d, timing: { repeat: { ...d.timing?.repeat, periodUnit: "hours" } } })) }),
  "drop medication": ({ medicationCodeableConcept: _m, ...rest }) => rest,
  "drop status": ({ status: _s, ...rest }) => rest,
  "drop authoredOn": ({ authoredOn: _a, ...rest }) => rest,
  "status unknown": (mr) => ({ ...mr, status: "unknown" }),
  "not JSON object": () => "garbage",
};

function calc(values: readonly unknown[]): MmeResult {
  const ok: MedicationRequest[] = [];
  const bad: UnreadableResource[] = [];
  for (const v of values) {
    const p = parseResourceAs("MedicationRequest", v);
    if (p.ok) ok.push(p.resource);
    else bad.push(p.unreadable);
  }
  return calculateMme({ medicationRequests: ok, unreadable: bad, asOf: AS_OF });
}

describe("removing or corrupting data never raises complete nor lowers the total silently", () => {
  it("for any corruption of one order of a computable set", () => {
    fc.assert(
      fc.property(fc.array(goodOrder, { minLength: 1, maxLength: 4 }), fc.nat(), fc.constantFrom(...Object.keys(CORRUPTIONS)), (orders, pick, name) => {
        const before = calc(orders);
        const index = pick % orders.length;
        const corrupt = CORRUPTIONS[name];
        const target = orders[index];
        if (corrupt === undefined || target === undefined) return;
        const after = calc(orders.map((o, i) => (i === index ? corrupt(o) : o)));
        checkInvariants(after);
        if (!before.complete) expect(after.complete).toBe(false);
        if (after.complete && (after.totalMmePerDay ?? 0) < (before.totalMmePerDay ?? 0) - 1e-9) {
          // Lower and still complete: only allowed with a stated assumption on the corrupted order.
          const was = new Set(before.orders[index]?.assumptions.map((a) => a.code));
          expect(after.orders[index]?.assumptions.some((a) => !was.has(a.code))).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
