/**
 * The FHIR interactions the sandbox serves (FHIR R4 http.html): search, read, create
 * (conditional with If-None-Exist), update, delete; each behind the token's scopes and
 * Patient compartment (access.ts). Storage, search matching, `_include`, sorting and
 * conditional create are Medplum's (fhir-router FhirRouter over a MemoryRepository).
 */
import { getSearchParameter, getStatus, isOk, normalizeOperationOutcome, parseSearchRequest, validateResource, type Filter } from "@medplum/core";
import type { FhirRepository, FhirRequest, FhirRouter, HttpMethod } from "@medplum/fhir-router";
import type { Resource } from "@medplum/fhirtypes";
import type { IncomingHttpHeaders } from "node:http";
import type { Interaction, ResourceScope } from "../auth/scopes";
import type { LaunchOptions } from "../launch-options";
import { checkResource, checkSearch, checkWrite, decideInteraction, type AccessDecision } from "./access";
import { WRITABLE_TYPES } from "./capability";
import { patientIdFromReference } from "./compartment";
import { isMedplumResource } from "./resources";
import { errorReply, ok, outcome, versionHeaders, type FhirReply } from "./reply";
import { finishSearchBundle, pageOf, unknownSearchParameter } from "./search";
import type { SearchEngine } from "./search-engine";

export interface InteractionContext {
  repo: FhirRepository;
  router: FhirRouter;
  engine: SearchEngine;
  base: string;
  scopes: readonly ResourceScope[];
  patient: string | null;
  sim: LaunchOptions;
  defaultPageSize: number;
  maxPageSize: number;
}

type Allowed = Extract<AccessDecision, { ok: true }>;

function denied(d: Extract<AccessDecision, { ok: false }>): FhirReply {
  const headers: Record<string, string> =
    d.reason === "insufficient_scope" ? { "www-authenticate": `Bearer error="insufficient_scope", error_description="${d.message.replace(/"/g, "'")}"` } : {};
  return errorReply(403, "forbidden", d.message, headers);
}

function decide(ctx: InteractionContext, resourceType: string, interaction: Interaction): AccessDecision {
  return decideInteraction(ctx.scopes, ctx.patient, resourceType, interaction);
}

async function route(ctx: InteractionContext, method: HttpMethod, url: string, body?: unknown, headers?: IncomingHttpHeaders): Promise<[number, Resource | undefined]> {
  const req: FhirRequest = { method, url, pathname: "", body, params: {}, query: {}, ...(headers ? { headers } : {}) };
  const [result, resource] = await ctx.router.handleRequest(req, ctx.repo);
  return [getStatus(result), isOk(result) ? resource : result];
}

/** search-type: scope check, unknown parameters 400, the token's patient only, one page with links. */
export async function search(ctx: InteractionContext, resourceType: string, query: URLSearchParams): Promise<FhirReply> {
  const decision = decide(ctx, resourceType, "s");
  if (!decision.ok) return denied(decision);
  const unknown = unknownSearchParameter(resourceType, query);
  if (unknown) return errorReply(400, "not-supported", unknown);
  const page = pageOf(query, ctx.defaultPageSize, ctx.maxPageSize);
  let request;
  try {
    request = parseSearchRequest(`${resourceType}?${page.query.toString()}`);
  } catch (e) {
    return { status: 400, body: normalizeOperationOutcome(e), headers: {} };
  }
  const checked = checkSearch(decision, resourceType, request.filters ?? [], query);
  if (!checked.ok) return denied(checked);
  let bundle;
  try {
    bundle = await ctx.engine.search({ ...request, filters: (request.filters ?? []).map((f) => fastPatientFilter(resourceType, f)) }, page.offset, page.count);
  } catch (e) {
    const issue = normalizeOperationOutcome(e);
    return { status: getStatus(issue) >= 500 ? 400 : getStatus(issue), body: issue, headers: {} };
  }
  const mayInclude = (r: Resource): boolean => {
    const d = decide(ctx, r.resourceType, "r");
    return d.ok && checkResource(d, r).ok;
  };
  return ok(finishSearchBundle(bundle, ctx.base, resourceType, page, mayInclude));
}

/**
 * `patient=X` is `subject.where(resolve() is Patient)` in R4: the same as `subject=Patient/X`
 * for a Patient reference, and much cheaper to evaluate in memory.
 */
function fastPatientFilter(resourceType: string, f: Filter): Filter {
  if (f.code !== "patient" || f.operator !== "eq") return f;
  if (getSearchParameter(resourceType, "patient")?.expression !== `${resourceType}.subject.where(resolve() is Patient)`) return f;
  const values = f.value.split(",").map((v) => `Patient/${patientIdFromReference(v) ?? v}`);
  return { code: "subject", operator: "eq", value: values.join(",") };
}

/** read / vread: scope check, then 403 when the resource is outside the token's patient record. */
export async function read(ctx: InteractionContext, resourceType: string, id: string, versionId: string | null): Promise<FhirReply> {
  const decision = decide(ctx, resourceType, "r");
  if (!decision.ok) return denied(decision);
  const url = versionId ? `${resourceType}/${id}/_history/${versionId}` : `${resourceType}/${id}`;
  const [status, resource] = await route(ctx, "GET", url);
  if (status !== 200 || !resource) return { status, body: resource ?? null, headers: {} };
  const checked = checkResource(decision, resource);
  if (!checked.ok) return denied(checked);
  return ok(resource, 200, versionHeaders(resource));
}

/** Checks shared by create and update: writable type, JSON body of that type, valid, in the compartment. */
function writableBody(ctx: InteractionContext, resourceType: string, body: unknown, decision: Allowed): Resource | FhirReply {
  if (!WRITABLE_TYPES.has(resourceType) || (resourceType === "CarePlan" && ctx.sim.carePlanReadOnly)) {
    return errorReply(405, "not-supported", `This server does not accept writes of ${resourceType}.`);
  }
  if (!isMedplumResource(body) || body.resourceType !== resourceType) {
    return errorReply(400, "invalid", `The body must be a ${resourceType} resource.`);
  }
  try {
    validateResource(body);
  } catch (e) {
    return { status: 400, body: normalizeOperationOutcome(e), headers: {} };
  }
  const checked = checkWrite(decision, body);
  return checked.ok ? body : denied(checked);
}

/** create (conditional with If-None-Exist): writable type, valid R4, inside the token's patient record; 201 with the resource. */
export async function create(ctx: InteractionContext, resourceType: string, body: unknown, headers: IncomingHttpHeaders): Promise<FhirReply> {
  const decision = decide(ctx, resourceType, "c");
  if (!decision.ok) return denied(decision);
  const resource = writableBody(ctx, resourceType, body, decision);
  if (!isMedplumResource(resource)) return resource;
  // A server assigns the id and version of a created resource (FHIR R4 http.html#create); like HAPI and
  // the vendors' servers it keeps the client's declared profiles, tags and security labels.
  const { id: _ignoredId, meta, ...rest } = resource;
  const clientMeta = { ...(meta?.profile ? { profile: meta.profile } : {}), ...(meta?.tag ? { tag: meta.tag } : {}), ...(meta?.security ? { security: meta.security } : {}) };
  const fresh = Object.keys(clientMeta).length > 0 ? { ...rest, meta: clientMeta } : rest;
  const routeHeaders: IncomingHttpHeaders = {};
  const ifNoneExist = firstHeader(headers["if-none-exist"]);
  if (ifNoneExist) {
    // Conditional create only ever matches inside the token's own patient record.
    routeHeaders["if-none-exist"] = decision.patient ? `${ifNoneExist}&patient=Patient/${decision.patient}` : ifNoneExist;
  }
  const [status, stored] = await route(ctx, "POST", resourceType, fresh, routeHeaders);
  ctx.engine.invalidate();
  if ((status !== 201 && status !== 200) || !stored) return { status, body: stored ?? null, headers: {} };
  return representation(ctx, stored, status, firstHeader(headers.prefer));
}

/** update (update-as-create allowed): same checks as create, plus the stored version must be the token's patient's. */
export async function update(ctx: InteractionContext, resourceType: string, id: string, body: unknown, headers: IncomingHttpHeaders): Promise<FhirReply> {
  const decision = decide(ctx, resourceType, "u");
  if (!decision.ok) return denied(decision);
  const resource = writableBody(ctx, resourceType, body, decision);
  if (!isMedplumResource(resource)) return resource;
  // The stored version must be in the token's patient record too (write does not need read scope).
  const [found, existing] = await route(ctx, "GET", `${resourceType}/${id}`);
  if (found === 200 && existing) {
    const checked = checkResource(decision, existing);
    if (!checked.ok) return denied(checked);
  }
  const [status, stored] = await route(ctx, "PUT", `${resourceType}/${id}`, resource, headers);
  ctx.engine.invalidate();
  if (status !== 200 || !stored) return { status, body: stored ?? null, headers: {} };
  return representation(ctx, stored, found === 200 ? 200 : 201, firstHeader(headers.prefer));
}

/** delete: writable types only, inside the token's patient record. */
export async function remove(ctx: InteractionContext, resourceType: string, id: string): Promise<FhirReply> {
  const decision = decide(ctx, resourceType, "d");
  if (!decision.ok) return denied(decision);
  if (!WRITABLE_TYPES.has(resourceType)) return errorReply(405, "not-supported", `This server does not delete ${resourceType}.`);
  const [status, existing] = await route(ctx, "GET", `${resourceType}/${id}`);
  if (status !== 200 || !existing) return { status, body: existing ?? null, headers: {} };
  const checked = checkResource(decision, existing);
  if (!checked.ok) return denied(checked);
  const [deleted, result] = await route(ctx, "DELETE", `${resourceType}/${id}`);
  ctx.engine.invalidate();
  return { status: deleted, body: result ?? outcome("informational", "Deleted", "information"), headers: {} };
}

/** 201/200 with Location and ETag; the body as `Prefer: return=` asks (representation by default, like HAPI). */
function representation(ctx: InteractionContext, stored: Resource, status: number, prefer: string | undefined): FhirReply {
  const headers = { ...versionHeaders(stored), location: `${ctx.base}/${stored.resourceType}/${stored.id ?? ""}/_history/${stored.meta?.versionId ?? "1"}` };
  if (prefer?.includes("return=minimal")) return { status, body: null, headers };
  if (prefer?.includes("return=OperationOutcome")) {
    return { status, body: outcome("informational", status === 201 ? "Created" : "Matched an existing resource", "information"), headers };
  }
  return { status, body: stored, headers };
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
