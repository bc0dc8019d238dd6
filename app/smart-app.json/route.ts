/**
 * GET /smart-app.json: the machine-readable registration manifest (name, launch URL,
 * redirect URIs, scopes in v1 and v2 form, FHIR version, logo, public client with PKCE),
 * generated from the running configuration (lib/smart/registration-manifest.ts) at the app's
 * public origin (lib/smart/app-origin).
 */
import { loadConfig } from "@/lib/config";
import { appOrigin } from "@/lib/smart/app-origin";
import { buildRegistrationManifest } from "@/lib/smart/registration-manifest";
import pkg from "@/package.json";

export const dynamic = "force-dynamic";

export function GET(request: Request): Response {
  const config = loadConfig();
  const origin = appOrigin(config, request.headers);
  const headers = { "content-type": "application/json; charset=utf-8", "cache-control": "no-cache" };
  if (!origin.ok) return new Response(JSON.stringify({ error: origin.message }, null, 2), { status: 500, headers });
  return new Response(JSON.stringify(buildRegistrationManifest(config, origin.origin, pkg.version), null, 2), { headers });
}
