/**
 * GET /smart-app.json: the machine-readable registration manifest (name, launch URL,
 * redirect URIs, scopes in v1 and v2 form, FHIR version, logo, public client with PKCE),
 * generated from the running configuration (lib/smart/registration-manifest.ts).
 */
import { loadConfig } from "@/lib/config";
import { buildRegistrationManifest } from "@/lib/smart/registration-manifest";
import pkg from "@/package.json";

export const dynamic = "force-dynamic";

export function GET(request: Request): Response {
  const manifest = buildRegistrationManifest(loadConfig(), new URL(request.url).origin, pkg.version);
  return new Response(JSON.stringify(manifest, null, 2), {
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-cache" },
  });
}
