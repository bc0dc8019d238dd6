/**
 * Smoke test of the benchmark's engine half (tiny sizes, one run, no budget checks: the
 * budgets are measured by `npm run bench`, never in a unit test): statistics, the order
 * generator (valid FHIR, a realistic mix), the engine and taper benchmarks, and the bundled
 * worker path (esbuild + child process).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateOrders, generateMedications } from "@/bench/data/orders";
import { prng } from "@/bench/data/prng";
import { benchMme, benchTaper } from "@/bench/engines/measure";
import { runEngineBench } from "@/bench/engines/run";
import { summarize } from "@/bench/stats";
import { parseResourceAs } from "@/lib/fhir/parse";

const ONE_RUN = { warmups: 0, runs: 1 };
const tmp = mkdtempSync(join(tmpdir(), "bench-smoke-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("summarize", () => {
  it.each([
    // sorted 1,2,3: middle 2
    { samples: [3, 1, 2], median: 2, min: 1, max: 3 },
    // sorted 1,2,4,10: (2 + 4) / 2 = 3
    { samples: [10, 2, 4, 1], median: 3, min: 1, max: 10 },
    { samples: [7], median: 7, min: 7, max: 7 },
  ])("$samples -> median $median", ({ samples, median, min, max }) => {
    expect(summarize(samples)).toEqual({ median, min, max, runs: samples.length });
  });

  it("refuses an empty list", () => {
    expect(() => summarize([])).toThrow(/no samples/);
  });
});

describe("generated orders", () => {
  const meds = generateMedications(5);
  const orders = generateOrders(400, { seed: 3, medications: meds.index, medicationReferenceShare: 0.2 });

  it("are the same for the same seed, different for another", () => {
    expect(JSON.stringify(generateOrders(50, { seed: 3 }))).toBe(JSON.stringify(generateOrders(50, { seed: 3 })));
    expect(JSON.stringify(generateOrders(50, { seed: 4 }))).not.toBe(JSON.stringify(generateOrders(50, { seed: 3 })));
    expect(prng(1)()).toBe(prng(1)());
  });

  it("are valid FHIR R4 MedicationRequests for the app's own schema", () => {
    const invalid = orders.filter((o) => !parseResourceAs("MedicationRequest", o).ok);
    expect(invalid.map((o) => o.id)).toEqual([]);
    expect(meds.resources.every((m) => parseResourceAs("Medication", m).ok)).toBe(true);
  });

  it("mix statuses, Medication references and malformed orders", () => {
    const statuses = new Set(orders.map((o) => o.status));
    expect(statuses.has("active") && statuses.has("completed") && statuses.has("stopped")).toBe(true);
    expect(orders.some((o) => o.medicationReference?.reference?.startsWith("Medication/bench-med-"))).toBe(true);
    expect(orders.some((o) => (o.dosageInstruction ?? []).length === 0)).toBe(true);
  });
});

describe("engine benchmarks (tiny)", () => {
  it("calculateMme: every kind of outcome occurs, and the orders are all accounted for", () => {
    const [row] = benchMme([300], () => ONE_RUN);
    expect(row?.ms.runs).toBe(1);
    expect(row?.counted).toBeGreaterThan(0);
    expect(row?.excluded).toBeGreaterThan(0);
    expect(row?.notComputable).toBeGreaterThan(0);
    // 300 orders + floor(300 / 200) = 1 unreadable order
    expect((row?.counted ?? 0) + (row?.excluded ?? 0) + (row?.notComputable ?? 0)).toBe(301);
  });

  it("proposeTaperPlan: a plan for each regimen of 1 to 5 opioids", () => {
    const rows = benchTaper(5, ONE_RUN, 1);
    // morphine ER 15 mg x 2/day x 1 = 30; + oxycodone 5 mg x 4/day x 1.5 = 30 -> 60;
    // + fentanyl 25 mcg/h x 2.4 = 60 -> 120; + hydromorphone 2 mg x 4/day x 5 = 40 -> 160;
    // + tramadol 50 mg x 4/day x 0.2 = 40 -> 200
    expect(rows.map((r) => r.startMmePerDay)).toEqual([30, 60, 120, 160, 200]);
    expect(rows.map((r) => r.refusal)).toEqual([null, null, null, null, null]);
    expect(rows.every((r) => (r.steps ?? 0) > 1)).toBe(true);
  });

  it("the bundled worker runs in its own process and reports both engines", async () => {
    const settings = { sizes: [100], bigSize: 1_000, plan: ONE_RUN, bigPlan: ONE_RUN, maxOpioids: 2, taperBatch: 1, dosageLines: 300 };
    const r = await runEngineBench(tmp, settings, resolve(__dirname, "../.."));
    expect(r.mme.map((m) => m.orders)).toEqual([100]);
    // 300 lines of 1-2 tablets every 4-7 h: far above the plausible daily maximum, refused after the last line;
    // the ledger lists the readings of the first 20 lines and one summary entry, not 300 lines' worth
    expect(r.dosageLines).toMatchObject({ lines: 300, status: "not-computable", reason: "mme.implausible" });
    expect(r.dosageLines.readingsListed).toBeLessThan(100);
    expect(r.taper.map((t) => t.opioids)).toEqual([1, 2]);
    expect(r.tsx10k?.orders).toBe(10_000);
  });
});
