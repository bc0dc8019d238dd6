/**
 * The app's registration manifest, generated from the same configuration the app runs
 * with (served at /smart-app.json; docs/registration.md explains each field to a health
 * system). Shape: RFC 7591 client metadata plus the SMART fields of the HSPC/Logica sandbox
 * manifest convention (`launch_url`, `fhir_versions`), smart-sources.md section 4.2. SMART itself
 * defines no registration format.
 */
import type { AppConfig } from "@/lib/config";
import { buildScopes } from "./scopes";

export interface RegistrationManifest {
  software_id: string;
  software_version: string;
  client_name: string;
  client_uri: string;
  logo_uri: string;
  launch_url: string;
  redirect_uris: string[];
  /** Public client: no secret; PKCE S256 proves the code exchange. */
  token_endpoint_auth_method: "none";
  code_challenge_method: "S256";
  grant_types: string[];
  response_types: ["code"];
  /** RFC 7591 `scope`: every scope the app may ask for (v2 syntax). */
  scope: string;
  /** The exact scope strings per SMART version and launch type. */
  scopes: Record<"v2" | "v1", { ehr_launch: string; standalone_launch: string }>;
  fhir_versions: ["4.0.1"];
  smart_app_launch: { version: "2.2.0"; launch_types: ["ehr", "standalone"]; required_context: ["patient"]; optional_context: ["encounter", "fhirUser", "need_patient_banner", "smart_style_url"] };
}

const SOFTWARE_ID = "opioid-taper-planner";

/** Build the manifest for the app served at `appOrigin` (lib/smart/app-origin: appBaseUrl when set). */
export function buildRegistrationManifest(config: AppConfig, appOrigin: string, softwareVersion: string): RegistrationManifest {
  const base = new URL("/", appOrigin);
  const refresh = config.issuers.some((i) => i.requestRefresh);
  const scopesFor = (style: "v1" | "v2") => ({
    ehr_launch: buildScopes(style, "ehr", refresh),
    standalone_launch: buildScopes(style, "standalone", refresh),
  });
  const v2 = scopesFor("v2");
  const all = [...new Set([...v2.ehr_launch.split(" "), ...v2.standalone_launch.split(" ")])];
  return {
    software_id: SOFTWARE_ID,
    software_version: softwareVersion,
    client_name: config.appName,
    client_uri: base.toString(),
    logo_uri: new URL("/logo.svg", base).toString(),
    launch_url: new URL("/launch.html", base).toString(),
    redirect_uris: [base.toString()],
    token_endpoint_auth_method: "none",
    code_challenge_method: "S256",
    grant_types: refresh ? ["authorization_code", "refresh_token"] : ["authorization_code"],
    response_types: ["code"],
    scope: all.join(" "),
    scopes: { v2, v1: scopesFor("v1") },
    fhir_versions: ["4.0.1"],
    smart_app_launch: {
      version: "2.2.0",
      launch_types: ["ehr", "standalone"],
      required_context: ["patient"],
      optional_context: ["encounter", "fhirUser", "need_patient_banner", "smart_style_url"],
    },
  };
}
