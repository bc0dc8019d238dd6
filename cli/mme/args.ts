/**
 * Arguments of the `mme` command:
 * `mme <path> [--factors cdc-2022|cdc-2016] [--as-of YYYY-MM-DD] [--lookback-days N] [--workers N] [--summary]`.
 * Every malformed argument is an error sentence (exit 2), never a guessed value.
 */
import type { FactorTableId } from "@/lib/domain";
import { DEFAULT_LOOKBACK_DAYS } from "@/lib/mme";
import { isIsoDate } from "@/lib/mme/dates";

export interface MmeArgs {
  path: string;
  factorTableId: FactorTableId;
  /** null: today, read by the command. */
  asOf: string | null;
  lookbackDays: number;
  /** Worker threads for the second pass; null: one per core (os.availableParallelism), read by the command. */
  workers: number | null;
  /** Print the population summary instead of every patient. */
  summary: boolean;
}

/** At most this many worker threads (each holds a copy of the engine and the Medication index). */
export const MAX_WORKERS = 64;

export const USAGE =
  "usage: mme <bundle.json | bulk-data-dir | file.ndjson> [--factors cdc-2022|cdc-2016] [--as-of YYYY-MM-DD] [--lookback-days N] [--workers N] [--summary]";

const FLAGS = new Set(["--factors", "--as-of", "--lookback-days", "--workers"]);
const SWITCHES = new Set(["--summary"]);

export type ParsedArgs = { ok: true; args: MmeArgs } | { ok: false; error: string };

function collect(argv: readonly string[]): { positional: string[]; values: Map<string, string>; switches: Set<string> } | string {
  const positional: string[] = [];
  const values = new Map<string, string>();
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    if (SWITCHES.has(arg)) {
      switches.add(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    if (!FLAGS.has(flag)) return `unknown option ${flag}`;
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value === "") return `${flag} needs a value`;
    values.set(flag, value);
  }
  return { positional, values, switches };
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const collected = collect(argv);
  if (typeof collected === "string") return { ok: false, error: collected };
  const { positional, values, switches } = collected;
  const [path] = positional;
  if (path === undefined || positional.length !== 1) return { ok: false, error: "give exactly one input path" };
  const factors = values.get("--factors") ?? "cdc-2022";
  if (factors !== "cdc-2022" && factors !== "cdc-2016") return { ok: false, error: `--factors must be cdc-2022 or cdc-2016, not ${factors}` };
  const asOf = values.get("--as-of") ?? null;
  if (asOf !== null && !isIsoDate(asOf)) return { ok: false, error: `--as-of must be a date YYYY-MM-DD, not ${asOf}` };
  const lookback = values.get("--lookback-days");
  const lookbackDays = lookback === undefined ? DEFAULT_LOOKBACK_DAYS : Number(lookback);
  if (!Number.isInteger(lookbackDays) || lookbackDays < 0 || (lookback !== undefined && !/^\d+$/.test(lookback))) {
    return { ok: false, error: `--lookback-days must be a whole number of days, not ${lookback ?? ""}` };
  }
  const workersText = values.get("--workers");
  const workers = workersText === undefined ? null : Number(workersText);
  if (workers !== null && (!/^\d+$/.test(workersText ?? "") || workers < 1 || workers > MAX_WORKERS)) {
    return { ok: false, error: `--workers must be a whole number from 1 to ${MAX_WORKERS}, not ${workersText ?? ""}` };
  }
  return { ok: true, args: { path, factorTableId: factors, asOf, lookbackDays, workers, summary: switches.has("--summary") } };
}
