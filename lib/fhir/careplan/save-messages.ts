/**
 * The sentences shown when a CarePlan write fails. Each says what happened, whether the
 * CarePlan may have been written, and what the clinician can do; the plan stays on screen.
 */
import type { SaveCarePlanOutcome, SaveFailureReason } from "./save";

const KEEP = "The plan is still on screen: you can save again, download the CarePlan JSON or print it.";
const MAYBE = "It may or may not have been saved: check the patient's earlier taper plans. Saving again cannot create a second copy on an EHR that supports conditional create.";

function sentence(reason: SaveFailureReason, status: number | null, detail: string | null): string {
  switch (reason) {
    case "careplan.save.patient-mismatch":
      return `Not sent: the CarePlan is for a different patient than the one this session was launched for (${detail ?? ""}). Relaunch the app from the patient's chart.`;
    case "careplan.save.unauthorized":
      return "Not saved: your EHR session for this app has expired (401 Unauthorized), and the app sends nothing without a valid session. Open the app again from the patient's chart to save. The plan is still on screen: download the CarePlan JSON or print it now.";
    case "careplan.save.forbidden":
      return `The EHR refused to save the CarePlan (403 Forbidden): this app or your account is not allowed to write CarePlans for this patient. ${KEEP}`;
    case "careplan.save.multiple-matches":
      return `The EHR refused the save (412): more than one CarePlan already carries this proposal's identifier. Check the patient's earlier taper plans. ${KEEP}`;
    case "careplan.save.rejected":
      return `The EHR rejected the CarePlan (${status ?? "4xx"}). ${KEEP}`;
    case "careplan.save.server-error":
      return `The EHR failed while saving (${status ?? "5xx"}). ${MAYBE} ${KEEP}`;
    case "careplan.save.unexpected-status":
      return `The EHR answered ${status ?? "?"}, which is not an answer to a create. ${MAYBE} ${KEEP}`;
    case "careplan.save.network":
      return `No answer from the EHR (${detail ?? "network error"}). ${MAYBE} ${KEEP}`;
  }
}

/** A failed outcome; the OperationOutcome text, when there is one, is part of the message. */
export function failureFor(reason: SaveFailureReason, httpStatus: number | null, operationOutcomeText: string | null, detail: string | null): SaveCarePlanOutcome {
  const base = sentence(reason, httpStatus, detail);
  const message = operationOutcomeText === null ? base : `${base} The EHR said: ${operationOutcomeText}`;
  return { kind: "failed", reason, httpStatus, operationOutcomeText, message };
}
