/**
 * `FhirTransport` over fhirclient's `client.request` (which adds the bearer token and
 * refreshes it shortly before it expires when a refresh token was granted).
 *
 * fhirclient pitfalls handled here (checked in fhirclient 2.6.3 lib/Client.js):
 * - Any 4xx/5xx rejects with an `HttpError` whose message holds the URL (patient id) and
 *   the body; it is mapped back to a plain status-bearing response, and the message is
 *   never shown or logged.
 * - On a 401 fhirclient clears the session (tokens included) and does NOT refresh. When a
 *   refresh token was granted (`online_access`/`offline_access`) the tokens are put back,
 *   `client.refresh()` is called once and the request is retried once; if that fails the
 *   401 is returned and the caller shows "session expired: relaunch from the EHR".
 * - A failed proactive refresh rejects with the token endpoint's error (400/401): that is
 *   a 401 for the app (session over), not a FHIR "bad request".
 * - `pageLimit: 1`: paging is done by lib/fhir/paging (bounded, on-base links only), never
 *   by fhirclient (which would send the token to any `next` URL).
 * - Never a request without a token: fhirclient sends a request with no Authorization
 *   header once its token is gone (after a 401 it clears the session; a failed refresh
 *   leaves `{}`), and a server that accepts anonymous requests (the public SMART launcher
 *   proxies them) would answer it, e.g. an unattributed CarePlan write (issue 19.1). The
 *   transport checks for an access token before every send; without one, and after any 401
 *   that no refresh could cure, the session is over: every later request answers 401 here,
 *   without touching the network, and `onSessionEnd` tells the UI once.
 */
import type { FhirRequest, FhirResponse, FhirTransport } from "@/lib/fhir/transport";
import { ownProp } from "./launch-context";

/** The part of fhirclient's `Client` this module uses (the real class satisfies it). */
export interface SmartClientLike {
  state: { serverUrl: string; scope?: string | undefined; tokenUri?: string | undefined; expiresAt?: number | undefined; tokenResponse?: object | undefined };
  request(options: SmartRequestOptions, fhirOptions?: { pageLimit?: number; useRefreshToken?: boolean }): Promise<unknown>;
  refresh(): Promise<unknown>;
  getFhirUser(): string | null;
}

export interface SmartRequestOptions {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  includeResponse: true;
}

export interface TransportHooks {
  /** Called after each successful token refresh (proactive or after a 401). Never receives a token. */
  onTokenRefresh?: () => void;
  /** Called once when the session is over (no token, or a 401 no refresh could cure). */
  onSessionEnd?: () => void;
}

/** The answer to any request once the session is over: nothing was sent. */
function sessionOver(): FhirResponse {
  return { status: 401, body: null, headers: {} };
}

/** The access token fhirclient would send, or null (absent, empty, or not a string). */
function accessToken(client: SmartClientLike): string | null {
  const token = ownProp(client.state.tokenResponse, "access_token");
  return typeof token === "string" && token.trim() !== "" ? token : null;
}

/** Type guard for a fhirclient Client (used on the value `ready()` resolves with). */
export function isSmartClient(value: unknown): value is SmartClientLike {
  const state = ownProp(value, "state");
  return (
    typeof value === "object" && value !== null &&
    "request" in value && typeof value.request === "function" &&
    "refresh" in value && typeof value.refresh === "function" &&
    "getFhirUser" in value && typeof value.getFhirUser === "function" &&
    typeof ownProp(state, "serverUrl") === "string"
  );
}

function statusOf(error: unknown): number | undefined {
  const status = ownProp(error, "status");
  return typeof status === "number" ? status : undefined;
}

/** A fetch Response, by shape (fhirclient's Node build uses cross-fetch, whose Response is another class). */
interface ResponseLike {
  status: number;
  url: string;
  /** Lower-case names. */
  headers: Record<string, string>;
}

function asResponse(value: unknown): ResponseLike | null {
  if (typeof value !== "object" || value === null) return null;
  if (!("status" in value) || typeof value.status !== "number" || !("url" in value) || typeof value.url !== "string") return null;
  const headers: Record<string, string> = {};
  const source = "headers" in value ? value.headers : null;
  if (typeof source === "object" && source !== null && "forEach" in source && typeof source.forEach === "function") {
    source.forEach((v: unknown, name: unknown) => {
      if (typeof v === "string" && typeof name === "string") headers[name.toLowerCase()] = v;
    });
  }
  return { status: value.status, url: value.url, headers };
}

function responseProp(error: unknown): ResponseLike | null {
  return typeof error === "object" && error !== null && "response" in error ? asResponse(error.response) : null;
}

/** fhirclient's HttpError appends a JSON body after a blank line; recover it (OperationOutcome), else null. */
export function bodyFromHttpErrorMessage(message: unknown): unknown {
  if (typeof message !== "string") return null;
  const at = message.indexOf("\n\n");
  if (at < 0) return null;
  try {
    const body: unknown = JSON.parse(message.slice(at + 2));
    return body;
  } catch {
    return null;
  }
}

function responseOfError(error: unknown, status: number): FhirResponse {
  return { status, body: bodyFromHttpErrorMessage(error instanceof Error ? error.message : null), headers: responseProp(error)?.headers ?? {} };
}

function isTokenEndpointError(error: unknown, client: SmartClientLike): boolean {
  const url = responseProp(error)?.url;
  return Boolean(url && client.state.tokenUri && url === client.state.tokenUri);
}

function canRefresh(tokens: object | undefined): boolean {
  const scope = ownProp(tokens, "scope");
  return typeof ownProp(tokens, "refresh_token") === "string" && typeof scope === "string" && /\b(online|offline)_access\b/.test(scope);
}

/**
 * A safe stand-in for errors whose text may hold a URL (with the patient id) or a body
 * snippet: named `NetworkError` so normalizeError reports "no connection to the EHR".
 */
function sanitized(error: unknown): Error {
  if (error instanceof Error && error.name === "AbortError") return error;
  const safe = new Error("The FHIR request failed before a response could be read.");
  safe.name = "NetworkError";
  return safe;
}

async function send(client: SmartClientLike, req: FhirRequest): Promise<FhirResponse> {
  const headers: Record<string, string> = { accept: "application/fhir+json", ...req.headers };
  const options: SmartRequestOptions = { url: req.url, method: req.method, headers, includeResponse: true };
  if (req.body !== undefined) {
    options.body = JSON.stringify(req.body);
    headers["content-type"] ??= "application/fhir+json";
  }
  const result = await client.request(options, { pageLimit: 1 });
  const response = asResponse(ownProp(result, "response"));
  const body = ownProp(result, "body");
  return {
    status: response?.status ?? 200,
    body: body === "" || body === undefined ? null : body,
    headers: response?.headers ?? {},
  };
}

/** One request through fhirclient, mapped to a response; `onRefreshed` when fhirclient refreshed the token first. */
async function attemptOnce(client: SmartClientLike, req: FhirRequest, onRefreshed: () => void): Promise<FhirResponse> {
  const expiresBefore = client.state.expiresAt;
  try {
    const response = await send(client, req);
    if (client.state.expiresAt !== expiresBefore) onRefreshed();
    return response;
  } catch (error) {
    const status = statusOf(error);
    if (status === undefined) {
      // A body that is not JSON despite a JSON content type: a response arrived but is unreadable.
      if (error instanceof SyntaxError) return { status: 200, body: null, headers: {} };
      // fhirclient refuses to refresh an expiring token without online/offline_access: the session is over.
      if (error instanceof Error && /^Unable to refresh/.test(error.message)) return { status: 401, body: null, headers: {} };
      throw sanitized(error);
    }
    if (isTokenEndpointError(error, client)) return { status: 401, body: null, headers: {} };
    return responseOfError(error, status);
  }
}

/**
 * Wrap a fhirclient `Client` as a `FhirTransport`. Resolves for every HTTP status; rejects
 * only when no response arrived (network, abort), with an error that carries no token, URL
 * or body. A 401 after a failed refresh (or without refresh) resolves as a 401 response.
 */
export function createFhirclientTransport(client: SmartClientLike, hooks: TransportHooks = {}): FhirTransport {
  // fhirclient wipes the in-memory tokens on every 401, even when another request already
  // refreshed them: keep the newest known-good tokens to put back.
  let latest: object | undefined;
  const refreshed = (): void => {
    latest = client.state.tokenResponse ? { ...client.state.tokenResponse } : undefined;
    hooks.onTokenRefresh?.();
  };
  // One refresh at a time: parallel searches that meet the same 401 share it.
  let recovery: Promise<boolean> | null = null;
  const recover = (tokens: object | undefined): Promise<boolean> => {
    recovery ??= refreshAfter401(client, tokens, refreshed).finally(() => {
      recovery = null;
    });
    return recovery;
  };
  let over = false;
  const end = (): FhirResponse => {
    if (!over) {
      over = true;
      hooks.onSessionEnd?.();
    }
    return sessionOver();
  };
  /** One send, only with a token; a final 401 ends the session. */
  const attempt = async (req: FhirRequest): Promise<FhirResponse> => {
    if (over || accessToken(client) === null) return end();
    return attemptOnce(client, req, refreshed);
  };
  return {
    baseUrl: client.state.serverUrl.replace(/\/+$/, ""),
    async request(req: FhirRequest): Promise<FhirResponse> {
      const tokens = client.state.tokenResponse ? { ...client.state.tokenResponse } : undefined;
      const first = await attempt(req);
      if (first.status !== 401 || over) return first;
      const refreshedSince = latest !== undefined && ownProp(latest, "access_token") !== ownProp(tokens, "access_token");
      if (!refreshedSince && (!canRefresh(tokens) || !(await recover(tokens)))) return end();
      if (latest) client.state.tokenResponse = { ...latest }; // undo fhirclient's wipe of the newer tokens
      const second = await attempt(req);
      return second.status === 401 ? end() : second;
    },
  };
}

/** Put back the tokens fhirclient cleared on a 401 and refresh once; false when the refresh is refused. */
async function refreshAfter401(client: SmartClientLike, tokens: object | undefined, refreshed: () => void): Promise<boolean> {
  client.state.tokenResponse = tokens;
  try {
    await client.refresh();
    refreshed();
    return true;
  } catch {
    client.state.tokenResponse = {};
    return false;
  }
}
