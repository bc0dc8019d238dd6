import { beforeEach, describe, expect, it } from "vitest";
import { capabilitiesFrom, clearCapabilitiesCache, readCapabilities } from "@/lib/fhir/capabilities";
import { FakeTransport, ok } from "./support/fake-transport";

function statement(carePlan: Record<string, unknown> | null, others: Record<string, unknown>[] = [{ type: "Patient", interaction: [{ code: "read" }] }]) {
  return { resourceType: "CapabilityStatement", fhirVersion: "4.0.1", rest: [{ mode: "server", resource: [...others, ...(carePlan ? [carePlan] : [])] }] };
}

describe("capabilitiesFrom", () => {
  it("Oracle Health style: CarePlan read/search only -> no create", () => {
    const c = capabilitiesFrom(statement({ type: "CarePlan", interaction: [{ code: "read" }, { code: "search-type" }] }));
    expect(c).toEqual({ fhirVersion: "4.0.1", carePlanCreate: false, carePlanConditionalCreate: false, carePlanSearch: true });
  });

  it("create with conditional create", () => {
    const c = capabilitiesFrom(statement({ type: "CarePlan", interaction: [{ code: "create" }], conditionalCreate: true }));
    expect(c.carePlanCreate).toBe(true);
    expect(c.carePlanConditionalCreate).toBe(true);
  });

  it("a server listing resources but not CarePlan cannot create one", () => {
    expect(capabilitiesFrom(statement(null)).carePlanCreate).toBe(false);
  });

  it.each([
    [{ resourceType: "Bundle" }],
    [{ resourceType: "CapabilityStatement", rest: [{ mode: "server" }] }],
    [{ resourceType: "CapabilityStatement", rest: [{ mode: "client", resource: [{ type: "CarePlan" }] }] }],
    [null],
  ])("says unknown (null) when the statement says nothing (%#)", (body) => {
    expect(capabilitiesFrom(body).carePlanCreate).toBeNull();
  });
});

describe("readCapabilities", () => {
  beforeEach(() => clearCapabilitiesCache());

  it("reads /metadata once per server", async () => {
    const t = new FakeTransport().on("/metadata", ok(statement({ type: "CarePlan", interaction: [{ code: "create" }] })));
    const [a, b] = await Promise.all([readCapabilities(t), readCapabilities(t)]);
    await readCapabilities(t);
    expect(a.carePlanCreate).toBe(true);
    expect(b).toBe(a);
    expect(t.requests).toEqual(["https://ehr.example.org/fhir/metadata"]);
  });

  it("a failure is unknown, not remembered", async () => {
    const t = new FakeTransport().on("/metadata", { status: 500, body: null, headers: {} }, ok(statement({ type: "CarePlan", interaction: [] })));
    expect((await readCapabilities(t, { sleep: async () => {} })).carePlanCreate).toBeNull();
    expect((await readCapabilities(t, { sleep: async () => {} })).carePlanCreate).toBe(false);
  });
});
