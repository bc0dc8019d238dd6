/**
 * Security headers of the app's pages, derived from the configuration (proxy.ts applies
 * them to every response it handles; next.config.js adds the static ones everywhere).
 *
 * Content-Security-Policy (smart-sources.md sections 3.1, 5.1; Next.js 16 CSP guide):
 * - scripts only from the app: `'self'` plus a per-request nonce, which Next.js copies onto
 *   its inline bootstrap scripts (it reads the nonce from the request's CSP header). No
 *   'strict-dynamic': every chunk Next loads comes from /_next/static ('self'), so the host
 *   allowlist can stay - a script from anywhere else is refused even if app code inserted it.
 * - connect-src: the app and the configured issuers' FHIR and authorization origins only
 *   (the browser calls the EHR directly with fhirclient).
 * - frame-ancestors from the configuration: EHRs embed the app in frames, so it is never
 *   'none' by accident of a copied example, and X-Frame-Options is never sent (DENY would
 *   break embedding; ALLOW-FROM is ignored by Chrome and Safari). Only as a header: it does
 *   not work in <meta>.
 * - base-uri 'none', object-src 'none', form-action 'self'.
 * In development Next needs 'unsafe-eval' (React's debugging) and inline styles.
 */
import type { AppConfig } from "@/lib/config";

/**
 * Strict-Transport-Security for a page served over HTTPS (lib/smart/app-origin decides; a
 * browser ignores it over HTTP): two years, subdomains included (the app has its own host).
 * Behind a TLS-terminating proxy the proxy may add it instead (docs/registration.md).
 */
export const HSTS = "max-age=63072000; includeSubDomains";

/** Headers sent on every response (next.config.js mirrors this list; a unit test keeps them equal). */
export const STATIC_SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
];

function origin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

function unique(values: Array<string | null>): string[] {
  return [...new Set(values.filter((v): v is string => v !== null))];
}

/** Origins the browser may call: each issuer's FHIR origin (prefix issuers included) and its auth origins. */
export function issuerConnectOrigins(config: AppConfig): string[] {
  return unique(config.issuers.flatMap((i) => [origin(i.iss), ...(i.standaloneIss ? [origin(i.standaloneIss)] : []), ...i.authOrigins.map(origin)]));
}

/** Origins allowed to frame the app (global list plus every issuer's), or `'none'`. */
export function frameAncestorSources(config: AppConfig): string[] {
  const all = unique([...config.frameAncestors, ...config.issuers.flatMap((i) => i.frameAncestors)].map(origin));
  return all.length > 0 ? all : ["'none'"];
}

export interface CspOptions {
  nonce: string;
  dev: boolean;
}

/** The Content-Security-Policy of an app page. */
export function pageContentSecurityPolicy(config: AppConfig, options: CspOptions): string {
  const nonce = `'nonce-${options.nonce}'`;
  const directives: Array<[string, string[]]> = [
    ["default-src", ["'self'"]],
    ["script-src", ["'self'", nonce, ...(options.dev ? ["'unsafe-eval'"] : [])]],
    // a nonce disables 'unsafe-inline', so development (inline style injection) goes without it
    ["style-src", options.dev ? ["'self'", "'unsafe-inline'"] : ["'self'", nonce]],
    ["img-src", ["'self'", "data:"]],
    ["font-src", ["'self'"]],
    ["connect-src", ["'self'", ...issuerConnectOrigins(config)]],
    ["frame-src", ["'none'"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'none'"]],
    ["form-action", ["'self'"]],
    ["frame-ancestors", frameAncestorSources(config)],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(" ")}`).join("; ");
}

/** A nonce: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
