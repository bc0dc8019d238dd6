import { describe, expect, it } from "vitest";
// fhirclient's own HttpError class (its Node build), to check the real error shape maps.
import HttpErrorModule from "fhirclient/lib/HttpError";
import { AppError, issueForStatus, normalizeError, SESSION_ISSUES } from "@/lib/fhir/errors";

const HttpError = HttpErrorModule;

describe("issueForStatus", () => {
  it.each([
    [401, "session.expired", "relaunch"],
    [403, "fhir.forbidden", "contact-admin"],
    [404, "fhir.not-found", "none"],
    [400, "fhir.bad-request", "contact-admin"],
    [422, "fhir.bad-request", "contact-admin"],
    [429, "fhir.rate-limited", "retry"],
    [500, "fhir.server-error", "retry"],
    [502, "fhir.unavailable", "retry"],
    [503, "fhir.unavailable", "retry"],
  ] as const)("%i -> %s (%s)", (status, code, action) => {
    const issue = issueForStatus(status, { resourceType: "MedicationRequest", interaction: "search" });
    expect(issue.code).toBe(code);
    expect(issue.action).toBe(action);
    expect(issue.message).toMatch(/^[A-Z].*\.$/);
  });

  it("401 says the session expired and to relaunch from the EHR", () => {
    expect(issueForStatus(401).message).toBe("Your EHR session for this app has expired. Close this window and open the app again from the patient's chart.");
  });

  it("403 names the permission that is missing, in both scope syntaxes", () => {
    expect(issueForStatus(403, { resourceType: "Condition", interaction: "search" }).message).toBe(
      "The EHR refused permission to read diagnoses (problem list). Ask your EHR administrator to grant this app patient/Condition.rs (v1: .read) for your role, then open the app again.",
    );
    expect(issueForStatus(403, { resourceType: "CarePlan", interaction: "create" }).message).toContain("save care plans");
    expect(issueForStatus(403, { resourceType: "CarePlan", interaction: "create" }).message).toContain("patient/CarePlan.c (v1: .write)");
  });
});

describe("normalizeError", () => {
  it("maps fhirclient's HttpError by its status", async () => {
    const response = new Response(JSON.stringify({ resourceType: "OperationOutcome" }), { status: 403, statusText: "Forbidden", headers: { "content-type": "application/json" } });
    const error = await new HttpError(response).parse();
    expect(normalizeError(error, { resourceType: "Observation" })).toMatchObject({ code: "fhir.forbidden", status: 403 });
  });

  it("a network TypeError is a network issue; another TypeError is not", () => {
    expect(normalizeError(new TypeError("Failed to fetch")).code).toBe("fhir.network");
    expect(normalizeError(new TypeError("Load failed")).code).toBe("fhir.network");
    expect(normalizeError(new TypeError("Cannot read properties of undefined (reading 'x')")).code).toBe("app.unexpected");
  });

  it("an AppError keeps its issue", () => {
    expect(normalizeError(new AppError(SESSION_ISSUES.noPatient())).code).toBe("session.no-patient");
  });

  it("an abort is not an error to alarm about", () => {
    const abort = new Error("aborted");
    abort.name = "AbortError";
    expect(normalizeError(abort).code).toBe("app.aborted");
  });

  it.each([
    new Error("401 Unauthorized\nURL: https://ehr/fhir/MedicationRequest?patient=SECRET-ID access_token=eyJSECRET"),
    "GET https://ehr/fhir/Patient/SECRET-ID failed",
    { message: "Bearer eyJSECRET" },
    null,
    undefined,
  ])("never copies an unknown error's text into the issue (%#)", (thrown) => {
    const issue = normalizeError(thrown);
    expect(issue.code).toBe("app.unexpected");
    expect(JSON.stringify(issue)).not.toMatch(/SECRET/);
  });

  it("an OAuth error code from the redirect is reduced to safe characters", () => {
    const issue = SESSION_ISSUES.authorizationDenied('access_denied<script>"x"</script>');
    expect(issue.message).toContain("(access_deniedscriptxscript)");
  });
});
