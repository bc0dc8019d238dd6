/**
 * CORS for the browser app, which calls the FHIR server, the discovery documents and the token
 * endpoint cross-origin. Only configured origins are allowed (the registered redirect URIs'
 * origins plus extras); no credentials (bearer tokens, not cookies); only the response headers
 * the app needs are exposed (Location after a create, ETag, Retry-After on a 429).
 */
import type { IncomingMessage, ServerResponse } from "node:http";

const ALLOWED_METHODS = "GET, POST, PUT, OPTIONS";
const ALLOWED_HEADERS = "authorization, content-type, accept, if-none-exist, if-match, prefer";
const EXPOSED_HEADERS = "Location, ETag, Retry-After";

/** CORS policy for a fixed set of allowed origins. */
export class Cors {
  private readonly origins: ReadonlySet<string>;

  constructor(origins: Iterable<string>) {
    this.origins = new Set(origins);
  }

  allows(origin: string | undefined): origin is string {
    return origin !== undefined && this.origins.has(origin);
  }

  /** Headers for an actual (non-preflight) response; empty for a disallowed or absent Origin. */
  headers(req: IncomingMessage): Record<string, string> {
    const origin = req.headers.origin;
    if (!this.allows(origin)) return { vary: "Origin" };
    return { "access-control-allow-origin": origin, "access-control-expose-headers": EXPOSED_HEADERS, vary: "Origin" };
  }

  /** Answer a preflight: 204 with the allowances, or 403 for an origin that is not configured. */
  preflight(req: IncomingMessage, res: ServerResponse): void {
    const origin = req.headers.origin;
    if (!this.allows(origin)) {
      res.writeHead(403, { vary: "Origin", "content-type": "text/plain" });
      res.end("Origin not allowed");
      return;
    }
    res.writeHead(204, {
      "access-control-allow-origin": origin,
      "access-control-allow-methods": ALLOWED_METHODS,
      "access-control-allow-headers": ALLOWED_HEADERS,
      "access-control-max-age": "600",
      vary: "Origin",
    });
    res.end();
  }
}
