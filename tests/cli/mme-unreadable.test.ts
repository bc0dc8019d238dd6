/**
 * The `mme` command never loses an order silently (issue 13 item 6): a byte order mark is
 * stripped; a line that cannot be read makes every patient it could belong to incomplete
 * (every patient, when its patient cannot be told), with the file and line in the reason, a
 * warning on stderr and exit code 3 (README); and the NDC table is given per patient by
 * needsNdcLookup, so a patient's result does not depend on the order of the input.
 *
 * Patients: a = oxycodone 5 mg q6h (20 mg x 1.5 = 30 MME/day, CDC 2022 factor, docs/clinical-sources.md
 * section 2), b = the same, c = amlodipine (not an opioid, 0).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT_UNREADABLE_INPUT } from "@/cli/mme/problems";
import { mr, NDC, ndjson, outputOf, run, RXNORM, type Output, type PatientOut } from "./mme-support";

const PATIENTS = [{ resourceType: "Patient", id: "a" }, { resourceType: "Patient", id: "b" }, { resourceType: "Patient", id: "c" }];
const ORDERS = [mr("a1", "a", "1049621"), mr("b1", "b", "1049621"), mr("c1", "c", "197361", { medicationCodeableConcept: { text: "Amlodipine 5 MG" } })];

/** A Bulk Data directory: Patient.ndjson, MedicationRequest.ndjson (text as given), Medication.ndjson if given. */
function exportDir(orders: string | Buffer, medications?: string): string {
  const dir = mkdtempSync(join(tmpdir(), "mme-unreadable-"));
  writeFileSync(join(dir, "Patient.ndjson"), ndjson(PATIENTS));
  writeFileSync(join(dir, "MedicationRequest.ndjson"), orders);
  if (medications !== undefined) writeFileSync(join(dir, "Medication.ndjson"), medications);
  return dir;
}

const byRef = (out: Output): Map<string, PatientOut> => new Map(out.patients.map((p) => [p.patient, p]));

describe("a byte order mark is stripped", () => {
  it("at the start of the file and of a line in the middle: the same results as without, exit 0, nothing on stderr", async () => {
    const plain = await run([exportDir(ndjson(ORDERS))]);
    const lines = ORDERS.map((o) => JSON.stringify(o));
    const withBoms = await run([exportDir(`\uFEFF${lines[0] ?? ""}\n\uFEFF${lines[1] ?? ""}\r\n${lines[2] ?? ""}\n`)]);
    expect([withBoms.code, withBoms.stderr]).toEqual([0, ""]);
    expect(outputOf(withBoms).patients).toEqual(outputOf(plain).patients);
    expect(outputOf(plain).patients.map((p) => [p.patient, p.totalMmePerDay, p.complete])).toEqual([["Patient/a", 30, true], ["Patient/b", 30, true], ["Patient/c", 0, true]]);
  });
});

describe("a line whose patient cannot be told makes every patient incomplete", () => {
  it.each([
    ["truncated before its subject", '{"resourceType":"MedicationRequest","id":"x9",'],
    ["valid JSON without a subject", JSON.stringify({ ...mr("x9", "a", "1049621"), subject: undefined })],
    ["valid JSON without a resourceType", JSON.stringify({ id: "x9", status: "active" })],
  ])("%s: each patient says so with the file and line, the totals become floors, stderr warns, exit 3", async (_, line) => {
    const dir = exportDir(ndjson(ORDERS, [line]));
    const r = await run([dir]);
    expect(r.code).toBe(EXIT_UNREADABLE_INPUT);
    expect(r.stderr).toContain(`${join(dir, "MedicationRequest.ndjson")}:4`);
    expect(r.stderr).toContain("every patient is marked incomplete");
    const out = outputOf(r);
    for (const p of out.patients) {
      expect(p.complete).toBe(false);
      expect(p.state).toBe("incomplete");
      expect(p.incompleteReasons.join(" ")).toContain("MedicationRequest.ndjson:4");
    }
    expect(out.patients.map((p) => p.totalMmePerDay)).toEqual([30, 30, 0]); // floors: nothing counted was dropped
    expect(out.unassigned).toEqual([expect.objectContaining({ origin: `${join(dir, "MedicationRequest.ndjson")}:4`, affects: "every-patient" })]);
  });
});

describe("a line whose patient can be told makes that patient incomplete, and only that one", () => {
  it("a line cut after its subject: b has a not-computable order naming the file and line; a and c stay complete", async () => {
    const cut = JSON.stringify(mr("b2", "b", "1049621")).slice(0, 140);
    expect(cut).toContain('"subject":{"reference":"Patient/b"}');
    const dir = exportDir(ndjson(ORDERS, [cut]));
    const r = await run([dir]);
    expect(r.code).toBe(EXIT_UNREADABLE_INPUT);
    expect(r.stderr).toMatch(/MedicationRequest\.ndjson:4: not JSON .*Patient\/b is marked incomplete/);
    const p = byRef(outputOf(r));
    expect([p.get("Patient/a")?.complete, p.get("Patient/c")?.complete]).toEqual([true, true]);
    const b = p.get("Patient/b");
    expect(b?.complete).toBe(false);
    expect(b?.totalMmePerDay).toBe(30);
    expect(b?.orders.find((o) => o.status === "not-computable")?.message).toMatch(/MedicationRequest\.ndjson:4: not JSON/);
    expect(outputOf(r).unassigned).toEqual([]);
  });

  it("a patient whose only line cannot be read is still in the output, incomplete", async () => {
    const r = await run([exportDir(ndjson(ORDERS, ['{"resourceType":"MedicationRequest","subject":{"reference":"Patient/d"},"medicationCodeab']))]);
    const d = byRef(outputOf(r)).get("Patient/d");
    expect(d).toMatchObject({ complete: false, state: "incomplete", totalMmePerDay: 0 });
    expect(r.code).toBe(EXIT_UNREADABLE_INPUT);
  });

  it("bytes that are not UTF-8 make their patient incomplete, never a silently replaced character", async () => {
    const line = Buffer.from(JSON.stringify(mr("c2", "c", "1049621", { note: [{ text: "XX" }] })), "utf8");
    const at = line.indexOf("XX");
    line[at] = 0xff;
    line[at + 1] = 0xfe;
    const r = await run([exportDir(Buffer.concat([Buffer.from(ndjson(ORDERS)), line, Buffer.from("\n")]))]);
    const c = byRef(outputOf(r)).get("Patient/c");
    expect(c?.complete).toBe(false);
    expect(c?.orders.some((o) => (o.message ?? "").includes("not UTF-8"))).toBe(true);
    expect(r.code).toBe(EXIT_UNREADABLE_INPUT);
  });
});

describe("a Medication line that cannot be read", () => {
  it("makes incomplete the patients whose orders name a Medication the input lacks, not the others", async () => {
    const orders = [...ORDERS, mr("a2", "a", "x", { medicationCodeableConcept: undefined, medicationReference: { reference: "Medication/lost", display: "Tylenol" } })];
    const meds = ndjson([{ resourceType: "Medication", id: "ok", code: { coding: [{ system: RXNORM, code: "897696" }] } }], ['{"resourceType":"Medicat']);
    const dir = exportDir(ndjson(orders), meds);
    const r = await run([dir]);
    expect(r.code).toBe(EXIT_UNREADABLE_INPUT);
    const p = byRef(outputOf(r));
    expect(p.get("Patient/a")?.complete).toBe(false);
    expect(p.get("Patient/a")?.incompleteReasons.join(" ")).toContain("Medication.ndjson:2");
    expect([p.get("Patient/b")?.complete, p.get("Patient/c")?.complete]).toEqual([true, true]);
  });
});

describe("a Bundle entry whose patient cannot be told", () => {
  it("makes every patient of the Bundle incomplete, naming the entry", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mme-bundle-"));
    const file = join(dir, "b.json");
    const entries = [...PATIENTS, ...ORDERS, { ...mr("x", "a", "1049621"), subject: undefined }].map((resource) => ({ resource }));
    writeFileSync(file, JSON.stringify({ resourceType: "Bundle", type: "collection", entry: entries }));
    const r = await run([file]);
    expect(r.code).toBe(EXIT_UNREADABLE_INPUT);
    for (const p of outputOf(r).patients) expect(p.incompleteReasons.join(" ")).toContain(`${file}#entry[6]`);
  });
});

describe("the NDC table does not depend on the order of the input", () => {
  // x: Percocet 5/325 by NDC alone (CDC 2018 data file: oxycodone 5 mg tablet); y: oxycodone 5 mg by RxNorm, with an NDC coding too.
  const x = mr("x1", "x", "unused", { medicationCodeableConcept: { coding: [{ system: NDC, code: "00590012765" }] } });
  const y = mr("y1", "y", "unused", { medicationCodeableConcept: { coding: [{ system: RXNORM, code: "1049621" }, { system: NDC, code: "00406055262" }] } });
  const patients = ndjson([{ resourceType: "Patient", id: "x" }, { resourceType: "Patient", id: "y" }]);

  async function results(orders: unknown[]): Promise<Map<string, PatientOut>> {
    const dir = mkdtempSync(join(tmpdir(), "mme-ndc-"));
    writeFileSync(join(dir, "Patient.ndjson"), patients);
    writeFileSync(join(dir, "MedicationRequest.ndjson"), ndjson(orders));
    return byRef(outputOf(await run([dir])));
  }

  it("each patient's JSON is the same whichever patient comes first; the NDC-only order is read from the table", async () => {
    const xFirst = await results([x, y]);
    const yFirst = await results([y, x]);
    expect(yFirst.get("Patient/x")).toEqual(xFirst.get("Patient/x"));
    expect(yFirst.get("Patient/y")).toEqual(xFirst.get("Patient/y"));
    expect(xFirst.get("Patient/x")?.orders[0]?.sources.product).toBe("ndc-table");
    expect(xFirst.get("Patient/x")?.totalMmePerDay).toBe(30); // 5 mg x 4/day x 1.5
  });
});

describe("the README documents the exit codes", () => {
  it("names exit code 3 for input that could not be read", () => {
    const readme = readFileSync("README.md", "utf8");
    expect(readme).toMatch(new RegExp(`\\b${EXIT_UNREADABLE_INPUT}\\b[^\\n]*could not be read`));
  });
});
