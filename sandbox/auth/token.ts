/**
 * POST /auth/token: authorization_code (with PKCE S256) and refresh_token grants for public
 * clients. SMART App Launch 2.2 step 5 and 7; RFC 6749 5.2 error codes; RFC 7636 4.6.
 * Responses carry `Cache-Control: no-store`. Refresh tokens are single use and rotated.
 */
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FhirBase } from "../bases";
import type { RegisteredClient } from "../config";
import type { Cors } from "../cors";
import { readForm, sendJson } from "../http";
import { needPatientBanner } from "../launch-options";
import { OFFLINE_REFRESH_TTL_MS, ONLINE_REFRESH_TTL_MS, type Grant, type GrantStores } from "./grants";
import { splitScopes } from "./scopes";
import { signAccessToken, signIdToken, type SigningKeys } from "./tokens";

export interface TokenDeps {
  clients: readonly RegisteredClient[];
  grants: GrantStores;
  keys: SigningKeys;
  cors: Cors;
  smartStyleUrl: string;
  /** The public launcher's style document (handed out on launcher-style bases). */
  launcherStyleUrl: string;
}

export const DEFAULT_TOKEN_LIFETIME_SECONDS = 3600;
const NO_STORE = { "cache-control": "no-store", pragma: "no-cache" };
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

type TokenError = { ok: false; status: number; error: string; description: string };
type TokenResult = { ok: true; body: Record<string, unknown> } | TokenError;

/** POST {base}/auth/token: exchange a code or a refresh token issued for `base`; errors as RFC 6749 5.2 JSON. */
export async function handleToken(deps: TokenDeps, base: FhirBase, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const cors = deps.cors.headers(req);
  const form = await readForm(req);
  const result = await exchange(deps, base, form);
  if (!result.ok) {
    sendJson(res, result.status, { error: result.error, error_description: result.description }, { ...NO_STORE, ...cors });
    return;
  }
  sendJson(res, 200, result.body, { ...NO_STORE, ...cors });
}

async function exchange(deps: TokenDeps, base: FhirBase, form: URLSearchParams): Promise<TokenResult> {
  const clientId = form.get("client_id");
  if (clientId !== null && !deps.clients.some((c) => c.clientId === clientId)) {
    return { ok: false, status: 401, error: "invalid_client", description: `unknown client_id "${clientId}"` };
  }
  const grantType = form.get("grant_type");
  if (grantType === "authorization_code") return authorizationCode(deps, base, form, clientId);
  if (grantType === "refresh_token") return refresh(deps, base, form, clientId);
  return { ok: false, status: 400, error: "unsupported_grant_type", description: "grant_type must be authorization_code or refresh_token" };
}

async function authorizationCode(deps: TokenDeps, base: FhirBase, form: URLSearchParams, clientId: string | null): Promise<TokenResult> {
  if (!clientId) return { ok: false, status: 401, error: "invalid_client", description: "a public client must send client_id" };
  const grant = deps.grants.codes.take(form.get("code") ?? "");
  const invalid = (description: string): TokenError => ({ ok: false, status: 400, error: "invalid_grant", description });
  if (!grant) return invalid("the authorization code is unknown, expired or already used");
  if (grant.fhirBase !== base.url) return invalid("the authorization code was issued by another server's authorization endpoint");
  if (grant.clientId !== clientId) return invalid("the authorization code was issued to another client");
  if (grant.redirectUri !== form.get("redirect_uri")) return invalid("redirect_uri does not match the authorization request");
  const verifier = form.get("code_verifier") ?? "";
  if (!VERIFIER.test(verifier)) return invalid("code_verifier is missing or malformed (RFC 7636)");
  if (createHash("sha256").update(verifier).digest("base64url") !== grant.codeChallenge) {
    return invalid("code_verifier does not match the code_challenge (PKCE S256)");
  }
  return tokenResponse(deps, grant);
}

async function refresh(deps: TokenDeps, base: FhirBase, form: URLSearchParams, clientId: string | null): Promise<TokenResult> {
  const grant = deps.grants.refreshTokens.take(form.get("refresh_token") ?? "");
  if (!grant) return { ok: false, status: 400, error: "invalid_grant", description: "the refresh token is unknown, expired or already used" };
  if (grant.fhirBase !== base.url) return { ok: false, status: 400, error: "invalid_grant", description: "the refresh token was issued by another server's authorization endpoint" };
  if (clientId !== null && grant.clientId !== clientId) return { ok: false, status: 400, error: "invalid_grant", description: "the refresh token was issued to another client" };
  const asked = form.get("scope");
  if (asked !== null) {
    const had = new Set(splitScopes(grant.scope));
    const narrower = splitScopes(asked);
    if (narrower.some((s) => !had.has(s))) return { ok: false, status: 400, error: "invalid_scope", description: "a refresh cannot add scopes" };
    return tokenResponse(deps, { ...grant, scope: narrower.join(" ") });
  }
  return tokenResponse(deps, grant);
}

/** The token response: access token, context, id_token (openid + fhirUser/profile), refresh token (online/offline_access). */
async function tokenResponse(deps: TokenDeps, grant: Grant): Promise<TokenResult> {
  const scopes = splitScopes(grant.scope);
  const lifetime = grant.options.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS;
  const fhirUser = grant.practitioner ? `Practitioner/${grant.practitioner}` : null;
  const accessToken = await signAccessToken(
    deps.keys,
    grant.fhirBase,
    grant.fhirBase,
    { clientId: grant.clientId, scope: grant.scope, patient: grant.patient, encounter: grant.encounter, fhirUser, sim: simOptions(grant) },
    lifetime,
  );
  const body: Record<string, unknown> = {
    access_token: accessToken,
    token_type: "Bearer",
    expires_in: lifetime,
    scope: grant.scope,
    need_patient_banner: needPatientBanner(grant.options),
    smart_style_url: grant.launcherStyle ? deps.launcherStyleUrl : deps.smartStyleUrl,
  };
  if (grant.patient) body.patient = grant.patient;
  if (grant.encounter) body.encounter = grant.encounter;
  if (fhirUser && scopes.includes("fhirUser")) body.fhirUser = fhirUser;
  if (fhirUser && scopes.includes("openid") && (scopes.includes("fhirUser") || scopes.includes("profile"))) {
    body.id_token = await signIdToken(deps.keys, grant.fhirBase, grant.clientId, fhirUser, grant.nonce);
  }
  const offline = scopes.includes("offline_access");
  if (offline || scopes.includes("online_access")) {
    body.refresh_token = deps.grants.refreshTokens.put(grant, offline ? OFFLINE_REFRESH_TTL_MS : ONLINE_REFRESH_TTL_MS);
  }
  return { ok: true, body };
}

/** Only the simulation options travel in the access token. */
function simOptions(grant: Grant) {
  const { fhirError, latencyMs, carePlanReadOnly, refuseWrites } = grant.options;
  return {
    ...(refuseWrites ? { refuseWrites } : {}),
    ...(fhirError ? { fhirError } : {}),
    ...(latencyMs ? { latencyMs } : {}),
    ...(carePlanReadOnly ? { carePlanReadOnly } : {}),
  };
}
