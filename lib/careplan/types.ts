/**
 * Inputs of the CarePlan builder besides the TaperPlan. Everything that is not pure
 * (the clock, the random proposal id, the session's patient and user) comes from the
 * caller, so the same inputs always give the same CarePlan.
 */
import type {
  Confirmations,
  IsoDateTime,
  MmeResult,
  ReadinessResult,
  ResourceRef,
  RevisionRecord,
} from "@/lib/domain";

/**
 * `proposal` by default (R4 CarePlan.intent; the app suggests, a clinician decides).
 * Some EHRs accept only `plan` (Oracle Health: docs/smart-sources.md section 5.5):
 * the issuer configuration selects it.
 */
export type CarePlanIntent = "proposal" | "plan";

/**
 * A revision of the plan in effect (issue "Follow-up visits"): the new CarePlan `replaces`
 * the earlier one, which is never modified; the kind and the reason are recorded in it.
 */
export interface CarePlanRevision {
  /** The CarePlan replaced (`CarePlan/<id>`). */
  replaces: ResourceRef;
  record: RevisionRecord;
  /** The replaced plan in a few words, for the note and the narrative, e.g. "CarePlan/12 created 2025-03-01". */
  replacedSummary: string;
}

/** The client-generated identifier that makes the write conditional (If-None-Exist). */
export interface ProposalIdentifier {
  /** e.g. `urn:ietf:rfc:3986` (PROPOSAL_IDENTIFIER_SYSTEM). */
  system: string;
  /** `urn:uuid:<uuid>`, generated once per proposal by the caller and kept across retries and reloads. */
  value: string;
}

export interface CarePlanContext {
  /** `Patient/<id>` (the launch patient). */
  patientRef: ResourceRef;
  /** `Encounter/<id>` from the launch context, when known. */
  encounterRef?: ResourceRef;
  /** The launching user's `fhirUser` (`Practitioner/<id>`, or an absolute URL ending so). */
  authorRef?: ResourceRef;
  /** When the proposal was made (FHIR dateTime, with a time zone). */
  created: IsoDateTime;
  identifier: ProposalIdentifier;
  /** The MME result the plan started from. */
  mme: MmeResult;
  readiness: ReadinessResult;
  confirmations: Confirmations;
  /** Default `proposal`; ignored for an agreed plan (always `plan`). */
  intent?: CarePlanIntent;
  /**
   * The clinician has agreed the plan with the patient (every confirmation checked and a
   * follow-up date set: `isPlanAgreed`). An agreed plan is a plan in effect: status `active`,
   * intent `plan`, HL7 PainTreatmentCarePlan declared. Otherwise a `draft` proposal. Default false.
   */
  agreed?: boolean;
  /** Present when this CarePlan revises the plan in effect. */
  revision?: CarePlanRevision;
}
