import { describe, expect, it } from "vitest";
import { coerceNeedPatientBanner, parseFhirUser, readLaunchContext } from "@/lib/smart/launch-context";
import { readPublicIssuerConfig, toPublicIssuerConfig } from "@/lib/smart/issuer-public";
import { parseConfig } from "@/lib/config";

describe("coerceNeedPatientBanner", () => {
  it.each([
    [true, true],
    [false, false],
    ["false", false], // Epic's sample token response
    ["FALSE", false],
    [" false ", false],
    ["true", true],
    [0, false],
    ["0", false],
    [1, true],
    [undefined, true], // absent: show the banner
    [null, true],
    ["no", true], // unreadable: the safe default is to show the patient
  ])("%j -> %s", (value, expected) => {
    expect(coerceNeedPatientBanner(value)).toBe(expected);
  });
});

describe("readLaunchContext", () => {
  it("reads patient, encounter, banner and style from an Epic-like token response", () => {
    expect(
      readLaunchContext({ access_token: "x", patient: "eNq8Y", encounter: "e1", need_patient_banner: "false", smart_style_url: "https://ehr.example.org/style.json", __epic: 1 }),
    ).toEqual({ patientId: "eNq8Y", encounterId: "e1", needPatientBanner: false, smartStyleUrl: "https://ehr.example.org/style.json" });
  });

  it("missing or malformed context is null, never a guess", () => {
    expect(readLaunchContext({ patient: "", encounter: 42, smart_style_url: "javascript:alert(1)" })).toEqual({
      patientId: null, encounterId: null, needPatientBanner: true, smartStyleUrl: null,
    });
    expect(readLaunchContext(null).patientId).toBeNull();
    expect(readLaunchContext(Object.create({ patient: "inherited" })).patientId).toBeNull();
  });
});

describe("parseFhirUser", () => {
  it.each([
    ["Practitioner/123", "Practitioner/123"],
    ["https://fhir.epic.com/api/FHIR/R4/Practitioner/eABC.12-3", "Practitioner/eABC.12-3"],
    ["PractitionerRole/9", "PractitionerRole/9"],
    ["Patient/1", "Patient/1"],
    ["Organization/1", null],
    ["Practitioner", null],
    ["", null],
    [42, null],
  ])("%j -> %s", (value, expected) => {
    expect(parseFhirUser(value)?.reference ?? null).toBe(expected);
  });
});

describe("public issuer configuration", () => {
  const config = parseConfig({ issuers: [{ id: "epic", name: "Epic", iss: "https://epic.example/fhir", clientId: "secret-ish", scopeStyle: "v1", quirks: { observationCategoryRequired: true } }] }, "test");
  const issuer = config.issuers[0];

  it("exposes only public fields (no client id, no origins) and round-trips through the browser guard", () => {
    if (!issuer) throw new Error("fixture");
    const pub = toPublicIssuerConfig(issuer);
    expect(pub).toEqual({ id: "epic", name: "Epic", scopeStyle: "v1", requestRefresh: false, carePlanIntent: "proposal", maxPages: 20, pageSize: 200, observationCategoryRequired: true });
    expect(JSON.stringify(pub)).not.toContain("secret-ish");
    expect(readPublicIssuerConfig(JSON.parse(JSON.stringify(pub)))).toEqual(pub);
  });

  it.each([
    [{}],
    [{ id: "a", name: "A", scopeStyle: "v3", requestRefresh: false, carePlanIntent: "plan", maxPages: 1, pageSize: 10, observationCategoryRequired: false }],
    [{ id: "a", name: "A", scopeStyle: "v2", requestRefresh: false, carePlanIntent: "plan", maxPages: 0, pageSize: 10, observationCategoryRequired: false }],
    [null],
  ])("the browser guard refuses a malformed answer (%#)", (body) => {
    expect(readPublicIssuerConfig(body)).toBeNull();
  });
});
