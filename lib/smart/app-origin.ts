/**
 * The app's public origin for a request: where the EHR must send the user back
 * (`redirect_uri`), the launch URL in `/smart-app.json`, and whether the page is served over
 * HTTPS (HSTS). Never `request.url`: `next start` builds it from its own host name, so behind
 * any other name (127.0.0.1, a real host, a proxy) the redirect URI named another origin and
 * the launch failed (issue 19.2).
 *
 * In order:
 * 1. `appBaseUrl` from the configuration: always, when set (recommended in production).
 * 2. With `trustForwardedHeaders` (only behind a proxy that sets these headers itself and
 *    drops what clients send): the first `X-Forwarded-Host` and `X-Forwarded-Proto`.
 * 3. Otherwise the request's `Host` header, over plain HTTP, and only for a loopback host
 *    (localhost, 127.0.0.1, [::1]): a development server. Any other host without 1 or 2 is a
 *    configuration error, answered with a page that says what to set, never with a guess.
 * A host value must be a plain `name[:port]` (no path, userinfo or spaces).
 */
import type { AppConfig } from "@/lib/config";

export type AppOrigin = { ok: true; origin: string; https: boolean } | { ok: false; message: string };

/** The configuration's part that decides (both optional). */
export type OriginConfig = Pick<AppConfig, "appBaseUrl" | "trustForwardedHeaders">;

const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** The first value of a possibly comma-separated header (proxies append), trimmed; null when absent or empty. */
function first(value: string | null): string | null {
  const v = value?.split(",")[0]?.trim() ?? "";
  return v === "" ? null : v;
}

function hostname(host: string): string {
  return host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : (host.split(":")[0] ?? host);
}

export const ORIGIN_NOT_CONFIGURED =
  "This server does not know its public address. Set appBaseUrl in the app's configuration (for example https://taper.example.org), or trustForwardedHeaders: true when a reverse proxy in front of it sets X-Forwarded-Host and X-Forwarded-Proto (docs/registration.md, section 3).";

/** The public origin for a request with these headers (see the file header for the rules). */
export function appOrigin(config: OriginConfig, headers: Headers): AppOrigin {
  if (config.appBaseUrl) {
    const url = new URL(config.appBaseUrl);
    return { ok: true, origin: url.origin, https: url.protocol === "https:" };
  }
  if (config.trustForwardedHeaders) {
    const host = first(headers.get("x-forwarded-host")) ?? first(headers.get("host"));
    const proto = first(headers.get("x-forwarded-proto"))?.toLowerCase() ?? "https";
    if (host === null || !HOST.test(host) || (proto !== "https" && proto !== "http")) {
      return { ok: false, message: "The proxy in front of this server sent no usable X-Forwarded-Host / X-Forwarded-Proto (or Host) header." };
    }
    return { ok: true, origin: new URL(`${proto}://${host}`).origin, https: proto === "https" };
  }
  const host = first(headers.get("host"));
  if (host === null || !HOST.test(host) || !LOOPBACK.has(hostname(host).toLowerCase())) return { ok: false, message: ORIGIN_NOT_CONFIGURED };
  return { ok: true, origin: new URL(`http://${host}`).origin, https: false };
}
