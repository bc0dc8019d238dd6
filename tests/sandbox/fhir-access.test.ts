/**
 * The sandbox's FHIR server enforces the SMART token (stricter than the public sandbox, whose
 * proxy accepts requests without a token and never checks scopes: smart-sources.md trap 13).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "@/sandbox/server";
import { entries, fhir, jsonObject, launchToken, startTestSandbox } from "./helpers";

let sbx: RunningSandbox;
let token: string;

beforeAll(async () => {
  sbx = await startTestSandbox();
  token = (await launchToken(sbx, { patient: "otp-oxy-benzo" })).access_token;
});
afterAll(async () => sbx.close());

describe("FHIR server token enforcement", () => {
  it("refuses a request without a token with 401 and WWW-Authenticate", async () => {
    const res = await fhir(sbx, "MedicationRequest?patient=otp-oxy-benzo", null);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await jsonObject(res)).resourceType).toBe("OperationOutcome");
  });

  it("refuses a forged token (bad signature) with 401 invalid_token", async () => {
    const [header, payload] = token.split(".");
    const res = await fhir(sbx, "MedicationRequest?patient=otp-oxy-benzo", `${header}.${payload}.${"A".repeat(342)}`);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  it.each([
    ["a search for another patient", "MedicationRequest?patient=otp-methadone"],
    ["a search naming no patient", "MedicationRequest?status=active"],
    ["a read of another patient's Observation", "Observation/otp-methadone-pain-1"],
    ["a read of another Patient", "Patient/otp-methadone"],
    ["a subject search for another patient", "Condition?subject=Patient/otp-methadone"],
  ])("refuses %s with 403", async (_label, path) => {
    const res = await fhir(sbx, path, token);
    expect(res.status).toBe(403);
    const body = await jsonObject(res);
    expect(JSON.stringify(body.issue)).toContain("forbidden");
  });

  it("refuses an interaction outside the granted scopes with 403 insufficient_scope", async () => {
    const narrow = await launchToken(sbx, { patient: "otp-oxy-benzo", denyScopes: ["patient/CarePlan.c"] });
    expect(narrow.scope.split(" ")).not.toContain("patient/CarePlan.c");
    const carePlan = { resourceType: "CarePlan", status: "draft", intent: "proposal", subject: { reference: "Patient/otp-oxy-benzo" } };
    const res = await fhir(sbx, "CarePlan", narrow.access_token, { method: "POST", headers: { "content-type": "application/fhir+json" }, body: JSON.stringify(carePlan) });
    expect(res.status).toBe(403);
    expect(res.headers.get("www-authenticate")).toContain("insufficient_scope");
    const noProcedure = await fhir(sbx, "Procedure?patient=otp-oxy-benzo", token);
    expect(noProcedure.status).toBe(403);
  });

  it("accepts a proper request: the token's patient, a granted scope", async () => {
    const res = await fhir(sbx, "MedicationRequest?patient=otp-oxy-benzo&_count=50", token);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/fhir+json");
    const bundle = await jsonObject(res);
    expect(bundle.type).toBe("searchset");
    // 7 completed oxycodone ER refills + ER + IR + alprazolam
    expect(bundle.total).toBe(10);
    const resources = entries(bundle);
    expect(resources.every((r) => JSON.stringify(r.subject) === JSON.stringify({ reference: "Patient/otp-oxy-benzo" }))).toBe(true);
    const read = await fhir(sbx, "MedicationRequest/otp-oxy-benzo-mr-er", token);
    expect(read.status).toBe(200);
    expect(read.headers.get("etag")).toMatch(/^W\/"/);
  });

  it("reads the Patient only with a Patient scope (write or other resource scopes do not imply it)", async () => {
    expect((await fhir(sbx, "Patient/otp-oxy-benzo", token)).status).toBe(403);
    const withPatient = await launchToken(sbx, { patient: "otp-oxy-benzo" }, "launch patient/Patient.rs");
    expect((await fhir(sbx, "Patient/otp-oxy-benzo", withPatient.access_token)).status).toBe(200);
    expect((await fhir(sbx, "Patient?_id=otp-oxy-benzo", withPatient.access_token)).status).toBe(200);
    expect((await fhir(sbx, "Patient?_id=otp-methadone", withPatient.access_token)).status).toBe(403);
  });

  it("reads Medication resources (not patient data) with a Medication scope", async () => {
    const fiona = await launchToken(sbx, { patient: "otp-fentanyl-hydrocodone" });
    const res = await fhir(sbx, "Medication/otp-fentanyl-hydrocodone-med-fentanyl-25", fiona.access_token);
    expect(res.status).toBe(200);
    const noMedScope = await launchToken(sbx, { patient: "otp-fentanyl-hydrocodone" }, "launch patient/MedicationRequest.rs");
    expect((await fhir(sbx, "Medication/otp-fentanyl-hydrocodone-med-fentanyl-25", noMedScope.access_token)).status).toBe(403);
  });

  it("refuses an expired token with 401 invalid_token", async () => {
    const short = await launchToken(sbx, { patient: "otp-oxy-benzo", tokenLifetimeSeconds: 1 });
    expect(short.expires_in).toBe(1);
    await new Promise((r) => setTimeout(r, 2100));
    const res = await fhir(sbx, "Patient/otp-oxy-benzo", short.access_token);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain("expired");
  });

  it("logs each FHIR request with whether it carried a token", async () => {
    await fhir(sbx, "Patient/otp-oxy-benzo", null);
    const log: unknown = await (await fetch(`${sbx.origin}/sandbox/requests`)).json();
    expect(Array.isArray(log)).toBe(true);
    const last = Array.isArray(log) ? log.at(-1) : null;
    expect(last).toMatchObject({ method: "GET", path: "/fhir/Patient/otp-oxy-benzo", status: 401, token: false });
  });
});
