/**
 * A plain, serializable view of the session for the screen (a "connected to ... as ..."
 * strip, a permissions list) and stable `data-*` attributes that end-to-end tests can read
 * without any debug mode. Holds nothing secret: no token, no scope string.
 */
import { CAPABILITY_IDS, type CapabilityId, type Grant } from "./granted-scopes";
import type { SessionStatus } from "./session-status";
import type { SmartSession } from "./session-types";

const CAPABILITY_LABELS: Record<CapabilityId, string> = {
  "Patient.read": "Read the patient's name and birth date",
  "MedicationRequest.search": "Read medication orders",
  "Medication.read": "Read medication details",
  "Observation.search": "Read observations",
  "Condition.search": "Read diagnoses",
  "CarePlan.search": "Read care plans",
  "CarePlan.create": "Save care plans",
};

export interface SessionSummary {
  ehrName: string;
  serverUrl: string;
  patientId: string;
  encounterId: string | null;
  /** `Practitioner/123` from the (unverified) id_token, or null. */
  userReference: string | null;
  permissions: Array<{ capability: CapabilityId; label: string; grant: Grant }>;
  canSaveCarePlan: boolean;
  /** Why the plan cannot be saved, or null. */
  cannotSaveReason: string | null;
  limitations: string[];
  /** The grant includes online/offline_access: an expiring token is refreshed silently. */
  refreshAvailable: boolean;
  tokenRefreshes: number;
  /** The session is over (token gone): relaunch from the chart. */
  ended: boolean;
}

/** The session and its current status (`session.status()`, or the snapshot a hook holds). */
export function summarizeSession(session: SmartSession, status: SessionStatus = session.status()): SessionSummary {
  return {
    ehrName: session.issuer.name,
    serverUrl: session.serverUrl,
    patientId: session.patientId,
    encounterId: session.encounterId,
    userReference: session.user?.reference ?? null,
    permissions: CAPABILITY_IDS.map((capability) => ({ capability, label: CAPABILITY_LABELS[capability], grant: session.scopes.granted[capability] })),
    canSaveCarePlan: status.carePlanWrite.allowed,
    cannotSaveReason: status.carePlanWrite.reason,
    limitations: status.limitations,
    refreshAvailable: session.scopes.refreshGranted,
    tokenRefreshes: status.tokenRefreshes,
    ended: status.ended,
  };
}

/**
 * Attributes for the element that shows the session (e.g. the patient banner's container):
 * `data-session-patient`, `data-session-can-save`, `data-session-refreshes`,
 * `data-session-missing` (space-separated capability ids not granted), `data-session-ended`.
 */
export function sessionDataAttributes(summary: SessionSummary): Record<`data-${string}`, string> {
  return {
    "data-session-patient": summary.patientId,
    "data-session-can-save": String(summary.canSaveCarePlan),
    "data-session-refreshes": String(summary.tokenRefreshes),
    "data-session-missing": summary.permissions.filter((p) => p.grant === "missing").map((p) => p.capability).join(" "),
    "data-session-ended": String(summary.ended),
  };
}
