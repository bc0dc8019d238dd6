/**
 * The browser half of the benchmark: production build, sandbox EHR + `next start`, then for
 * a light and the heavy scenario patient one warm-up launch and N measured launches in
 * system Chromium (fresh context each), then first-load JavaScript of `/` and
 * `/launch.html` and the chunks the screens loaded lazily.
 */
import { existsSync, readdirSync, rmdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser } from "@playwright/test";
import { encodeLaunchOptions } from "@/sandbox/launch-options";
import { clockFor, PRACTITIONER_PRIMARY, scenarioById } from "@/sandbox/scenarios";
import { onCleanup } from "../cleanup";
import { summarize, type Stat } from "../stats";
import { BENCH_DIST_DIR, buildApp, type BuildOutcome } from "./build";
import { measureLazy, measureRoute, type RouteBundle, type ScriptSize } from "./bundle";
import { chromiumSetup } from "./chromium";
import { measureLaunch, type LaunchSample, type LaunchTarget } from "./launch";
import { startServers, type Servers } from "./servers";

export const LIGHT_PATIENT = "otp-oxy-benzo";
export const HEAVY_PATIENT = "otp-heavy-record";

/** Launches of one patient against one sandbox setting. */
export interface LaunchSeries {
  /** Added by the sandbox to every FHIR request (launch option `latencyMs`). */
  latencyMs: number;
  warmup: LaunchSample | null;
  samples: LaunchSample[];
  errors: string[];
  tokenToMmeMs: Stat | null;
  launchToMmeMs: Stat | null;
}

export interface PatientLaunches extends LaunchSeries {
  patient: string;
  name: string;
  /** Resources of the scenario record, by type. */
  record: Record<string, number>;
  expectedMmePerDay: number | null;
  /**
   * The same launches with SLOW_EHR_LATENCY_MS added to each FHIR request. Rounds of searches
   * are counted here: at loopback speed a search can answer in a few milliseconds, inside a
   * main-thread pause between two fetch calls of the same burst, and look like a dependency.
   */
  slow: LaunchSeries;
}

/** Latency the sandbox adds to every FHIR request in the "slower EHR" launches. */
export const SLOW_EHR_LATENCY_MS = 150;

export interface AppResults {
  build: BuildOutcome | null;
  chromium: string | null;
  patients: PatientLaunches[];
  main: RouteBundle | null;
  lazy: ScriptSize[];
  launchPage: RouteBundle | null;
  /** Why a part was not measured. */
  skipped: string[];
}

export interface AppOptions {
  launches: number;
  /** Launches per patient with SLOW_EHR_LATENCY_MS (after one warm-up). */
  slowLaunches: number;
  reuseBuild: boolean;
  keepBuild: boolean;
  warn: (m: string) => void;
}

function removeIfEmpty(dir: string): void {
  if (existsSync(dir) && readdirSync(dir).length === 0) rmdirSync(dir);
}

function recordShape(patient: string): { name: string; record: Record<string, number>; expected: number | null } {
  const scenario = scenarioById(patient);
  if (scenario === null) throw new Error(`no sandbox scenario ${patient}`);
  const record: Record<string, number> = {};
  for (const r of scenario.build(clockFor(new Date()))) {
    const type = typeof r === "object" && r !== null && "resourceType" in r && typeof r.resourceType === "string" ? r.resourceType : "?";
    record[type] = (record[type] ?? 0) + 1;
  }
  return { name: scenario.name, record, expected: scenario.expected.mmePerDay };
}

async function launchSeries(browser: Browser, target: LaunchTarget, launches: number, latencyMs: number): Promise<LaunchSeries> {
  const errors: string[] = [];
  const attempt = async (): Promise<LaunchSample | null> => {
    try {
      return await measureLaunch(browser, target);
    } catch (e) {
      errors.push(e instanceof Error ? e.message.split("\n")[0] ?? e.message : String(e));
      return null;
    }
  };
  const warmup = await attempt();
  const samples: LaunchSample[] = [];
  for (let i = 0; i < launches; i++) {
    const s = await attempt();
    if (s !== null) samples.push(s);
  }
  const stat = (f: (s: LaunchSample) => number) => (samples.length === 0 ? null : summarize(samples.map(f)));
  return { latencyMs, warmup, samples, errors, tokenToMmeMs: stat((s) => s.tokenToMmeMs), launchToMmeMs: stat((s) => s.launchToMmeMs) };
}

async function launchPatient(browser: Browser, servers: Servers, patient: string, options: AppOptions): Promise<PatientLaunches> {
  const shape = recordShape(patient);
  const target = (latencyMs: number): LaunchTarget => ({
    appOrigin: servers.appOrigin, iss: servers.iss, tokenUrl: `${servers.sandboxOrigin}/auth/token`,
    launchCode: encodeLaunchOptions({ patient, practitioner: PRACTITIONER_PRIMARY, ...(latencyMs > 0 ? { latencyMs } : {}) }),
  });
  const fast = await launchSeries(browser, target(0), options.launches, 0);
  const slow = await launchSeries(browser, target(SLOW_EHR_LATENCY_MS), options.slowLaunches, SLOW_EHR_LATENCY_MS);
  return { patient, name: shape.name, record: shape.record, expectedMmePerDay: shape.expected, ...fast, slow };
}

async function measureBundles(servers: Servers, patients: readonly PatientLaunches[], result: AppResults): Promise<void> {
  result.main = await measureRoute(servers.appOrigin, "/", `${servers.appOrigin}/?state=bench`);
  const loaded = patients.flatMap((p) => p.samples.flatMap((s) => s.scripts));
  result.lazy = await measureLazy(servers.appOrigin, result.main, loaded.filter((u) => !u.includes("/vendor/")));
  result.launchPage = await measureRoute(servers.appOrigin, "/launch.html", `${servers.appOrigin}/launch.html?iss=${encodeURIComponent(servers.iss)}`);
}

/** Builds (unless reused), serves, launches, measures; never throws for a failed part (see `skipped`). */
export async function runAppBench(repoRoot: string, options: AppOptions): Promise<AppResults> {
  const result: AppResults = { build: null, chromium: null, patients: [], main: null, lazy: [], launchPage: null, skipped: [] };
  const dist = join(repoRoot, BENCH_DIST_DIR);
  if (!options.keepBuild) {
    onCleanup(() => {
      rmSync(dist, { recursive: true, force: true });
      removeIfEmpty(join(repoRoot, ".bench"));
    });
  }
  if (!(options.reuseBuild && existsSync(join(dist, "BUILD_ID")))) {
    result.build = await buildApp(repoRoot, onCleanup, options.warn);
    if (!result.build.ok) {
      result.skipped.push(`next build failed; launches and bundle not measured. End of its log:\n${result.build.log.slice(-1500)}`);
      return result;
    }
  }
  const setup = chromiumSetup();
  if (setup === null) {
    result.skipped.push("system Chromium not found (scripts/chromium.mjs): launches not measured");
  }
  const servers = await startServers(repoRoot);
  try {
    if (setup !== null) {
      const browser = await chromium.launch({ executablePath: setup.path, args: setup.args, headless: true });
      onCleanup(() => void browser.close().catch(() => undefined));
      result.chromium = browser.version();
      try {
        for (const patient of [LIGHT_PATIENT, HEAVY_PATIENT]) result.patients.push(await launchPatient(browser, servers, patient, options));
      } finally {
        await browser.close();
      }
    }
    await measureBundles(servers, result.patients, result);
  } finally {
    await servers.stop();
  }
  return result;
}
