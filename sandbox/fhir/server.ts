/**
 * The FHIR endpoint (`{base}/*`, sandbox/bases.ts): token check, simulated latency and errors,
 * then dispatch to the interactions. Every answer is `application/fhir+json` with CORS headers
 * for the app. No token: 401 (RFC 6750 `WWW-Authenticate: Bearer`); expired token, or a token
 * issued for another base: 401 `invalid_token`. A path segment with a malformed %-escape: 400.
 * The one exception is the launch option `lax` on a `sim` base: like the public launcher's
 * proxy, a request without a token is answered (with unrestricted access) and logged as such,
 * so a test can prove the app never sends one.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { resourceScopes } from "../auth/scopes";
import { verifyAccessToken, type AccessClaims, type SigningKeys } from "../auth/tokens";
import type { FhirBase } from "../bases";
import type { Cors } from "../cors";
import { delay, HttpError, readBody } from "../http";
import { capabilityStatement } from "./capability";
import { isKnownResourceType } from "./definitions";
import { create, read, remove, search, update, type InteractionContext } from "./interactions";
import { errorReply, type FhirReply } from "./reply";
import type { Store } from "./resources";
import type { RequestLog } from "./request-log";
import type { SearchEngine } from "./search-engine";

export interface FhirEndpoint {
  store: Store;
  engine: SearchEngine;
  keys: SigningKeys;
  cors: Cors;
  log: RequestLog;
  defaultPageSize: number;
  maxPageSize: number;
}

const FHIR_JSON = "application/fhir+json; charset=utf-8";

/** Access of a token-less request on a lax base: what the public launcher's proxy allows (everything). */
const LAX_SCOPE = "user/*.cruds";

/** Handle a request whose path is `{base}/{path}`. */
export async function handleFhir(ep: FhirEndpoint, base: FhirBase, req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): Promise<void> {
  if (req.method === "OPTIONS") return ep.cors.preflight(req, res);
  const token = bearerToken(req);
  const verified = token ? await verifyAccessToken(ep.keys, token, base.url, base.url) : null;
  const lax = token === null && base.sim?.ok === true && base.sim.options.lax === true ? base.sim.options : null;
  let reply: FhirReply;
  if (base.sim && !base.sim.ok) {
    reply = errorReply(400, "invalid", `Invalid launch options in the FHIR base: ${base.sim.error}.`);
  } else if (path === "metadata" && req.method === "GET") {
    reply = { status: 200, body: metadata(base, verified?.ok ? verified.claims : null), headers: { vary: "Authorization, Origin" } };
  } else if (lax) {
    reply = await dispatch(ep, base, req, path, query, { clientId: "", scope: LAX_SCOPE, patient: null, encounter: null, fhirUser: null, sim: lax }).catch(failure);
  } else if (!verified) {
    reply = errorReply(401, "login", "This FHIR server requires a SMART access token (Authorization: Bearer).", { "www-authenticate": 'Bearer realm="sandbox"' });
  } else if (!verified.ok) {
    const desc = verified.message.replace(/"/g, "'");
    reply = errorReply(401, verified.expired ? "expired" : "login", verified.message, { "www-authenticate": `Bearer error="invalid_token", error_description="${desc}"` });
  } else {
    if (verified.claims.sim.latencyMs) await delay(verified.claims.sim.latencyMs);
    reply = await dispatch(ep, base, req, path, query, verified.claims).catch(failure);
  }
  const url = new URL(base.url);
  ep.log.add({
    method: req.method ?? "",
    path: `${url.pathname}/${path}${query.size ? `?${query.toString()}` : ""}`,
    status: reply.status,
    token: token !== null,
    lax: lax !== null,
    patient: verified?.ok ? verified.claims.patient : null,
  });
  send(res, reply, ep.cors.headers(req));
}

function bearerToken(req: IncomingMessage): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "");
  return m?.[1] ?? null;
}

function metadata(base: FhirBase, claims: AccessClaims | null) {
  return capabilityStatement({
    fhirBase: base.url,
    authorizeUrl: base.authorizeUrl,
    tokenUrl: base.tokenUrl,
    resourceTypes: ["Patient", "Practitioner", "Encounter", "MedicationRequest", "Medication", "Observation", "Condition", "CarePlan"],
    carePlanReadOnly: claims?.sim.carePlanReadOnly === true,
  });
}

/** Path segments, %-decoded; null when an escape is malformed (`%ZZ`, a lone `%`): a 400, not a crash. */
function pathSegments(path: string): string[] | null {
  try {
    return path.split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    return null;
  }
}

async function dispatch(ep: FhirEndpoint, base: FhirBase, req: IncomingMessage, path: string, query: URLSearchParams, claims: AccessClaims): Promise<FhirReply> {
  const segments = pathSegments(path);
  if (segments === null) return errorReply(400, "invalid", "The request path has a malformed percent-escape.");
  const [type, id, history, versionId, ...rest] = segments;
  if (!type) return errorReply(403, "forbidden", "Batch, transaction and system-level requests are not available to SMART app tokens here.");
  if (!isKnownResourceType(type)) return errorReply(404, "not-found", `Unknown resource type "${type}".`);
  const fhirError = claims.sim.fhirError;
  if (fhirError?.resourceType === type) {
    const retry: Record<string, string> = fhirError.status === 429 ? { "retry-after": "2" } : {};
    return errorReply(fhirError.status, fhirError.status === 429 ? "throttled" : "exception", `Simulated ${fhirError.status} for ${type} (sandbox launch option).`, retry);
  }
  const writing = req.method === "POST" || req.method === "PUT";
  if (writing && claims.sim.refuseWrites !== undefined && id !== "_search") {
    const status = claims.sim.refuseWrites;
    return errorReply(status, status === 403 ? "forbidden" : "processing", status === 403
      ? "You do not have permission to add care plans to this patient's chart (simulated by the sandbox launch option refuseWrites)."
      : "The care plan was not accepted by the EHR (simulated by the sandbox launch option refuseWrites).");
  }
  const ctx: InteractionContext = {
    repo: ep.store.repo,
    router: ep.store.router,
    engine: ep.engine,
    base: base.url,
    scopes: resourceScopes(claims.scope),
    patient: claims.patient,
    sim: claims.sim,
    defaultPageSize: ep.defaultPageSize,
    maxPageSize: ep.maxPageSize,
  };
  const method = req.method ?? "GET";
  if (rest.length) return errorReply(404, "not-found", "Unknown path.");
  if (method === "GET" && !id) return search(ctx, type, query);
  if (method === "POST" && id === "_search" && !history) return search(ctx, type, mergeQuery(query, new URLSearchParams(await readBody(req))));
  if (method === "GET" && id && !history) return read(ctx, type, id, null);
  if (method === "GET" && id && history === "_history" && versionId) return read(ctx, type, id, versionId);
  if (method === "POST" && !id) return create(ctx, type, await readJson(req), req.headers);
  if (method === "PUT" && id && !history) return update(ctx, type, id, await readJson(req), req.headers);
  if (method === "DELETE" && id && !history) return remove(ctx, type, id);
  return errorReply(405, "not-supported", `${method} /${path} is not supported.`);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "The request body is not JSON.");
  }
}

function mergeQuery(a: URLSearchParams, b: URLSearchParams): URLSearchParams {
  const merged = new URLSearchParams(a);
  for (const [k, v] of b) merged.append(k, v);
  return merged;
}

function failure(e: unknown): FhirReply {
  if (e instanceof HttpError) return errorReply(e.status, e.status === 413 ? "too-long" : "invalid", e.message);
  return errorReply(500, "exception", e instanceof Error ? e.message : "Unexpected error");
}

function send(res: ServerResponse, reply: FhirReply, cors: Record<string, string>): void {
  const headers: Record<string, string> = { "cache-control": "no-store", ...cors, ...reply.headers };
  if (reply.body) headers["content-type"] = FHIR_JSON;
  res.writeHead(reply.status, headers);
  res.end(reply.body ? JSON.stringify(reply.body) : undefined);
}
