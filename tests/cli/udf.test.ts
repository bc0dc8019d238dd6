/**
 * The warehouse UDF library (issue 18): dist/mme-udf.js, built by `npm run build:udf`, run in a
 * node:vm context that has only the ECMAScript built-ins (no require, process, Buffer, fetch,
 * console...), gives for every patient of a Bundle and of a generated 100k-resource Bulk Data
 * export the very JSON the `mme` command prints; the file references no global but the
 * ECMAScript built-ins; it fits the warehouses' code limits (docs/population.md); without its
 * NDC library it says so rather than guess.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import { Linter } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";
import { writeBulkExport } from "@/bench/data/ndjson";
import { NDC_TABLE_MISSING } from "@/cli/mme/patient";
import { UDF_LIMITS } from "@/cli/mme/udf-limits";
import { mr, NDC, outputOf, run } from "./mme-support";

const out = mkdtempSync(join(tmpdir(), "udf-"));
const MAIN = join(out, "mme-udf.js");
const NDC_LIB = join(out, "mme-udf-ndc.js");

beforeAll(() => {
  execFileSync(process.execPath, ["scripts/build-udf.mjs", "--out", out], { stdio: "pipe" });
}, 120_000);

type MmeForPatient = (resourcesJson: string, asOf: string, factorTable: string) => string;

/** A fresh context with the ECMAScript built-ins only, the library (and its NDC table) loaded as scripts. */
function udf(withNdc = true): MmeForPatient {
  const context = vm.createContext({});
  vm.runInContext(readFileSync(MAIN, "utf8"), context, { filename: "mme-udf.js" });
  if (withNdc) vm.runInContext(readFileSync(NDC_LIB, "utf8"), context, { filename: "mme-udf-ndc.js" });
  const fn: unknown = vm.runInContext("mmeForPatient", context);
  if (typeof fn !== "function") throw new Error("mmeForPatient is not defined");
  return (resourcesJson, asOf, factorTable) => {
    const result: unknown = fn(resourcesJson, asOf, factorTable);
    if (typeof result !== "string") throw new Error("mmeForPatient did not return a string");
    return result;
  };
}

/** The command's per-patient JSON strings, by patient (as printed: re-stringifying the parsed output gives the same text). */
async function commandByPatient(input: string, asOf: string): Promise<Map<string, string>> {
  const r = await run([input, "--as-of", asOf]);
  expect(r.code).toBe(0);
  return new Map(outputOf(r).patients.map((p) => [p.patient, JSON.stringify(p)]));
}

const obj = (v: unknown): Record<string, unknown> => (typeof v === "object" && v !== null && !Array.isArray(v) ? Object.fromEntries(Object.entries(v)) : {});
const subjectOf = (r: Record<string, unknown>): string => String(obj(r.subject).reference ?? "");

describe("mmeForPatient gives the command's JSON", () => {
  it("for every patient of the 12 sandbox Bundles (Synthea transaction bundles, urn:uuid subjects)", async () => {
    const dir = "tests/fixtures/sandbox-patients";
    const command = await commandByPatient(dir, "2021-02-01");
    const mmeForPatient = udf();
    let compared = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
      const bundle = obj(JSON.parse(readFileSync(join(dir, file), "utf8")));
      const entries = (Array.isArray(bundle.entry) ? bundle.entry : []).map((e: unknown) => ({ fullUrl: String(obj(e).fullUrl ?? ""), resource: obj(obj(e).resource) }));
      const patient = entries.find((e) => e.resource.resourceType === "Patient");
      if (patient === undefined) continue;
      const id = String(patient.resource.id);
      const mine = new Set([`Patient/${id}`, `urn:uuid:${id}`, patient.fullUrl]);
      const resources = entries.map((e) => e.resource).filter((r) => r.resourceType === "Patient" || r.resourceType === "Medication" || (r.resourceType === "MedicationRequest" && mine.has(subjectOf(r))));
      expect(mmeForPatient(JSON.stringify(resources), "2021-02-01", "cdc-2022")).toBe(command.get(`Patient/${id}`));
      compared++;
    }
    expect(compared).toBe(12);
  }, 300_000);

  it("for every patient of a generated 100k-resource Bulk Data export (1,000 patients, grouped as SQL's ARRAY_AGG would)", async () => {
    const x = writeBulkExport(mkdtempSync(join(tmpdir(), "udf-export-")), 100_000, 2025, { brokenLines: false });
    const asOf = "2025-06-30";
    const command = await commandByPatient(x.dir, asOf);
    const lines = (type: string): Array<Record<string, unknown>> => readFileSync(join(x.dir, `${type}.ndjson`), "utf8").split("\n").filter((l) => l !== "").map((l) => obj(JSON.parse(l)));
    const medications = new Map(lines("Medication").map((m) => [`Medication/${String(m.id)}`, m]));
    const byPatient = new Map(lines("Patient").map((p) => [`Patient/${String(p.id)}`, [p]]));
    for (const order of lines("MedicationRequest")) {
      const list = byPatient.get(subjectOf(order)) ?? [];
      list.push(order);
      const med = medications.get(String(obj(order.medicationReference).reference ?? ""));
      if (med !== undefined && !list.includes(med)) list.push(med);
      byPatient.set(subjectOf(order), list);
    }
    expect(byPatient.size).toBe(1000);
    const mmeForPatient = udf();
    for (const [ref, resources] of byPatient) expect(mmeForPatient(JSON.stringify(resources), asOf, "cdc-2022")).toBe(command.get(ref));
  }, 600_000);
});

describe("the file uses ECMAScript built-ins only", () => {
  /**
   * Globals a script references but does not declare, beside the names a fresh vm context has
   * (the ECMAScript built-ins; V8 adds `console` there, which is no ECMAScript built-in, so it is left out).
   */
  function foreignGlobals(code: string): string[] {
    const builtins: unknown = vm.runInNewContext("Object.getOwnPropertyNames(globalThis)");
    const names = (Array.isArray(builtins) ? builtins.map(String) : []).filter((n) => n !== "console");
    const messages = new Linter({ configType: "flat" }).verify(code, [{
      languageOptions: { ecmaVersion: 2022, sourceType: "script", globals: Object.fromEntries(names.map((n) => [n, "readonly" as const])) },
      rules: { "no-undef": ["error", { typeof: true }] },
    }]);
    return [...new Set(messages.map((m) => /'([^']+)' is not defined/.exec(m.message)?.[1] ?? m.message))].sort();
  }

  it("the check finds Node and browser globals (it can fail)", () => {
    expect(foreignGlobals('require("fs"); process.exit(1); Buffer.from(""); fetch("x"); typeof window; console.log(1); setTimeout(f, 1);'))
      .toEqual(["Buffer", "console", "f", "fetch", "process", "require", "setTimeout", "window"]);
  });

  it("dist/mme-udf.js references none; dist/mme-udf-ndc.js only the function mme-udf.js defines", () => {
    expect(foreignGlobals(readFileSync(MAIN, "utf8"))).toEqual([]);
    expect(foreignGlobals(readFileSync(NDC_LIB, "utf8"))).toEqual(["mmeRegisterNdcTable"]);
  });

  it("has no `$$`, so it can sit in a Snowflake dollar-quoted function body", () => {
    expect(readFileSync(MAIN, "utf8")).not.toContain("$$");
  });

  it("fits the documented limits: each file under BigQuery's 1 MB per library, the main one under Snowflake's recommended 100 KB compressed", () => {
    expect(statSync(MAIN).size).toBeLessThan(UDF_LIMITS.bigQueryLibraryBytes);
    expect(statSync(NDC_LIB).size).toBeLessThan(UDF_LIMITS.bigQueryLibraryBytes);
    expect(gzipSync(readFileSync(MAIN)).length).toBeLessThan(UDF_LIMITS.snowflakeRecommendedBytes);
  });
});

describe("the Snowflake function body of docs/population.md", () => {
  it("runs with the library pasted in (inside a function, so its globals are local), set up once, the same JSON as the command's library", () => {
    const doc = readFileSync("docs/population.md", "utf8");
    const body = /AS \$\$\n([\s\S]*?)\n\$\$;/.exec(doc)?.[1] ?? "";
    expect(body).toContain("/* ---- paste dist/mme-udf.js here ---- */");
    const pasted = body.replace("/* ---- paste dist/mme-udf.js here ---- */", () => readFileSync(MAIN, "utf8"));
    const context = vm.createContext({});
    // Snowflake calls the body as a function of the upper-cased arguments, in sloppy mode.
    const fn: unknown = vm.runInContext(`(function (RESOURCES, AS_OF, FACTOR_TABLE) {\n${pasted}\n})`, context);
    if (typeof fn !== "function") throw new Error("not a function");
    const order = mr("s1", "s", "1049621"); // oxycodone 5 mg tablet, 1 every 6 h: 5 mg x 4 x 1.5 = 30 MME/day
    const input = JSON.stringify([order]);
    const first: unknown = fn(input, "2025-06-01", "cdc-2022");
    const setUp: unknown = vm.runInContext("typeof MME_UDF", context);
    const second: unknown = fn(input, "2025-06-01", "cdc-2022");
    expect(setUp).toBe("function");
    expect(second).toBe(first);
    expect(first).toBe(udf(false)(input, "2025-06-01", "cdc-2022"));
    expect(JSON.parse(String(first))).toMatchObject({ totalMmePerDay: 30, complete: true });
    // the library's own globals stayed inside the function
    expect(vm.runInContext("typeof mmeForPatient", context)).toBe("undefined");
  });
});

describe("what mmeForPatient says when it cannot answer", () => {
  const oxycodoneByNdc = mr("n1", "x", "unused", { medicationCodeableConcept: { coding: [{ system: NDC, code: "00590012765" }] } }); // Percocet 5/325, CDC 2018 data file

  it("without its NDC library, an NDC-only order makes the result incomplete and says why; with it, the order is read (5 mg x 4 x 1.5 = 30)", () => {
    const without = obj(JSON.parse(udf(false)(JSON.stringify([oxycodoneByNdc]), "2025-06-01", "cdc-2022")));
    expect(without.complete).toBe(false);
    expect(without.incompleteReasons).toContain(NDC_TABLE_MISSING);
    const withTable = obj(JSON.parse(udf(true)(JSON.stringify([oxycodoneByNdc]), "2025-06-01", "cdc-2022")));
    expect([withTable.totalMmePerDay, withTable.complete]).toEqual([30, true]);
  });

  it.each([
    ["not JSON", "[{", "cdc-2022", /not JSON/],
    ["not an array", '{"resourceType":"Bundle"}', "cdc-2022", /not a JSON array/],
    ["two patients", JSON.stringify([mr("a", "p1", "1049621"), mr("b", "p2", "1049621")]), "cdc-2022", /2 patients/],
    ["an unknown factor table", "[]", "cdc-2030", /unknown factor table/],
  ])("%s: an unknown result with the reason, never a throw", (_, json, table, reason) => {
    const r = obj(JSON.parse(udf()(json, "2025-06-01", table)));
    expect(r.state).toBe("unknown");
    expect(r.totalMmePerDay).toBeNull();
    expect(String(r.incompleteReasons)).toMatch(reason);
  });

  it("an order that fails validation is not computable, naming its place in the array", () => {
    const r = obj(JSON.parse(udf()(JSON.stringify([mr("a", "p1", "1049621"), { ...mr("b", "p1", "1049621"), status: 5 }]), "2025-06-01", "cdc-2022")));
    expect([r.totalMmePerDay, r.complete]).toEqual([30, false]);
    expect(JSON.stringify(r.orders)).toContain("resources[1]: status");
  });
});
