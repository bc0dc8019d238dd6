/**
 * The `mme` command over a population: `--workers N` gives byte for byte the output of one
 * worker (run as processes: worker threads need one), and `--summary` counts patients by MME
 * band with incomplete results apart, checked against a hand count and against the
 * per-patient output of the same run.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeBulkExport } from "@/bench/data/ndjson";
import type { PopulationSummaryJson } from "@/cli/mme/summary";
import { mr, ndjson, outputOf, run, runProcess, RXNORM } from "./mme-support";

describe("--workers N: the same output as one worker", () => {
  it.each([
    ["the 12 sandbox Bundles", (): string => "tests/fixtures/sandbox-patients", "2"],
    ["a generated Bulk Data export with broken lines (3,000 resources)", (): string => writeBulkExport(mkdtempSync(join(tmpdir(), "mme-workers-")), 3000).dir, "3"],
  ])("%s", (_, input, workers) => {
    const dir = input();
    const one = runProcess([dir, "--as-of", "2025-06-01", "--workers", "1"]);
    const many = runProcess([dir, "--as-of", "2025-06-01", "--workers", workers]);
    expect(one.stdout.length).toBeGreaterThan(1000);
    expect(many.stdout).toBe(one.stdout);
    expect([many.code, many.stderr]).toEqual([one.code, one.stderr]);
    expect(outputOf(one).patients.length).toBeGreaterThan(10);
  }, 240_000);

  it("refuses a number of workers that is not a whole number from 1", async () => {
    for (const bad of ["0", "two", "1.5", "999"]) {
      const r = await run(["tests/fixtures/sandbox-patients", "--workers", bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--workers must be a whole number/);
    }
  });
});

function summaryOf(stdout: string): PopulationSummaryJson {
  const json: unknown = JSON.parse(stdout);
  const summary: unknown = typeof json === "object" && json !== null && "summary" in json ? json.summary : null;
  const ok = typeof summary === "object" && summary !== null && "patients" in summary && "complete" in summary && "incomplete" in summary && "unknown" in summary;
  if (!ok) throw new Error("no summary in the output");
  // The shape is checked field by field by the assertions below.
  return summary as PopulationSummaryJson;
}

describe("--summary", () => {
  // Worked examples, CDC 2022 factor oxycodone 1.5 (docs/clinical-sources.md section 2); 5 mg tablets q6h = 4 a day:
  // 1 tablet = 20 mg = 30 MME/day; 2 = 60; 3 = 90 (the 90 band is half-open [90, inf): 90 counts as "at least 90").
  const tablets = (id: string, patient: string, n: number) => mr(id, patient, "1049621", {
    dosageInstruction: [{ timing: { repeat: { frequency: 1, period: 6, periodUnit: "h" } }, doseAndRate: [{ doseQuantity: { value: n, unit: "tablet" } }] }],
  });
  // Sedatives and naloxone: the readiness findings reason.cns-depressants and caution.naloxone (lib/taper).
  const lorazepam = (id: string, patient: string) => mr(id, patient, "197901", { // lorazepam 1 mg tablet, current (authored 2025-05-20)
    medicationCodeableConcept: { coding: [{ system: RXNORM, code: "197901", display: "lorazepam 1 MG Oral Tablet" }] },
  });
  const naloxone = (id: string, patient: string) => mr(id, patient, "2637879"); // naloxone 16 MG/ML nasal spray (RxNorm catalog: an antagonist, not counted in the MME)
  const dir = mkdtempSync(join(tmpdir(), "mme-summary-"));
  writeFileSync(join(dir, "Patient.ndjson"), ndjson(["p0", "p1", "p2", "p3", "p4", "p5"].map((id) => ({ resourceType: "Patient", id }))));
  writeFileSync(join(dir, "MedicationRequest.ndjson"), ndjson(
    [
      mr("o0", "p0", "197361", { medicationCodeableConcept: { text: "Amlodipine 5 MG" } }), // complete, 0
      tablets("o1", "p1", 1), lorazepam("z1", "p1"), // complete, 30: under 50; with a sedative; no naloxone
      tablets("o2", "p2", 2), naloxone("n2", "p2"), // complete, 60: 50 to 90; naloxone on file
      tablets("o3", "p3", 3), // complete, 90: at least 90; no naloxone
      tablets("o4", "p4", 1), { ...tablets("o4b", "p4", 1), status: "bogus" }, // incomplete, at least 30: under 50
      tablets("o5", "p5", 2), lorazepam("z5", "p5"), // + a line of p5 cut short below: incomplete, at least 60: 50 to 90; sedative
    ],
    [JSON.stringify(tablets("o5b", "p5", 1)).slice(0, 150), JSON.stringify(tablets("o6", "p6", 3)).slice(0, 150)], // p6: only a broken line: incomplete, at least 0
  ));

  it("matches the hand count: 4 complete (one per band), 3 incomplete by the band of their floor, none unknown; sedatives and naloxone among those on opioids", async () => {
    const r = await run([dir, "--summary"]);
    expect(r.code).toBe(3); // the two cut lines
    expect(summaryOf(r.stdout)).toEqual({
      patients: 7,
      // on opioids p1, p2, p3; sedative p1; no naloxone p1, p3 (p2 has it)
      complete: { patients: 4, byBand: { zero: 1, under50: 1, from50to90: 1, atLeast90: 1 }, onOpioids: 3, withCnsDepressant: 1, withoutNaloxone: 2 },
      // on opioids (floor above 0) p4, p5; sedative p5; no naloxone p4, p5
      incomplete: { patients: 3, byBandAtLeast: { zero: 1, under50: 1, from50to90: 1, atLeast90: 0 }, onOpioids: 2, withCnsDepressant: 1, withoutNaloxone: 2 },
      unknown: { patients: 0 },
    });
    expect(r.stdout).not.toContain('"patients":[');
  });

  it("counts what the per-patient output of the same input says", async () => {
    const out = outputOf(await run([dir]));
    const count = (complete: boolean, band: (p: (typeof out.patients)[number]) => boolean) => out.patients.filter((p) => p.complete === complete && band(p)).length;
    const over90 = (p: (typeof out.patients)[number]) => p.bands.atOrAbove90;
    const r = await run([dir, "--summary"]);
    const summary = summaryOf(r.stdout);
    expect(summary.complete.byBand.atLeast90).toBe(count(true, over90));
    expect(summary.incomplete.patients).toBe(out.patients.filter((p) => !p.complete).length);
    expect(summary.complete.byBand.zero).toBe(count(true, (p) => p.totalMmePerDay === 0));
  });
});
