/**
 * One error currency for the screen: every failure (HTTP status, network, SMART session,
 * programmer error) becomes an `AppIssue` - a stable code, a title, one sentence a
 * clinician can act on, and the action to offer. Nothing PHI-bearing is ever copied into
 * an issue: not the URL (it carries the patient id), not the server's message text, not a
 * token. This is the app's counterpart of Medplum's `normalizeOperationOutcome`.
 */

export type AppIssueCode =
  | "session.no-launch"
  | "session.authorization-denied"
  | "session.launch-failed"
  | "session.expired"
  | "session.no-patient"
  | "session.patient-mismatch"
  | "session.unknown-issuer"
  | "session.browser-unsupported"
  | "fhir.not-granted"
  | "fhir.forbidden"
  | "fhir.not-found"
  | "fhir.bad-request"
  | "fhir.rate-limited"
  | "fhir.unavailable"
  | "fhir.server-error"
  | "fhir.network"
  | "fhir.bad-response"
  | "fhir.off-base-link"
  | "app.aborted"
  | "app.unexpected";

/** What the screen offers next to the message. */
export type AppIssueAction = "relaunch" | "retry" | "contact-admin" | "none";

export interface AppIssue {
  code: AppIssueCode;
  title: string;
  /** One or two sentences a clinician can act on. No patient data, no URL, no token. */
  message: string;
  action: AppIssueAction;
  /** HTTP status when the issue came from a response. */
  status?: number;
}

/** An exception carrying an `AppIssue`; its `message` is the issue's sentence (safe to show). */
export class AppError extends Error {
  readonly issue: AppIssue;
  constructor(issue: AppIssue) {
    super(issue.message);
    this.name = "AppError";
    this.issue = issue;
  }
}

/** What was being done when a status arrived, to name the missing permission in a 403. */
export interface RequestContext {
  resourceType?: string;
  interaction?: "read" | "search" | "create";
}

const RESOURCE_WORDS: Record<string, string> = {
  MedicationRequest: "medication orders",
  Medication: "medication details",
  Observation: "observations (pain scores, questionnaires, drug screens)",
  Condition: "diagnoses (problem list)",
  CarePlan: "care plans",
  Patient: "patient details",
  metadata: "the EHR's capability statement",
};

/** Plain words for a FHIR resource type ("medication orders" for MedicationRequest). */
export function resourceWords(resourceType: string | undefined): string {
  if (!resourceType) return "data from the EHR";
  return RESOURCE_WORDS[resourceType] ?? `${resourceType} resources`;
}

const RELAUNCH = "Close this window and open the app again from the patient's chart.";

/** The scope that grants an interaction, in both SMART syntaxes, for a 403 message. */
function scopeFor(ctx: RequestContext): string {
  const type = ctx.resourceType ?? "*";
  return ctx.interaction === "create" ? `patient/${type}.c (v1: .write)` : `patient/${type}.rs (v1: .read)`;
}

/**
 * The issue for an HTTP status (4xx/5xx) answered by the FHIR server.
 * 401: the token is no longer accepted (the transport already tried a refresh when one was
 * granted); 403: name the permission; 429/503: the server is busy (bounded retries already
 * ran); others: a server problem. Source: FHIR R4 http.html status semantics; SMART App
 * Launch 2.2 step 6/7 (expired tokens, refresh).
 */
export function issueForStatus(status: number, ctx: RequestContext = {}): AppIssue {
  const what = resourceWords(ctx.resourceType);
  if (status === 401) return sessionExpired();
  if (status === 403) {
    const verb = ctx.interaction === "create" ? "save" : "read";
    return {
      code: "fhir.forbidden", status, action: "contact-admin",
      title: `No permission to ${verb} ${what}`,
      message: `The EHR refused permission to ${verb} ${what}. Ask your EHR administrator to grant this app ${scopeFor(ctx)} for your role, then open the app again.`,
    };
  }
  if (status === 404) {
    return { code: "fhir.not-found", status, action: "none", title: `${capitalize(what)} not found`, message: `The EHR has no ${what} at the address the app used. If this persists, tell your EHR administrator.` };
  }
  if (status === 429) {
    return { code: "fhir.rate-limited", status, action: "retry", title: "The EHR is busy", message: `The EHR asked the app to slow down while it read ${what}. Wait a minute, then try again.` };
  }
  if (status === 502 || status === 503 || status === 504) {
    return { code: "fhir.unavailable", status, action: "retry", title: "The EHR is unavailable", message: `The EHR's FHIR service did not answer while the app read ${what}. Try again in a few minutes.` };
  }
  if (status >= 500) {
    return { code: "fhir.server-error", status, action: "retry", title: "The EHR reported an error", message: `The EHR's FHIR service failed (error ${status}) while the app read ${what}. Try again; if it persists, tell your EHR administrator.` };
  }
  return { code: "fhir.bad-request", status, action: "contact-admin", title: "The EHR refused the request", message: `The EHR refused the app's request for ${what} (error ${status}). Tell your EHR administrator; the app may need configuration for this EHR.` };
}

export function sessionExpired(): AppIssue {
  return { code: "session.expired", status: 401, action: "relaunch", title: "Session expired", message: `Your EHR session for this app has expired. ${RELAUNCH}` };
}

export function networkIssue(ctx: RequestContext = {}): AppIssue {
  return { code: "fhir.network", action: "retry", title: "No connection to the EHR", message: `The app could not reach the EHR while reading ${resourceWords(ctx.resourceType)}. Check the network connection and try again.` };
}

export function badResponseIssue(ctx: RequestContext = {}): AppIssue {
  return { code: "fhir.bad-response", action: "contact-admin", title: "Unexpected answer from the EHR", message: `The EHR answered with something that is not a FHIR search result while the app read ${resourceWords(ctx.resourceType)}. Tell your EHR administrator.` };
}

export function offBaseLinkIssue(ctx: RequestContext = {}): AppIssue {
  return { code: "fhir.off-base-link", action: "contact-admin", title: "The EHR pointed to another server", message: `The EHR's link to the next page of ${resourceWords(ctx.resourceType)} leads outside its FHIR server, so the app did not follow it (it would have sent your access there). Tell your EHR administrator.` };
}

export function notGrantedIssue(ctx: RequestContext = {}): AppIssue {
  return { code: "fhir.not-granted", action: "contact-admin", title: `No permission to read ${resourceWords(ctx.resourceType)}`, message: `The EHR did not grant this app permission to read ${resourceWords(ctx.resourceType)}, so they were not checked. Ask your EHR administrator to grant ${scopeFor(ctx)}.` };
}

/** Session and launch issues, raised by lib/smart. */
export const SESSION_ISSUES = {
  noLaunch: (): AppIssue => ({ code: "session.no-launch", action: "relaunch", title: "Open this app from your EHR", message: `The app was opened without a launch from an EHR. ${RELAUNCH}` }),
  authorizationDenied: (oauthError: string): AppIssue => ({
    code: "session.authorization-denied", action: "relaunch", title: "The EHR did not authorize the app",
    message: `The EHR declined the app's request for access (${safeToken(oauthError)}). ${RELAUNCH} If this repeats, ask your EHR administrator to check the app's registration.`,
  }),
  launchFailed: (): AppIssue => ({ code: "session.launch-failed", action: "relaunch", title: "The launch could not be completed", message: `The app could not finish signing in with your EHR (the launch may have been used already or has timed out). ${RELAUNCH}` }),
  noPatient: (): AppIssue => ({ code: "session.no-patient", action: "relaunch", title: "No patient selected", message: "The EHR opened the app without a patient. Open a patient's chart, then start the app from there." }),
  patientMismatch: (): AppIssue => ({ code: "session.patient-mismatch", action: "relaunch", title: "Patient check failed", message: `This window's session no longer matches the patient it was opened for, so nothing is shown. ${RELAUNCH}` }),
  unknownIssuer: (): AppIssue => ({ code: "session.unknown-issuer", action: "contact-admin", title: "This EHR is not registered with this app", message: "The app is connected to a FHIR server that is not in its configuration, so it stopped. Ask your EHR administrator to register the server (docs/registration.md)." }),
  browserUnsupported: (): AppIssue => ({ code: "session.browser-unsupported", action: "none", title: "This browser cannot run the app", message: "The app's SMART component did not load in this browser. Use a current Edge, Chrome, Firefox or Safari, or ask your EHR administrator which embedded browser the EHR uses." }),
} as const;

/** Keep only an OAuth error code's safe characters (RFC 6749 error codes are %x20-21/%x23-5B/%x5D-7E). */
function safeToken(text: string): string {
  const t = text.replace(/[^A-Za-z0-9_.-]/g, "").slice(0, 60);
  return t || "no reason given";
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * fetch rejects with a TypeError when no response arrived; its message differs per engine
 * (Chrome "Failed to fetch", Firefox "NetworkError when attempting...", Safari "Load
 * failed", Node "fetch failed"). Other TypeErrors are programmer errors, not the network.
 */
export function isNetworkFailure(error: unknown): boolean {
  if (error instanceof Error && error.name === "NetworkError") return true;
  return error instanceof TypeError && /failed to fetch|networkerror|load failed|fetch failed|network request failed/i.test(error.message);
}

function hasNumericStatus(e: unknown): e is { status: number } {
  return typeof e === "object" && e !== null && "status" in e && typeof e.status === "number";
}

/**
 * Turn anything thrown into an `AppIssue` for the screen. Known shapes: `AppError`,
 * objects with a numeric `status` (fhirclient's HttpError), fetch's network `TypeError`,
 * `AbortError`. Anything else becomes `app.unexpected` - and its own message is NOT
 * copied (it may contain a URL with the patient id, or a token).
 */
export function normalizeError(error: unknown, ctx: RequestContext = {}): AppIssue {
  if (error instanceof AppError) return error.issue;
  if (hasNumericStatus(error) && error.status >= 400) return issueForStatus(error.status, ctx);
  if (error instanceof Error && error.name === "AbortError") {
    return { code: "app.aborted", action: "none", title: "Cancelled", message: "The request was cancelled." };
  }
  if (isNetworkFailure(error)) return networkIssue(ctx);
  return { code: "app.unexpected", action: "retry", title: "Something went wrong", message: "The app hit an unexpected problem. Try again; if it persists, open the app again from the patient's chart." };
}
