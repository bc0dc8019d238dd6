/**
 * Reading back the taper CarePlans this app writes (lib/careplan/read): the machine-readable
 * extensions and the text agree; a CarePlan written by version 1 (no extensions, draft/proposal)
 * is read from its words; anything contradictory or foreign is refused with a reason.
 */
import type { CarePlan } from "fhir/r4";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isAppTaperCarePlan, readSavedPlan, readTaperCarePlans } from "@/lib/careplan";
import { TAPER_STEP_EXTENSION } from "@/lib/careplan/extensions";
import { readRateText, readStepText } from "@/lib/careplan/read";
import { validateCarePlan } from "@/lib/fhir/careplan";
import { parseResourceAs } from "@/lib/fhir/parse";
import { makeContext, makePlan } from "./fixtures";
import { buildCarePlan } from "@/lib/careplan";

const v1Raw: unknown = JSON.parse(readFileSync(new URL("./fixtures/v1-careplan.json", import.meta.url), "utf8"));
const v1Parsed = parseResourceAs("CarePlan", v1Raw);
if (!v1Parsed.ok) throw new Error("fixture: the version-1 CarePlan does not parse");
const v1: CarePlan = v1Parsed.resource;

function plan(cp: CarePlan) {
  const r = readSavedPlan(cp);
  if (!r.ok) throw new Error(r.ignored.sentence);
  return r.plan;
}

describe("a CarePlan written by version 1 (draft/proposal, no profile, no extensions)", () => {
  const saved = plan(v1);

  it("is recognized as this app's and read from its words", () => {
    expect(isAppTaperCarePlan(v1)).toBe(true);
    expect(saved).toMatchObject({ reference: "CarePlan/v1-plan", fhirStatus: "draft", intent: "proposal", form: "legacy", revision: null, replaces: [] });
    expect(saved.staircase.ok && saved.staircase.source).toBe("text");
  });

  it("gives every step's start and planned MME/day", () => {
    if (!saved.staircase.ok) throw new Error(saved.staircase.reason);
    // 120 MME/day, 10 % of the original (12 MME/day) per month with real tablets, one planned pause at step 3:
    // oxycodone ER 30 q12h (90) + IR 5 q6h (30) = 120 -> 112.5 -> 97.5 -> 97.5 (pause) -> 90 -> 75 -> 60 -> 60 (hold) ...
    const expected = [120, 112.5, 97.5, 97.5, 90, 75, 60, 60, 45, 37.5, 30, 22.5, 15, 7.5, 3.8, 0];
    expect(saved.staircase.steps.map((s) => s.plannedMmePerDay)).toEqual(expected);
    expect(saved.staircase.steps.map((s) => s.start).slice(0, 4)).toEqual(["2025-01-06", "2025-02-06", "2025-03-06", "2025-04-06"]);
    expect(saved.staircase.steps[0]?.end).toBe("2025-02-06");
    expect(saved.staircase.steps.map((s) => s.index)).toEqual(expected.map((_, i) => i));
  });

  it("gives the rate from its description", () => {
    expect(saved.rate).toEqual({ ratePercent: 10, interval: { unit: "month", count: 1 }, basis: "original", target: { kind: "discontinue" }, rapidTaperReason: null });
  });
});

describe("a CarePlan written now", () => {
  const cp = buildCarePlan(makePlan(), makeContext());

  it("still validates (R4, project rules) with the extensions", async () => {
    const v = await validateCarePlan(cp);
    expect(v.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("is read from both the extensions and the text, which agree", () => {
    const saved = plan({ ...cp, id: "now" });
    if (!saved.staircase.ok) throw new Error(saved.staircase.reason);
    expect(saved.staircase.source).toBe("structured+text");
    // fixtures.ts: 45 -> 33.75 -> 22.5 -> 22.5 (pause) -> 15 -> 0
    expect(saved.staircase.steps.map((s) => [s.index, s.start, s.plannedMmePerDay, s.kind])).toEqual([
      [0, "2025-03-03", 45, "start"], [1, "2025-03-31", 33.75, "reduce"], [2, "2025-04-28", 22.5, "reduce"],
      [3, "2025-05-26", 22.5, "pause"], [4, "2025-06-23", 15, "extend-interval"], [5, "2025-07-21", 0, "stop"],
    ]);
    expect(saved.rate).toEqual({ ratePercent: 25, interval: { unit: "week", count: 4 }, basis: "original", target: { kind: "discontinue" }, rapidTaperReason: null });
  });

  it("is read from the extensions alone when a later version words the descriptions differently", () => {
    const reworded: CarePlan = { ...cp, activity: (cp.activity ?? []).map((a) => (a.detail ? { ...a, detail: { ...a.detail, description: "Reworded." } } : a)) };
    const saved = plan(reworded);
    expect(saved.staircase.ok && saved.staircase.source).toBe("structured");
  });

  it("is unreadable when the extension and the text disagree (never a guess)", () => {
    const tampered = structuredClone(cp);
    const ext = tampered.activity?.[1]?.detail?.extension?.find((e) => e.url === TAPER_STEP_EXTENSION);
    const mme = ext?.extension?.find((e) => e.url === "plannedMmePerDay");
    if (mme === undefined) throw new Error("test setup");
    mme.valueDecimal = 30;
    const saved = plan(tampered);
    expect(saved.staircase).toEqual({ ok: false, reason: expect.stringMatching(/step 1: the machine-readable step .* and the text .* disagree/) });
  });

  it("is unreadable when a step is missing or two activities of a step disagree", () => {
    const gap: CarePlan = { ...cp, activity: (cp.activity ?? []).filter((_, i) => i !== 2) };
    expect(plan(gap).staircase).toEqual({ ok: false, reason: "step 2 is missing (steps are numbered 0 to 4)" });
  });
});

describe("what is not this app's", () => {
  const cp = buildCarePlan(makePlan(), makeContext());

  it.each([
    ["another identifier system", { ...cp, identifier: [{ system: "https://other.example", value: "1" }] }, /no identifier urn:ietf:rfc:3986/],
    ["no pain-plan category", { ...cp, category: [{ text: "Care plan" }] }, /category is not LOINC 80764-4/],
    ["neither extensions nor the app's title", { ...v1, title: "Pain plan" }, /neither this app's taper extensions nor a title/],
  ])("%s", (_, carePlan, reason) => {
    const r = readSavedPlan(carePlan);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.ignored.sentence).toMatch(reason);
  });

  it("lists another app's pain plans as ignored, but not the chart's unrelated care plans", () => {
    const unrelated: CarePlan = { resourceType: "CarePlan", id: "diet", status: "active", intent: "plan", subject: { reference: "Patient/x" }, category: [{ coding: [{ system: "http://snomed.info/sct", code: "698360004" }] }] };
    const foreign: CarePlan = { ...unrelated, id: "pain-elsewhere", category: [{ coding: [{ system: "http://loinc.org", code: "80764-4" }] }] };
    const r = readTaperCarePlans([unrelated, foreign, { ...v1 }]);
    expect(r.plans.map((p) => p.reference)).toEqual(["CarePlan/v1-plan"]);
    expect(r.ignored.map((i) => i.reference)).toEqual(["CarePlan/pain-elsewhere"]);
  });
});

describe("the version-1 wording readers", () => {
  it.each([
    ["Start, Starting dose (2025-01-06 to 2025-02-05): x (30 MME/day). Total for this step: 120 MME/day. Dispense: 1 tablet y.", { index: 0, start: "2025-01-06", totalMmePerDay: 120 }],
    ["Step 12, Lengthen the dosing interval (2026-01-06 to 2026-02-05): x. Total for this step: 3.8 MME/day.", { index: 12, start: "2026-01-06", totalMmePerDay: 3.8 }],
    ["Step 2, Reduce (2025-02-30 to 2025-03-02): x. Total for this step: 45 MME/day.", null],
    ["Step 2, Reduce (2025-02-03 to 2025-03-02): x. Total for this step: 45 MME/day. Total for this step: 40 MME/day.", null],
    ["Step 2, Reduce (2025-02-03 to 2025-03-02): x. Total for this step: unknown MME/day.", null],
    ["Step 02, Reduce (2025-02-03 to 2025-03-02): x. Total for this step: 45 MME/day.", null],
  ])("%s", (text, expected) => {
    expect(readStepText(text)).toEqual(expected);
  });

  it("reads every basis and interval form, and refuses other wording", () => {
    const d = (rate: string) => `Proposed gradual opioid taper from 90 MME/day to 30 MME/day: ${rate}; 2025-01-01 to 2025-06-01, 5 steps after the starting dose.`;
    expect(readRateText(d("5 % of the current dose per step (each step smaller than the last), every 2 weeks"))).toEqual({ ratePercent: 5, interval: { unit: "week", count: 2 }, basis: "current", target: { kind: "mme", mmePerDay: 30 }, rapidTaperReason: null });
    expect(readRateText(d("10 % of the starting dose per step until about 30 % remains, then of the remaining dose (CDC 2022), every week"))?.basis).toBe("two-phase");
    expect(readRateText(d("10 % of the starting dose per step (the same amount removed each step), every 10 days"))?.interval).toEqual({ unit: "day", count: 10 });
    expect(readRateText(d("10 % off, every week"))).toBeNull();
  });
});
