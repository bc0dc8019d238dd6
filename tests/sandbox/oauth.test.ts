/**
 * The SMART authorization server over HTTP, without a browser: discovery, authorize -> code ->
 * token with PKCE S256, the checks a real EHR makes (client, redirect URI, verifier, aud), and
 * single-use refresh tokens. SMART App Launch 2.2 steps 4, 5 and 7; RFC 7636.
 */
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "@/sandbox/server";
import { APP_SCOPE, authorize, CLIENT_ID, isTokenBody, jsonObject, launchToken, pkcePair, postToken, REDIRECT_URI, redirectParams, startTestSandbox } from "./helpers";

let sbx: RunningSandbox;
beforeAll(async () => {
  sbx = await startTestSandbox();
});
afterAll(async () => sbx.close());

const LAUNCH = { patient: "otp-oxy-benzo", practitioner: "otp-dr-prescott" };

async function codeFor(challenge: string): Promise<string> {
  const res = await authorize(sbx, { launch: LAUNCH, challenge });
  expect(res.status).toBe(303);
  const params = redirectParams(res);
  expect(params.get("state")).toBe("state-123");
  const code = params.get("code");
  if (!code) throw new Error("no code");
  return code;
}

describe("SMART discovery", () => {
  it("advertises S256 only and the capabilities the app relies on", async () => {
    const doc = await jsonObject(await fetch(`${sbx.fhirBase}/.well-known/smart-configuration`));
    expect(doc.code_challenge_methods_supported).toEqual(["S256"]);
    expect(doc.authorization_endpoint).toBe(`${sbx.origin}/auth/authorize`);
    expect(doc.token_endpoint).toBe(`${sbx.origin}/auth/token`);
    for (const c of ["launch-ehr", "launch-standalone", "client-public", "context-ehr-patient", "context-banner", "context-style", "permission-v1", "permission-v2", "permission-online", "sso-openid-connect"]) {
      expect(doc.capabilities).toContain(c);
    }
  });
});

describe("authorization code flow with PKCE", () => {
  it("issues tokens with launch context, a verifiable id_token and no-store caching", async () => {
    const { verifier, challenge } = pkcePair();
    const code = await codeFor(challenge);
    const res = await postToken(sbx, { grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: REDIRECT_URI, client_id: CLIENT_ID });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body: unknown = await res.json();
    if (!isTokenBody(body)) throw new Error("not a token response");
    expect(body).toMatchObject({
      token_type: "Bearer",
      expires_in: 3600,
      patient: "otp-oxy-benzo",
      encounter: "otp-oxy-benzo-visit",
      fhirUser: "Practitioner/otp-dr-prescott",
      need_patient_banner: true,
      smart_style_url: `${sbx.origin}/smart-style.json`,
    });
    expect(body.scope.split(" ").sort()).toEqual(APP_SCOPE.split(" ").sort());
    const keys: unknown = await (await fetch(`${sbx.origin}/auth/jwks`)).json();
    const jwks = createLocalJWKSet(isJwks(keys) ? keys : { keys: [] });
    const { payload } = await jwtVerify(body.id_token ?? "", jwks, { issuer: sbx.fhirBase, audience: CLIENT_ID });
    expect(payload.fhirUser).toBe("Practitioner/otp-dr-prescott");
    expect(typeof body.refresh_token).toBe("string");
  });

  it("refuses a wrong code_verifier and then the code itself (single use)", async () => {
    const { verifier, challenge } = pkcePair();
    const code = await codeFor(challenge);
    const wrong = await postToken(sbx, { grant_type: "authorization_code", code, code_verifier: pkcePair().verifier, redirect_uri: REDIRECT_URI, client_id: CLIENT_ID });
    expect(wrong.status).toBe(400);
    expect(await jsonObject(wrong)).toMatchObject({ error: "invalid_grant" });
    const retry = await postToken(sbx, { grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: REDIRECT_URI, client_id: CLIENT_ID });
    expect(retry.status).toBe(400);
  });

  it("refuses a redirect_uri at the token endpoint that differs from the authorize request", async () => {
    const { verifier, challenge } = pkcePair();
    const code = await codeFor(challenge);
    const res = await postToken(sbx, { grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: "http://localhost:3999/other", client_id: CLIENT_ID });
    expect(res.status).toBe(400);
    expect(await jsonObject(res)).toMatchObject({ error: "invalid_grant" });
  });

  it("shows an unregistered redirect_uri or an unknown client on a page instead of redirecting", async () => {
    const badRedirect = await authorize(sbx, { launch: LAUNCH, redirectUri: "http://localhost:3999/evil" });
    expect(badRedirect.status).toBe(400);
    expect(badRedirect.headers.get("location")).toBeNull();
    expect(await badRedirect.text()).toContain("Redirect URI not registered");
    const badClient = await authorize(sbx, { launch: LAUNCH, clientId: "someone-else" });
    expect(badClient.status).toBe(400);
    expect(badClient.headers.get("location")).toBeNull();
  });

  it.each([
    ["no PKCE challenge", { challenge: "" }, "invalid_request"],
    ["an aud that is not this FHIR server", { aud: "https://evil.example/fhir" }, "invalid_request"],
    ["a launch code this EHR did not issue", { launch: "not~base64" }, "invalid_request"],
    ["no grantable scope", { scope: "nonsense/Thing.zz" }, "invalid_scope"],
  ])("redirects back with an error for %s", async (_label, input, error) => {
    const res = await authorize(sbx, { launch: LAUNCH, ...input });
    expect(res.status).toBe(303);
    const params = redirectParams(res);
    expect(params.get("error")).toBe(error);
    expect(params.get("state")).toBe("state-123");
    expect(params.get("code")).toBeNull();
  });

  it("refuses a token request from an unknown client", async () => {
    const res = await postToken(sbx, { grant_type: "authorization_code", code: "x", code_verifier: pkcePair().verifier, redirect_uri: REDIRECT_URI, client_id: "nobody" });
    expect(res.status).toBe(401);
    expect(await jsonObject(res)).toMatchObject({ error: "invalid_client" });
  });
});

describe("refresh tokens", () => {
  it("work once: a used refresh token is refused, the rotated one works", async () => {
    const first = await launchToken(sbx, LAUNCH);
    const refresh = first.refresh_token ?? "";
    const once = await postToken(sbx, { grant_type: "refresh_token", refresh_token: refresh, client_id: CLIENT_ID });
    expect(once.status).toBe(200);
    const rotated: unknown = await once.json();
    if (!isTokenBody(rotated)) throw new Error("not a token response");
    expect(rotated.patient).toBe("otp-oxy-benzo");
    expect(rotated.refresh_token).not.toBe(refresh);
    const twice = await postToken(sbx, { grant_type: "refresh_token", refresh_token: refresh, client_id: CLIENT_ID });
    expect(twice.status).toBe(400);
    expect(await jsonObject(twice)).toMatchObject({ error: "invalid_grant" });
    const next = await postToken(sbx, { grant_type: "refresh_token", refresh_token: rotated.refresh_token ?? "" });
    expect(next.status).toBe(200);
  });

  it("are issued only when online_access or offline_access is granted", async () => {
    const none = await launchToken(sbx, LAUNCH, "launch patient/MedicationRequest.rs");
    expect(none.refresh_token).toBeUndefined();
    const withheld = await launchToken(sbx, { ...LAUNCH, denyScopes: ["online_access"] });
    expect(withheld.refresh_token).toBeUndefined();
    expect(withheld.scope).not.toContain("online_access");
  });

  it("cannot add scopes at refresh", async () => {
    const first = await launchToken(sbx, LAUNCH, "launch patient/MedicationRequest.rs online_access");
    const res = await postToken(sbx, { grant_type: "refresh_token", refresh_token: first.refresh_token ?? "", scope: "patient/MedicationRequest.rs patient/CarePlan.c" });
    expect(res.status).toBe(400);
    expect(await jsonObject(res)).toMatchObject({ error: "invalid_scope" });
  });
});

describe("standalone launch with the picker", () => {
  it("asks for the practitioner and patient, then issues a code for the chosen patient", async () => {
    const { verifier, challenge } = pkcePair();
    const page = await authorize(sbx, { launch: null, scope: "launch/patient openid fhirUser patient/MedicationRequest.rs", challenge });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<legend>Patient</legend>');
    expect(html).toContain('value="otp-methadone"');
    const pending = /name="pending" value="([^"]+)"/.exec(html)?.[1] ?? "";
    const decide = await fetch(`${sbx.origin}/auth/authorize/decide`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ pending, action: "allow", practitioner: "otp-dr-okafor", patient: "otp-methadone" }).toString(),
    });
    expect(decide.status).toBe(303);
    const code = redirectParams(decide).get("code") ?? "";
    const token: unknown = await (await postToken(sbx, { grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: REDIRECT_URI, client_id: CLIENT_ID })).json();
    if (!isTokenBody(token)) throw new Error("not a token response");
    expect(token.patient).toBe("otp-methadone");
    expect(token.fhirUser).toBe("Practitioner/otp-dr-okafor");
    expect(token.scope.split(" ")).not.toContain("launch");
    expect(token.encounter).toBeUndefined();
  });
});

function isJwks(v: unknown): v is JSONWebKeySet {
  return typeof v === "object" && v !== null && "keys" in v && Array.isArray(v.keys);
}
