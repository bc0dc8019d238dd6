/**
 * `plan --follow-up`: where the patient is on the plan in effect, from a Bundle holding the
 * earlier CarePlan(s) and the current orders. Bundles are generated: the planner's plan, saved
 * as the app saves it (tests/taper/followup/support.ts), and order histories that follow it or
 * not (sandbox/scenarios/plan-history.ts). Expected values come from the plan itself, never typed.
 * Plan: oxycodone 10 mg every 6 h (60 MME/day), 10 % of the original dose per month from 2025-01-06.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CarePlan, FhirResource, MedicationRequest } from "fhir/r4";
import { describe, expect, it } from "vitest";
import { runPlan } from "@/cli/plan/main";
import { roundTo } from "@/lib/domain/numbers";
import { readSavedPlan } from "@/lib/careplan";
import { defaultTaperOptions, regimenFromMme } from "@/lib/taper";
import { proposeRevision } from "@/lib/taper/followup";
import { followed, heldAt, reductionsAhead, type OrderPeriod } from "@/sandbox/scenarios/plan-history";
import { mmeAt, ordersOf, PATIENT, planFor, saved, taking } from "../taper/followup/support";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const START = "2025-01-06";
const NOW = new Date("2025-06-01T12:00:00Z");
const { plan, mme: startMme } = planFor([taking("1049683", 1, 4)], START);
const original = saved(plan, startMme, "cp-1", `${START}T10:00:00Z`);
const dir = mkdtempSync(join(tmpdir(), "plan-follow-up-"));
let files = 0;

function step(i: number) {
  const s = plan.steps[i];
  if (s === undefined) throw new Error("test setup: no such step");
  return s;
}

/** A transaction-free collection Bundle file: the patient, the CarePlans, the orders as of `asOf`. */
function bundleFile(carePlans: readonly unknown[], periods: readonly OrderPeriod[], asOf: string, extra: readonly FhirResource[] = []): string {
  const resources: unknown[] = [{ resourceType: "Patient", id: PATIENT, birthDate: "1960-01-01" }, ...carePlans, ...ordersOf(periods, asOf), ...extra];
  const bundle = { resourceType: "Bundle", type: "collection", entry: resources.map((resource) => ({ resource })) };
  files += 1;
  const path = join(dir, `b${files}.json`);
  writeFileSync(path, JSON.stringify(bundle));
  return path;
}

function followUp(path: string, asOf: string, extra: string[] = []): { code: number; body: Record<string, unknown>; stderr: string } {
  const r = runPlan([path, "--patient", PATIENT, "--as-of", asOf, "--follow-up", ...extra], NOW);
  const body: unknown = r.stdout === "" ? {} : JSON.parse(r.stdout);
  return { code: r.code, body: typeof body === "object" && body !== null ? Object.fromEntries(Object.entries(body)) : {}, stderr: r.stderr };
}

describe("plan --follow-up prints where the patient is on the plan in effect", () => {
  it("a plan followed exactly: on-track at every step, with the contract fields from the plan", () => {
    for (const s of plan.steps.slice(0, 8)) {
      const { code, body } = followUp(bundleFile([original], followed(plan), s.start), s.start);
      expect(code).toBe(0);
      expect(body).toMatchObject({
        status: "on-track", carePlan: "CarePlan/cp-1", stepDue: s.index,
        plannedMmePerDay: roundTo(s.totalMmePerDay, 2), currentMmePerDay: roundTo(s.totalMmePerDay, 2), currentComplete: true,
      });
      expect(Array.isArray(body.reasons) && body.reasons.every((x) => typeof x === "string" && x.endsWith("."))).toBe(true);
    }
  });

  it("orders two reductions ahead: faster-than-planned, with the evidence, naloxone and the question", () => {
    const at = step(2).start;
    const { code, body } = followUp(bundleFile([original], reductionsAhead(plan, 2), at), at);
    expect(code).toBe(0);
    expect(body).toMatchObject({ status: "faster-than-planned", stepDue: 2, plannedMmePerDay: roundTo(step(2).totalMmePerDay, 2), currentComplete: true });
    expect(body.currentMmePerDay).toBeLessThan(step(2).totalMmePerDay);
    expect(String(body.reasons)).toMatch(/Agnoli et al\..*naloxone/s);
    expect(typeof body.question).toBe("string");
  });

  it("held at step 2 once the plan moved below it: paused, at that step", () => {
    const later = plan.steps.find((s) => s.totalMmePerDay < step(2).totalMmePerDay && s.index > 3);
    if (later === undefined) throw new Error("test setup");
    const { body } = followUp(bundleFile([original], heldAt(plan, 2), later.start), later.start);
    expect(body).toMatchObject({ status: "paused", heldAtStep: 2, stepDue: later.index, currentMmePerDay: roundTo(step(2).totalMmePerDay, 2) });
  });

  it("a dose above the plan's start: above-start", () => {
    const at = step(3).start;
    const { body } = followUp(bundleFile([original], [{ from: START, products: [taking("1049683", 2, 4)] }], at), at);
    expect(body).toMatchObject({ status: "above-start", startMmePerDay: roundTo(step(0).totalMmePerDay, 2), tone: "prominent" });
    expect(body.currentMmePerDay).toBeGreaterThan(step(0).totalMmePerDay);
  });

  it("an order that cannot be computed: unknown, currentComplete false, the floor never read as a status", () => {
    const at = step(3).start;
    const undosed: MedicationRequest = {
      resourceType: "MedicationRequest", id: "mr-undosed", status: "active", intent: "order",
      medicationCodeableConcept: { coding: [{ system: "http://www.nlm.nih.gov/research/umls/rxnorm", code: "1049621", display: "oxycodone hydrochloride 5 MG Oral Tablet" }] },
      subject: { reference: `Patient/${PATIENT}` }, authoredOn: `${at}T09:00:00Z`,
    };
    // two reductions ahead (faster, were it complete) plus an order with no dose
    const { code, body } = followUp(bundleFile([original], reductionsAhead(plan, 2), at, [undosed]), at);
    expect(code).toBe(0);
    expect(body).toMatchObject({ status: "unknown", currentComplete: false, currentState: "incomplete", stepDue: 3 });
    expect(String(body.reasons)).toMatch(/incomplete \(at least/);
  });

  it("a revision is the plan in effect, the replaced plan only in the chain", () => {
    const today = step(2).start;
    const mmeToday = mmeAt(followed(plan), today);
    const regimen = regimenFromMme(mmeToday);
    const read = readSavedPlan(original);
    if (!read.ok) throw new Error("test setup");
    const r = proposeRevision({ inEffect: read.plan, regimen, defaults: defaultTaperOptions({ longTermUse: true }, regimen, today), request: { kind: "pause", reason: "withdrawal insomnia", pauseIntervals: 2 }, asOf: today });
    if (!r.ok) throw new Error(r.refusal.message);
    const revision = saved(r.plan, mmeToday, "cp-2", `${today}T11:00:00Z`, { replaces: r.replaces, record: r.record, replacedSummary: r.replacedSummary });
    const { body } = followUp(bundleFile([revision, original], followed(plan).filter((p) => p.from <= today), today), today);
    expect(body).toMatchObject({ status: "on-track", carePlan: "CarePlan/cp-2", stepDue: 0 });
    expect(body.chain).toEqual([expect.objectContaining({ reference: "CarePlan/cp-2" }), expect.objectContaining({ reference: "CarePlan/cp-1" })]);
  });

  it("no CarePlan: no-plan, exit 0, the current MME carried through", () => {
    const { code, body } = followUp(bundleFile([], followed(plan), START), START);
    expect(code).toBe(0);
    expect(body).toMatchObject({ status: "no-plan", carePlan: null, stepDue: null, currentMmePerDay: roundTo(step(0).totalMmePerDay, 2), currentComplete: true });
  });
});

describe("bad input: one sentence on stderr, exit 2", () => {
  const at = step(2).start;

  it("no such patient", () => {
    const other = runPlan([bundleFile([original], followed(plan), at), "--patient", "nobody", "--follow-up"], NOW);
    expect(other).toMatchObject({ code: 2, stdout: "" });
    expect(other.stderr).toMatch(/patient nobody is not in/);
  });

  it("an unreadable CarePlan (not a valid FHIR CarePlan)", () => {
    const broken = { ...original, id: "cp-bad", status: "sort-of" }; // not a CarePlan.status code
    const r = followUp(bundleFile([original, broken], followed(plan), at), at);
    expect(r).toMatchObject({ code: 2, body: {} });
    expect(r.stderr).toMatch(/CarePlan\/cp-bad cannot be read: .*status/);
  });

  it("a plan of this app whose steps cannot be read", () => {
    const stripped: CarePlan = { ...original, id: "cp-blank", extension: [], activity: [] };
    const r = followUp(bundleFile([stripped], followed(plan), at), at);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the plan in effect, CarePlan\/cp-blank, cannot be read/);
  });

  it("a CarePlan of another app (a pain plan without this app's identifier), alone: exit 2; beside ours: a warning", () => {
    const foreign: CarePlan = { ...original, id: "cp-other", identifier: [{ system: "http://other.example/plans", value: "42" }] };
    const alone = followUp(bundleFile([foreign], followed(plan), at), at);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/CarePlan\/cp-other is not a taper plan written by this app/);
    const beside = followUp(bundleFile([original, foreign], followed(plan), at), at);
    expect(beside.code).toBe(0);
    expect(beside.body).toMatchObject({ carePlan: "CarePlan/cp-1", ignored: [expect.objectContaining({ reference: "CarePlan/cp-other", reason: "not-this-app" })] });
    expect(beside.stderr).toMatch(/warning: CarePlan\/cp-other is not a taper plan written by this app/);
  });

  it.each([["--rate", "5"], ["--format", "careplan"], ["--agreed"], ["--discontinue"]])("%s does not apply with --follow-up", (...flag) => {
    const r = runPlan([bundleFile([original], followed(plan), at), "--patient", PATIENT, "--follow-up", ...flag], NOW);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`${flag[0]} does not apply with --follow-up`));
  });
});

describe("as a process", () => {
  it("npm run plan -- ... --follow-up prints one JSON object and exits 0", () => {
    const at = step(1).start;
    const path = bundleFile([original], followed(plan), at);
    const r = spawnSync(process.execPath, ["--import", "tsx", "cli/plan.ts", path, "--patient", PATIENT, "--as-of", at, "--follow-up"], { cwd: repo, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: "on-track", carePlan: "CarePlan/cp-1", stepDue: 1 });
  });
});
