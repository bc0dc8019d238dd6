/**
 * An in-memory FHIR server behind the FhirTransport seam, for testing lib/hooks without a network:
 * reads (`Type/id`), patient-scoped searches (`patient=`, `code=` tokens, `date=ge`, `category=`,
 * `identifier=`, `_include=MedicationRequest:medication`) with real paging (`_count`, next links), and
 * CarePlan create with `If-None-Exist` (conditional create: 201 once, then 200 with the same resource).
 * Records every request. Answers a route with a scripted status when told to fail.
 */
import type { FhirRequest, FhirResponse, FhirTransport } from "@/lib/fhir/transport";

let servers = 0;

type Resource = { resourceType: string; id?: string } & Record<string, unknown>;

function isResource(v: unknown): v is Resource {
  return typeof v === "object" && v !== null && "resourceType" in v && typeof v.resourceType === "string";
}

function refOf(v: unknown): string | undefined {
  return typeof v === "object" && v !== null && "reference" in v && typeof v.reference === "string" ? v.reference : undefined;
}

function codingsOf(concept: unknown): Array<{ system?: string; code?: string }> {
  if (typeof concept !== "object" || concept === null || !("coding" in concept) || !Array.isArray(concept.coding)) return [];
  return concept.coding.filter((c): c is { system?: string; code?: string } => typeof c === "object" && c !== null);
}

function matchesTokens(concepts: unknown[], tokens: string): boolean {
  const wanted = tokens.split(",").map((t) => t.split("|"));
  return concepts.some((concept) => codingsOf(concept).some((c) => wanted.some(([system, code]) => c.system === system && c.code === code)));
}

function effectiveDate(r: Resource): string | undefined {
  const v = r.effectiveDateTime ?? r.issued ?? (typeof r.effectivePeriod === "object" && r.effectivePeriod !== null && "start" in r.effectivePeriod ? r.effectivePeriod.start : undefined);
  return typeof v === "string" ? v : undefined;
}

export class MemoryTransport implements FhirTransport {
  /** A new server per transport (its own host): the hooks' caches are keyed by server and patient. */
  readonly baseUrl = `https://ehr-${++servers}.memory.test/fhir`;
  readonly requests: FhirRequest[] = [];
  private readonly store: Resource[];
  private readonly failures = new Map<string, number>();
  private nextId = 1;

  constructor(resources: readonly unknown[]) {
    this.store = resources.filter(isResource).map((r) => structuredClone(r));
  }

  /** Answer every request for `resourceType` with `status` from now on. */
  failWith(resourceType: string, status: number): this {
    this.failures.set(resourceType, status);
    return this;
  }

  resources(resourceType: string): Resource[] {
    return this.store.filter((r) => r.resourceType === resourceType);
  }

  async request(req: FhirRequest): Promise<FhirResponse> {
    this.requests.push(req);
    await Promise.resolve();
    const url = new URL(req.url, `${this.baseUrl}/`);
    const path = url.pathname.replace(/^\/fhir\//, "");
    const [type = "", id] = path.split("/");
    const failure = this.failures.get(type);
    if (failure !== undefined) return { status: failure, body: { resourceType: "OperationOutcome", issue: [{ severity: "error", code: "exception" }] }, headers: {} };
    if (req.method === "POST" && type === "CarePlan" && id === undefined) return this.create(req);
    if (req.method !== "GET") return { status: 405, body: null, headers: {} };
    if (id !== undefined) {
      const found = this.store.find((r) => r.resourceType === type && r.id === id);
      return found ? { status: 200, body: found, headers: {} } : { status: 404, body: { resourceType: "OperationOutcome", issue: [{ severity: "error", code: "not-found" }] }, headers: {} };
    }
    return this.search(type, url.searchParams);
  }

  private search(type: string, params: URLSearchParams): FhirResponse {
    const patient = params.get("patient");
    const code = params.get("code");
    const category = params.get("category");
    const identifier = params.get("identifier");
    const since = params.get("date")?.replace(/^ge/, "");
    const matches = this.store.filter((r) => {
      if (r.resourceType !== type) return false;
      if (patient !== null && refOf(r.subject ?? r.patient) !== `Patient/${patient}`) return false;
      if (code !== null && !matchesTokens([r.code], code)) return false;
      if (category !== null && !matchesTokens(Array.isArray(r.category) ? r.category : [], category)) return false;
      if (identifier !== null) {
        const [system, value] = identifier.split("|");
        const ids = Array.isArray(r.identifier) ? r.identifier : [];
        if (!ids.some((i: unknown) => typeof i === "object" && i !== null && "system" in i && "value" in i && i.system === system && i.value === value)) return false;
      }
      if (since !== undefined && (effectiveDate(r) ?? "") < since) return false;
      return true;
    });
    const count = Number(params.get("_count") ?? "50");
    const offset = Number(params.get("_offset") ?? "0");
    const page = matches.slice(offset, offset + count);
    const included = params.get("_include") === "MedicationRequest:medication"
      ? page.map((r) => refOf(r.medicationReference)).filter((ref): ref is string => ref !== undefined && ref.startsWith("Medication/")).map((ref) => this.store.find((m) => `Medication/${m.id ?? ""}` === ref)).filter((m): m is Resource => m !== undefined)
      : [];
    const next = new URLSearchParams(params);
    next.set("_offset", String(offset + count));
    const link = [{ relation: "self", url: `${this.baseUrl}/${type}?${params.toString()}` }];
    if (offset + count < matches.length) link.push({ relation: "next", url: `${this.baseUrl}/${type}?${next.toString()}` });
    const entry = [...page.map((resource) => ({ fullUrl: `${this.baseUrl}/${type}/${resource.id ?? ""}`, resource, search: { mode: "match" } })), ...included.map((resource) => ({ fullUrl: `${this.baseUrl}/Medication/${resource.id ?? ""}`, resource, search: { mode: "include" } }))];
    return { status: 200, body: { resourceType: "Bundle", type: "searchset", total: matches.length, link, entry }, headers: {} };
  }

  private create(req: FhirRequest): FhirResponse {
    if (!isResource(req.body)) return { status: 400, body: null, headers: {} };
    const condition = req.headers?.["If-None-Exist"] ?? req.headers?.["if-none-exist"];
    if (condition !== undefined) {
      const existing = this.search("CarePlan", new URLSearchParams(condition));
      const body = existing.body;
      const entries = typeof body === "object" && body !== null && "entry" in body && Array.isArray(body.entry) ? body.entry : [];
      if (entries.length > 0) return { status: 200, body: entries[0]?.resource ?? null, headers: {} };
    }
    const created = { ...structuredClone(req.body), id: `mem-${this.nextId++}` };
    this.store.push(created);
    return { status: 201, body: created, headers: { location: `${this.baseUrl}/CarePlan/${created.id}/_history/1` } };
  }
}
