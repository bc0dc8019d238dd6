/**
 * Sandbox configuration: port, registered SMART clients, the app's launch URL, extra data.
 * From command-line arguments (first) and environment variables (documented in sandbox/README.md).
 */
import { buildScopes } from "@/lib/smart/scopes";

export interface RegisteredClient {
  clientId: string;
  /** Exact redirect URIs (SMART: "must exactly match a registered one"). */
  redirectUris: string[];
  /** The scopes the client is registered for: a grant never goes beyond them (auth/scopes `withinRegistration`). */
  scopes: string[];
}

/**
 * What a client is registered for by default: every scope this app asks for (lib/smart/scopes,
 * v1 and v2 syntax, EHR and standalone launch, with refresh), plus `profile`, `launch/encounter`
 * and `offline_access`, which an EHR commonly registers beside them. No `user/` or `system/` scope.
 */
export const DEFAULT_REGISTERED_SCOPES: readonly string[] = [
  ...new Set([
    ...(["v1", "v2"] as const).flatMap((style) => (["ehr", "standalone"] as const).flatMap((kind) => buildScopes(style, kind, true).split(" "))),
    "profile",
    "launch/encounter",
    "offline_access",
  ]),
];

export interface SandboxOptions {
  /** 0 picks a free port. */
  port: number;
  /** Loopback only by default. */
  host: string;
  /** Origin the sandbox is reached at (iss, token aud, links). Default `http://localhost:{port}`. */
  publicOrigin?: string;
  clients: RegisteredClient[];
  /** The app's SMART launch URL, used by the launcher's buttons. */
  appLaunchUrl: string;
  /** Extra browser origins allowed by CORS (the redirect URIs' origins always are). */
  corsOrigins: string[];
  /** Folders of FHIR transaction bundles to load besides the scenario patients (SANDBOX_DATA). */
  dataDirs: string[];
  /** The day scenario dates are computed from. Default: today. */
  asOf?: Date;
  /** Search page sizes, as a stock HAPI server: 20 by default, at most 200 per page. */
  defaultPageSize: number;
  maxPageSize: number;
}

export const DEFAULT_PORT = 4010;
export const DEFAULT_APP_PORT = 3000;
export const DEFAULT_CLIENT_ID = "opioid-taper-planner";

/** The client registered by default: the app on its default port (config/smart.json). */
export function defaultClient(appPort = DEFAULT_APP_PORT): RegisteredClient {
  return { clientId: DEFAULT_CLIENT_ID, redirectUris: [`http://localhost:${appPort}/`, `http://127.0.0.1:${appPort}/`], scopes: [...DEFAULT_REGISTERED_SCOPES] };
}

/** Defaults: port 4010 on 127.0.0.1, the app's client on port 3000, HAPI page sizes. */
export function defaultOptions(): SandboxOptions {
  return {
    port: DEFAULT_PORT,
    host: "127.0.0.1",
    clients: [defaultClient()],
    appLaunchUrl: `http://localhost:${DEFAULT_APP_PORT}/launch.html`,
    corsOrigins: [],
    dataDirs: [],
    defaultPageSize: 20,
    maxPageSize: 200,
  };
}

/**
 * Parse `--client id=uri[,uri...]` / SANDBOX_CLIENTS entries (`;`-separated).
 * Throws with a readable message on a malformed entry.
 */
export function parseClientSpec(spec: string): RegisteredClient {
  const eq = spec.indexOf("=");
  const clientId = spec.slice(0, eq).trim();
  const redirectUris = spec.slice(eq + 1).split(",").map((u) => u.trim()).filter(Boolean);
  if (eq <= 0 || !/^[\w.-]{1,100}$/.test(clientId) || redirectUris.length === 0) {
    throw new Error(`Invalid client "${spec}": expected clientId=redirectUri[,redirectUri...]`);
  }
  for (const uri of redirectUris) {
    const u = new URL(uri);
    if (u.hash) throw new Error(`Invalid redirect URI "${uri}": no fragment allowed`);
  }
  return { clientId, redirectUris, scopes: [...DEFAULT_REGISTERED_SCOPES] };
}

/** Add clients; a client id seen twice gets the union of its redirect URIs and registered scopes. */
export function mergeClients(base: readonly RegisteredClient[], extra: readonly RegisteredClient[]): RegisteredClient[] {
  const byId = new Map<string, { uris: Set<string>; scopes: Set<string> }>();
  for (const c of [...base, ...extra]) {
    const entry = byId.get(c.clientId) ?? { uris: new Set<string>(), scopes: new Set<string>() };
    c.redirectUris.forEach((u) => entry.uris.add(u));
    c.scopes.forEach((s) => entry.scopes.add(s));
    byId.set(c.clientId, entry);
  }
  return [...byId].map(([clientId, { uris, scopes }]) => ({ clientId, redirectUris: [...uris], scopes: [...scopes] }));
}

/** Options from argv (`--port`, `--client`, `--app-launch-url`, `--data`, `--cors-origin`, `--public-origin`) and env. */
export function resolveOptions(argv: readonly string[], env: Record<string, string | undefined>): SandboxOptions {
  const options = defaultOptions();
  const extraClients: RegisteredClient[] = [];
  const args = [...argv];
  const value = (flag: string): string => {
    const v = args.shift();
    if (v === undefined) throw new Error(`${flag} needs a value`);
    return v;
  };
  const envPort = env.SANDBOX_PORT;
  if (envPort) options.port = parsePort(envPort);
  for (const spec of (env.SANDBOX_CLIENTS ?? "").split(";").filter((s) => s.trim())) extraClients.push(parseClientSpec(spec));
  if (env.SANDBOX_APP_LAUNCH_URL) options.appLaunchUrl = new URL(env.SANDBOX_APP_LAUNCH_URL).toString();
  if (env.SANDBOX_DATA) options.dataDirs.push(env.SANDBOX_DATA);
  if (env.SANDBOX_CORS_ORIGINS) options.corsOrigins.push(...env.SANDBOX_CORS_ORIGINS.split(",").map((o) => new URL(o).origin));
  if (env.SANDBOX_PUBLIC_ORIGIN) options.publicOrigin = new URL(env.SANDBOX_PUBLIC_ORIGIN).origin;
  while (args.length) {
    const flag = args.shift();
    if (flag === "--port") options.port = parsePort(value(flag));
    else if (flag === "--client") extraClients.push(parseClientSpec(value(flag)));
    else if (flag === "--app-launch-url") options.appLaunchUrl = new URL(value(flag)).toString();
    else if (flag === "--data") options.dataDirs.push(value(flag));
    else if (flag === "--cors-origin") options.corsOrigins.push(new URL(value(flag)).origin);
    else if (flag === "--public-origin") options.publicOrigin = new URL(value(flag)).origin;
    else throw new Error(`Unknown argument "${flag ?? ""}"`);
  }
  options.clients = mergeClients(options.clients, extraClients);
  return options;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port "${text}"`);
  return port;
}
