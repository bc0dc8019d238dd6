/**
 * Test helpers: start the sandbox on a free loopback port, run SMART flows over HTTP.
 */
import { createHash, randomBytes } from "node:crypto";
import { defaultOptions, DEFAULT_REGISTERED_SCOPES, mergeClients, type SandboxOptions } from "@/sandbox/config";
import { encodeLaunchOptions, type LaunchOptions } from "@/sandbox/launch-options";
import { startSandbox, type RunningSandbox } from "@/sandbox/server";

export const CLIENT_ID = "vitest-client";
export const REDIRECT_URI = "http://localhost:3999/";
export const APP_ORIGIN = "http://localhost:3999";
export const APP_SCOPE =
  "launch openid fhirUser patient/MedicationRequest.rs patient/Medication.rs patient/Observation.rs patient/Condition.rs patient/CarePlan.rs patient/CarePlan.c online_access";

export async function startTestSandbox(extra: Partial<SandboxOptions> = {}): Promise<RunningSandbox> {
  const base = defaultOptions();
  return startSandbox({
    ...base,
    port: 0,
    clients: mergeClients(base.clients, [{ clientId: CLIENT_ID, redirectUris: [REDIRECT_URI], scopes: [...DEFAULT_REGISTERED_SCOPES] }]),
    ...extra,
  });
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

export interface AuthorizeInput {
  scope?: string;
  launch?: LaunchOptions | string | null;
  redirectUri?: string;
  clientId?: string;
  challenge?: string;
  state?: string;
  aud?: string;
  extra?: Record<string, string>;
}

/** GET /auth/authorize without following redirects. */
export async function authorize(sbx: RunningSandbox, input: AuthorizeInput): Promise<Response> {
  const q = new URLSearchParams({
    response_type: "code",
    client_id: input.clientId ?? CLIENT_ID,
    redirect_uri: input.redirectUri ?? REDIRECT_URI,
    scope: input.scope ?? APP_SCOPE,
    state: input.state ?? "state-123",
    aud: input.aud ?? sbx.fhirBase,
    code_challenge: input.challenge ?? pkcePair().challenge,
    code_challenge_method: "S256",
    ...input.extra,
  });
  if (input.launch) q.set("launch", typeof input.launch === "string" ? input.launch : encodeLaunchOptions(input.launch));
  return fetch(`${sbx.origin}/auth/authorize?${q.toString()}`, { redirect: "manual" });
}

export function redirectParams(res: Response): URLSearchParams {
  const location = res.headers.get("location");
  if (!location) throw new Error(`no redirect (status ${res.status})`);
  return new URL(location).searchParams;
}

export async function postToken(sbx: RunningSandbox, form: Record<string, string>, origin?: string): Promise<Response> {
  return fetch(`${sbx.origin}/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...(origin ? { origin } : {}) },
    body: new URLSearchParams(form).toString(),
  });
}

export interface TokenBody {
  access_token: string;
  scope: string;
  expires_in: number;
  patient?: string;
  encounter?: string;
  refresh_token?: string;
  id_token?: string;
  [key: string]: unknown;
}

export function isTokenBody(v: unknown): v is TokenBody {
  return typeof v === "object" && v !== null && "access_token" in v && typeof v.access_token === "string" && "scope" in v && typeof v.scope === "string";
}

/** The whole EHR launch: authorize (launch names patient and practitioner) -> code -> token. */
export async function launchToken(sbx: RunningSandbox, launch: LaunchOptions, scope = APP_SCOPE): Promise<TokenBody> {
  const { verifier, challenge } = pkcePair();
  const res = await authorize(sbx, { launch: { practitioner: "otp-dr-prescott", ...launch }, scope, challenge });
  const code = redirectParams(res).get("code");
  if (!code) throw new Error(`no code: ${res.headers.get("location") ?? res.status}`);
  const token = await postToken(sbx, { grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: REDIRECT_URI, client_id: CLIENT_ID });
  const body: unknown = await token.json();
  if (!isTokenBody(body)) throw new Error(`token request failed: ${JSON.stringify(body)}`);
  return body;
}

/** A FHIR request with an optional bearer token. */
export function fhir(sbx: RunningSandbox, path: string, token: string | null, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (token) headers.set("authorization", `Bearer ${token}`);
  return fetch(`${sbx.fhirBase}/${path}`, { ...init, headers });
}

/** Parse a JSON response body as a plain object (fails the test otherwise). */
export async function jsonObject(res: Response): Promise<Record<string, unknown>> {
  const body: unknown = await res.json();
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new Error(`not a JSON object: ${JSON.stringify(body)}`);
  return Object.fromEntries(Object.entries(body));
}

/** Bundle entries' resources (as plain objects). */
export function entries(bundle: Record<string, unknown>): Record<string, unknown>[] {
  const list = Array.isArray(bundle.entry) ? bundle.entry : [];
  return list.flatMap((e: unknown) => {
    if (typeof e !== "object" || e === null || !("resource" in e) || typeof e.resource !== "object" || e.resource === null) return [];
    return [Object.fromEntries(Object.entries(e.resource))];
  });
}
