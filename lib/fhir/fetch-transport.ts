/**
 * `FhirTransport` over plain `fetch`: for the CLI, the sandbox tooling and tests (the
 * browser app uses lib/smart's transport over fhirclient, which manages the token).
 * Resolves for every HTTP status; rejects only when no response arrived. Never logs.
 */
import type { FhirRequest, FhirResponse, FhirTransport } from "./transport";

export interface FetchTransportOptions {
  /** FHIR base URL (a trailing slash is removed). */
  baseUrl: string;
  /** e.g. `{ authorization: "Bearer ..." }`; sent only to URLs under `baseUrl`. */
  headers?: Record<string, string>;
  fetch?: typeof fetch;
}

/** Absolute URL for `url` relative to `baseUrl` (fhirclient's rule: absolute URLs pass through). */
export function absoluteUrl(url: string, baseUrl: string): string {
  if (/^https?:\/\//i.test(url)) return url;
  return `${baseUrl.replace(/\/+$/, "")}/${url.replace(/^\/+/, "")}`;
}

function isUnder(url: string, baseUrl: string): boolean {
  const base = baseUrl.replace(/\/+$/, "");
  return url === base || url.startsWith(base + "/") || url.startsWith(base + "?");
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    const body: unknown = JSON.parse(text);
    return body;
  } catch {
    return null;
  }
}

export function createFetchTransport(options: FetchTransportOptions): FhirTransport {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const doFetch = options.fetch ?? fetch;
  return {
    baseUrl,
    async request(req: FhirRequest): Promise<FhirResponse> {
      const url = absoluteUrl(req.url, baseUrl);
      const headers: Record<string, string> = { accept: "application/fhir+json", ...(isUnder(url, baseUrl) ? options.headers : {}), ...req.headers };
      const init: RequestInit = { method: req.method, headers };
      if (req.body !== undefined) {
        init.body = JSON.stringify(req.body);
        headers["content-type"] ??= "application/fhir+json";
      }
      const response = await doFetch(url, init);
      const out: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        out[name.toLowerCase()] = value;
      });
      return { status: response.status, body: await readBody(response), headers: out };
    },
  };
}
