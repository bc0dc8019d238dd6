/**
 * `npm run bench [-- --write]`: the performance budgets of issue 9, measured.
 * 1. engines (calculateMme 1k/10k/100k orders, proposeTaperPlan 1-5 opioids);
 * 2. the `mme` command over a generated 100k-resource Bulk Data export (--workers 2 and 1, in
 *    turn) and over a 1M-resource one; the warehouse UDF library's file sizes (issue 18);
 * 3. launch to MME on screen in system Chromium against the sandbox EHR and a production build;
 * 4. first-load JavaScript per route.
 * Prints the report; `--write` also writes docs/benchmarks.md. Temporary files, servers and
 * the build output are removed on exit, also on failure or Ctrl-C (bench/cleanup.ts). Exit
 * code 1 when a part could not be measured (the report says which and why).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseBenchArgs, USAGE, type BenchArgs } from "./args";
import { runAppBench } from "./app/run";
import { installCleanupHandlers, removeLater, runCleanup } from "./cleanup";
import { runMillionBench } from "./command/million";
import { runCommandBench } from "./command/run";
import { measureUdf } from "./command/udf";
import { runEngineBench } from "./engines/run";
import type { WorkerSettings } from "./engines/settings";
import { describeMachine, finishMachine } from "./machine";
import { renderReport } from "./report/render";
import type { BenchReport, BenchSettings } from "./report/types";

const REPO_ROOT = resolve(__dirname, "..");
const ENGINE_SETTINGS: WorkerSettings = {
  sizes: [1_000, 10_000, 100_000], bigSize: 100_000,
  plan: { warmups: 5, runs: 15 }, bigPlan: { warmups: 1, runs: 5 },
  maxOpioids: 5, taperBatch: 20, dosageLines: 100_000,
};
const COMMAND_RESOURCES = 100_000;
const COMMAND_RUNS = 3;
/** Worker threads of the command's main series (this machine's 2 cores; compared with one). */
const COMMAND_WORKERS = 2;
const MILLION_RESOURCES = 1_000_000;
/** Launches per patient with latency added by the sandbox (rounds of searches are counted on these). */
const SLOW_LAUNCHES = 3;

const log = (m: string) => console.error(`bench: ${m}`);

async function section<T>(name: string, errors: Record<string, string>, run: () => Promise<T>): Promise<T | null> {
  const start = performance.now();
  log(`${name}...`);
  try {
    const value = await run();
    log(`${name} done in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    return value;
  } catch (e) {
    errors[name] = e instanceof Error ? e.message : String(e);
    log(`${name} failed: ${errors[name]}`);
    return null;
  }
}

async function main(args: BenchArgs): Promise<number> {
  const started = performance.now();
  const machine = describeMachine(REPO_ROOT);
  const tmp = mkdtempSync(join(tmpdir(), "otp-bench-"));
  removeLater(tmp);
  const errors: Record<string, string> = {};
  const settings: BenchSettings = { mmeSizes: ENGINE_SETTINGS.sizes, commandResources: COMMAND_RESOURCES, commandRuns: COMMAND_RUNS, millionResources: MILLION_RESOURCES, launches: args.launches, browser: args.browser };
  const engines = await section("engines", errors, () => runEngineBench(tmp, ENGINE_SETTINGS, REPO_ROOT));
  const command = await section("command", errors, () => runCommandBench(REPO_ROOT, tmp, COMMAND_RESOURCES, COMMAND_RUNS, COMMAND_WORKERS));
  const million = await section("million", errors, () => runMillionBench(REPO_ROOT, tmp, MILLION_RESOURCES, COMMAND_WORKERS));
  const udf = await section("udf", errors, () => Promise.resolve(measureUdf(REPO_ROOT, tmp)));
  const app = args.browser
    ? await section("app", errors, () => runAppBench(REPO_ROOT, { launches: args.launches, slowLaunches: SLOW_LAUNCHES, reuseBuild: args.reuseBuild, keepBuild: args.keepBuild, warn: log }))
    : null;
  if (!args.browser) errors.app = "skipped (--no-browser)";
  const report: BenchReport = { machine: finishMachine(machine), settings, engines, command, million, udf, app, errors, durationSeconds: (performance.now() - started) / 1000 };
  const text = renderReport(report);
  process.stdout.write(text);
  if (args.write) {
    writeFileSync(join(REPO_ROOT, "docs/benchmarks.md"), text);
    log("wrote docs/benchmarks.md");
  }
  const failed = Object.keys(errors).filter((k) => !(k === "app" && !args.browser)).length > 0 || (app?.skipped.length ?? 0) > 0;
  return failed ? 1 : 0;
}

const parsed = parseBenchArgs(process.argv.slice(2));
if (!parsed.ok) {
  console.error(parsed.error === "" ? USAGE : `bench: ${parsed.error}\n${USAGE}`);
  process.exit(parsed.error === "" ? 0 : 2);
}
installCleanupHandlers();
main(parsed.args).then(
  (code) => {
    runCleanup();
    process.exit(code);
  },
  (e: unknown) => {
    console.error(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    runCleanup();
    process.exit(1);
  },
);
