/**
 * Smoke test of the benchmark's `mme` command part: a tiny generated Bulk Data export, the
 * real command run once as a child process with the peak-memory hook, its output counted.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { countOutput, runCommandOnce } from "@/bench/command/run";
import { exportShape, writeBulkExport } from "@/bench/data/ndjson";

const tmp = mkdtempSync(join(tmpdir(), "bench-smoke-cmd-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("Bulk Data export generator", () => {
  it.each([
    // 100,000 / 100 = 1,000 patients; / 50 = 2,000 Medications; the rest orders
    { total: 100_000, shape: { patients: 1_000, medications: 2_000, medicationRequests: 97_000 } },
    // 300 / 100 = 3; 300 / 50 = 6; 300 - 9 = 291
    { total: 300, shape: { patients: 3, medications: 6, medicationRequests: 291 } },
  ])("$total resources", ({ total, shape }) => {
    expect(exportShape(total)).toEqual(shape);
  });

  it("writes one NDJSON file per type, one resource per line", () => {
    const x = writeBulkExport(join(tmp, "shape"), 300);
    const lines = (type: string) => readFileSync(join(x.dir, `${type}.ndjson`), "utf8").trim().split("\n");
    expect(lines("Patient")).toHaveLength(3);
    expect(lines("Medication")).toHaveLength(6);
    expect(lines("MedicationRequest")).toHaveLength(291);
    const first: unknown = JSON.parse(lines("Patient")[0] ?? "null");
    expect(first).toMatchObject({ resourceType: "Patient", id: "bench-p-1" });
  });
});

describe("the mme command, measured", () => {
  it("runs over the export, reports peak memory, and writes every patient", async () => {
    const x = writeBulkExport(join(tmp, "run"), 400);
    const out = join(tmp, "out.json");
    const run = await runCommandOnce(resolve(__dirname, "../.."), x.dir, out, join(tmp, "rss.json"));
    expect(run.wallMs).toBeGreaterThan(0);
    expect(run.maxRssKb).toBeGreaterThan(10_000);
    expect(run.cpuMs).toBeGreaterThan(0);
    const counted = await countOutput(out);
    expect(counted.patients).toBe(4);
    expect(counted.unassigned).toBeGreaterThanOrEqual(0);
  });
});
