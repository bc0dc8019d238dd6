/**
 * GET /api/issuer-config?iss=<FHIR base>: the public configuration of one configured issuer
 * (lib/smart/issuer-public.ts explains why the browser asks here after the launch).
 * 404 for a server that is not configured: the session stops there.
 */
import { findIssuer, loadConfig } from "@/lib/config";
import { toPublicIssuerConfig } from "@/lib/smart/issuer-public";

export const dynamic = "force-dynamic";

const HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };

export function GET(request: Request): Response {
  const iss = new URL(request.url).searchParams.get("iss");
  if (!iss || iss.length > 4096) {
    return new Response(JSON.stringify({ error: "iss is required" }), { status: 400, headers: HEADERS });
  }
  const issuer = findIssuer(loadConfig(), iss);
  if (!issuer) return new Response(JSON.stringify({ error: "issuer not configured" }), { status: 404, headers: HEADERS });
  return new Response(JSON.stringify(toPublicIssuerConfig(issuer)), { status: 200, headers: HEADERS });
}
