/**
 * A scripted FhirTransport for tests: each request is answered by the first route whose
 * matcher accepts the URL (absolute, resolved against the base). Records every request.
 */
import type { FhirRequest, FhirResponse, FhirTransport } from "@/lib/fhir/transport";
import { absoluteUrl } from "@/lib/fhir/fetch-transport";

export const BASE = "https://ehr.example.org/fhir";

export type Answer = FhirResponse | Error | ((req: FhirRequest, url: string) => FhirResponse | Error | Promise<FhirResponse | Error>);

export interface Route {
  match: (url: string) => boolean;
  answers: Answer[];
}

export class FakeTransport implements FhirTransport {
  readonly baseUrl: string;
  readonly requests: string[] = [];
  private readonly routes: Route[] = [];

  constructor(baseUrl = BASE) {
    this.baseUrl = baseUrl;
  }

  /** Answer URLs matching `match` with `answers` in turn (the last one repeats). */
  on(match: string | RegExp | ((url: string) => boolean), ...answers: Answer[]): this {
    const test = typeof match === "string" ? (u: string) => u.includes(match) : match instanceof RegExp ? (u: string) => match.test(u) : match;
    this.routes.push({ match: test, answers });
    return this;
  }

  async request(req: FhirRequest): Promise<FhirResponse> {
    const url = absoluteUrl(req.url, this.baseUrl);
    this.requests.push(url);
    const route = this.routes.find((r) => r.match(url));
    if (!route) return { status: 404, body: null, headers: {} };
    const answer = route.answers.length > 1 ? route.answers.shift() : route.answers[0];
    if (answer === undefined) throw new Error("no answer scripted");
    const value = typeof answer === "function" ? await answer(req, url) : answer;
    if (value instanceof Error) throw value;
    return value;
  }
}

export function ok(body: unknown, headers: Record<string, string> = {}): FhirResponse {
  return { status: 200, body, headers };
}

export function status(code: number, headers: Record<string, string> = {}): FhirResponse {
  return { status: code, body: { resourceType: "OperationOutcome", issue: [{ severity: "error", code: "exception", diagnostics: "Patient/123 secret detail" }] }, headers };
}

/** A searchset Bundle page with `resources` and an optional next link. */
export function bundle(resources: unknown[], next?: string): unknown {
  return {
    resourceType: "Bundle",
    type: "searchset",
    link: next ? [{ relation: "self", url: "x" }, { relation: "next", url: next }] : [{ relation: "self", url: "x" }],
    entry: resources.map((resource) => ({ resource, search: { mode: "match" } })),
  };
}

export function networkError(): TypeError {
  return new TypeError("Failed to fetch");
}
