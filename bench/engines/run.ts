/**
 * Runs the engine benchmarks as shipped: bench/engines/worker.ts bundled with esbuild (no
 * tsx `keepNames` wrappers, like the app's production bundle) and run in its own Node
 * process, so the parent's heap and the servers it starts do not disturb it. The same
 * calculateMme at 10k orders is also timed in this (tsx) process, as the `mme` command runs it.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { build } from "esbuild";
import type { CdsBenchRow } from "./cds";
import { benchMme, type DosageLinesBenchRow, type MmeBenchRow, type TaperBenchRow } from "./measure";
import type { WorkerSettings } from "./settings";

export interface EngineResults {
  mme: MmeBenchRow[];
  taper: TaperBenchRow[];
  /** The CDS order-sign handler with a 100-order prefetch (bench/engines/cds.ts). */
  cds: CdsBenchRow | null;
  /** One order with many dosage lines (issue 13 item 7). */
  dosageLines: DosageLinesBenchRow;
  /** calculateMme at 10k orders under tsx (keepNames), as the `mme` command runs it. */
  tsx10k: MmeBenchRow | null;
}

type WorkerRows = Pick<EngineResults, "mme" | "taper" | "cds" | "dosageLines">;

function isRows(v: unknown): v is WorkerRows {
  return typeof v === "object" && v !== null && "mme" in v && Array.isArray(v.mme) && "taper" in v && Array.isArray(v.taper) && "cds" in v && typeof v.cds === "object"
    && "dosageLines" in v && typeof v.dosageLines === "object" && v.dosageLines !== null;
}

async function runWorker(file: string, settings: WorkerSettings): Promise<WorkerRows> {
  const child = spawn(process.execPath, [file, JSON.stringify(settings)], { stdio: ["ignore", "pipe", "pipe"] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on("data", (c: Buffer) => out.push(c));
  child.stderr.on("data", (c: Buffer) => err.push(c));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (code !== 0) throw new Error(`engine worker exited ${code}: ${Buffer.concat(err).toString("utf8").slice(0, 500)}`);
  const parsed: unknown = JSON.parse(Buffer.concat(out).toString("utf8"));
  if (!isRows(parsed)) throw new Error("engine worker: unexpected output");
  return parsed;
}

/** Bundles the worker into `tmpDir`, runs it, then times 10k orders under tsx here. */
export async function runEngineBench(tmpDir: string, settings: WorkerSettings, repoRoot: string): Promise<EngineResults> {
  const outfile = join(tmpDir, "engines-worker.mjs");
  await build({
    entryPoints: [join(repoRoot, "bench/engines/worker.ts")],
    bundle: true, platform: "node", format: "esm", target: "node20", outfile, logLevel: "warning",
    tsconfig: join(repoRoot, "tsconfig.json"),
  });
  const rows = await runWorker(outfile, settings);
  const [tsx10k] = benchMme([10_000], () => settings.plan);
  return { ...rows, tsx10k: tsx10k ?? null };
}
