/**
 * Writes the proposed CarePlan into the chart, at most once.
 *
 * - Validates first (validateCarePlan): an invalid CarePlan is never sent.
 * - Conditional create: `If-None-Exist: identifier=<system>|<value>` (FHIR R4 http.html#ccreate):
 *   0 matches -> 201 created; 1 match -> 200, nothing created ("already saved"); 2+ -> 412.
 *   A double click, a retry after a timeout or a reload cannot make a second CarePlan.
 * - `Prefer: return=representation`, and the id is read from the body: a browser app often
 *   cannot read `Location` (CORS). A 201/200 without a usable body falls back to a Location the
 *   app can read, then to a search by identifier.
 * - One POST per call, never retried; every failure is a value with a sentence for the screen.
 * Sources: docs/smart-sources.md sections 2.3 (fhirclient create traps) and 5.5.
 */
import type { CarePlan } from "fhir/r4";
import type { ResourceRef } from "@/lib/domain";
import type { FhirResponse, FhirTransport } from "@/lib/fhir/transport";
import type { CarePlanIssue } from "./issues";
import { carePlanIdFromBody, carePlanIdFromLocation, operationOutcomeText } from "./outcome";
import { findCarePlanIdsByIdentifier, identifierToken, type TokenIdentifier } from "./search";
import { failureFor } from "./save-messages";
import { validateCarePlan } from "./validate";

export type SaveFailureReason =
  | "careplan.save.patient-mismatch"
  | "careplan.save.unauthorized"
  | "careplan.save.forbidden"
  | "careplan.save.multiple-matches"
  | "careplan.save.rejected"
  | "careplan.save.server-error"
  | "careplan.save.unexpected-status"
  | "careplan.save.network";

export type SaveCarePlanOutcome =
  | { kind: "created"; id: string | null; versionId: string | null; httpStatus: number; message: string }
  | { kind: "already-saved"; id: string | null; httpStatus: number; message: string }
  | { kind: "invalid"; issues: CarePlanIssue[]; message: string }
  | { kind: "failed"; reason: SaveFailureReason; httpStatus: number | null; operationOutcomeText: string | null; message: string };

export interface SaveCarePlanOptions {
  /** The launch patient (`Patient/<id>`): the CarePlan's subject must be this patient (tab or session mix-ups). */
  patientRef: ResourceRef;
}

/** Lower-case names: the transports merge their own `accept`/`content-type` defaults under these keys. */
export const CONDITIONAL_CREATE_HEADERS = {
  "content-type": "application/fhir+json",
  accept: "application/fhir+json",
  prefer: "return=representation",
} as const;

function proposalIdentifier(cp: CarePlan): TokenIdentifier | null {
  const first = cp.identifier?.find((i) => i.system !== undefined && i.value !== undefined);
  return first?.system !== undefined && first.value !== undefined ? { system: first.system, value: first.value } : null;
}

function subjectMatches(cp: CarePlan, patientRef: ResourceRef): boolean {
  const subject = cp.subject.reference;
  return subject !== undefined && (subject === patientRef || subject.endsWith(`/${patientRef}`));
}

interface ResolvedId {
  id: string | null;
  versionId: string | null;
  /** Why the id is unknown, when it is. */
  note: string | null;
}

async function resolveId(transport: FhirTransport, body: unknown, headers: Record<string, string>, identifier: TokenIdentifier): Promise<ResolvedId> {
  const fromBody = carePlanIdFromBody(body);
  if (fromBody) return { id: fromBody.id, versionId: fromBody.versionId, note: null };
  const fromLocation = carePlanIdFromLocation(headers);
  if (fromLocation !== null) return { id: fromLocation, versionId: null, note: null };
  const found = await findCarePlanIdsByIdentifier(transport, identifier);
  if (found.ok && found.ids.length === 1 && found.ids[0] !== undefined) return { id: found.ids[0], versionId: null, note: null };
  const why = found.ok ? `${found.ids.length} CarePlans carry its identifier` : found.message;
  return { id: null, versionId: null, note: `The EHR did not return its id and the search by identifier did not find it (${why}).` };
}

async function onSuccess(transport: FhirTransport, status: number, body: unknown, headers: Record<string, string>, identifier: TokenIdentifier): Promise<SaveCarePlanOutcome> {
  const { id, versionId, note } = await resolveId(transport, body, headers, identifier);
  const where = id === null ? "" : ` as CarePlan/${id}`;
  const tail = note === null ? "" : ` ${note} Saving again will not create a copy.`;
  if (status === 201) {
    return { kind: "created", id, versionId, httpStatus: status, message: `Saved in the patient's chart${where}.${tail}` };
  }
  return { kind: "already-saved", id, httpStatus: status, message: `This proposal was already saved${where}; nothing new was written.${tail}` };
}

/**
 * Validates, then writes the CarePlan with a conditional create. Resolves to an outcome
 * value for every case (created, already saved, invalid, each failure); never throws and
 * never retries. The caller keeps the plan on screen on anything but created/already-saved.
 */
export async function saveCarePlan(transport: FhirTransport, carePlan: CarePlan, options: SaveCarePlanOptions): Promise<SaveCarePlanOutcome> {
  const validation = await validateCarePlan(carePlan);
  const identifier = proposalIdentifier(carePlan);
  if (!validation.ok || identifier === null) {
    const errors = validation.issues.filter((i) => i.severity === "error");
    return { kind: "invalid", issues: validation.issues, message: `The CarePlan was not sent: it is not valid (${errors.length} problem${errors.length === 1 ? "" : "s"}: ${errors.slice(0, 3).map((e) => e.message).join("; ")}).` };
  }
  if (!subjectMatches(carePlan, options.patientRef)) {
    return failureFor("careplan.save.patient-mismatch", null, null, `${carePlan.subject.reference ?? "none"} vs ${options.patientRef}`);
  }
  let response: FhirResponse;
  try {
    response = await transport.request({
      method: "POST",
      url: "CarePlan",
      body: carePlan,
      headers: { ...CONDITIONAL_CREATE_HEADERS, "if-none-exist": `identifier=${identifierToken(identifier)}` },
    });
  } catch (error: unknown) {
    return failureFor("careplan.save.network", null, null, error instanceof Error ? error.message : "network error");
  }
  const { status, body, headers } = response;
  if (status === 200 || status === 201) return onSuccess(transport, status, body, headers, identifier);
  const reason: SaveFailureReason =
    status === 401 ? "careplan.save.unauthorized"
    : status === 403 ? "careplan.save.forbidden"
    : status === 412 ? "careplan.save.multiple-matches"
    : status >= 400 && status < 500 ? "careplan.save.rejected"
    : status >= 500 ? "careplan.save.server-error"
    : "careplan.save.unexpected-status";
  return failureFor(reason, status, operationOutcomeText(body), null);
}
