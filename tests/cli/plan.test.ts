/** The `plan` command: output contract, options, refusals (exit 2), careplan format, one real process run. */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runPlan } from "@/cli/plan/main";
import { validateCarePlan } from "@/lib/fhir/careplan";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const LONG_TERM = fileURLToPath(new URL("../taper/fixtures/long-term-oxycodone-benzo-no-naloxone.json", import.meta.url));
const OUD = fileURLToPath(new URL("../taper/fixtures/oud-on-buprenorphine.json", import.meta.url));
const CHARLOTTE = fileURLToPath(new URL("../fixtures/sandbox-patients/Charlotte_Padberg_1a42dac7-53b2-4875-8de5-051ae1923026.json", import.meta.url));
const NOW = new Date("2025-03-01T15:00:00Z");

function json(argv: string[]): { code: number; body: Record<string, unknown>; stderr: string } {
  const r = runPlan(argv, NOW);
  const body: unknown = r.stdout === "" ? {} : JSON.parse(r.stdout);
  return { code: r.code, body: typeof body === "object" && body !== null ? Object.fromEntries(Object.entries(body)) : {}, stderr: r.stderr };
}
const steps = (body: Record<string, unknown>): Array<Record<string, unknown>> =>
  (Array.isArray(body.steps) ? body.steps : []).map((s: unknown) => (typeof s === "object" && s !== null ? Object.fromEntries(Object.entries(s)) : {}));

describe("plan --format schedule", () => {
  it("prints the contract fields: startMmePerDay, steps with start, totalMmePerDay and products, findings", () => {
    const { code, body } = json([LONG_TERM, "--patient", "p1", "--as-of", "2025-03-01"]);
    expect(code).toBe(0);
    // oxycodone ER 30 mg every 12 h = 90 MME; long-term use -> 10 % of the original per month (9 MME);
    // 7.5 MME steps (5 mg of one of the two daily doses), the switch to immediate release at 10 mg
    // every 12 hours, once a day at 5 mg, then the stop
    expect(body.startMmePerDay).toBe(90);
    const all = steps(body);
    expect(all.map((s) => s.totalMmePerDay)).toEqual([90, 82.5, 75, 67.5, 60, 52.5, 45, 37.5, 30, 30, 22.5, 15, 7.5, 0]);
    expect(all.map((s) => s.kind).slice(8)).toEqual(["reduce", "switch", "reduce", "reduce", "extend-interval", "stop"]);
    expect(all[0]?.start).toBe("2025-03-01");
    // one product, one instruction: 55 mg a day as 30 mg and 25 mg (15 + 10 mg tablets: no single product code)
    expect(all[1]?.products).toEqual([
      expect.objectContaining({
        rxnorm: null, administrationsPerDay: 2, mmePerDay: 82.5, change: "reduced",
        scheduleText: "oxycodone ER 55 mg a day, every 12 hours: 30 mg (1 x 30 mg tablet) at 1st dose, 25 mg (1 x 15 mg tablet + 1 x 10 mg tablet) at 2nd dose",
        doses: [
          expect.objectContaining({ amount: 30, amountUnit: "mg", administrationsPerDay: 1 }),
          expect.objectContaining({ amount: 25, amountUnit: "mg", administrationsPerDay: 1 }),
        ],
      }),
    ]);
    expect(all.at(-1)?.products).toEqual([expect.objectContaining({ change: "stopped", scheduleText: "Stop oxycodone (was 5 mg once a day): last dose on 2026-03-31" })]);
    expect(Array.isArray(body.findings) && body.findings.length).toBeGreaterThan(10);
  });

  it("applies --rate, --every, --basis, --target-mme and --start", () => {
    const { code, body } = json([LONG_TERM, "--patient", "p1", "--as-of", "2025-03-01", "--rate", "5", "--every", "2w", "--basis", "current", "--target-mme", "60", "--start", "2025-03-10"]);
    expect(code).toBe(0);
    const all = steps(body);
    // 5 % of the current dose per 2 weeks: 90 -> 82.5 removes 7.5 > 4.5, so the start is kept two
    // intervals (90 x (1 - 0.95^2) = 8.8 >= 7.5)
    expect(all.map((s) => s.start).slice(0, 3)).toEqual(["2025-03-10", "2025-04-07", "2025-05-05"]);
    expect(all.map((s) => s.intervals).slice(0, 2)).toEqual([2, 2]);
    expect(all.at(-1)?.totalMmePerDay).toBe(60);
    expect(body.options).toMatchObject({ ratePercent: 5, interval: { unit: "week", count: 2 }, basis: "current", target: { kind: "mme", mmePerDay: 60 } });
  });

  it("reads Synthea transaction bundles (urn:uuid patient references)", () => {
    const { code, body } = json([CHARLOTTE, "--patient", "27f12f19-ede7-4432-98d6-659b5201c9fa", "--as-of", "2021-02-01"]);
    expect(code).toBe(0);
    expect(body.startMmePerDay).toBe(30); // acetaminophen/hydrocodone 7.5 mg, 4 a day
    expect(steps(body).at(-1)?.kind).toBe("stop");
  });
});

describe("refusals and bad input exit 2 with the reason", () => {
  it.each([
    [["--rate", "25", "--every", "10d"], /refused \(taper\.rate-too-fast\): 25 % every 10 days is 17.5 % per week/],
    [["--rate", "100"], /refused \(taper\.abrupt-discontinuation\)/],
    [["--target-mme", "95"], /refused \(taper\.invalid-target\)/],
    [["--every", "fortnight"], /--every must be week, month/],
    [["--basis", "fast"], /--basis must be one of original, current, two-phase/],
    [["--target-mme", "10", "--discontinue"], /exclusive/],
    [["--as-of", "March"], /--as-of must be a date/],
  ])("%o", (extra, message) => {
    const r = runPlan([LONG_TERM, "--patient", "p1", "--as-of", "2025-03-01", ...extra], NOW);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it("refuses a plan when the MME is incomplete, naming the order", () => {
    // the same patient with one opioid order that has no dose: a plan from the partial total is refused
    const r = runPlan([fileURLToPath(new URL("./fixtures/incomplete-mme.json", import.meta.url)), "--patient", "p1", "--as-of", "2025-03-01"], NOW);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refused \(taper\.mme-incomplete\).*MedicationRequest\/no-dose/);
  });

  it("never tapers buprenorphine", () => {
    const r = runPlan([OUD, "--patient", "p1", "--as-of", "2025-03-01"], NOW);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/taper\.nothing-to-taper.*Buprenorphine is never tapered/);
    expect(JSON.parse(r.stdout)).toMatchObject({ refusal: { code: "taper.nothing-to-taper" } });
  });

  it.each([
    [["missing.json", "--patient", "p1"], /cannot read missing\.json/],
    [[LONG_TERM, "--patient", "nobody"], /patient nobody is not in/],
    [[LONG_TERM], /--patient <id> is required/],
    [[LONG_TERM, "--patient", "p1", "--colour", "red"], /unknown option --colour/],
  ])("bad input %o", (argv, message) => {
    const r = runPlan(argv, NOW);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
  });
});

describe("plan --format careplan", () => {
  it("prints the CarePlan the app would write: draft proposal, pain-plan category, the schedule as activities", () => {
    const { code, body } = json([LONG_TERM, "--patient", "p1", "--as-of", "2025-03-01", "--format", "careplan"]);
    expect(code).toBe(0);
    expect(body).toMatchObject({ resourceType: "CarePlan", status: "draft", intent: "proposal", subject: { reference: "Patient/p1" }, created: "2025-03-01T15:00:00.000Z" });
    expect(JSON.stringify(body.category)).toContain("80764-4");
    expect(Array.isArray(body.activity) && body.activity.length).toBeGreaterThan(11);
    expect(JSON.stringify(body.supportingInfo)).toContain("MedicationRequest/oxy-er");
    expect(body.meta).toBeUndefined();
  });

  it("--agreed --author: the plan in effect, PainTreatmentCarePlan, and it validates against the profile (issue 17.1)", async () => {
    const { code, body } = json([LONG_TERM, "--patient", "p1", "--as-of", "2025-03-01", "--format", "careplan", "--agreed", "--author", "Practitioner/dr-7"]);
    expect(code).toBe(0);
    expect(body).toMatchObject({
      status: "active", intent: "plan", created: "2025-03-01T15:00:00.000Z", author: { reference: "Practitioner/dr-7" },
      meta: { profile: ["http://hl7.org/fhir/us/cdc-opioid-cpg/StructureDefinition/PainTreatmentCarePlan"] },
    });
    const v = await validateCarePlan(body);
    expect(v.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it.each([
    [["--author", "Practitioner/dr-7"], /--author .* give it with --agreed/],
    [["--agreed", "--author", "Patient/p1"], /--author must be Practitioner\/<id> or PractitionerRole\/<id>/],
    [["--agreed", "--author", "dr-7"], /--author must be/],
  ])("refuses %o", (extra, message) => {
    const r = runPlan([LONG_TERM, "--patient", "p1", "--as-of", "2025-03-01", "--format", "careplan", ...extra], NOW);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe("the npm script", () => {
  it("runs as a process and exits 0 with JSON on stdout", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "cli/plan.ts", LONG_TERM, "--patient", "p1", "--as-of", "2025-03-01"], { cwd: repo, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ startMmePerDay: 90 });
  });
});

describe("plan with an order coded only with an NDC", () => {
  it("resolves the product through the CDC 2018 NDC table and plans from it", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dir = mkdtempSync(join(tmpdir(), "plan-ndc-"));
    const file = join(dir, "bundle.json");
    // NDC 00093-0024-01: oxycodone HCl 10 mg ER tablet (CDC 2018 file, factor 1.5); 1 tablet every 12 h = 30 MME/day
    writeFileSync(file, JSON.stringify({
      resourceType: "Bundle", type: "collection",
      entry: [
        { resource: { resourceType: "Patient", id: "ndc1" } },
        { resource: { resourceType: "MedicationRequest", id: "mr1", status: "active", intent: "order", subject: { reference: "Patient/ndc1" }, authoredOn: "2025-02-20",
          medicationCodeableConcept: { coding: [{ system: "http://hl7.org/fhir/sid/ndc", code: "00093002401" }] },
          dosageInstruction: [{ timing: { repeat: { frequency: 1, period: 12, periodUnit: "h" } }, doseAndRate: [{ doseQuantity: { value: 1, unit: "tablet", system: "http://unitsofmeasure.org", code: "{tbl}" } }] }] } },
      ],
    }));
    const { code, body } = json([file, "--patient", "ndc1", "--as-of", "2025-03-01"]);
    expect(code).toBe(0);
    expect(body.startMmePerDay).toBe(30);
  });
});
