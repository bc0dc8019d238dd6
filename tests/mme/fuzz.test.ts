/**
 * Fuzz of the engine entry with unparsed JSON (issue 13 item 7 and "Done when"): 20,000 cases of
 * random values where MedicationRequests, Medications and unreadable records are expected (any
 * JSON value; objects shaped like a MedicationRequest whose every field is random; real orders with
 * one nested field replaced by junk), never validated first. The engine must not throw, must give
 * no NaN, no infinity and no negative number, and a junk order added to a computable record must
 * never lower its total (it is counted, left out as not an opioid, or makes the result incomplete).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MmeResult } from "@/lib/domain";
import { calculateMme } from "@/lib/mme";
import { AS_OF, RXNORM } from "./builders";

/** 20,000 cases (the "Done when"); FUZZ_RUNS in the environment overrides it while iterating. */
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 20_000);

const CODES = ["1049621", "1049221", "857005", "891881", "864706", "245134", "197696", "835603", "1010604", "1115577", "7804", "00000"];

/** A real, computable order: oxycodone 5 mg or morphine ER 15 mg, tablets a day. */
const realOrder = fc.record({ code: fc.constantFrom("1049621", "891881"), units: fc.integer({ min: 1, max: 2 }), times: fc.integer({ min: 1, max: 4 }), id: fc.uuid() }).map(({ code, units, times, id }) => ({
  resourceType: "MedicationRequest",
  id,
  status: "active",
  intent: "order",
  subject: { reference: "Patient/p" },
  authoredOn: "2025-05-20",
  medicationCodeableConcept: { coding: [{ system: RXNORM, code }] },
  dosageInstruction: [{ timing: { repeat: { frequency: times, period: 1, periodUnit: "d" } }, doseAndRate: [{ doseQuantity: { value: units, unit: "tablet" } }] }],
}));

/** Any JSON-like value, including the awkward ones (NaN, -0, huge numbers, sparse arrays, odd keys). */
const junkValue = fc.anything({ maxDepth: 4, withBigInt: false, withNullPrototype: false, withObjectString: true, withSparseArray: true, withBoxedValues: false, withMap: false, withSet: false, withTypedArray: false, withDate: false });

/** An object with MedicationRequest keys whose values are random (and sometimes plausible). */
const shapedJunk = fc.record(
  {
    resourceType: fc.oneof(fc.constant("MedicationRequest"), junkValue),
    id: fc.oneof(fc.string(), junkValue),
    status: fc.oneof(fc.constantFrom("active", "on-hold", "unknown", "stopped"), junkValue),
    intent: fc.oneof(fc.constantFrom("order", "plan", "proposal"), junkValue),
    authoredOn: fc.oneof(fc.constantFrom("2025-05-20", "2025", "2025-13-45", ""), junkValue),
    medicationCodeableConcept: fc.oneof(fc.record({ coding: fc.array(fc.record({ system: fc.oneof(fc.constant(RXNORM), junkValue), code: fc.oneof(fc.constantFrom(...CODES), junkValue), display: junkValue }, { requiredKeys: [] })), text: junkValue }, { requiredKeys: [] }), junkValue),
    medicationReference: junkValue,
    contained: junkValue,
    dosageInstruction: fc.oneof(
      fc.array(fc.record({ text: junkValue, sequence: junkValue, timing: fc.oneof(fc.record({ repeat: fc.dictionary(fc.constantFrom("frequency", "frequencyMax", "period", "periodMax", "periodUnit", "timeOfDay", "when", "boundsPeriod", "boundsDuration", "count"), junkValue), code: junkValue }, { requiredKeys: [] }), junkValue), doseAndRate: fc.oneof(fc.array(fc.record({ type: junkValue, doseQuantity: fc.oneof(fc.record({ value: junkValue, unit: junkValue, code: junkValue }, { requiredKeys: [] }), junkValue), doseRange: junkValue }, { requiredKeys: [] })), junkValue), asNeededBoolean: junkValue, maxDosePerPeriod: junkValue, maxDosePerAdministration: junkValue }, { requiredKeys: [] }), { maxLength: 3 }),
      junkValue,
    ),
    dispenseRequest: junkValue,
    priorPrescription: junkValue,
    reasonCode: junkValue,
  },
  { requiredKeys: [] },
);

/** A real order with one field replaced by junk. */
const mutatedReal = fc.tuple(realOrder, fc.constantFrom("medicationCodeableConcept", "dosageInstruction", "authoredOn", "status", "dispenseRequest", "contained"), junkValue).map(([o, key, v]): unknown => ({ ...o, [key]: v }));

const anyOrder: fc.Arbitrary<unknown> = fc.oneof(junkValue, shapedJunk, mutatedReal);

function checkInvariants(r: MmeResult): void {
  expect(r.totalMmePerDay === null || (Number.isFinite(r.totalMmePerDay) && r.totalMmePerDay >= 0)).toBe(true);
  for (const o of r.orders) {
    if (o.status === "counted") expect(o.mmePerDay !== null && Number.isFinite(o.mmePerDay) && o.mmePerDay >= 0).toBe(true);
    else expect(o.mmePerDay).toBeNull();
    for (const i of o.ingredients) expect(Number.isFinite(i.mmePerDay) && i.mmePerDay >= 0 && Number.isFinite(i.dailyAmount) && i.dailyAmount >= 0).toBe(true);
    for (const n of [o.unitsPerAdministration, o.administrationsPerDay]) expect(n === null || (Number.isFinite(n) && n >= 0)).toBe(true);
    expect(typeof o.display).toBe("string");
    expect(typeof o.medicationRequest).toBe("string");
  }
  expect(r.complete).toBe(r.state === "complete");
}

describe("the engine entry with unparsed random JSON (20,000 cases)", () => {
  it("never throws; no NaN, infinity or negative; junk never lowers the total of a computable record", { timeout: 900_000 }, () => {
    let lowered = 0;
    fc.assert(
      fc.property(fc.array(realOrder, { minLength: 1, maxLength: 3 }), fc.array(anyOrder, { minLength: 1, maxLength: 3 }), fc.array(junkValue, { maxLength: 2 }), fc.array(junkValue, { maxLength: 1 }), (real, junk, medications, unreadable) => {
        const before = calculateMme({ medicationRequests: real, asOf: AS_OF });
        // Junk where the typed input is expected too: the engine reads it all defensively.
        const after = calculateMme({ medicationRequests: [...real, ...junk], medications, unreadable: unreadable as never[], asOf: AS_OF });
        checkInvariants(after);
        expect(after.orders).toHaveLength(real.length + junk.length + unreadable.length);
        if ((after.totalMmePerDay ?? 0) < (before.totalMmePerDay ?? 0) - 1e-9) lowered += 1;
      }),
      { numRuns: FUZZ_RUNS },
    );
    expect(lowered).toBe(0);
  });

  it("a non-array where the orders are expected, and a junk as-of date, give a result, never an exception", () => {
    for (const value of [null, 7, "x", { a: 1 }, [null], [[]], [NaN]]) {
      const r = calculateMme({ medicationRequests: value as unknown[], asOf: AS_OF });
      checkInvariants(r);
    }
    const r = calculateMme({ medicationRequests: [], asOf: 12 as unknown as string });
    expect(r.state).toBe("unknown");
  });
});
