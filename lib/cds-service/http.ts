/**
 * The CDS Hooks HTTP endpoints as plain `Request -> Response` functions (the Next.js routes in
 * app/cds-services are one-line wrappers): discovery, service calls, feedback, and CORS.
 * - Service calls and feedback need a valid client JWT (lib/cds-service/jwt.ts) unless the
 *   configuration says `cds.requireJwt: false`; discovery holds no patient data and is open.
 * - The JWT audience is the endpoint's URL under `cds.serviceBaseUrl`, else the app's public
 *   origin (lib/smart/app-origin: `appBaseUrl`, a trusted proxy's forwarded headers, or a
 *   loopback Host for development; never `request.url`, never another Host). When neither is
 *   known the service answers 500 and says what to set, rather than guess an audience.
 * - CORS (CDS Hooks 2.0 "Cross-Origin Resource Sharing", OWASP HTML5 cheat sheet): only the
 *   configured browser origins get `Access-Control-Allow-Origin`, never `*` with data;
 *   no credentials (the JWT travels in `Authorization`).
 * - The FHIR fallback may call only the FHIR servers configured for the calling client (or,
 *   without JWTs, the configured SMART issuers).
 * Responses are JSON with `Cache-Control: no-store`; logs carry no patient data (./log.ts).
 */
import type { AppConfig } from "@/lib/config";
import { findIssuer, normalizeIss } from "@/lib/config";
import { appOrigin } from "@/lib/smart/app-origin";
import { parseCdsFeedback } from "@/lib/fhir/cds-request";
import { OVERRIDE_REASON_SYSTEM, OVERRIDE_REASONS } from "@/lib/cds";
import { cardKindOf, rememberCardKinds } from "./card-kinds";
import { discovery } from "./discovery";
import { handleHookCall } from "./handler";
import { JtiReplayCache, verifyCdsJwt, type JwtCheck } from "./jwt";
import { consoleCdsLogger, type CdsLogger } from "./log";

export interface CdsHttpContext {
  config: AppConfig;
  now: () => Date;
  log?: CdsLogger;
  replay?: JtiReplayCache;
  /** Tests: fetch for the FHIR fallback and JWKS. */
  fetch?: typeof fetch;
}

const defaultReplay = new JtiReplayCache();
const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** The public base of the services (`https://app.example.org`, no trailing slash), or null when it is not configured. */
export function serviceBase(config: AppConfig, request: Request): string | null {
  if (config.cds.serviceBaseUrl !== undefined) return config.cds.serviceBaseUrl.replace(/\/+$/, "");
  const origin = appOrigin(config, request.headers);
  return origin.ok ? origin.origin : null;
}

const BASE_NOT_CONFIGURED = "This server does not know its public address, which a CDS client's JWT audience must name: set cds.serviceBaseUrl or appBaseUrl (docs/registration.md, section 6).";

function corsHeaders(config: AppConfig, request: Request, openToAll: boolean): Record<string, string> {
  const origin = request.headers.get("origin");
  const allowed = origin !== null && config.cds.corsOrigins.some((o) => normalizeIss(o) === normalizeIss(origin));
  if (!allowed && !openToAll) return origin === null ? {} : { vary: "Origin" };
  return {
    "access-control-allow-origin": allowed && origin !== null ? origin : "*",
    "access-control-allow-methods": "GET, POST, OPTIONS",
    "access-control-allow-headers": "Authorization, Content-Type",
    "access-control-max-age": "600",
    vary: "Origin",
  };
}

function json(status: number, body: unknown, headers: Record<string, string>): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers } });
}

/** OPTIONS (CORS preflight) for any CDS endpoint. */
export function preflight(config: AppConfig, request: Request): Response {
  return new Response(null, { status: 204, headers: corsHeaders(config, request, false) });
}

/** GET /cds-services */
export function discoveryEndpoint(ctx: CdsHttpContext, request: Request): Response {
  (ctx.log ?? consoleCdsLogger)({ event: "cds.discovery", status: 200 });
  return json(200, discovery(), corsHeaders(ctx.config, request, true));
}

async function authenticate(ctx: CdsHttpContext, request: Request, audience: string): Promise<JwtCheck> {
  if (!ctx.config.cds.requireJwt && request.headers.get("authorization") === null) return { ok: true, clientId: "(no JWT: requireJwt is false)" };
  return verifyCdsJwt(request.headers.get("authorization"), {
    clients: ctx.config.cds.clients,
    audience,
    replay: ctx.replay ?? defaultReplay,
    now: ctx.now(),
    ...(ctx.fetch ? { fetchJwks: ctx.fetch } : {}),
  });
}

async function readJson(request: Request): Promise<{ ok: true; body: unknown } | { ok: false; error: string }> {
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) return { ok: false, error: "Request body too large." };
  try {
    const body: unknown = JSON.parse(text);
    return { ok: true, body };
  } catch {
    return { ok: false, error: "Request body is not JSON." };
  }
}

/** FHIR servers the fallback may read for this client (its configured list; without JWTs, the SMART issuers). */
function fhirServerPolicy(ctx: CdsHttpContext, clientId: string): (url: string) => boolean {
  const client = ctx.config.cds.clients.find((c) => c.id === clientId);
  const bases = client !== undefined ? client.fhirServers : ctx.config.cds.requireJwt ? [] : ctx.config.issuers.map((i) => i.iss);
  const allowed = new Set(bases.map(normalizeIss));
  return (url) => allowed.has(normalizeIss(url));
}

/** POST /cds-services/{id} */
export async function serviceEndpoint(ctx: CdsHttpContext, request: Request, serviceId: string): Promise<Response> {
  const log = ctx.log ?? consoleCdsLogger;
  const started = Date.now();
  const cors = corsHeaders(ctx.config, request, false);
  const base = serviceBase(ctx.config, request);
  if (base === null) return json(500, { error: BASE_NOT_CONFIGURED }, cors);
  const audience = `${base}/cds-services/${encodeURIComponent(serviceId)}`;
  const auth = await authenticate(ctx, request, audience);
  if (!auth.ok) {
    log({ event: "cds.refused", service: serviceId.slice(0, 64), status: 401, reason: auth.reason });
    return json(401, { error: "The CDS client could not be authenticated.", reason: auth.reason }, { ...cors, "www-authenticate": "Bearer" });
  }
  const parsed = await readJson(request);
  if (!parsed.ok) return json(400, { error: parsed.error }, cors);
  const now = ctx.now();
  const result = await handleHookCall({
    serviceId,
    body: parsed.body,
    asOf: now.toISOString().slice(0, 10),
    now,
    plannerLaunchUrl: `${(ctx.config.appBaseUrl ?? base).replace(/\/+$/, "")}/launch.html`,
    fhirAccess: true,
    fhirServerAllowed: fhirServerPolicy(ctx, auth.clientId),
    observationCategoryRequired: (url) => findIssuer(ctx.config, url)?.quirks.observationCategoryRequired ?? false,
    ...(ctx.fetch ? { fetch: ctx.fetch } : {}),
  });
  if (result.status !== 200) {
    log({ event: "cds.refused", service: serviceId.slice(0, 64), status: result.status, client: auth.clientId, reason: result.body.error.slice(0, 120) });
    return json(result.status, result.body, cors);
  }
  rememberCardKinds(result.cardKinds);
  log({
    event: "cds.call", service: result.serviceId, hook: result.hook, status: 200, client: auth.clientId,
    cards: result.body.cards.length, cardKinds: result.cardKinds.map(([, k]) => k), sources: result.sources, ms: Date.now() - started,
  });
  return json(200, result.body, cors);
}

const OWN_REASON_CODES = new Set<string>(Object.values(OVERRIDE_REASONS).map((r) => r.code));

/** One of this service's override reason codes, else "other" (a client's own codes are not logged: they could hold anything). */
function ownReasonCode(reason: { system: string; code: string }): string {
  return reason.system === OVERRIDE_REASON_SYSTEM && OWN_REASON_CODES.has(reason.code) ? reason.code : "other";
}

/** POST /cds-services/{id}/feedback: logs coded outcomes only (never the user's comment). */
export async function feedbackEndpoint(ctx: CdsHttpContext, request: Request, serviceId: string): Promise<Response> {
  const log = ctx.log ?? consoleCdsLogger;
  const cors = corsHeaders(ctx.config, request, false);
  const base = serviceBase(ctx.config, request);
  if (base === null) return json(500, { error: BASE_NOT_CONFIGURED }, cors);
  const audience = `${base}/cds-services/${encodeURIComponent(serviceId)}/feedback`;
  const auth = await authenticate(ctx, request, audience);
  if (!auth.ok) {
    log({ event: "cds.refused", service: serviceId.slice(0, 64), status: 401, reason: auth.reason });
    return json(401, { error: "The CDS client could not be authenticated.", reason: auth.reason }, { ...cors, "www-authenticate": "Bearer" });
  }
  const parsed = await readJson(request);
  if (!parsed.ok) return json(400, { error: parsed.error }, cors);
  const feedback = parseCdsFeedback(parsed.body);
  if (!feedback.ok) return json(400, { error: "Not a valid CDS Hooks feedback document.", problems: feedback.problems }, cors);
  for (const item of feedback.feedback) {
    log({
      event: "cds.feedback", service: serviceId.slice(0, 64), client: auth.clientId, outcome: item.outcome, cardKinds: [cardKindOf(item.card)],
      acceptedSuggestions: item.acceptedSuggestions.length,
      ...(item.overrideReason !== null ? { overrideReason: ownReasonCode(item.overrideReason) } : {}),
    });
  }
  return json(200, {}, cors);
}
