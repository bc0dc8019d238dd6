/**
 * An in-memory FHIR server behind the FhirTransport seam, for the CarePlan write tests.
 * It implements conditional create as FHIR R4 specifies (http.html#ccreate): the
 * If-None-Exist query is parsed like a server would (percent-decoding, `\` escapes in
 * tokens); 0 matches -> 201, 1 -> 200 with the existing resource, 2+ -> 412. Knobs make it
 * answer like less helpful servers (no body, no readable Location, refusals, failures).
 * Every request is recorded, so tests can assert headers and that nothing was retried.
 */
import { rawString } from "@/lib/fhir/raw";
import type { FhirRequest, FhirResponse, FhirTransport } from "@/lib/fhir/transport";

export const BASE = "https://ehr.example.org/fhir";

export interface Stored {
  resourceType: string;
  id: string;
  [key: string]: unknown;
}

export type CreateFailure = { status: number; body: unknown } | Error;

export interface ServerOptions {
  /** What a successful create returns: the resource (Prefer honoured), or nothing. */
  createBody?: "representation" | "none";
  /** Whether the app can read Location (CORS `Access-Control-Expose-Headers`). */
  exposeLocation?: boolean;
  /** Answer every POST with this instead of creating. */
  failCreate?: CreateFailure;
  /** Answer every search with this status (e.g. 403 with a create-only grant). */
  searchStatus?: number;
  /** Ignore the category search parameter (some servers do). */
  ignoreCategory?: boolean;
  /** Page size for searches (a `next` link when more). */
  pageSize?: number;
  /** Base for `next` links (to test an off-base link). */
  nextBase?: string;
}

export function operationOutcome(text: string, code = "processing"): unknown {
  return { resourceType: "OperationOutcome", issue: [{ severity: "error", code, details: { text } }] };
}

/** Splits `system|value` on the unescaped `|` and removes `\` escapes (FHIR search token). */
export function parseToken(token: string): { system: string; value: string } {
  const at = token.search(/(?<!\\)\|/);
  const unescape = (s: string) => s.replace(/\\([\\,$|])/g, "$1");
  return at < 0 ? { system: "", value: unescape(token) } : { system: unescape(token.slice(0, at)), value: unescape(token.slice(at + 1)) };
}

export class MemoryFhirServer implements FhirTransport {
  readonly baseUrl = BASE;
  readonly requests: FhirRequest[] = [];
  readonly store: Stored[] = [];
  private nextId = 1;

  constructor(private readonly options: ServerOptions = {}) {}

  carePlans(): Stored[] {
    return this.store.filter((r) => r.resourceType === "CarePlan");
  }

  seed(resource: Record<string, unknown>): Stored {
    const stored: Stored = { ...resource, resourceType: String(resource.resourceType), id: String(resource.id ?? `seed-${this.nextId++}`) };
    this.store.push(stored);
    return stored;
  }

  async request(req: FhirRequest): Promise<FhirResponse> {
    this.requests.push(structuredClone(req));
    const url = new URL(req.url.startsWith("http") ? req.url : `${BASE}/${req.url}`);
    if (req.method === "POST" && url.pathname.endsWith("/CarePlan")) return this.create(req);
    if (req.method === "GET" && url.pathname.endsWith("/CarePlan")) return this.search(url);
    return { status: 404, body: operationOutcome("not found", "not-found"), headers: {} };
  }

  private matches(params: URLSearchParams): Stored[] {
    const identifier = params.get("identifier");
    const patient = params.get("patient");
    const category = this.options.ignoreCategory ? null : params.get("category");
    return this.carePlans().filter((cp) => {
      const ids: unknown[] = Array.isArray(cp.identifier) ? cp.identifier : [];
      const cats = Array.isArray(cp.category) ? JSON.stringify(cp.category) : "";
      const subject = JSON.stringify(cp.subject ?? null);
      if (identifier !== null) {
        const t = parseToken(identifier);
        if (!ids.some((i) => rawString(i, "system") === t.system && rawString(i, "value") === t.value)) return false;
      }
      if (patient !== null && !subject.includes(`"Patient/${patient}"`)) return false;
      if (category !== null && !cats.includes(`"code":"${parseToken(category).value}"`)) return false;
      return true;
    });
  }

  private async create(req: FhirRequest): Promise<FhirResponse> {
    const failure = this.options.failCreate;
    if (failure instanceof Error) throw failure;
    if (failure) return { status: failure.status, body: failure.body, headers: {} };
    const ifNoneExist = req.headers?.["if-none-exist"];
    const found = ifNoneExist === undefined ? [] : this.matches(new URLSearchParams(ifNoneExist));
    if (found.length > 1) return { status: 412, body: operationOutcome("Multiple resources match the If-None-Exist criteria", "multiple-matches"), headers: {} };
    const existing = found[0];
    const sent = req.body;
    if (typeof sent !== "object" || sent === null) return { status: 400, body: operationOutcome("no body"), headers: {} };
    const resource = existing ?? this.seed({ ...sent, resourceType: rawString(sent, "resourceType"), id: `cp-${this.nextId++}`, meta: { versionId: "1" } });
    const headers: Record<string, string> = this.options.exposeLocation ? { location: `${BASE}/CarePlan/${resource.id}/_history/1` } : {};
    const body = this.options.createBody === "none" ? null : structuredClone(resource);
    return { status: existing ? 200 : 201, body, headers };
  }

  private search(url: URL): FhirResponse {
    if (this.options.searchStatus !== undefined) return { status: this.options.searchStatus, body: operationOutcome("search refused", "forbidden"), headers: {} };
    const all = this.matches(url.searchParams);
    const size = this.options.pageSize ?? 100;
    const offset = Number(url.searchParams.get("_offset") ?? "0");
    const page = all.slice(offset, offset + size);
    const link = offset + size < all.length ? [{ relation: "next", url: `${this.options.nextBase ?? BASE}/CarePlan?${withOffset(url.searchParams, offset + size)}` }] : [];
    return { status: 200, body: { resourceType: "Bundle", type: "searchset", total: all.length, link, entry: page.map((r) => ({ resource: r })) }, headers: {} };
  }
}

function withOffset(params: URLSearchParams, offset: number): string {
  const next = new URLSearchParams(params);
  next.set("_offset", String(offset));
  return next.toString();
}
