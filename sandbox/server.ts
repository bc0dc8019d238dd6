/**
 * The sandbox EHR as one loopback HTTP server: launcher, SMART authorization server, FHIR R4
 * server and a few helper endpoints for tests. `startSandbox` is used by sandbox/main.ts,
 * scripts/demo.mjs (through main.ts) and the Vitest integration tests.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { handleAuthorize, handleDecide } from "./auth/authorize";
import { jwks, LAUNCHER_SMART_STYLE, openidConfiguration, smartConfiguration, SMART_STYLE, type Endpoints } from "./auth/discovery";
import { GrantStores } from "./auth/grants";
import { handleToken } from "./auth/token";
import { createSigningKeys } from "./auth/tokens";
import { routeBase, type FhirBase } from "./bases";
import type { SandboxOptions } from "./config";
import { Cors } from "./cors";
import { Directory } from "./directory";
import { RequestLog } from "./fhir/request-log";
import { createStore, loadBundleDir, type Store } from "./fhir/resources";
import { SearchEngine } from "./fhir/search-engine";
import { handleFhir, type FhirEndpoint } from "./fhir/server";
import { handleSignOrder, type SignOrderDeps } from "./cds/page";
import { HttpError, sendJson } from "./http";
import { handleEhrFrame, handleLauncher, handleStandalone, type LauncherDeps } from "./launcher/routes";
import { buildScenarioResources, clockFor, SCENARIOS } from "./scenarios";

export interface RunningSandbox {
  origin: string;
  fhirBase: string;
  port: number;
  store: Store;
  log: RequestLog;
  /** Entries loaded from each SANDBOX_DATA bundle file. */
  loaded: Map<string, number>;
  close(): Promise<void>;
}

interface App {
  origin: string;
  jwksUrl: string;
  cors: Cors;
  fhir: FhirEndpoint;
  launcher: LauncherDeps;
  signOrder: SignOrderDeps;
  auth: Parameters<typeof handleAuthorize>[0];
  token: Parameters<typeof handleToken>[0];
  log: RequestLog;
}

/** Build the store (scenarios + SANDBOX_DATA), generate keys, listen; `close()` stops it. */
export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const clock = clockFor(options.asOf ?? new Date());
  const store = await createStore(buildScenarioResources(clock));
  const loaded = new Map<string, number>();
  for (const dir of options.dataDirs) for (const [file, n] of await loadBundleDir(store, dir)) loaded.set(file, n);
  const keys = await createSigningKeys();
  let app: App | null = null;
  const server = createServer((req, res) => {
    if (!app) return void res.writeHead(503).end();
    route(app, req, res).catch((e: unknown) => fail(res, e));
  });
  const port = await listen(server, options.port, options.host);
  const origin = options.publicOrigin ?? `http://localhost:${port}`;
  const fhirBase = `${origin}/fhir`;
  const appOrigins = new Set(options.clients.flatMap((c) => c.redirectUris.map((u) => new URL(u).origin)));
  const cors = new Cors([...appOrigins, ...options.corsOrigins]);
  const directory = new Directory(store.repo);
  const grants = new GrantStores();
  const log = new RequestLog();
  const descriptions = new Map(SCENARIOS.map((s) => [s.id, s.summary]));
  app = {
    origin,
    jwksUrl: `${origin}/auth/jwks`,
    cors,
    log,
    fhir: { store, engine: new SearchEngine(store.repo), keys, cors, log, defaultPageSize: options.defaultPageSize, maxPageSize: options.maxPageSize },
    launcher: { repo: store.repo, directory, fhirBase, appLaunchUrl: options.appLaunchUrl, appOrigins, asOf: clock.date(0) },
    signOrder: { keys, origin, fhirBase, appOrigin: new URL(options.appLaunchUrl).origin, directory, appLaunchUrl: options.appLaunchUrl, today: clock.date(0) },
    auth: { clients: options.clients, directory, grants, descriptions },
    token: { clients: options.clients, grants, keys, cors, smartStyleUrl: `${origin}/smart-style.json`, launcherStyleUrl: `${origin}/smart-style-launcher.json` },
  };
  return { origin, fhirBase, port, store, log, loaded, close: () => close(server) };
}

async function route(app: App, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://sandbox.invalid");
  const path = url.pathname;
  const method = req.method ?? "GET";
  const json = (body: unknown) => sendJson(res, 200, body, { ...app.cors.headers(req), "cache-control": "no-cache" });
  const routed = routeBase(app.origin, path);
  if (routed?.area === "fhir" && !routed.rest.startsWith(".well-known/")) return handleFhir(app.fhir, routed.base, req, res, routed.rest, url.searchParams);
  if (method === "OPTIONS") return app.cors.preflight(req, res);
  if (routed?.area === "fhir" && method === "GET") {
    if (routed.rest === ".well-known/smart-configuration") return json(smartConfiguration(endpointsOf(app, routed.base)));
    if (routed.rest === ".well-known/openid-configuration") return json(openidConfiguration(endpointsOf(app, routed.base)));
  }
  if (routed?.area === "auth") return routeAuth(app, routed.base, routed.rest, req, res, url.searchParams);
  if (method === "GET" && path === "/.well-known/smart-configuration") return json(smartConfiguration(endpointsOf(app, routeBaseOrThrow(app, "/fhir"))));
  if (method === "GET" && path === "/smart-style.json") return json(SMART_STYLE);
  if (method === "GET" && path === "/smart-style-launcher.json") return json(LAUNCHER_SMART_STYLE);
  if (method === "GET" && path === "/") return handleLauncher(app.launcher, res, url.searchParams);
  if (method === "GET" && path === "/launch/standalone") return handleStandalone(app.launcher, res, url.searchParams);
  if (method === "GET" && path === "/ehr") return handleEhrFrame(app.launcher, res, url.searchParams);
  if (method === "GET" && path === "/cds/sign") return handleSignOrder(app.signOrder, res, url.searchParams);
  if (method === "GET" && path === "/health") return void res.writeHead(200, { "content-type": "text/plain" }).end("ok");
  if (method === "GET" && path === "/sandbox/scenarios") return json(SCENARIOS.map(({ build: _build, ...s }) => s));
  if (method === "GET" && path === "/sandbox/requests") return json(app.log.list());
  if (method === "DELETE" && path === "/sandbox/requests") return void (app.log.clear(), res.writeHead(204).end());
  throw new HttpError(404, "Not found");
}

/** `/auth/*` of one base: authorize (GET/POST), the picker's decision, token, JWKS. */
function routeAuth(app: App, base: FhirBase, rest: string, req: IncomingMessage, res: ServerResponse, query: URLSearchParams): Promise<void> | void {
  const method = req.method ?? "GET";
  if ((method === "GET" || method === "POST") && rest === "authorize") return handleAuthorize(app.auth, base, req, res, query);
  if (method === "POST" && rest === "authorize/decide") return handleDecide(app.auth, req, res);
  if (method === "POST" && rest === "token") return handleToken(app.token, base, req, res);
  if (method === "GET" && rest === "jwks") return sendJson(res, 200, jwks(app.fhir.keys), { ...app.cors.headers(req), "cache-control": "no-cache" });
  throw new HttpError(404, "Not found");
}

function routeBaseOrThrow(app: App, path: string): FhirBase {
  const routed = routeBase(app.origin, path);
  if (!routed) throw new Error(`no FHIR base at ${path}`);
  return routed.base;
}

function endpointsOf(app: App, base: FhirBase): Endpoints {
  return { fhirBase: base.url, authorizeUrl: base.authorizeUrl, tokenUrl: base.tokenUrl, jwksUrl: app.jwksUrl };
}

function fail(res: ServerResponse, e: unknown): void {
  if (res.headersSent) return void res.end();
  const status = e instanceof HttpError ? e.status : 500;
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  res.end(e instanceof Error ? e.message : "Unexpected error");
  if (status === 500) console.error(e);
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      if (address && typeof address === "object") resolve(address.port);
      else reject(new Error("The sandbox server has no address"));
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
