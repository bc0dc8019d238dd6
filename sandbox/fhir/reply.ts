/**
 * A FHIR server answer before it is written to the socket, and OperationOutcome errors
 * (FHIR R4 http.html: errors carry an OperationOutcome, `application/fhir+json`).
 */
import type { OperationOutcome, OperationOutcomeIssue, Resource } from "@medplum/fhirtypes";

export interface FhirReply {
  status: number;
  body: Resource | null;
  headers: Record<string, string>;
}

export type IssueCode = OperationOutcomeIssue["code"];

/** An OperationOutcome with one issue. */
export function outcome(code: IssueCode, diagnostics: string, severity: OperationOutcomeIssue["severity"] = "error"): OperationOutcome {
  return { resourceType: "OperationOutcome", issue: [{ severity, code, diagnostics }] };
}

/** An error reply with an OperationOutcome body. */
export function errorReply(status: number, code: IssueCode, diagnostics: string, headers: Record<string, string> = {}): FhirReply {
  return { status, body: outcome(code, diagnostics), headers };
}

/** A successful reply with a body. */
export function ok(body: Resource, status = 200, headers: Record<string, string> = {}): FhirReply {
  return { status, body, headers };
}

/** ETag and Last-Modified for a stored resource (FHIR R4 http.html "read"). */
export function versionHeaders(resource: Resource): Record<string, string> {
  const headers: Record<string, string> = {};
  if (resource.meta?.versionId) headers.etag = `W/"${resource.meta.versionId}"`;
  if (resource.meta?.lastUpdated) headers["last-modified"] = new Date(resource.meta.lastUpdated).toUTCString();
  return headers;
}
