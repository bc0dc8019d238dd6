/**
 * One CDS Hooks service call, shared by the HTTP route (app/cds-services/[id]/route.ts) and
 * the `cds` command: validate the request, read the prefetch by content, fetch what is
 * missing from the FHIR server when allowed, parse the draft orders, and let the pure engine
 * (lib/cds `evaluateCds`) build the cards. Returns an HTTP status and a JSON body; never
 * throws for any request content. Logs nothing (the route logs a line without patient data).
 */
import type { IsoDate, UnreadableResource } from "@/lib/domain";
import type { MedicationRequest } from "fhir/r4";
import { CDS_RECORD_PARTS, evaluateCds, hooksOf, isCdsServiceId, type CdsHook, type CdsRecord, type CdsRecordPart, type CdsResponse, type CdsServiceId, type PartState } from "@/lib/cds";
import { parseCdsRequest, type CdsRequest } from "@/lib/fhir/cds-request";
import { parseResourceAs } from "@/lib/fhir/parse";
import { emptyResources, unreadableOrders, type RecordResources } from "@/lib/fhir/load";
import { FALLBACK_TIMEOUT_MS, readFromFhir } from "./fallback";
import { cardUuid } from "./ids";
import { readPrefetch, type PrefetchPartState } from "./prefetch";

export interface HookCallOptions {
  serviceId: string;
  body: unknown;
  asOf: IsoDate;
  /** The instant of the call (Observation lookback of the fallback searches). */
  now: Date;
  plannerLaunchUrl: string;
  /**
   * Whether the service may read the FHIR server named in the request with its
   * `fhirAuthorization` (false for the offline command); `fhirServerAllowed` decides which.
   */
  fhirAccess: boolean;
  fhirServerAllowed?: (fhirServer: string) => boolean;
  /** Whether that FHIR server needs `category` on Observation searches (the issuer's quirk, Epic). */
  observationCategoryRequired?: (fhirServer: string) => boolean;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export type HookCallResult =
  | {
      status: 200; body: CdsResponse; serviceId: CdsServiceId; hook: CdsHook; sources: Record<CdsRecordPart, string>;
      /** `[uuid, kind]` of each card (kind: mme, naloxone, ...), for feedback logs. */
      cardKinds: Array<[string, string]>;
    }
  | { status: 400 | 404; body: { error: string; problems?: string[] } };

const PARTS_OF: Record<CdsServiceId, readonly CdsRecordPart[]> = {
  "opioid-mme-order-sign": ["medications", "observations", "conditions"],
  "opioid-taper-patient-view": ["medications", "observations", "conditions", "carePlans"],
};

function isHookOf(id: CdsServiceId, hook: string): hook is CdsHook {
  return hooksOf(id).some((h) => h === hook);
}

/** Runs one hook call (see module doc). */
export async function handleHookCall(options: HookCallOptions): Promise<HookCallResult> {
  const { serviceId } = options;
  if (!isCdsServiceId(serviceId)) return { status: 404, body: { error: `No CDS service "${serviceId.slice(0, 80)}" here (GET /cds-services lists them).` } };
  const parsed = parseCdsRequest(options.body);
  if (!parsed.ok) return { status: 400, body: { error: "Not a valid CDS Hooks request.", problems: parsed.problems } };
  const request = parsed.request;
  if (!isHookOf(serviceId, request.hook)) {
    return { status: 400, body: { error: `Service ${serviceId} answers ${hooksOf(serviceId).join(", ")}, not "${request.hook.slice(0, 40)}".` } };
  }
  if (request.hook !== "patient-view" && request.draftOrders.length === 0) {
    return { status: 400, body: { error: `The ${request.hook} hook needs context.draftOrders (a Bundle of the orders being signed).` } };
  }
  const { record, sources } = await gatherRecord(request, PARTS_OF[serviceId], options);
  const drafts = parseDrafts(request.draftOrders, record.unreadable);
  const keyOfId = new Map<string, string>();
  const idFor = (key: string) => {
    const id = cardUuid(request.hookInstance, serviceId, key);
    keyOfId.set(id, key);
    return id;
  };
  const body = evaluateCds({
    serviceId,
    hook: request.hook,
    hookInstance: request.hookInstance,
    asOf: options.asOf,
    record,
    drafts,
    plannerLaunchUrl: options.plannerLaunchUrl,
    idFor,
  }, requesterOf(request.userId));
  const cardKinds = body.cards.map((c): [string, string] => [c.uuid ?? "", (keyOfId.get(c.uuid ?? "") ?? "unknown").replace(/^card:/, "")]);
  return { status: 200, body, serviceId, hook: request.hook, sources, cardKinds };
}

/** `context.userId` as a requester reference, when it names a Practitioner or PractitionerRole. */
function requesterOf(userId: string | undefined): string | undefined {
  return userId !== undefined && /^(Practitioner|PractitionerRole)\/[A-Za-z0-9\-.]{1,64}$/.test(userId) ? userId : undefined;
}

function parseDrafts(raws: readonly unknown[], unreadable: UnreadableResource[]): MedicationRequest[] {
  const out: MedicationRequest[] = [];
  for (const raw of raws) {
    const type = typeof raw === "object" && raw !== null && "resourceType" in raw ? raw.resourceType : null;
    if (type !== "MedicationRequest") continue;
    const result = parseResourceAs("MedicationRequest", raw);
    if (result.ok) out.push(result.resource);
    else unreadable.push(result.unreadable);
  }
  return out;
}

function mergeInto(into: RecordResources, from: RecordResources): void {
  const keyOf = (r: { resourceType: string; id?: string | undefined }) => (r.id === undefined ? null : `${r.resourceType}/${r.id}`);
  const seen = new Set<string>();
  for (const list of [into.medicationRequests, into.medications, into.observations, into.conditions, into.carePlans]) {
    for (const r of list) {
      const k = keyOf(r);
      if (k !== null) seen.add(k);
    }
  }
  const add = <T extends { resourceType: string; id?: string | undefined }>(target: T[], items: readonly T[]) => {
    for (const r of items) {
      const k = keyOf(r);
      if (k !== null && seen.has(k)) continue;
      if (k !== null) seen.add(k);
      target.push(r);
    }
  };
  add(into.medicationRequests, from.medicationRequests);
  add(into.medications, from.medications);
  add(into.observations, from.observations);
  add(into.conditions, from.conditions);
  add(into.carePlans, from.carePlans);
  into.unreadable.push(...from.unreadable);
}

const PART_WHAT: Record<CdsRecordPart, string> = { medications: "medication orders", observations: "observations", conditions: "conditions", carePlans: "care plans" };

function fromPrefetch(state: PrefetchPartState, part: CdsRecordPart, canFetch: boolean): PartState {
  if (state.state === "complete") return { state: "complete" };
  if (state.state === "incomplete") return { state: "incomplete", reason: state.reason };
  const why = state.state === "failed" ? state.reason : `${PART_WHAT[part]} were not prefetched`;
  return { state: "unavailable", reason: canFetch ? why : `${why}, and no FHIR server access was given` };
}

async function gatherRecord(request: CdsRequest, needed: readonly CdsRecordPart[], options: HookCallOptions): Promise<{ record: CdsRecord; sources: Record<CdsRecordPart, string> }> {
  const reading = readPrefetch(request.prefetch, request.patientId);
  const resources: RecordResources = emptyResources();
  mergeInto(resources, reading.resources);
  const fhirServer = request.fhirServer;
  const token = request.fhirAuthorization?.access_token;
  const canFetch = options.fhirAccess && fhirServer !== undefined && token !== undefined && (options.fhirServerAllowed?.(fhirServer) ?? false);
  const parts = {} as Record<CdsRecordPart, PartState>;
  const sources = {} as Record<CdsRecordPart, string>;
  for (const part of CDS_RECORD_PARTS) {
    parts[part] = fromPrefetch(reading.parts[part], part, canFetch);
    sources[part] = reading.parts[part].state === "absent" ? "none" : "prefetch";
  }
  const missing = needed.filter((p) => reading.parts[p].state !== "complete");
  if (canFetch && missing.length > 0 && fhirServer !== undefined && token !== undefined) {
    const fallback = await readFromFhir({
      fhirServer, accessToken: token, patientId: request.patientId, parts: missing, asOf: options.now,
      observationCategoryRequired: options.observationCategoryRequired?.(fhirServer) ?? false,
      timeoutMs: options.timeoutMs ?? FALLBACK_TIMEOUT_MS, ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    mergeInto(resources, fallback.record);
    for (const part of missing) {
      const outcome = fallback.outcomes[part];
      sources[part] = "fhir";
      if (outcome === undefined) continue;
      parts[part] = outcome.state === "complete" && outcome.emptyEntries === 0
        ? { state: "complete" }
        : outcome.state === "truncated" || outcome.state === "complete"
          ? { state: "incomplete", reason: outcome.sentence ?? `some ${PART_WHAT[part]} could not be read` }
          : { state: "unavailable", reason: `${PART_WHAT[part]} could not be read from the FHIR server (${outcome.issue?.code ?? outcome.state})` };
    }
  }
  // Only unreadable orders (or resources of unknown type) matter to the MME: they make it incomplete.
  return { record: { patientId: request.patientId, ...resources, unreadable: unreadableOrders(resources.unreadable), parts }, sources };
}
