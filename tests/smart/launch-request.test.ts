import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { decideLaunch, FORBIDDEN_LAUNCH_PARAMS } from "@/lib/smart/launch-request";
import { buildScopes } from "@/lib/smart/scopes";
import { jsonForScript } from "@/lib/smart/launch-page";

const config = parseConfig(
  {
    issuers: [
      { id: "ehr", name: "Test EHR", iss: "https://ehr.example.org/fhir/R4", clientId: "abc" },
      { id: "legacy", name: "Legacy EHR", iss: "https://old.example.org/fhir", clientId: "def", scopeStyle: "v1" },
      { id: "sbx", name: "Sandbox", iss: "https://launch.smarthealthit.org/v/r4", match: "prefix", clientId: "x" },
      { id: "epic", name: "Epic", iss: "https://epic.example.org/api/FHIR/R4", clientId: "epic-client", quirks: { epicClientIdHeader: true } },
    ],
  },
  "test",
);
const ORIGIN = "https://app.example.org";

describe("decideLaunch", () => {
  it("authorizes a configured issuer for an EHR launch with `launch` in the scope", () => {
    const d = decideLaunch(new URLSearchParams({ iss: "https://ehr.example.org/fhir/R4", launch: "xyz" }), config, ORIGIN);
    expect(d.kind).toBe("authorize");
    if (d.kind !== "authorize") return;
    expect(d.options).toMatchObject({ clientId: "abc", launch: "xyz", redirectUri: "https://app.example.org/", pkceMode: "required" });
    expect(d.options.scope.split(" ")[0]).toBe("launch");
  });

  it("matches the issuer case-insensitively on the host and ignores a trailing slash", () => {
    const d = decideLaunch(new URLSearchParams({ iss: "https://EHR.example.org/fhir/R4/", launch: "1" }), config, ORIGIN);
    expect(d.kind).toBe("authorize");
  });

  it("does not match a different path on the same host (exact match)", () => {
    const d = decideLaunch(new URLSearchParams({ iss: "https://ehr.example.org/fhir/R4/evil", launch: "1" }), config, ORIGIN);
    expect(d).toMatchObject({ kind: "refuse", status: 403 });
  });

  it("accepts any path under a prefix issuer, but not a look-alike host", () => {
    expect(decideLaunch(new URLSearchParams({ iss: "https://launch.smarthealthit.org/v/r4/sim/abc/fhir" }), config, ORIGIN).kind).toBe("authorize");
    expect(decideLaunch(new URLSearchParams({ iss: "https://launch.smarthealthit.org/v/r4evil/fhir" }), config, ORIGIN).kind).toBe("refuse");
    expect(decideLaunch(new URLSearchParams({ iss: "https://launch.smarthealthit.org.evil.example/v/r4/fhir" }), config, ORIGIN).kind).toBe("refuse");
  });

  it("refuses an unknown issuer", () => {
    expect(decideLaunch(new URLSearchParams({ iss: "https://evil.example/fhir", launch: "1" }), config, ORIGIN)).toMatchObject({ kind: "refuse", status: 403 });
  });

  it.each(FORBIDDEN_LAUNCH_PARAMS)("refuses the override parameter %s", (name) => {
    const params = new URLSearchParams({ iss: "https://ehr.example.org/fhir/R4", launch: "1", [name]: "x" });
    expect(decideLaunch(params, config, ORIGIN)).toMatchObject({ kind: "refuse", status: 400 });
  });

  it("uses launch/patient and no `launch` scope for a standalone launch", () => {
    const d = decideLaunch(new URLSearchParams({ iss: "https://ehr.example.org/fhir/R4" }), config, ORIGIN);
    if (d.kind !== "authorize") throw new Error("expected authorize");
    const scopes = d.options.scope.split(" ");
    expect(scopes).toContain("launch/patient");
    expect(scopes).not.toContain("launch");
    expect(d.options.launch).toBeUndefined();
  });

  it("lists the configured EHRs when neither iss nor launch is given", () => {
    const d = decideLaunch(new URLSearchParams(), config, ORIGIN);
    expect(d.kind).toBe("choose");
    if (d.kind !== "choose") return;
    expect(d.issuers.map((i) => i.id)).toEqual(["ehr", "legacy", "epic"]);
  });

  it("sends Epic-Client-ID on discovery only for issuers with that quirk", () => {
    const epic = decideLaunch(new URLSearchParams({ iss: "https://epic.example.org/api/FHIR/R4", launch: "1" }), config, ORIGIN);
    if (epic.kind !== "authorize") throw new Error("expected authorize");
    expect(epic.options.wellKnownRequestOptions).toEqual({ headers: { "Epic-Client-ID": "epic-client" } });
    expect(epic.options.conformanceRequestOptions).toEqual({ headers: { "Epic-Client-ID": "epic-client" } });
    const other = decideLaunch(new URLSearchParams({ iss: "https://ehr.example.org/fhir/R4", launch: "1" }), config, ORIGIN);
    if (other.kind !== "authorize") throw new Error("expected authorize");
    expect(other.options.wellKnownRequestOptions).toBeUndefined();
  });

  it("refuses a launch code without iss", () => {
    expect(decideLaunch(new URLSearchParams({ launch: "1" }), config, ORIGIN)).toMatchObject({ kind: "refuse", status: 400 });
  });
});

describe("buildScopes", () => {
  it("v2 EHR launch: least privilege, no wildcard", () => {
    expect(buildScopes("v2", "ehr", false)).toBe(
      "launch openid fhirUser patient/Patient.r patient/MedicationRequest.rs patient/Medication.rs patient/Observation.rs patient/Condition.rs patient/CarePlan.rs patient/CarePlan.c",
    );
  });
  it("v1 standalone launch with refresh", () => {
    expect(buildScopes("v1", "standalone", true)).toBe(
      "launch/patient openid fhirUser patient/Patient.read patient/MedicationRequest.read patient/Medication.read patient/Observation.read patient/Condition.read patient/CarePlan.read patient/CarePlan.write online_access",
    );
  });
});

describe("jsonForScript", () => {
  it("cannot close the script element", () => {
    const s = jsonForScript({ launch: "</script><script>alert(1)</script>" });
    expect(s).not.toContain("</script>");
    expect(JSON.parse(s)).toEqual({ launch: "</script><script>alert(1)</script>" });
  });
});
