/**
 * Validation of an authorization request (SMART App Launch 2.2 step 4, RFC 6749 4.1.2.1):
 * - an unknown `client_id` or an unregistered `redirect_uri` is shown on a page, never
 *   redirected to (the redirect target cannot be trusted);
 * - every other problem is sent back to the app's redirect URI as `error=...&state=...`;
 * - PKCE is required with S256 only; `aud` must be this FHIR server's base URL;
 * - the granted scope is never wider than the client's registration, and may be narrower than
 *   asked (unknown scopes, scopes outside the registration, launch option `denyScopes`);
 * - launch options: the `launch` code (EHR launch), else the base's `sim` segment, else the
 *   launcher's standalone cookie; a launcher-style base without any is refused with "Invalid
 *   launch options", as launch.smarthealthit.org refuses `/v/r4/fhir` for a standalone launch.
 */
import type { FhirBase } from "../bases";
import type { RegisteredClient } from "../config";
import { decodeLaunchOptions, type LaunchOptions } from "../launch-options";
import type { PendingAuthorization } from "./grants";
import { grantScopes, parseResourceScope, withinRegistration } from "./scopes";

export type AuthorizeCheck =
  | { kind: "page-error"; status: number; title: string; message: string }
  | { kind: "redirect-error"; redirectUri: string; state: string | null; error: string; description: string }
  | { kind: "ok"; request: PendingAuthorization };

const CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/**
 * Check the parameters of GET/POST /auth/authorize. `standaloneOptions` are the launch options
 * a standalone launch from the launcher left in a cookie (used only when there is no `launch`).
 */
export function checkAuthorizeRequest(
  params: URLSearchParams,
  clients: readonly RegisteredClient[],
  base: FhirBase,
  standaloneOptions: LaunchOptions,
): AuthorizeCheck {
  const target = checkClient(params, clients);
  if (target.kind === "page-error") return target;
  const { client, redirectUri } = target;
  const clientId = client.clientId;
  const launch = params.get("launch");
  if (!launch && base.launcherStyle && (base.sim === null || !base.sim.ok)) {
    return { kind: "page-error", status: 400, title: "Invalid launch options", message: "A standalone launch on this server needs its launch options in the FHIR base (/v/r4/sim/{code}/fhir), as on launch.smarthealthit.org." };
  }
  const state = params.get("state");
  const fail = (error: string, description: string): AuthorizeCheck => ({ kind: "redirect-error", redirectUri, state, error, description });
  const problem = protocolProblem(params, base.url);
  if (problem) return fail(problem[0], problem[1]);
  if (!state) return fail("invalid_request", "state is required");
  let options = base.sim?.ok ? base.sim.options : standaloneOptions;
  if (launch) {
    const decoded = decodeLaunchOptions(launch);
    if (!decoded.ok) return fail("invalid_request", `launch is not a launch code of this EHR (${decoded.error})`);
    options = decoded.options;
  }
  const granted = withinRegistration(grantScopes(params.get("scope") ?? "", launch !== null, options.denyScopes), client.scopes);
  if (granted.length === 0) return fail("invalid_scope", "none of the requested scopes can be granted");
  const patientScopes = granted.some((s) => parseResourceScope(s)?.context === "patient");
  return {
    kind: "ok",
    request: {
      clientId,
      redirectUri,
      fhirBase: base.url,
      launcherStyle: base.launcherStyle,
      state,
      codeChallenge: params.get("code_challenge") ?? "",
      scope: granted.join(" "),
      options,
      nonce: params.get("nonce"),
      isEhrLaunch: launch !== null,
      needsPatient: patientScopes || granted.includes("launch/patient"),
      wantsEncounter: launch !== null || granted.includes("launch/encounter"),
    },
  };
}

/** A registered client and one of its exact redirect URIs, or the page to show instead. */
function checkClient(
  params: URLSearchParams,
  clients: readonly RegisteredClient[],
): { kind: "client"; client: RegisteredClient; redirectUri: string } | Extract<AuthorizeCheck, { kind: "page-error" }> {
  const clientId = params.get("client_id") ?? "";
  const client = clients.find((c) => c.clientId === clientId);
  if (!client) {
    return { kind: "page-error", status: 400, title: "Unknown application", message: `No application is registered with client_id "${clientId}".` };
  }
  const redirectUri = params.get("redirect_uri") ?? "";
  if (!client.redirectUris.includes(redirectUri)) {
    return {
      kind: "page-error",
      status: 400,
      title: "Redirect URI not registered",
      message: `"${redirectUri}" is not a registered redirect URI of ${clientId}. Registered: ${client.redirectUris.join(", ")}.`,
    };
  }
  return { kind: "client", client, redirectUri };
}

/** response_type, PKCE S256 and aud: `[error, description]`, or null when all is well. */
function protocolProblem(params: URLSearchParams, fhirBase: string): [string, string] | null {
  if (params.get("response_type") !== "code") return ["unsupported_response_type", "response_type must be code"];
  if (params.get("code_challenge_method") !== "S256") return ["invalid_request", "PKCE is required: code_challenge_method must be S256"];
  if (!CHALLENGE.test(params.get("code_challenge") ?? "")) return ["invalid_request", "code_challenge must be a base64url SHA-256 (43 characters)"];
  const aud = (params.get("aud") ?? "").replace(/\/+$/, "");
  if (aud !== fhirBase) return ["invalid_request", `aud must be this FHIR server's base URL (${fhirBase})`];
  return null;
}

/** The redirect URI with `params` added (keeps any query the registered URI has). */
export function withParams(redirectUri: string, params: Record<string, string | null>): string {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v !== null) url.searchParams.set(k, v);
  return url.toString();
}
