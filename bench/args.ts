/** `npm run bench -- [options]`: the options, checked. */

export interface BenchArgs {
  /** Write the report to docs/benchmarks.md. */
  write: boolean;
  /** Skip the production build, the launches and the bundle (engines and command only). */
  browser: boolean;
  /** Reuse .bench/next when it holds a build (faster while iterating; the default builds afresh). */
  reuseBuild: boolean;
  /** Leave .bench/next in place afterwards. */
  keepBuild: boolean;
  /** Measured launches per patient (after one warm-up). */
  launches: number;
}

export const USAGE = `usage: npm run bench -- [--write] [--no-browser] [--reuse-build] [--keep-build] [--launches N]
  --write        also write the report to docs/benchmarks.md
  --no-browser   engines and the mme command only (no build, no Chromium)
  --reuse-build  use .bench/next if a build is there (default: build afresh)
  --keep-build   keep .bench/next afterwards (default: deleted)
  --launches N   measured launches per patient, at least 5 for the report (default 5)`;

export function parseBenchArgs(argv: readonly string[]): { ok: true; args: BenchArgs } | { ok: false; error: string } {
  const args: BenchArgs = { write: false, browser: true, reuseBuild: false, keepBuild: false, launches: 5 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--write") args.write = true;
    else if (a === "--no-browser") args.browser = false;
    else if (a === "--reuse-build") args.reuseBuild = true;
    else if (a === "--keep-build") args.keepBuild = true;
    else if (a === "--launches") {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1 || n > 50) return { ok: false, error: "--launches takes a whole number from 1 to 50" };
      args.launches = n;
    } else if (a === "--help" || a === "-h") return { ok: false, error: "" };
    else return { ok: false, error: `unknown option ${a ?? ""}` };
  }
  return { ok: true, args };
}
