import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { buildRegistrationManifest } from "@/lib/smart/registration-manifest";
import { GET as issuerConfig } from "@/app/api/issuer-config/route";
import { GET as manifestRoute } from "@/app/smart-app.json/route";

const config = parseConfig(
  {
    appName: "Opioid Taper Planner",
    appBaseUrl: "https://taper.example.org",
    issuers: [
      { id: "a", name: "A", iss: "https://a.example/fhir", clientId: "c" },
      { id: "b", name: "B", iss: "https://b.example/fhir", clientId: "d", requestRefresh: true },
    ],
  },
  "test",
);

describe("buildRegistrationManifest", () => {
  // the route resolves the public origin (lib/smart/app-origin: appBaseUrl here) and passes it in
  const m = buildRegistrationManifest(config, "https://taper.example.org", "1.2.3");

  it("uses the configured public base URL for launch, redirect and logo", () => {
    expect(m).toMatchObject({
      client_name: "Opioid Taper Planner",
      launch_url: "https://taper.example.org/launch.html",
      redirect_uris: ["https://taper.example.org/"],
      logo_uri: "https://taper.example.org/logo.svg",
      software_version: "1.2.3",
      token_endpoint_auth_method: "none",
      code_challenge_method: "S256",
      fhir_versions: ["4.0.1"],
    });
  });

  it("lists the scopes in v2 and v1 form, least privilege (no wildcard), with refresh when an issuer asks for it", () => {
    expect(m.scopes.v2.ehr_launch).toBe(
      "launch openid fhirUser patient/Patient.r patient/MedicationRequest.rs patient/Medication.rs patient/Observation.rs patient/Condition.rs patient/CarePlan.rs patient/CarePlan.c online_access",
    );
    expect(m.scopes.v1.standalone_launch).toContain("launch/patient");
    expect(m.scopes.v1.standalone_launch).toContain("patient/CarePlan.write");
    expect(m.scope.split(" ")).toEqual(expect.arrayContaining(["launch", "launch/patient", "online_access"]));
    expect(m.scope).not.toContain("*");
    expect(m.grant_types).toEqual(["authorization_code", "refresh_token"]);
  });

  it("falls back to the request origin without appBaseUrl", () => {
    const bare = parseConfig({ issuers: [{ id: "a", name: "A", iss: "https://a.example/fhir", clientId: "c" }] }, "t");
    const mm = buildRegistrationManifest(bare, "http://localhost:3000", "0");
    expect(mm.redirect_uris).toEqual(["http://localhost:3000/"]);
    expect(mm.grant_types).toEqual(["authorization_code"]);
  });
});

describe("routes (default config/smart.json)", () => {
  it("GET /smart-app.json serves the manifest as JSON", async () => {
    const r = manifestRoute(new Request("http://localhost:3000/smart-app.json", { headers: { host: "localhost:3000" } }));
    expect(r.headers.get("content-type")).toContain("application/json");
    const body: unknown = await r.json();
    expect(body).toMatchObject({ launch_url: "http://localhost:3000/launch.html", fhir_versions: ["4.0.1"] });
  });

  it("GET /api/issuer-config returns only public fields of a configured issuer", async () => {
    const r = issuerConfig(new Request(`http://localhost:3000/api/issuer-config?iss=${encodeURIComponent("http://localhost:4010/fhir")}`));
    expect(r.status).toBe(200);
    const body: unknown = await r.json();
    expect(body).toMatchObject({ id: "local-sandbox", scopeStyle: "v2" });
    expect(JSON.stringify(body)).not.toContain("clientId");
    expect(r.headers.get("cache-control")).toBe("no-store");
  });

  it("matches a prefix issuer (public sandbox standalone URL)", async () => {
    const r = issuerConfig(new Request(`http://x/api/issuer-config?iss=${encodeURIComponent("https://launch.smarthealthit.org/v/r4/sim/eyJ9/fhir")}`));
    expect(r.status).toBe(200);
  });

  it.each([
    ["https://evil.example/fhir", 404],
    ["", 400],
  ])("refuses iss=%j with %i", (iss, status) => {
    expect(issuerConfig(new Request(`http://x/api/issuer-config?iss=${encodeURIComponent(iss)}`)).status).toBe(status);
  });
});
