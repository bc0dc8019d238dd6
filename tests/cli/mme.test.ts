/**
 * The `mme` command, in-process (runMme with captured streams) and once as a real process:
 * the 12 public-sandbox patients, Bulk Data NDJSON with a malformed resource, Medication
 * references, factor tables, and bad input (exit 2 with one line on stderr). Lines that cannot
 * be read: mme-unreadable.test.ts; workers and the summary: mme-population.test.ts.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isOutput, mr, ndjson, outputOf, run, RXNORM, type Output } from "./mme-support";

const SANDBOX = "tests/fixtures/sandbox-patients";

async function runJson(argv: string[]): Promise<Output> {
  const r = await run(argv);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return outputOf(r);
}

describe("the 12 public-sandbox patients (Synthea bundles)", () => {
  it("computes every patient without a crash; every opioid order is counted or has a stated reason", async () => {
    const out = await runJson([SANDBOX, "--as-of", "2021-02-01"]);
    expect(out.patients).toHaveLength(12);
    let opioidOrders = 0;
    for (const p of out.patients) {
      for (const o of p.orders) {
        if (o.status === "counted") expect(typeof o.mmePerDay === "number" && o.reason === null).toBe(true);
        else expect(o.reason !== null && (o.message ?? "").length > 0).toBe(true);
        if (o.sources.product !== null) opioidOrders += 1;
      }
    }
    // The fixture README lists 106 opioid MedicationRequests in these 12 bundles; every one is recognised.
    expect(opioidOrders).toBe(106);
    // Charlotte Padberg: active 857005 hydrocodone 7.5 mg q6h (authored 2021-01-15): 7.5 x 4 = 30 MME/day
    const charlotte = out.patients.find((p) => p.patient === "Patient/27f12f19-ede7-4432-98d6-659b5201c9fa");
    expect(charlotte?.totalMmePerDay).toBe(30);
    expect(charlotte?.orders.find((o) => o.status === "counted")?.assumptions.join(" ")).toContain("no unit");
    // Vito Feeney: "active" oxycodone authored 1923: stale, not counted
    const vito = out.patients.find((p) => p.patient === "Patient/9efca32a-04f9-438a-990c-a287e8b62aac");
    expect(vito?.orders.filter((o) => o.reason === "mme.excluded.stale")).toHaveLength(1);
    expect(vito?.totalMmePerDay).toBe(0);
  });
});

describe("Bulk Data NDJSON directory", () => {
  const dir = mkdtempSync(join(tmpdir(), "mme-ndjson-"));
  writeFileSync(join(dir, "Patient.ndjson"), ndjson([{ resourceType: "Patient", id: "a" }, { resourceType: "Patient", id: "b" }, { resourceType: "Patient", id: "c" }]));
  writeFileSync(join(dir, "Medication.ndjson"), ndjson([{ resourceType: "Medication", id: "hm", code: { coding: [{ system: RXNORM, code: "897696" }] } }]));
  writeFileSync(
    join(dir, "MedicationRequest.ndjson"),
    ndjson(
      [
        mr("a1", "a", "1049621"), // oxycodone 5 mg q6h = 20 mg x 1.5 = 30
        mr("a2", "a", "x", { medicationCodeableConcept: undefined, medicationReference: { reference: "Medication/hm" } }), // hydromorphone 2 mg q6h = 8 mg: x5 = 40 (2022), x4 = 32 (2016)
        { ...mr("b1", "b", "1049621"), status: "bogus" }, // fails validation -> not computable in patient b
        mr("c1", "c", "197361", { medicationCodeableConcept: { text: "Amlodipine 5 MG" } }),
      ],
      ["", "   "],
    ),
  );

  it("groups by patient, resolves Medication references, skips blank lines, keeps a malformed resource as a stated problem", async () => {
    const out = await runJson([dir]);
    expect(out.patients.map((p) => p.patient)).toEqual(["Patient/a", "Patient/b", "Patient/c"]);
    const [a, b, c] = out.patients;
    expect(a?.totalMmePerDay).toBe(70);
    expect(a?.complete).toBe(true);
    expect(a?.orders.find((o) => o.medicationRequest === "MedicationRequest/a2")?.sources.product).toBe("rxnorm-catalog");
    expect(b?.complete).toBe(false);
    expect(b?.orders[0]).toMatchObject({ medicationRequest: "MedicationRequest/b1", status: "not-computable", reason: "mme.unreadable-resource" });
    expect(c?.orders[0]?.reason).toBe("mme.excluded.not-an-opioid");
    expect(c?.complete).toBe(true);
    expect(out.unassigned).toEqual([]);
  });

  it("--factors cdc-2016 uses hydromorphone 4: 30 + 32 = 62", async () => {
    const out = await runJson([dir, "--factors", "cdc-2016"]);
    expect(out.factorTable).toBe("cdc-2016");
    expect(out.patients[0]?.totalMmePerDay).toBe(62);
  });

  it("--as-of and --lookback-days decide what is current", async () => {
    const later = await runJson([dir, "--as-of", "2025-12-01"]);
    expect(later.patients[0]?.orders.map((o) => o.reason)).toEqual(["mme.excluded.stale", "mme.excluded.stale"]);
    const longer = await runJson([dir, "--as-of=2025-12-01", "--lookback-days=365"]);
    expect(longer.patients[0]?.totalMmePerDay).toBe(70);
  });
});

describe("bad input exits 2 with one line on stderr", () => {
  const dir = mkdtempSync(join(tmpdir(), "mme-bad-"));
  writeFileSync(join(dir, "notjson.json"), "hello");
  writeFileSync(join(dir, "patient.json"), JSON.stringify({ resourceType: "Patient", id: "x" }));
  writeFileSync(join(dir, "garbage.ndjson"), "a\nb\n");
  const empty = mkdtempSync(join(tmpdir(), "mme-empty-"));

  it.each([
    [[join(dir, "missing.json")], /cannot read/],
    [[join(dir, "notjson.json")], /is not JSON/],
    [[join(dir, "patient.json")], /is not a FHIR R4 Bundle/],
    [[join(dir, "garbage.ndjson")], /holds no FHIR resource/],
    [[empty], /holds no \.ndjson or \.json files/],
    [[], /give exactly one input path/],
    [[SANDBOX, "--factors", "cdc-2019"], /--factors must be/],
    [[SANDBOX, "--as-of", "2025-02-30"], /--as-of must be a date/],
    [[SANDBOX, "--lookback-days", "-3"], /--lookback-days must be/],
    [[SANDBOX, "--verbose"], /unknown option --verbose/],
  ])("%o", async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")[0]).toMatch(message);
    expect(r.stderr.startsWith("mme: ")).toBe(true);
  });
});

describe("as a process (npm run --silent mme)", () => {
  it("prints JSON for a bundle and exits 0", () => {
    const stdout = execFileSync("npm", ["run", "--silent", "mme", "--", join(SANDBOX, "Charlotte_Padberg_1a42dac7-53b2-4875-8de5-051ae1923026.json"), "--as-of", "2021-02-01"], { encoding: "utf8" });
    const json: unknown = JSON.parse(stdout);
    expect(isOutput(json) && json.patients[0]?.totalMmePerDay).toBe(30);
  });

  it("exits 2 on bad input", () => {
    let status: number | null = null;
    try {
      execFileSync("npm", ["run", "--silent", "mme", "--", "/nonexistent/path.json"], { encoding: "utf8", stdio: "pipe" });
    } catch (e) {
      status = typeof e === "object" && e !== null && "status" in e && typeof e.status === "number" ? e.status : null;
    }
    expect(status).toBe(2);
  });
});
