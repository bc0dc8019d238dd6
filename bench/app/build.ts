/**
 * The production build the browser benchmarks run against: `next build` into its own dist
 * directory (NEXT_DIST_DIR=.bench/next), never the shared `.next`.
 *
 * Pitfall handled: `next build` rewrites tsconfig.json (adds the dist dir's types to
 * `include`, reformats) and next-env.d.ts (imports the dist dir's route types). Both are
 * shared files of the working tree, so they are restored afterwards, but only when what
 * changed is Next's own edit (a tsconfig.json edited by someone else meanwhile is left
 * alone, with a warning).
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const BENCH_DIST_DIR = ".bench/next";

interface Snapshot {
  path: string;
  text: string | null;
}

function snapshot(path: string): Snapshot {
  return { path, text: existsSync(path) ? readFileSync(path, "utf8") : null };
}

/** tsconfig.json as Next rewrites it: same JSON once the dist dir's `include` entries are dropped. */
export function onlyNextEdited(before: string, after: string, distDir: string): boolean {
  try {
    const strip = (text: string): unknown => {
      const json: unknown = JSON.parse(text);
      if (typeof json !== "object" || json === null || !("include" in json) || !Array.isArray(json.include)) return json;
      return { ...json, include: json.include.filter((p: unknown) => !(typeof p === "string" && p.startsWith(distDir))) };
    };
    return JSON.stringify(strip(before)) === JSON.stringify(strip(after));
  } catch {
    return false;
  }
}

/** Puts the shared files back as they were before the build (see the file header). */
export function restoreSharedFiles(snapshots: readonly Snapshot[], distDir: string, warn: (message: string) => void): void {
  for (const s of snapshots) {
    if (!existsSync(s.path)) continue;
    const now = readFileSync(s.path, "utf8");
    if (s.text === null) {
      // Absent before (a fresh clone: next-env.d.ts is not committed): what a default build writes.
      if (now.includes(distDir)) writeFileSync(s.path, now.split(`./${distDir}/`).join("./.next/"));
      continue;
    }
    if (now === s.text) continue;
    const nextsEdit = s.path.endsWith("tsconfig.json") ? onlyNextEdited(s.text, now, distDir) : now.includes(distDir);
    if (nextsEdit) writeFileSync(s.path, s.text);
    else warn(`${s.path} changed during the build and not only by Next: left as it is`);
  }
}

export interface BuildOutcome {
  ok: boolean;
  seconds: number;
  /** The end of the build log when it failed. */
  log: string;
}

/**
 * Runs `next build` (Turbopack, production) into `.bench/next` and restores the shared files.
 * `registerRestore` lets the caller's exit handler restore them if the run is interrupted.
 */
export async function buildApp(repoRoot: string, registerRestore: (restore: () => void) => void, warn: (m: string) => void): Promise<BuildOutcome> {
  const snaps = [snapshot(join(repoRoot, "tsconfig.json")), snapshot(join(repoRoot, "next-env.d.ts"))];
  const restore = () => restoreSharedFiles(snaps, BENCH_DIST_DIR, warn);
  registerRestore(restore);
  const start = performance.now();
  const child = spawn(process.execPath, [join(repoRoot, "node_modules/next/dist/bin/next"), "build"], {
    cwd: repoRoot,
    env: { ...process.env, NEXT_DIST_DIR: BENCH_DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const keep = (c: Buffer) => {
    log = (log + c.toString("utf8")).slice(-4000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  restore();
  return { ok: code === 0, seconds: (performance.now() - start) / 1000, log };
}
