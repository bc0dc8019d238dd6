/**
 * `npm run --silent mme -- <path> [--factors cdc-2022|cdc-2016] [--as-of YYYY-MM-DD] [--lookback-days N] [--workers N] [--summary]`:
 * every current opioid order of every patient in a FHIR R4 Bundle file or a Bulk Data NDJSON
 * directory, its daily MME and why, as JSON on stdout (or the population summary). See cli/mme/main.ts.
 */
import { availableParallelism } from "node:os";
import { runMme } from "./mme/main";

/** Today's local calendar date: the default as-of date. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

runMme(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }, { today: today(), cores: availableParallelism() }).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`mme: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
