/**
 * The follow-up statuses beyond the generated histories: unknown from incomplete or unknown
 * orders (never a status from a floor), above the start, slower than planned, before the
 * plan starts, after it ends, no plan, and the plan in effect among several CarePlans
 * (a replaced plan is never in effect).
 * Plan under test: oxycodone 10 mg every 6 h = 40 mg/day x 1.5 = 60 MME/day, 10 % of the
 * original dose per month from 2025-01-06: 3.75 MME/day steps (60, 56.25, 52.5, 48.75, 45, 41.25,
 * 37.5, 33.75, 30), then 22.5, 15, 7.5, each kept 2 months, then the stop.
 */
import fc from "fast-check";
import type { MedicationRequest } from "fhir/r4";
import { describe, expect, it } from "vitest";
import { followUpFromCarePlans } from "@/lib/careplan";
import { unknownMmeResult } from "@/lib/mme";
import { assessFollowUp, planInEffect } from "@/lib/taper/followup";
import type { SavedTaperPlan } from "@/lib/domain";
import { followed } from "@/sandbox/scenarios/plan-history";
import { mmeAt, ordersOf, planFor, saved, taking } from "./support";

const START = "2025-01-06";
const { plan, mme: startMme } = planFor([taking("1049683", 1, 4)], START);
const cp = saved(plan, startMme, "cp-1", `${START}T10:00:00Z`);
const step = (i: number) => {
  const s = plan.steps[i];
  if (s === undefined) throw new Error("test setup: no such step");
  return s;
};

/** An extra opioid order with no dose: lib/mme cannot compute it, so the total is a floor. */
function undosedOrder(asOf: string): MedicationRequest {
  return {
    resourceType: "MedicationRequest", id: "mr-undosed", status: "active", intent: "order",
    medicationCodeableConcept: { coding: [{ system: "http://www.nlm.nih.gov/research/umls/rxnorm", code: "1049621", display: "oxycodone hydrochloride 5 MG Oral Tablet" }] },
    subject: { reference: "Patient/p-follow" }, authoredOn: `${asOf}T09:00:00Z`,
  };
}

describe("the plan in the chart is found and its staircase read back", () => {
  it("reads every step's start and planned MME/day from the saved CarePlan, from both readings", () => {
    const r = followUpFromCarePlans([cp], mmeAt(followed(plan), step(3).start), step(3).start);
    expect(r.carePlan).toBe("CarePlan/cp-1");
    expect(r.stepDue).toBe(3);
    expect(r.stepDueStart).toBe(step(3).start);
    // step 3: 10 + 3 x 7.5 = 32.5 mg/day oxycodone x 1.5 = 48.75 MME/day
    expect(r.plannedMmePerDay).toBeCloseTo(48.75, 6);
    expect(r.startMmePerDay).toBeCloseTo(60, 6);
    expect(r.currentMmePerDay).toBeCloseTo(48.75, 6);
    expect(r.tolerance?.sentence).toMatch(/5 % of the planned MME\/day/);
  });
});

describe("unknown: never a status from a floor", () => {
  it("incomplete current orders give unknown, with the floor and the reason, whatever the floor", () => {
    for (const i of [1, 3, 5, 8]) {
      const asOf = step(i).start;
      const m = mmeAt(followed(plan), asOf, [undosedOrder(asOf)]);
      expect(m.state).toBe("incomplete");
      const r = followUpFromCarePlans([cp], m, asOf);
      expect(r.status).toBe("unknown");
      expect(r.currentComplete).toBe(false);
      expect(r.currentState).toBe("incomplete");
      expect(r.reasons.join(" ")).toMatch(/incomplete \(at least/);
      expect(r.stepDue).toBe(i);
    }
  });

  it("a floor already above the start is said, but the status stays unknown", () => {
    const asOf = step(2).start;
    const above = ordersOf([{ from: asOf, products: [taking("1049683", 2, 4)] }], asOf).map((o) => ({ ...o, id: `x-${o.id ?? ""}` }));
    const m = mmeAt(followed(plan), asOf, [...above, undosedOrder(asOf)]);
    const r = followUpFromCarePlans([cp], m, asOf);
    expect(r.status).toBe("unknown");
    expect(r.tone).toBe("prominent");
    expect(r.reasons.join(" ")).toMatch(/Even the floor/);
  });

  it("an unreadable medication list gives unknown", () => {
    const r = followUpFromCarePlans([cp], unknownMmeResult(step(2).start, "cdc-2022", "The medication search failed."), step(2).start);
    expect(r.status).toBe("unknown");
    expect(r.currentMmePerDay).toBeNull();
  });
});

describe("above the start, slower, before and after the plan", () => {
  it("a current dose above the plan's start is above-start, prominently", () => {
    const asOf = step(4).start;
    // oxycodone 10 mg 2 tablets every 6 h = 80 mg/day x 1.5 = 120 MME/day, above the 60 the plan started from
    const r = followUpFromCarePlans([cp], mmeAt([{ from: asOf, products: [taking("1049683", 2, 4)] }], asOf), asOf);
    expect(r.status).toBe("above-start");
    expect(r.tone).toBe("prominent");
    expect(r.reasons.join(" ")).toMatch(/not recommended without a careful review/);
  });

  it("a dose above the step due that matches no step is slower than planned, neutrally", () => {
    const asOf = step(9).start; // planned 22.5
    // oxycodone 5 mg 1 tablet every 6 h = 20 mg/day x 1.5 = 30 MME/day: step 8's level -> paused at 8
    expect(followUpFromCarePlans([cp], mmeAt([{ from: asOf, products: [taking("1049621", 1, 4)] }], asOf), asOf).status).toBe("paused");
    // hydrocodone/acetaminophen 5/325 mg 5 a day = 25 MME/day: between steps 8 (30) and 9 (22.5), at no planned level
    const r = followUpFromCarePlans([cp], mmeAt([{ from: asOf, products: [taking("857002", 1, 5)] }], asOf), asOf);
    expect(r.status).toBe("slower-than-planned");
    expect(r.tone).toBe("neutral");
    expect(r.question).toBeNull();
  });

  it("before the plan's first day the step due is 0 (the starting dose)", () => {
    const r = followUpFromCarePlans([cp], mmeAt(followed(plan), "2025-01-01"), "2025-01-01");
    expect(r.stepDue).toBe(0);
    expect(r.reasons[0]).toMatch(/starts on 2025-01-06/);
  });

  it("after the last step the last step stays due", () => {
    const last = plan.steps[plan.steps.length - 1];
    const asOf = "2027-01-01";
    const r = followUpFromCarePlans([cp], mmeAt(followed(plan), asOf), asOf);
    expect(r.stepDue).toBe(last?.index);
    expect(r.status).toBe("on-track");
  });
});

describe("which plan is in effect", () => {
  const asOf = step(2).start;
  const m = mmeAt(followed(plan), asOf);

  it("no CarePlan of this app: no-plan; another app's pain plan is listed as ignored", () => {
    const other = { ...cp, id: "other", identifier: [{ system: "https://other.example/ids", value: "x1" }] };
    const r = followUpFromCarePlans([other], m, asOf);
    expect(r.status).toBe("no-plan");
    expect(r.carePlan).toBeNull();
    expect(r.ignored.map((i) => i.reason)).toEqual(["not-this-app"]);
  });

  it("entered-in-error plans are not plans; a revoked latest plan leaves no plan in effect", () => {
    expect(followUpFromCarePlans([{ ...cp, status: "entered-in-error" }], m, asOf).status).toBe("no-plan");
    const r = followUpFromCarePlans([{ ...cp, status: "revoked" }], m, asOf);
    expect(r.status).toBe("no-plan");
    expect(r.summary).toMatch(/was revoked/);
    expect(r.chain.map((c) => c.reference)).toEqual(["CarePlan/cp-1"]);
  });

  it("a revision is in effect, not the plan it replaces, and the chain shows both", () => {
    const revised = saved(plan, startMme, "cp-2", `${asOf}T11:00:00Z`, { replaces: "CarePlan/cp-1", record: { kind: "slow", reason: "withdrawal", pauseIntervals: null }, replacedSummary: "CarePlan/cp-1" });
    const r = followUpFromCarePlans([revised, cp], m, asOf);
    expect(r.carePlan).toBe("CarePlan/cp-2");
    expect(r.chain.map((c) => [c.reference, c.revision?.kind ?? null])).toEqual([["CarePlan/cp-2", "slow"], ["CarePlan/cp-1", null]]);
  });

  it("a stop revision ends the plan: no-plan with the reason", () => {
    const stop = saved(plan, startMme, "cp-3", `${asOf}T11:00:00Z`, { replaces: "https://ehr.example/fhir/CarePlan/cp-1/_history/1", record: { kind: "stop", reason: "patient declines further reduction", pauseIntervals: null }, replacedSummary: "CarePlan/cp-1" });
    const r = followUpFromCarePlans([cp, stop], m, asOf);
    expect(r.status).toBe("no-plan");
    expect(r.summary).toMatch(/was stopped \(reason: patient declines further reduction\)/);
  });

  it("a replaced plan is never the plan in effect, whatever the order, dates and statuses (property)", () => {
    const base = (id: string): SavedTaperPlan => ({
      reference: `CarePlan/${id}`, identifier: `urn:uuid:00000000-0000-4000-8000-${id.padStart(12, "0")}`, fhirStatus: "draft", intent: "proposal",
      created: null, title: null, replaces: [], revision: null, rate: null, staircase: { ok: false, reason: "not needed" }, form: "legacy",
    });
    const arb = fc.array(
      fc.record({
        created: fc.option(fc.integer({ min: 0, max: 1000 }).map((d) => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString()), { nil: null }),
        status: fc.constantFrom("draft", "active", "on-hold", "revoked", "completed"),
        replaces: fc.array(fc.nat({ max: 7 }), { maxLength: 2 }),
        form: fc.constantFrom("relative", "absolute", "versioned"),
      }),
      { minLength: 1, maxLength: 8 },
    );
    fc.assert(fc.property(arb, (specs) => {
      const plans = specs.map((s, i) => ({
        ...base(String(i + 1)), created: s.created, fhirStatus: s.status,
        replaces: s.replaces.filter((r) => r !== i).map((r) => (s.form === "relative" ? `CarePlan/${r + 1}` : s.form === "absolute" ? `https://x.example/fhir/CarePlan/${r + 1}` : `CarePlan/${r + 1}/_history/2`)),
      }));
      const replaced = new Set(plans.flatMap((p) => p.replaces.map((r) => `CarePlan/${/CarePlan\/(\d+)/.exec(r)?.[1] ?? ""}`)).filter((r) => plans.some((p) => p.reference === r)));
      const found = planInEffect(plans);
      if (found.kind === "plan") expect(replaced.has(found.plan.reference)).toBe(false);
      if (found.kind !== "none") expect(replaced.has(found.chain[0]?.reference ?? "")).toBe(false);
      // shuffling the input never changes the answer
      const again = planInEffect([...plans].reverse());
      expect(again.kind === "plan" ? again.plan.reference : again.kind).toBe(found.kind === "plan" ? found.plan.reference : found.kind);
    }), { numRuns: 300 });
  });

  it("an unreadable plan in effect gives unknown, not an older readable plan", () => {
    const broken = { ...saved(plan, startMme, "cp-9", `${asOf}T12:00:00Z`), activity: [] };
    const r = followUpFromCarePlans([cp, broken], m, asOf);
    expect(r.carePlan).toBe("CarePlan/cp-9");
    expect(r.status).toBe("unknown");
    expect(r.summary).toMatch(/could not be read: the plan has no medication step/);
  });

  it("assessFollowUp with no plans is no-plan and carries the current MME through", () => {
    const r = assessFollowUp({ plans: [], mme: m, asOf });
    expect(r).toMatchObject({ status: "no-plan", carePlan: null, stepDue: null, currentState: "complete", currentComplete: true });
    expect(r.currentMmePerDay).toBeCloseTo(52.5, 6); // step 2: 10 + 10 + 7.5 + 7.5 = 35 mg/day x 1.5
  });
});
