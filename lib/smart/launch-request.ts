/**
 * Server-side decision for a request to /launch.html, before any byte reaches an EHR.
 * - `iss` + `launch`: EHR launch; `iss` alone: standalone launch; neither: the list of EHRs.
 * - An `iss` that is not configured is refused with a page, never redirected to
 *   (an arbitrary `iss` would send the user's authorization to an attacker's server).
 * - Parameters through which fhirclient lets a URL override the app's configuration
 *   (`fhirServiceUrl` skips OAuth, `patientId`, `clientId`; smart-sources.md trap 1) are refused.
 */
import { findIssuer, type AppConfig, type IssuerConfig } from "@/lib/config";
import { buildScopes } from "./scopes";

/** Query parameters fhirclient reads from the URL and that would override our configuration. */
export const FORBIDDEN_LAUNCH_PARAMS = ["fhirServiceUrl", "patientId", "clientId", "encounterId", "fakeTokenResponse"] as const;

/** Options handed to `FHIR.oauth2.authorize` by launch.html (serializable). */
export interface AuthorizeOptions {
  iss: string;
  launch?: string;
  clientId: string;
  scope: string;
  redirectUri: string;
  pkceMode: "required" | "unsafeV1";
  completeInTarget: true;
  /** Extra headers on the `.well-known/smart-configuration` and `metadata` requests (Epic-Client-ID). */
  wellKnownRequestOptions?: { headers: Record<string, string> };
  conformanceRequestOptions?: { headers: Record<string, string> };
}

export type LaunchDecision =
  | { kind: "authorize"; issuer: IssuerConfig; options: AuthorizeOptions }
  | { kind: "choose"; issuers: { id: string; name: string; href: string }[] }
  | { kind: "refuse"; status: number; title: string; message: string };

const MAX_PARAM_LENGTH = 4096;

/** `appOrigin`: the app's public origin for this request (lib/smart/app-origin), where the EHR sends the user back. */
export function decideLaunch(params: URLSearchParams, config: AppConfig, appOrigin: string): LaunchDecision {
  for (const name of FORBIDDEN_LAUNCH_PARAMS) {
    if (params.has(name)) {
      return {
        kind: "refuse",
        status: 400,
        title: "This launch link is not allowed",
        message: `The link contains "${name}", which this app never accepts. Open the app again from your EHR.`,
      };
    }
  }
  const iss = params.get("iss");
  const launch = params.get("launch");
  if ((iss?.length ?? 0) > MAX_PARAM_LENGTH || (launch?.length ?? 0) > MAX_PARAM_LENGTH) {
    return { kind: "refuse", status: 400, title: "This launch link is not valid", message: "A launch parameter is too long. Open the app again from your EHR." };
  }
  if (!iss) {
    if (launch) {
      return { kind: "refuse", status: 400, title: "This launch link is incomplete", message: "The EHR sent a launch code without saying which FHIR server it comes from (iss). Open the app again from your EHR." };
    }
    return {
      kind: "choose",
      issuers: config.issuers.flatMap((i) => {
        const standalone = i.standaloneIss ?? (i.match === "exact" ? i.iss : null);
        return standalone ? [{ id: i.id, name: i.name, href: `/launch.html?iss=${encodeURIComponent(standalone)}` }] : [];
      }),
    };
  }
  const issuer = findIssuer(config, iss);
  if (!issuer) {
    return {
      kind: "refuse",
      status: 403,
      title: "This EHR is not registered with this app",
      message: "The app was opened from a FHIR server it does not know, so it did not send you anywhere. Ask your EHR administrator to register the server with this app (docs/registration.md).",
    };
  }
  const options: AuthorizeOptions = {
    iss,
    clientId: issuer.clientId,
    scope: buildScopes(issuer.scopeStyle, launch ? "ehr" : "standalone", issuer.requestRefresh),
    redirectUri: new URL("/", appOrigin).toString(),
    pkceMode: issuer.quirks.pkceMode,
    completeInTarget: true,
  };
  if (launch) options.launch = launch;
  if (issuer.quirks.epicClientIdHeader) {
    options.wellKnownRequestOptions = { headers: { "Epic-Client-ID": issuer.clientId } };
    options.conformanceRequestOptions = { headers: { "Epic-Client-ID": issuer.clientId } };
  }
  return { kind: "authorize", issuer, options };
}
