/**
 * Property: whatever the prefetch holds, when it makes the MME incomplete (an opioid order
 * that cannot be computed, an unreadable order, another patient's order, a paginated
 * result), no card ever says the dose is below 50 (or 90): the total is a floor. Every
 * response stays valid CDS Hooks 2.0.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { callService, cardTexts } from "./helpers";
import { cdsSchema } from "./schema";

const AS_OF = "2025-03-01";
const RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
const DRUGS = [
  { code: "1049621", display: "oxycodone hydrochloride 5 MG Oral Tablet" },
  { code: "892582", display: "morphine sulfate 15 MG Oral Tablet" },
  { code: "857002", display: "Acetaminophen 325 MG / Hydrocodone Bitartrate 5 MG Oral Tablet" },
  { code: "245134", display: "72 HR Fentanyl 0.025 MG/HR Transdermal System" },
] as const;

function order(id: string, drug: (typeof DRUGS)[number], tablets: number, perDay: number, status: string) {
  return {
    resourceType: "MedicationRequest", id, status, intent: "order", authoredOn: "2025-02-20",
    subject: { reference: "Patient/p1" },
    medicationCodeableConcept: { coding: [{ system: RXNORM, ...drug }] },
    dosageInstruction: [{ timing: { repeat: { frequency: perDay, period: 1, periodUnit: "d" } }, doseAndRate: [{ doseQuantity: { value: tablets, unit: "tablet", system: "http://terminology.hl7.org/CodeSystem/v3-orderableDrugForm", code: "TAB" } }] }],
  };
}

const computable = fc.record({
  drug: fc.constantFrom(...DRUGS.slice(0, 3)),
  tablets: fc.integer({ min: 1, max: 3 }),
  perDay: fc.integer({ min: 1, max: 4 }),
  status: fc.constantFrom("active", "active", "completed", "on-hold"),
});

/** Ways to make the medication list incomplete (each alone is enough). */
const breaker = fc.constantFrom(
  (id: string) => ({ resourceType: "MedicationRequest", id, status: "active", intent: "order", subject: { reference: "Patient/p1" }, medicationCodeableConcept: { coding: [{ system: RXNORM, ...DRUGS[0] }] } }), // no dosage
  (id: string) => ({ ...order(id, DRUGS[1], 1, 2, "active"), dosageInstruction: [{ text: "take some when needed", doseAndRate: [{ doseQuantity: { value: 2, unit: "blorp" } }] }] }), // unknown unit, no timing
  (id: string) => ({ resourceType: "MedicationRequest", id, status: 42, intent: "order", subject: { reference: "Patient/p1" } }), // unreadable
  (id: string) => ({ ...order(id, DRUGS[2], 1, 4, "active"), subject: { reference: "Patient/someone-else" } }), // another patient's order
  () => "next-link" as const, // paginated prefetch
  (id: string) => ({ ...order(id, DRUGS[0], 1, 2, "unknown") }), // status unknown: may be active
);

function request(hook: "order-sign" | "patient-view", orders: unknown[], paginated: boolean, draftTablets: number) {
  const bundle = { resourceType: "Bundle", type: "searchset", ...(paginated ? { link: [{ relation: "next", url: "https://ehr.example.org/fhir/MedicationRequest?page=2" }] } : {}), entry: orders.map((resource) => ({ resource })) };
  return {
    hook, hookInstance: "0f3c2b1a-prop-test", context: {
      patientId: "p1", userId: "Practitioner/u1",
      ...(hook === "order-sign" ? { draftOrders: { resourceType: "Bundle", type: "collection", entry: [{ resource: { ...order("d1", DRUGS[0], draftTablets, 2, "draft") } }] } } : {}),
    },
    prefetch: { medications: bundle, observations: null, conditions: null },
  };
}

describe("an incomplete MME never yields a card saying below 50", () => {
  it("holds for any mix of computable orders and at least one reason for incompleteness", async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(computable, { maxLength: 6 }), fc.array(breaker, { minLength: 1, maxLength: 3 }), fc.constantFrom("order-sign", "patient-view"), fc.integer({ min: 1, max: 2 }),
      async (good, breakers, hook, draftTablets) => {
        const orders: unknown[] = good.map((g, i) => order(`g${i}`, g.drug, g.tablets, g.perDay, g.status));
        let paginated = false;
        breakers.forEach((b, i) => {
          const made = b(`b${i}`);
          if (made === "next-link") paginated = true;
          else orders.push(made);
        });
        const { response } = await callService(request(hook, orders, paginated, draftTablets), AS_OF);
        expect(cdsSchema.response(response)).toEqual([]);
        const text = cardTexts(response);
        expect(text).not.toMatch(/(below|under|less than|lower than|<)\s*(50|90)\b/i);
        expect(text).not.toMatch(/^Total \d/m);
        if (response.cards.length > 0) expect(text).toMatch(/at least|not known|could not be computed|not complete/i);
      },
    ), { numRuns: 150 });
  });
});
