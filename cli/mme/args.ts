/**
 * Arguments of the `mme` command:
 * `mme <path> [--factors cdc-2022|cdc-2016] [--as-of YYYY-MM-DD] [--lookback-days N]`.
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
}

export const USAGE = "usage: mme <bundle.json | bulk-data-dir | file.ndjson> [--factors cdc-2022|cdc-2016] [--as-of YYYY-MM-DD] [--lookback-days N]";

const FLAGS = new Set(["--factors", "--as-of", "--lookback-days"]);

export type ParsedArgs = { ok: true; args: MmeArgs } | { ok: false; error: string };

function collect(argv: readonly string[]): { positional: string[]; values: Map<string, string> } | string {
  const positional: string[] = [];
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    if (!FLAGS.has(flag)) return `unknown option ${flag}`;
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value === "") return `${flag} needs a value`;
    values.set(flag, value);
  }
  return { positional, values };
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const collected = collect(argv);
  if (typeof collected === "string") return { ok: false, error: collected };
  const { positional, values } = collected;
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
  return { ok: true, args: { path, factorTableId: factors, asOf, lookbackDays } };
}
