/**
 * The sandbox as strict as a real EHR where the public launcher is lax (issue 19.9): grants
 * within the client's registration, writes only into the token's own patient's chart (its
 * subject), 400 for a malformed %-escape; and the public launcher's URL shapes
 * (`/v/r4/sim/{code}/fhir`), with the `lax` launch option that imitates its token-less proxy.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeLaunchOptions, encodeLauncherCode } from "@/sandbox/launch-options";
import { simBaseUrl } from "@/sandbox/bases";
import type { RunningSandbox } from "@/sandbox/server";
import { authorize, CLIENT_ID, fhir, isTokenBody, jsonObject, launchToken, pkcePair, REDIRECT_URI, redirectParams, startTestSandbox } from "./helpers";

let sbx: RunningSandbox;
beforeAll(async () => {
  sbx = await startTestSandbox();
});
afterAll(async () => sbx.close());

const JSON_POST = (body: unknown): RequestInit => ({ method: "POST", headers: { "content-type": "application/fhir+json" }, body: JSON.stringify(body) });

function carePlan(subject: string, extra: Record<string, unknown> = {}) {
  return { resourceType: "CarePlan", status: "draft", intent: "proposal", subject: { reference: `Patient/${subject}` }, ...extra };
}

interface LogEntry { method: string; path: string; status: number; token: boolean; lax: boolean }

async function requestLog(): Promise<LogEntry[]> {
  const body: unknown = await (await fetch(`${sbx.origin}/sandbox/requests`)).json();
  return Array.isArray(body) ? body.filter((e): e is LogEntry => typeof e === "object" && e !== null && "path" in e && "lax" in e) : [];
}

describe("grants stay within the client's registration", () => {
  it("a user/*.cruds request is not granted (the registration has patient scopes only), so another patient stays closed", async () => {
    const t = await launchToken(sbx, { patient: "otp-oxy-benzo" }, "launch user/*.cruds patient/MedicationRequest.rs");
    expect(t.scope.split(" ")).toEqual(["launch", "patient/MedicationRequest.rs"]);
    expect((await fhir(sbx, "MedicationRequest?patient=otp-methadone", t.access_token)).status).toBe(403);
    expect((await fhir(sbx, "Observation?patient=otp-oxy-benzo", t.access_token)).status).toBe(403);
  });

  it("a wider resource scope is narrowed to what is registered (v2 letters); a wildcard nobody registered is dropped", async () => {
    const t = await launchToken(sbx, { patient: "otp-oxy-benzo" }, "launch patient/Observation.cruds patient/*.rs");
    // registered for Observation: patient/Observation.rs and v1 patient/Observation.read (= rs); no patient/* scope at all
    expect(t.scope.split(" ")).toEqual(["launch", "patient/Observation.rs"]);
    const write = await fhir(sbx, "Observation", t.access_token, JSON_POST({ resourceType: "Observation", status: "final", code: { text: "x" }, subject: { reference: "Patient/otp-oxy-benzo" } }));
    expect(write.status).toBe(403);
  });

  it("a non-resource scope the client is not registered for is dropped", async () => {
    const t = await launchToken(sbx, { patient: "otp-oxy-benzo" }, "launch patient/MedicationRequest.rs smart/orchestrate_launch");
    expect(t.scope).toBe("launch patient/MedicationRequest.rs");
  });
});

describe("writes only into the token's own patient's chart", () => {
  it("refuses a CarePlan for another patient that names the token's patient elsewhere (performer)", async () => {
    const t = (await launchToken(sbx, { patient: "otp-oxy-benzo" })).access_token;
    const smuggled = carePlan("otp-methadone", { activity: [{ detail: { status: "not-started", performer: [{ reference: "Patient/otp-oxy-benzo" }] } }] });
    const res = await fhir(sbx, "CarePlan", t, JSON_POST(smuggled));
    expect(res.status).toBe(403);
    expect(JSON.stringify(await jsonObject(res))).toContain("subject is patient otp-oxy-benzo");
    expect((await fhir(sbx, "CarePlan?patient=otp-methadone", (await launchToken(sbx, { patient: "otp-methadone" })).access_token)).status).toBe(200);
  });

  it("refuses a CarePlan of the token's patient that also puts another patient's chart in play (performer)", async () => {
    const t = (await launchToken(sbx, { patient: "otp-oxy-benzo" })).access_token;
    const res = await fhir(sbx, "CarePlan", t, JSON_POST(carePlan("otp-oxy-benzo", { activity: [{ detail: { status: "not-started", performer: [{ reference: "Patient/otp-methadone" }] } }] })));
    expect(res.status).toBe(403);
  });

  it("refuses a CarePlan whose subject is a Group, even if the token's patient performs it", async () => {
    const t = (await launchToken(sbx, { patient: "otp-oxy-benzo" })).access_token;
    const res = await fhir(sbx, "CarePlan", t, JSON_POST({ ...carePlan("x"), subject: { reference: "Group/g1" }, activity: [{ detail: { status: "not-started", performer: [{ reference: "Patient/otp-oxy-benzo" }] } }] }));
    expect(res.status).toBe(403);
  });

  it("still accepts the token's own patient's CarePlan", async () => {
    const t = (await launchToken(sbx, { patient: "otp-oxy-benzo" })).access_token;
    expect((await fhir(sbx, "CarePlan", t, JSON_POST(carePlan("otp-oxy-benzo")))).status).toBe(201);
  });
});

describe("malformed percent-escapes", () => {
  it.each(["MedicationRequest/%ZZ", "MedicationRequest/%", "CarePlan/abc%E0%A4"])("%s is a 400 with an OperationOutcome, not a 500", async (path) => {
    const t = (await launchToken(sbx, { patient: "otp-oxy-benzo" })).access_token;
    const res = await fhir(sbx, path, t);
    expect(res.status).toBe(400);
    expect((await jsonObject(res)).resourceType).toBe("OperationOutcome");
  });
});

describe("the public launcher's URL shapes", () => {
  const standaloneScope = "launch/patient openid fhirUser patient/MedicationRequest.rs";

  it("refuses a standalone launch on /v/r4/fhir ('Invalid launch options', as launch.smarthealthit.org does)", async () => {
    const base = `${sbx.origin}/v/r4/fhir`;
    const q = new URLSearchParams({ response_type: "code", client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, scope: standaloneScope, state: "s", aud: base, code_challenge: pkcePair().challenge, code_challenge_method: "S256" });
    const res = await fetch(`${sbx.origin}/v/r4/auth/authorize?${q.toString()}`, { redirect: "manual" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Invalid launch options");
  });

  it("runs a standalone launch whose options ride in the sim segment (the launcher's array code)", async () => {
    const base = simBaseUrl(sbx.origin, encodeLauncherCode("provider-standalone", { patient: "otp-methadone", provider: "otp-dr-prescott" }));
    const discovery = await jsonObject(await fetch(`${base}/.well-known/smart-configuration`));
    expect(discovery.authorization_endpoint).toBe(base.replace(/\/fhir$/, "/auth/authorize"));
    const { verifier, challenge } = pkcePair();
    const q = new URLSearchParams({ response_type: "code", client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, scope: standaloneScope, state: "s", aud: base, code_challenge: challenge, code_challenge_method: "S256" });
    const page = await fetch(`${String(discovery.authorization_endpoint)}?${q.toString()}`, { redirect: "manual" });
    expect(page.status).toBe(200); // the picker, with the launch's patient and provider preselected
    const html = await page.text();
    expect(html).toMatch(/value="otp-methadone"[^>]*checked/);
    const pending = /name="pending" value="([^"]+)"/.exec(html)?.[1] ?? "";
    const decide = await fetch(`${sbx.origin}/auth/authorize/decide`, {
      method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ pending, action: "allow", practitioner: "otp-dr-prescott", patient: "otp-methadone" }).toString(),
    });
    const code = redirectParams(decide).get("code") ?? "";
    const token = await fetch(String(discovery.token_endpoint), {
      method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: REDIRECT_URI, client_id: CLIENT_ID }).toString(),
    });
    const body: unknown = await token.json();
    if (!isTokenBody(body)) throw new Error(JSON.stringify(body));
    expect(body.patient).toBe("otp-methadone");
    expect(body.smart_style_url).toBe(`${sbx.origin}/smart-style-launcher.json`);
    expect((await fetch(`${base}/MedicationRequest?patient=otp-methadone`, { headers: { authorization: `Bearer ${body.access_token}` } })).status).toBe(200);
    // a token is valid only at the base it was issued for
    expect((await fhir(sbx, "MedicationRequest?patient=otp-methadone", body.access_token)).status).toBe(401);
  });

  it("a code from one base cannot be redeemed at another base's token endpoint", async () => {
    const { verifier, challenge } = pkcePair();
    const res = await authorize(sbx, { launch: { patient: "otp-oxy-benzo", practitioner: "otp-dr-prescott" }, challenge });
    const code = redirectParams(res).get("code") ?? "";
    const other = simBaseUrl(sbx.origin, encodeLaunchOptions({})).replace(/\/fhir$/, "/auth/token");
    const token = await fetch(other, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: REDIRECT_URI, client_id: CLIENT_ID }).toString() });
    expect(token.status).toBe(400);
    expect(JSON.stringify(await token.json())).toContain("invalid_grant");
  });

  it("a malformed sim segment: FHIR 400; a standalone authorize there: 'Invalid launch options'", async () => {
    const base = `${sbx.origin}/v/r4/sim/%ZZnot-a-code/fhir`;
    expect((await fetch(`${base}/MedicationRequest?patient=x`)).status).toBe(400);
    const q = new URLSearchParams({ response_type: "code", client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, scope: standaloneScope, state: "s", aud: base, code_challenge: pkcePair().challenge, code_challenge_method: "S256" });
    const res = await fetch(`${base.replace(/\/fhir$/, "/auth/authorize")}?${q.toString()}`, { redirect: "manual" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Invalid launch options");
  });
});

describe("the lax launch option (the public launcher's token-less proxy), logged", () => {
  it("answers a token-less request on a lax sim base and logs it as token: false, lax: true", async () => {
    const base = simBaseUrl(sbx.origin, encodeLaunchOptions({ lax: true }));
    await fetch(`${sbx.origin}/sandbox/requests`, { method: "DELETE" });
    const res = await fetch(`${base}/CarePlan`, JSON_POST(carePlan("otp-oxy-benzo")));
    expect(res.status).toBe(201); // what made an unattributed write look like a success on the public launcher
    expect(await requestLog()).toEqual([expect.objectContaining({ method: "POST", token: false, lax: true, status: 201, path: `${new URL(base).pathname}/CarePlan` })]);
  });

  it("is strict everywhere else: no token on a sim base without lax, or on /fhir, is a 401", async () => {
    expect((await fetch(`${simBaseUrl(sbx.origin, encodeLaunchOptions({}))}/MedicationRequest?patient=otp-oxy-benzo`)).status).toBe(401);
    expect((await fhir(sbx, "MedicationRequest?patient=otp-oxy-benzo", null)).status).toBe(401);
  });

  it("an expired token is refused even on a lax base (401), as the public launcher refuses an invalid one", async () => {
    const code = encodeLaunchOptions({ lax: true, patient: "otp-oxy-benzo", practitioner: "otp-dr-prescott", tokenLifetimeSeconds: 1 });
    const base = simBaseUrl(sbx.origin, code);
    const { verifier, challenge } = pkcePair();
    const res = await authorize(sbx, { launch: code, challenge, aud: base });
    // EHR launch with iss = the sim base: authorize at that base's endpoint
    expect(res.status).toBe(303);
    const location = res.headers.get("location") ?? "";
    expect(location).toContain("error=invalid_request"); // aud names the sim base but the endpoint is /auth: refused
    const direct = await fetch(`${base.replace(/\/fhir$/, "/auth/authorize")}?${new URLSearchParams({ response_type: "code", client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, scope: "launch patient/MedicationRequest.rs", state: "s", aud: base, launch: code, code_challenge: challenge, code_challenge_method: "S256" }).toString()}`, { redirect: "manual" });
    const grant = redirectParams(direct).get("code") ?? "";
    const tokenRes = await fetch(base.replace(/\/fhir$/, "/auth/token"), { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ grant_type: "authorization_code", code: grant, code_verifier: verifier, redirect_uri: REDIRECT_URI, client_id: CLIENT_ID }).toString() });
    const body: unknown = await tokenRes.json();
    if (!isTokenBody(body)) throw new Error(JSON.stringify(body));
    await new Promise((r) => setTimeout(r, 2100));
    expect((await fetch(`${base}/MedicationRequest?patient=otp-oxy-benzo`, { headers: { authorization: `Bearer ${body.access_token}` } })).status).toBe(401);
  });
});

describe("the public launcher's array codes", () => {
  it.each<[string, unknown[], Record<string, unknown>]>([
    ["provider standalone, nothing chosen", [2, "", "", "AUTO", 0, 0, 0, "", "", "", "", "", "", "", 0, 1, ""], {}],
    ["EHR launch in the simulated EHR, patient and provider", [0, "p1", "dr1", "AUTO", 0, 0, 1, "", "", "", "", "", "", "", 0, 1, ""], { patient: "p1", practitioner: "dr1", simEhr: true }],
    ["several patients: the picker chooses", [2, "p1,p2", "", "NONE", 0, 0, 0], { encounter: "none" }],
    ["an encounter id", [0, "p1", "", "e9"], { patient: "p1", encounter: "e9" }],
  ])("%s", async (_name, arr, expected) => {
    const { decodeLaunchOptions } = await import("@/sandbox/launch-options");
    expect(decodeLaunchOptions(Buffer.from(JSON.stringify(arr)).toString("base64url"))).toEqual({ ok: true, options: expected });
  });

  it("refuses an unknown or backend-service launch type", async () => {
    const { decodeLaunchOptions } = await import("@/sandbox/launch-options");
    for (const type of [4, 9, "x"]) expect(decodeLaunchOptions(Buffer.from(JSON.stringify([type])).toString("base64url")).ok).toBe(false);
  });

  it("encodeLauncherCode writes the launcher's positions", () => {
    const arr: unknown = JSON.parse(Buffer.from(encodeLauncherCode("provider-standalone"), "base64url").toString("utf8"));
    expect(arr).toEqual([2, "", "", "AUTO", 0, 0, 0, "", "", "", "", "", "", "", 0, 1, ""]);
  });
});

describe("config/smart.json's standalone launch on launch.smarthealthit.org", () => {
  it("carries launch options in the path: a provider-standalone code the launcher (and this sandbox) decodes", async () => {
    const { readFileSync } = await import("node:fs");
    const { decodeLaunchOptions } = await import("@/sandbox/launch-options");
    const config: unknown = JSON.parse(readFileSync(new URL("../../config/smart.json", import.meta.url), "utf8"));
    const issuers = typeof config === "object" && config !== null && "issuers" in config && Array.isArray(config.issuers) ? config.issuers : [];
    const publicSandbox: unknown = issuers.find((i: unknown) => typeof i === "object" && i !== null && "id" in i && i.id === "smart-public-sandbox");
    const iss = typeof publicSandbox === "object" && publicSandbox !== null && "standaloneIss" in publicSandbox ? String(publicSandbox.standaloneIss) : "";
    const m = /^https:\/\/launch\.smarthealthit\.org\/v\/r4\/sim\/([A-Za-z0-9_-]+)\/fhir$/.exec(iss);
    expect(m).not.toBeNull();
    const code = m?.[1] ?? "";
    const arr: unknown = JSON.parse(Buffer.from(code, "base64url").toString("utf8"));
    // index 0: launch type 2 = provider-standalone; 15: PKCE 1 = auto; nobody preselected
    expect(arr).toEqual([2, "", "", "AUTO", 0, 0, 0, "", "", "", "", "", "", "", 0, 1, ""]);
    expect(decodeLaunchOptions(code)).toEqual({ ok: true, options: {} });
  });
});
