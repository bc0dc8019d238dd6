/**
 * The `mme` command over a generated Bulk Data export: wall time (spawn to exit, Node start
 * and TypeScript loading included, as a user sees it) and peak memory (maxRSS of the
 * command's own process, from bench/command/max-rss.mjs). The command runs as
 * `node --import tsx cli/mme.ts <dir>` (what `npm run mme` runs, without the tsx CLI's
 * wrapper process); its JSON goes to a file, then is checked: one entry per patient, and
 * the broken lines reported as unassigned rather than dropped.
 */
import { spawn } from "node:child_process";
import { createReadStream, openSync, closeSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { EXIT_UNREADABLE_INPUT } from "@/cli/mme/problems";
import { BENCH_AS_OF, writeBulkExport, type ExportSummary } from "../data/ndjson";
import { scaleStat, summarize, type Stat } from "../stats";

export interface CommandRun {
  wallMs: number;
  maxRssKb: number;
  cpuMs: number;
}

/** One series of runs at a given worker count. */
export interface WorkerSeries {
  workers: number;
  wallSeconds: Stat;
  peakMb: Stat;
  cpuSeconds: Stat;
}

export interface CommandResult {
  export: ExportSummary;
  /** Worker threads of the main series (the figures below). */
  workers: number;
  /** The same export with `--workers 1`, runs interleaved with the main series; null when not run. */
  oneWorker: WorkerSeries | null;
  wallSeconds: Stat;
  peakMb: Stat;
  cpuSeconds: Stat;
  /** From the last run's output. */
  patientsOut: number;
  unassignedOut: number;
  outputMb: number;
  /** Wall time over a 10-resource export: Node start, tsx loading, no work to speak of. */
  startupSeconds: number | null;
}

function isUsage(v: unknown): v is { maxRssKb: number; userMs: number; systemMs: number } {
  return typeof v === "object" && v !== null && "maxRssKb" in v && typeof v.maxRssKb === "number" && "userMs" in v && typeof v.userMs === "number" && "systemMs" in v && typeof v.systemMs === "number";
}

/** One run of the command; throws when it exits non-zero. */
export async function runCommandOnce(repoRoot: string, exportDir: string, outFile: string, rssFile: string, workers: number | null = null): Promise<CommandRun> {
  const out = openSync(outFile, "w");
  const args = ["--import", "tsx", "--import", join(repoRoot, "bench/command/max-rss.mjs"), "cli/mme.ts", exportDir, "--as-of", BENCH_AS_OF, ...(workers === null ? [] : ["--workers", String(workers)])];
  const start = performance.now();
  const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ["ignore", out, "pipe"], env: { ...process.env, BENCH_RSS_FILE: rssFile } });
  const err: Buffer[] = [];
  child.stderr?.on("data", (c: Buffer) => err.push(c));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const wallMs = performance.now() - start;
  closeSync(out);
  // 3: the export's broken lines were reported (unassigned, warned, their patients incomplete), as they must be.
  if (code !== 0 && code !== EXIT_UNREADABLE_INPUT) throw new Error(`mme command exited ${code}: ${Buffer.concat(err).toString("utf8").slice(0, 500)}`);
  const usage: unknown = JSON.parse(readFileSync(rssFile, "utf8"));
  if (!isUsage(usage)) throw new Error("mme command: no resource usage recorded");
  return { wallMs, maxRssKb: usage.maxRssKb, cpuMs: usage.userMs + usage.systemMs };
}

/** Patients and unassigned resources in the command's JSON (one patient per line). */
export async function countOutput(outFile: string): Promise<{ patients: number; unassigned: number }> {
  let patients = 0;
  let unassigned = 0;
  const lines = createInterface({ input: createReadStream(outFile, { encoding: "utf8" }), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.startsWith('{"patient":')) patients++;
    const at = line.indexOf('"unassigned":');
    if (line.startsWith("]") && at >= 0) {
      const list: unknown = JSON.parse(line.slice(at + '"unassigned":'.length, line.length - 1));
      unassigned = Array.isArray(list) ? list.length : 0;
    }
  }
  return { patients, unassigned };
}

function series(workers: number, samples: readonly CommandRun[]): WorkerSeries {
  return {
    workers,
    wallSeconds: scaleStat(summarize(samples.map((s) => s.wallMs)), 1 / 1000),
    peakMb: summarize(samples.map((s) => (s.maxRssKb * 1024) / 1e6)),
    cpuSeconds: scaleStat(summarize(samples.map((s) => s.cpuMs)), 1 / 1000),
  };
}

/** Writes the export, runs the command `runs` times with `workers` threads (and as many with one, interleaved, when `workers` > 1), checks the last output. */
export async function runCommandBench(repoRoot: string, tmpDir: string, totalResources: number, runs: number, workers = 2): Promise<CommandResult> {
  const exportSummary = writeBulkExport(join(tmpDir, "bulk-export"), totalResources);
  const outFile = join(tmpDir, "mme-output.json");
  const main: CommandRun[] = [];
  const one: CommandRun[] = [];
  for (let i = 0; i < runs; i++) {
    if (workers > 1) one.push(await runCommandOnce(repoRoot, exportSummary.dir, join(tmpDir, "mme-output-1.json"), join(tmpDir, `rss-1-${i}.json`), 1));
    main.push(await runCommandOnce(repoRoot, exportSummary.dir, outFile, join(tmpDir, `rss-${i}.json`), workers));
  }
  const counted = await countOutput(outFile);
  if (one.length > 0 && readFileSync(outFile, "utf8") !== readFileSync(join(tmpDir, "mme-output-1.json"), "utf8")) {
    throw new Error(`mme command: the output with --workers ${workers} differs from the output with --workers 1`);
  }
  const tiny = writeBulkExport(join(tmpDir, "tiny-export"), 10);
  const startup = await runCommandOnce(repoRoot, tiny.dir, join(tmpDir, "tiny-output.json"), join(tmpDir, "rss-tiny.json"), 1);
  const s = series(workers, main);
  return {
    export: exportSummary,
    workers,
    oneWorker: one.length > 0 ? series(1, one) : null,
    wallSeconds: s.wallSeconds,
    peakMb: s.peakMb,
    cpuSeconds: s.cpuSeconds,
    patientsOut: counted.patients,
    unassignedOut: counted.unassigned,
    outputMb: statSync(outFile).size / 1e6,
    startupSeconds: startup.wallMs / 1000,
  };
}
