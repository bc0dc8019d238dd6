/**
 * The `mme` command over a 1M-resource Bulk Data export (issue 18): 10,000 patients, 20,000
 * Medications, 970,000 MedicationRequests (about 800 MB of NDJSON, bench/data/ndjson.ts),
 * one run with the default worker count of this machine's cores, wall time and peak memory
 * as for the 100k export (bench/command/run.ts). One run, not a median: a run takes tens of
 * seconds and the budget has a wide margin or none.
 */
import { rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { writeBulkExport, type ExportSummary } from "../data/ndjson";
import { countOutput, runCommandOnce } from "./run";

export interface MillionResult {
  export: ExportSummary;
  /** Writing the export (not part of the budget). */
  generateSeconds: number;
  workers: number;
  wallSeconds: number;
  peakMb: number;
  cpuSeconds: number;
  patientsOut: number;
  unassignedOut: number;
  outputMb: number;
}

export async function runMillionBench(repoRoot: string, tmpDir: string, totalResources: number, workers: number): Promise<MillionResult> {
  const started = performance.now();
  const x = writeBulkExport(join(tmpDir, "bulk-export-1m"), totalResources);
  const generateSeconds = (performance.now() - started) / 1000;
  const out = join(tmpDir, "mme-output-1m.json");
  try {
    const run = await runCommandOnce(repoRoot, x.dir, out, join(tmpDir, "rss-1m.json"), workers);
    const counted = await countOutput(out);
    return {
      export: x, generateSeconds, workers,
      wallSeconds: run.wallMs / 1000, peakMb: (run.maxRssKb * 1024) / 1e6, cpuSeconds: run.cpuMs / 1000,
      patientsOut: counted.patients, unassignedOut: counted.unassigned, outputMb: statSync(out).size / 1e6,
    };
  } finally {
    // About 1.4 GB of input and output: freed at once rather than at the end of the run.
    rmSync(x.dir, { recursive: true, force: true });
    rmSync(out, { force: true });
  }
}
