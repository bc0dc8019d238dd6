import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CAPABILITY_IDS, compareScopes, grantFor, parseResourceScope } from "@/lib/smart/granted-scopes";
import { buildScopes } from "@/lib/smart/scopes";

const V2_EHR = buildScopes("v2", "ehr", false);
const V1_EHR = buildScopes("v1", "ehr", true);

function letters(token: string): string {
  const s = parseResourceScope(token);
  return s ? [...s.interactions].sort().join("") : "null";
}

describe("parseResourceScope", () => {
  it.each([
    ["patient/Observation.read", "rs"],
    ["patient/CarePlan.write", "cdu"],
    ["patient/CarePlan.*", "cdrsu"],
    ["patient/MedicationRequest.rs", "rs"],
    ["patient/CarePlan.c", "c"],
    ["patient/CarePlan.cu", "cu"],
    ["user/CarePlan.cruds", "cdrsu"],
    ["patient/*.read", "rs"],
    ["patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory", "rs"],
    ["patient/CarePlan.sc", "null"], // v2 letters out of order
    ["patient/CarePlan.x", "null"],
    ["patient/careplan.read", "null"],
    ["patient/Observation.read?category=x", "null"], // query scopes are v2 only
    ["launch", "null"],
    ["openid", "null"],
    ["launch/patient", "null"],
  ])("%s -> %s", (token, expected) => {
    expect(letters(token)).toBe(expected);
  });

  it("marks query-narrowed v2 scopes as restricted", () => {
    expect(parseResourceScope("patient/Observation.rs?category=laboratory")?.restricted).toBe(true);
    expect(parseResourceScope("patient/Observation.rs")?.restricted).toBe(false);
  });
});

describe("compareScopes", () => {
  it("everything granted as requested (v2)", () => {
    const r = compareScopes(V2_EHR, V2_EHR);
    expect(r.missing).toEqual([]);
    expect(Object.values(r.granted).every((g) => g === "granted")).toBe(true);
    expect(r.identityGranted).toBe(true);
    expect(r.refreshGranted).toBe(false);
  });

  it("Epic before Aug 2024: v2 requested, v1 granted -> still everything", () => {
    const r = compareScopes(V2_EHR, V1_EHR);
    expect(r.missing).toEqual([]);
    expect(r.refreshGranted).toBe(true);
  });

  it("narrowed grant without CarePlan create", () => {
    const granted = V2_EHR.replace(" patient/CarePlan.c", "");
    const r = compareScopes(V2_EHR, granted);
    expect(r.missing).toEqual(["CarePlan.create"]);
    expect(r.granted["CarePlan.create"]).toBe("missing");
    expect(r.granted["CarePlan.search"]).toBe("granted");
  });

  it("narrowed grant without Condition read", () => {
    const r = compareScopes(V1_EHR, V1_EHR.replace(" patient/Condition.read", ""));
    expect(r.missing).toEqual(["Condition.search"]);
  });

  it("write does not imply read: CarePlan.write alone gives create, not search", () => {
    const r = compareScopes(V1_EHR, "launch patient/CarePlan.write");
    expect(r.granted["CarePlan.create"]).toBe("granted");
    expect(r.granted["CarePlan.search"]).toBe("missing");
  });

  it("wildcards count: patient/*.read + user/CarePlan.cruds", () => {
    const r = compareScopes(V2_EHR, "launch openid fhirUser patient/*.read user/CarePlan.cruds");
    expect(r.missing).toEqual([]);
  });

  it("system/ scopes do not count for a user in a browser", () => {
    expect(compareScopes(V2_EHR, "system/*.cruds").missing).toEqual(CAPABILITY_IDS);
  });

  it("a query-narrowed Observation grant is 'restricted', not missing", () => {
    const r = compareScopes(V2_EHR, V2_EHR.replace("patient/Observation.rs", "patient/Observation.rs?category=laboratory"));
    expect(r.granted["Observation.search"]).toBe("restricted");
    expect(r.missing).toEqual([]);
  });

  it("an empty grant misses everything requested", () => {
    expect(compareScopes(V2_EHR, "").missing).toEqual(CAPABILITY_IDS);
  });

  it("no scope in the token response: assumes the request (non-conformant server), and says so", () => {
    const r = compareScopes(V2_EHR, undefined);
    expect(r.scopeReported).toBe(false);
    expect(r.missing).toEqual([]);
  });

  it("what was not requested is never 'missing'", () => {
    expect(compareScopes("launch openid", "launch").missing).toEqual([]);
  });

  it("property: adding scopes to a grant never removes a capability", () => {
    const pool = V2_EHR.split(" ").concat(V1_EHR.split(" "), ["patient/*.rs", "user/CarePlan.c", "patient/Observation.rs?category=x"]);
    fc.assert(
      fc.property(fc.subarray(pool), fc.subarray(pool), (a, b) => {
        const small = compareScopes(V2_EHR, a.join(" "));
        const big = compareScopes(V2_EHR, [...a, ...b].join(" "));
        for (const id of CAPABILITY_IDS) {
          if (small.granted[id] === "granted") expect(big.granted[id]).toBe("granted");
          if (small.granted[id] !== "missing") expect(big.granted[id]).not.toBe("missing");
        }
      }),
    );
  });
});

describe("grantFor", () => {
  it("an unrestricted grant wins over a restricted one", () => {
    const scopes = ["patient/Observation.rs?category=x", "patient/Observation.s"].flatMap((t) => parseResourceScope(t) ?? []);
    expect(grantFor(scopes, "Observation", "s")).toBe("granted");
    expect(grantFor(scopes, "Observation", "r")).toBe("restricted");
  });
});
