/**
 * `npm run --silent cds -- <service-id> <request.json> [--as-of YYYY-MM-DD] [--app-url URL]`:
 * runs one CDS Hooks request through the same handler as POST /cds-services/{id}
 * (lib/cds-service/handler.ts), offline: prefetch only, the FHIR server is never called.
 * Prints the response JSON exactly as the service would answer it (cards with the same ids:
 * they derive from the hook instance). Exit 0 with the response; 2 for bad input (no such
 * file, not JSON, not a CDS Hooks request, unknown service, wrong hook) with the reason on
 * stderr. No JWT: the command is run by whoever holds the file.
 */
import { readFile } from "node:fs/promises";
import { loadConfig } from "@/lib/config";
import { handleHookCall } from "@/lib/cds-service/handler";

export interface CommandResult {
  stdout: string;
  stderr: string;
  code: number;
}

const USAGE = "usage: npm run --silent cds -- <service-id> <request.json> [--as-of YYYY-MM-DD] [--app-url https://app.example.org]";

function fail(message: string): CommandResult {
  return { stdout: "", stderr: `${message}\n${USAGE}\n`, code: 2 };
}

interface Args {
  serviceId: string;
  file: string;
  asOf: string | null;
  appUrl: string | null;
}

function parseArgs(argv: readonly string[]): Args | string {
  const positional: string[] = [];
  let asOf: string | null = null;
  let appUrl: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--as-of" || arg === "--app-url") {
      const value = argv[++i];
      if (value === undefined) return `${arg} needs a value`;
      if (arg === "--as-of") asOf = value;
      else appUrl = value;
    } else if (arg.startsWith("--")) {
      return `unknown option ${arg}`;
    } else {
      positional.push(arg);
    }
  }
  const [serviceId, file, ...rest] = positional;
  if (serviceId === undefined || file === undefined || rest.length > 0) return "expected a service id and one request file";
  if (asOf !== null && (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(`${asOf}T00:00:00Z`)))) return `--as-of must be a date YYYY-MM-DD, got "${asOf}"`;
  if (appUrl !== null && !/^https?:\/\/[^\s/]+/.test(appUrl)) return `--app-url must be an http(s) URL, got "${appUrl}"`;
  return { serviceId, file, asOf, appUrl };
}

/** Runs the command (no process I/O besides reading the request file and the configuration). */
export async function runCds(argv: readonly string[], now: Date = new Date()): Promise<CommandResult> {
  const args = parseArgs(argv);
  if (typeof args === "string") return fail(args);
  let text: string;
  try {
    text = await readFile(args.file, "utf8");
  } catch {
    return fail(`cannot read ${args.file}`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return fail(`${args.file} is not JSON (${error instanceof Error ? error.message : "parse error"})`);
  }
  const config = loadConfig();
  const appUrl = (args.appUrl ?? config.appBaseUrl ?? "http://localhost:3000").replace(/\/+$/, "");
  const asOf = args.asOf ?? now.toISOString().slice(0, 10);
  const result = await handleHookCall({
    serviceId: args.serviceId, body, asOf, now: new Date(`${asOf}T12:00:00Z`), plannerLaunchUrl: `${appUrl}/launch.html`, fhirAccess: false,
  });
  if (result.status !== 200) return fail([result.body.error, ...(result.body.problems ?? []).map((p) => `  ${p}`)].join("\n"));
  return { stdout: `${JSON.stringify(result.body, null, 2)}\n`, stderr: "", code: 0 };
}
