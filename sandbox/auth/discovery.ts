/**
 * Discovery documents: `{fhirBase}/.well-known/smart-configuration` (SMART App Launch 2.2
 * conformance: S256 only, never `plain`), the OpenID configuration and JWKS for `id_token`
 * verification, and the `smart_style_url` document (SMART "App styling", experimental).
 */
import type { SigningKeys } from "./tokens";

export interface Endpoints {
  fhirBase: string;
  authorizeUrl: string;
  tokenUrl: string;
  jwksUrl: string;
}

export const SMART_CAPABILITIES = [
  "launch-ehr",
  "launch-standalone",
  "client-public",
  "context-ehr-patient",
  "context-ehr-encounter",
  "context-standalone-patient",
  "context-banner",
  "context-style",
  "permission-v1",
  "permission-v2",
  "permission-patient",
  "permission-user",
  "permission-online",
  "permission-offline",
  "sso-openid-connect",
] as const;

/** SMART discovery document (SMART App Launch 2.2 conformance: REQUIRED fields, S256 only). */
export function smartConfiguration(e: Endpoints): Record<string, unknown> {
  return {
    issuer: e.fhirBase,
    jwks_uri: e.jwksUrl,
    authorization_endpoint: e.authorizeUrl,
    token_endpoint: e.tokenUrl,
    token_endpoint_auth_methods_supported: ["none"],
    grant_types_supported: ["authorization_code", "refresh_token"],
    response_types_supported: ["code"],
    code_challenge_methods_supported: ["S256"],
    scopes_supported: [
      "openid",
      "fhirUser",
      "profile",
      "launch",
      "launch/patient",
      "launch/encounter",
      "online_access",
      "offline_access",
      "patient/*.rs",
      "patient/*.cruds",
      "patient/*.read",
      "patient/*.write",
      "user/*.rs",
      "user/*.read",
    ],
    capabilities: [...SMART_CAPABILITIES],
  };
}

/** OpenID Provider metadata for the `id_token` issuer (the FHIR base, as in the SMART document). */
export function openidConfiguration(e: Endpoints): Record<string, unknown> {
  return {
    issuer: e.fhirBase,
    jwks_uri: e.jwksUrl,
    authorization_endpoint: e.authorizeUrl,
    token_endpoint: e.tokenUrl,
    response_types_supported: ["code"],
    subject_types_supported: ["public"],
    id_token_signing_alg_values_supported: ["RS256"],
    claims_supported: ["sub", "iss", "aud", "exp", "iat", "fhirUser", "nonce"],
  };
}

/** The public signing key set (RS256) that verifies access tokens and `id_token`s. */
export function jwks(keys: SigningKeys): Record<string, unknown> {
  return { keys: [keys.publicJwk] };
}

/** The style an EHR hands to embedded apps (SMART "App styling" keys). */
export const SMART_STYLE = {
  color_background: "#f6f8fa",
  color_error: "#b42318",
  color_highlight: "#0a4ba8",
  color_modal_backdrop: "rgba(0, 0, 0, 0.4)",
  color_success: "#1a7f37",
  color_text: "#1b1f24",
  dim_border_radius: "4px",
  dim_font_size: "16px",
  dim_spacing_size: "16px",
  font_family_body: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  font_family_heading: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
} as const;

/**
 * The style document of the public SMART launcher (smart-on-fhir/smart-launcher-v2 at 6437425,
 * `backend/index.ts` GET /smart-style.json, Apache-2.0): served at /smart-style-launcher.json
 * and handed out by the launcher-style bases (sandbox/bases.ts). Its highlight and success
 * colours fail WCAG AA as text on its own background, and its heading font ends in a stray
 * ";": what an app must check before applying an EHR's style (issue 19.5).
 */
export const LAUNCHER_SMART_STYLE = {
  color_background: "#edeae3",
  color_error: "#9e2d2d",
  color_highlight: "#69b5ce",
  color_modal_backdrop: "",
  color_success: "#498e49",
  color_text: "#303030",
  dim_border_radius: "6px",
  dim_font_size: "13px",
  dim_spacing_size: "20px",
  font_family_body: "Georgia, Times, 'Times New Roman', serif",
  font_family_heading: "'HelveticaNeue-Light', Helvetica, Arial, 'Lucida Grande', sans-serif;",
} as const;
