/**
 * Card rules not covered by the CDC IG requests: OUD treatment never gets a taper suggestion,
 * the naloxone suggestion's draft order, the patient-view card's taper-plan line, prefetch
 * read by content (not key names), and the card-less answer when no data is available.
 */
import { describe, expect, it } from "vitest";
import { ordersOf, PATIENT as FOLLOW_PATIENT, planFor, saved, taking } from "../taper/followup/support";
import { callService, cardTexts } from "./helpers";
import { cdsSchema } from "./schema";

const RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
const AS_OF = "2025-03-01";

function mr(id: string, code: string, display: string, status: string, tabs: number, perDay: number) {
  return {
    resourceType: "MedicationRequest", id, status, intent: "order", authoredOn: "2025-02-20", subject: { reference: "Patient/p1" },
    medicationCodeableConcept: { coding: [{ system: RXNORM, code, display }] },
    dosageInstruction: [{ timing: { repeat: { frequency: perDay, period: 1, periodUnit: "d" } }, doseAndRate: [{ doseQuantity: { value: tabs, unit: "tablet" } }] }],
  };
}
const OXY = ["1049621", "oxycodone hydrochloride 5 MG Oral Tablet"] as const;
const BUP_NAL = ["1010600", "buprenorphine 2 MG / naloxone 0.5 MG Sublingual Film"] as const;
const bundle = (...resources: unknown[]) => ({ resourceType: "Bundle", type: "searchset", entry: resources.map((resource) => ({ resource })) });

function orderSign(draft: unknown, prefetch: Record<string, unknown> | undefined) {
  return {
    hook: "order-sign", hookInstance: "a1b2c3d4-0000-4000-8000-000000000001",
    context: { patientId: "p1", userId: "Practitioner/u1", draftOrders: { resourceType: "Bundle", type: "collection", entry: [{ resource: draft }] } },
    ...(prefetch === undefined ? {} : { prefetch }),
  };
}

describe("cards", () => {
  it("buprenorphine for opioid use disorder: the OUD card, and no card mentions tapering or links to plan a taper", async () => {
    const draft = mr("d1", ...OXY, "draft", 4, 4); // 4 x 5 mg x 4/day x 1.5 = 120 MME/day
    const { response, kinds } = await callService(orderSign(draft, { meds: bundle(mr("b1", ...BUP_NAL, "active", 1, 1)), c: null }), AS_OF);
    expect(kinds).toContain("oud");
    expect(kinds).toContain("mme");
    expect(cardTexts(response)).not.toMatch(/the planner proposes a slow, individual taper|Open the Opioid Taper Planner/);
    expect(response.cards.flatMap((c) => c.links ?? []).every((l) => l.label.startsWith("Review"))).toBe(true);
  });

  it("no naloxone: a suggestion that creates a draft naloxone MedicationRequest, at-most-one", async () => {
    const { response, kinds } = await callService(orderSign(mr("d1", ...OXY, "draft", 2, 4), { medications: null }), AS_OF);
    const card = response.cards[kinds.indexOf("naloxone")];
    expect(card?.selectionBehavior).toBe("at-most-one");
    expect(card?.overrideReasons?.every((r) => (r.display ?? "") !== "")).toBe(true);
    const action = card?.suggestions?.[0]?.actions?.[0];
    expect(action?.type).toBe("create");
    expect(action?.resource).toMatchObject({
      resourceType: "MedicationRequest", status: "draft", intent: "order", subject: { reference: "Patient/p1" }, requester: { reference: "Practitioner/u1" },
      medicationCodeableConcept: { coding: [{ system: RXNORM, code: "1725059" }] },
    });
  });

  it("reads prefetch by content: an EHR's own key names and a self-linked empty Bundle", async () => {
    const prefetch = {
      "ehr-active-rx": bundle(mr("rx1", ...OXY, "active", 2, 4)),
      "ehr-dx": { resourceType: "Bundle", type: "searchset", link: [{ relation: "self", url: "https://ehr.example.org/fhir/Condition?patient=p1" }] },
    };
    const { response } = await callService(orderSign(mr("d1", ...OXY, "draft", 1, 4), prefetch), AS_OF);
    // current 2 x 5 x 4 x 1.5 = 60 plus the draft 1 x 5 x 4 x 1.5 = 30: 90
    expect(response.cards[0]?.summary).toBe("Total 90 MME/day with this order: at or above 90, a point to reassess (CDC 2022)");
  });

  it("a bare resource under an unknown key does not prove the list is whole: no cards, and why", async () => {
    const { response } = await callService(orderSign(mr("d1", ...OXY, "draft", 4, 4), { x1: mr("rx1", ...OXY, "active", 1, 1), x2: null }), AS_OF);
    expect(response).toEqual({ cards: [], extension: { "org.opioid-taper-planner.no-data": expect.stringMatching(/medication orders were not available/) } });
  });

  it("patient-view: the taper plan in effect and the follow-up engine's status, never guessed", async () => {
    const start = "2025-03-01";
    const oxy = [taking("1049683", 1, 4)]; // oxycodone 10 mg, 1 tablet 4 times a day: 40 mg x 1.5 = 60 MME/day
    const { plan, mme } = planFor(oxy, start);
    const carePlan = saved(plan, mme, "cp-1", `${start}T09:00:00Z`);
    const orders = ordersOf([{ from: start, products: oxy }], start);
    const base = { hook: "patient-view", hookInstance: "a1b2c3d4-0000-4000-8000-000000000002", context: { patientId: FOLLOW_PATIENT, userId: "Practitioner/u1" } };
    const onTrack = await callService({ ...base, prefetch: { medications: bundle(...orders), carePlans: bundle(carePlan) } }, start);
    expect(cdsSchema.response(onTrack.response)).toEqual([]);
    const card = onTrack.response.cards[onTrack.kinds.indexOf("patient-summary")];
    expect(card?.summary).toMatch(/^Opioids: 60 MME\/day; taper plan: on track/);
    expect(card?.links?.[0]?.label).toMatch(/^Review/);

    // Another current order raises the dose above the plan's start: the engine says above-start.
    const extra = ordersOf([{ from: start, products: [taking("1049683", 1, 2)] }], start).map((o) => ({ ...o, id: `${o.id ?? "x"}-extra` }));
    const above = await callService({ ...base, prefetch: { medications: bundle(...orders, ...extra), carePlans: bundle(carePlan) } }, start);
    const aboveCard = above.response.cards[above.kinds.indexOf("patient-summary")];
    expect(aboveCard?.summary).toMatch(/taper plan: above start/);
    expect(aboveCard?.indicator).toBe("warning");

    // An incomplete MME: the status is unknown, never on track.
    const broken = { resourceType: "MedicationRequest", id: "broken", status: "active", intent: "order", subject: { reference: `Patient/${FOLLOW_PATIENT}` }, medicationCodeableConcept: { coding: [{ system: RXNORM, ...Object.fromEntries([["code", OXY[0]], ["display", OXY[1]]]) }] } };
    const unknown = await callService({ ...base, prefetch: { medications: bundle(...orders, broken), carePlans: bundle(carePlan) } }, start);
    expect(unknown.response.cards[unknown.kinds.indexOf("patient-summary")]?.summary).toMatch(/^Opioids: at least 60 MME\/day; taper plan: unknown/);

    const noPlan = await callService({ ...base, prefetch: { medications: bundle(...orders), carePlans: null } }, start);
    expect(noPlan.response.cards[noPlan.kinds.indexOf("patient-summary")]?.summary).toMatch(/no taper plan/);
    const noOpioid = await callService({ ...base, prefetch: { medications: bundle(), carePlans: null } }, start);
    expect(noOpioid.response.cards).toEqual([]);
  });

  it("order-sign for a non-opioid, non-sedative order says nothing", async () => {
    const draft = mr("d1", "197361", "amlodipine 5 MG Oral Tablet", "draft", 1, 1);
    const { response } = await callService(orderSign(draft, { medications: bundle(mr("rx1", ...OXY, "active", 4, 4)) }), AS_OF);
    expect(response.cards).toEqual([]);
  });
});
