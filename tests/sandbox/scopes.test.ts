/**
 * SMART scope parsing and narrowing in the sandbox (SMART App Launch 2.2, "Scopes and launch
 * context": v2 letters in c-r-u-d-s order; v1 read = rs, write = cud, * = cruds).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { grantScopes, narrowScope, parseResourceScope, permittingScopes, resourceScopes } from "@/sandbox/auth/scopes";
import { decodeLaunchOptions, encodeLaunchOptions, needPatientBanner, parseLaunchOptions, type LaunchOptions } from "@/sandbox/launch-options";

describe("parseResourceScope", () => {
  it.each([
    ["patient/Observation.rs", "patient", "Observation", "rs"],
    ["patient/CarePlan.c", "patient", "CarePlan", "c"],
    ["user/*.cruds", "user", "*", "cruds"],
    ["patient/MedicationRequest.read", "patient", "MedicationRequest", "rs"],
    ["patient/CarePlan.write", "patient", "CarePlan", "cud"],
    ["patient/Observation.*", "patient", "Observation", "cruds"],
    ["patient/Observation.rs?category=laboratory", "patient", "Observation", "rs"],
  ])("%s -> %s %s .%s", (raw, context, type, letters) => {
    const s = parseResourceScope(raw);
    expect(s?.context).toBe(context);
    expect(s?.resourceType).toBe(type);
    expect([...(s?.interactions ?? [])].join("")).toBe(letters);
  });

  it.each(["patient/Observation.sr", "patient/Observation.rr", "patient/Observation.x", "Observation.rs", "launch/patient", "openid", "patient/observation.rs", "patient/Observation.read?category=x"])(
    "%s is not a resource scope",
    (raw) => expect(parseResourceScope(raw)).toBeNull(),
  );

  it("keeps a v2 query constraint", () => {
    expect(parseResourceScope("patient/Observation.rs?category=laboratory")?.query?.get("category")).toBe("laboratory");
  });
});

describe("permittingScopes", () => {
  it.each([
    ["patient/CarePlan.c", "CarePlan", "c", true],
    ["patient/CarePlan.c", "CarePlan", "r", false],
    ["patient/CarePlan.write", "CarePlan", "s", false],
    ["patient/*.rs", "Medication", "r", true],
    ["patient/Observation.rs", "Condition", "s", false],
  ] as const)("%s allows %s.%s: %s", (scope, type, interaction, allowed) => {
    expect(permittingScopes(resourceScopes(scope), type, interaction).length > 0).toBe(allowed);
  });
});

describe("grantScopes and narrowScope", () => {
  it.each([
    ["no launch code: `launch` is not granted", "launch openid patient/Observation.rs", false, [], "openid patient/Observation.rs"],
    ["unknown scopes are dropped", "launch patient/Observation.rs made/up.scope", true, [], "launch patient/Observation.rs"],
    ["deny CarePlan create (v2)", "patient/CarePlan.rs patient/CarePlan.c", true, ["patient/CarePlan.c"], "patient/CarePlan.rs"],
    ["deny create on a v1 write: the rest in v2 syntax", "patient/CarePlan.write", true, ["CarePlan.c"], "patient/CarePlan.ud"],
    ["deny everything of a scope drops it", "patient/CarePlan.c online_access", true, ["patient/CarePlan.write", "online_access"], ""],
    ["deny in another context leaves the scope", "patient/CarePlan.c", true, ["user/CarePlan.c"], "patient/CarePlan.c"],
  ])("%s", (_label, requested, hasLaunch, deny, granted) => {
    expect(grantScopes(requested, hasLaunch, deny).join(" ")).toBe(granted);
  });

  it("never grants a permission that was not asked for (property)", () => {
    const letters = fc.subarray(["c", "r", "u", "d", "s"], { minLength: 1 }).map((l) => l.join(""));
    fc.assert(
      fc.property(letters, fc.array(letters, { maxLength: 3 }), (asked, denied) => {
        const out = narrowScope(`patient/CarePlan.${asked}`, denied.map((d) => `CarePlan.${d}`));
        const kept = out.length ? [...(parseResourceScope(out[0] ?? "")?.interactions ?? [])] : [];
        return kept.every((l) => asked.includes(l) && !denied.some((d) => d.includes(l)));
      }),
    );
  });
});

describe("launch options", () => {
  const full: LaunchOptions = {
    patient: "otp-oxy-benzo",
    practitioner: "otp-dr-prescott",
    encounter: "none",
    denyScopes: ["patient/CarePlan.c"],
    tokenLifetimeSeconds: 30,
    fhirError: { resourceType: "Observation", status: 429 },
    latencyMs: 250,
    needPatientBanner: false,
    carePlanReadOnly: true,
    simEhr: true,
  };

  it("round-trips through base64url JSON", () => {
    const code = encodeLaunchOptions(full);
    expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(JSON.parse(Buffer.from(code, "base64url").toString("utf8"))).toEqual(full);
    expect(decodeLaunchOptions(code)).toEqual({ ok: true, options: full });
  });

  it.each([
    ["not base64url", "%%%"],
    ["not JSON", Buffer.from("{patient:").toString("base64url")],
    ["wrong types", encodeLaunchOptions({}).replace("e30", Buffer.from('{"latencyMs":"slow"}').toString("base64url"))],
  ])("rejects %s", (_label, code) => {
    expect(decodeLaunchOptions(code).ok).toBe(false);
  });

  it.each([
    [{ fhirError: { resourceType: "Observation", status: 404 } }],
    [{ tokenLifetimeSeconds: 0 }],
    [{ patient: "../etc/passwd" }],
    [{ denyScopes: "patient/CarePlan.c" }],
  ])("rejects %j", (raw) => {
    expect(parseLaunchOptions(raw).ok).toBe(false);
  });

  it.each([
    [{}, true],
    [{ simEhr: true }, false],
    [{ simEhr: true, needPatientBanner: true }, true],
    [{ needPatientBanner: false }, false],
  ] as const)("need_patient_banner for %j is %s", (options, expected) => {
    expect(needPatientBanner(options)).toBe(expected);
  });
});
