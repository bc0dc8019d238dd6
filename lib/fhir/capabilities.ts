/**
 * What the EHR's FHIR server says it can do, read once from `GET [base]/metadata`
 * (CapabilityStatement, FHIR R4 capabilitystatement.html). The app needs to know whether
 * CarePlan create is supported (Oracle Health Millennium R4 exposes CarePlan read/search
 * only; smart-sources.md trap 7) and whether conditional create (`If-None-Exist`) is, for the
 * idempotent write-back. A server that does not answer is "unknown" (null), not "no".
 */
import * as z from "./zod";
import { requestWithRetry, type RetryOptions } from "./retry";
import type { FhirTransport } from "./transport";

const CapabilitySchema = z.looseObject({
  resourceType: z.literal("CapabilityStatement"),
  fhirVersion: z.string().optional(),
  rest: z
    .array(
      z.looseObject({
        mode: z.string().optional(),
        resource: z
          .array(
            z.looseObject({
              type: z.string(),
              interaction: z.array(z.looseObject({ code: z.string() })).optional(),
              conditionalCreate: z.boolean().optional(),
            }),
          )
          .optional(),
      }),
    )
    .optional(),
});

export interface ServerCapabilities {
  fhirVersion: string | null;
  /** true/false as declared; null when the statement could not be read or says nothing about CarePlan. */
  carePlanCreate: boolean | null;
  carePlanConditionalCreate: boolean | null;
  carePlanSearch: boolean | null;
}

export const UNKNOWN_CAPABILITIES: ServerCapabilities = { fhirVersion: null, carePlanCreate: null, carePlanConditionalCreate: null, carePlanSearch: null };

/** Interpret a CapabilityStatement body (pure; exported for tests). */
export function capabilitiesFrom(body: unknown): ServerCapabilities {
  const parsed = CapabilitySchema.safeParse(body);
  if (!parsed.success) return UNKNOWN_CAPABILITIES;
  const server = (parsed.data.rest ?? []).find((r) => r.mode === undefined || r.mode === "server");
  const fhirVersion = parsed.data.fhirVersion ?? null;
  // A statement that lists no resources at all says nothing either way.
  if (!server || !server.resource || server.resource.length === 0) return { ...UNKNOWN_CAPABILITIES, fhirVersion };
  const carePlan = server.resource.find((r) => r.type === "CarePlan");
  if (!carePlan) return { fhirVersion, carePlanCreate: false, carePlanConditionalCreate: false, carePlanSearch: false };
  const codes = new Set((carePlan.interaction ?? []).map((i) => i.code));
  return {
    fhirVersion,
    carePlanCreate: codes.has("create"),
    carePlanConditionalCreate: carePlan.conditionalCreate ?? false,
    carePlanSearch: codes.has("search-type"),
  };
}

const cache = new Map<string, Promise<ServerCapabilities>>();

/**
 * The server's capabilities, fetched once per FHIR base for the life of the page.
 * Never rejects: any failure gives `UNKNOWN_CAPABILITIES` (the write-back then relies on
 * the granted scope and handles a 403/405 from the create itself).
 */
export function readCapabilities(transport: FhirTransport, retry?: RetryOptions): Promise<ServerCapabilities> {
  const cached = cache.get(transport.baseUrl);
  if (cached) return cached;
  const forget = (): ServerCapabilities => {
    cache.delete(transport.baseUrl); // a failure is not remembered: the next caller asks again
    return UNKNOWN_CAPABILITIES;
  };
  const pending = requestWithRetry(transport, { method: "GET", url: "metadata" }, retry)
    .then((r) => (r.status === 200 ? capabilitiesFrom(r.body) : forget()))
    .catch(forget);
  cache.set(transport.baseUrl, pending);
  return pending;
}

/** Forget cached statements (tests). */
export function clearCapabilitiesCache(): void {
  cache.clear();
}
