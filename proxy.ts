/**
 * Next.js 16 Proxy (formerly middleware): a fresh CSP nonce per request, and the page
 * Content-Security-Policy built from the issuer configuration (lib/smart/security-headers).
 * The nonce travels to the renderer in the request's CSP header, from which Next.js copies
 * it onto its inline scripts; pages are rendered dynamically (a static page has no nonce).
 *
 * /launch.html is left alone: its route handler sets a stricter policy of its own (scripts
 * by nonce only, connect-src narrowed to the launching issuer, frame-ancestors per issuer).
 * Static headers (Referrer-Policy, nosniff, Permissions-Policy) come from next.config.js.
 * Strict-Transport-Security when the app's public origin is HTTPS (lib/smart/app-origin):
 * appBaseUrl https, or a trusted proxy's X-Forwarded-Proto https.
 */
import { NextResponse, type NextRequest } from "next/server";
import { loadConfig } from "@/lib/config";
import { appOrigin } from "@/lib/smart/app-origin";
import { createNonce, HSTS, pageContentSecurityPolicy } from "@/lib/smart/security-headers";

export function proxy(request: NextRequest): NextResponse {
  if (request.nextUrl.pathname === "/launch.html") return NextResponse.next();
  const config = loadConfig();
  const nonce = createNonce();
  const csp = pageContentSecurityPolicy(config, { nonce, dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  const origin = appOrigin(config, request.headers);
  if (origin.ok && origin.https) response.headers.set("strict-transport-security", HSTS);
  return response;
}

export const config = {
  // Everything except Next's immutable build assets (their CSP comes from next.config.js).
  matcher: ["/((?!_next/static|_next/image).*)"],
};
