/**
 * What the CDS engine receives: the patient's record as read from prefetch or from the FHIR
 * server (already parsed and typed by lib/fhir), how completely each part was read, the draft
 * orders of the hook context, and the deployment facts a card needs (the planner's launch
 * URL, a card-id function). Pure data: no I/O here.
 */
import type { CarePlan, Condition, Medication, MedicationRequest, Observation } from "fhir/r4";
import type { IsoDate, UnreadableResource } from "@/lib/domain";
import type { CdsHook, CdsServiceId } from "./types";

/** The parts of the record the services read (one per prefetch template). */
export const CDS_RECORD_PARTS = ["medications", "observations", "conditions", "carePlans"] as const;
export type CdsRecordPart = (typeof CDS_RECORD_PARTS)[number];

/**
 * How one part was obtained:
 * - `complete`: every resource of the search was received;
 * - `incomplete`: some were (a prefetch page with a `next` link that could not be followed, a
 *   truncated search): the MME becomes a floor;
 * - `unavailable`: neither prefetched nor readable from the FHIR server (`reason` says why).
 */
export type PartState = { state: "complete" } | { state: "incomplete"; reason: string } | { state: "unavailable"; reason: string };

export interface CdsRecord {
  patientId: string;
  medicationRequests: MedicationRequest[];
  medications: Medication[];
  observations: Observation[];
  conditions: Condition[];
  carePlans: CarePlan[];
  /** Orders (or resources of unknown type) that arrived but failed validation: they make the MME incomplete. */
  unreadable: UnreadableResource[];
  parts: Record<CdsRecordPart, PartState>;
}

export interface CdsEvaluationInput {
  serviceId: CdsServiceId;
  hook: CdsHook;
  hookInstance: string;
  /** The day the MME is computed for; the HTTP service passes today (UTC), the command `--as-of` or today. */
  asOf: IsoDate;
  record: CdsRecord;
  /** `context.draftOrders` MedicationRequests (order-sign, order-select); empty for patient-view. */
  drafts: MedicationRequest[];
  /** Absolute URL of the app's SMART launch page (`{app}/launch.html`), for the `smart` link. */
  plannerLaunchUrl: string;
  /** A stable id for a card or suggestion key (the service derives a UUID from the hook instance). */
  idFor: (key: string) => string;
}
