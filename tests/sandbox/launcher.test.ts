/**
 * The launcher: patients with their MME band and launch buttons in the public launcher's URL
 * shape (`{launch URL}?iss={FHIR base}&launch={base64url JSON}`), the standalone launch that
 * carries its options in a cookie, and the simulated EHR frame.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeLaunchOptions, encodeLaunchOptions } from "@/sandbox/launch-options";
import { SCENARIOS } from "@/sandbox/scenarios";
import type { RunningSandbox } from "@/sandbox/server";
import { authorize, CLIENT_ID, isTokenBody, pkcePair, postToken, REDIRECT_URI, redirectParams, startTestSandbox } from "./helpers";

const APP_LAUNCH = "http://localhost:3999/launch.html";
let sbx: RunningSandbox;
beforeAll(async () => {
  sbx = await startTestSandbox({ appLaunchUrl: APP_LAUNCH });
});
afterAll(async () => sbx.close());

function hrefs(html: string, label: string): string[] {
  return [...html.matchAll(new RegExp(`<a class="button[^"]*" href="([^"]+)" aria-label="${label}`, "g"))].map((m) => (m[1] ?? "").replaceAll("&#38;", "&"));
}

describe("launcher page", () => {
  it("lists every scenario patient with its MME from lib/mme and an EHR launch in the public launcher's shape", async () => {
    const res = await fetch(`${sbx.origin}/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const s of SCENARIOS) expect(html).toContain(s.name);
    expect(html).toContain("120 MME/day (at or above 90)");
    expect(html).toContain("at least 60 MME/day (50 to under 90)");
    const ehr = hrefs(html, "EHR launch for Oscar Oxley")[0] ?? "";
    const url = new URL(ehr);
    expect(`${url.origin}${url.pathname}`).toBe(APP_LAUNCH);
    expect(url.searchParams.get("iss")).toBe(sbx.fhirBase);
    const decoded = decodeLaunchOptions(url.searchParams.get("launch") ?? "");
    expect(decoded).toEqual({ ok: true, options: { patient: "otp-oxy-benzo", practitioner: "otp-dr-prescott" } });
  });

  it("encodes the chosen launch options into every launch link", async () => {
    const q = new URLSearchParams({ deny: "patient/CarePlan.c", lifetime: "60", errorType: "Observation", errorStatus: "429", latency: "100", banner: "off", readonly: "1", practitioner: "otp-dr-prescott" });
    const html = await (await fetch(`${sbx.origin}/?${q.toString()}`)).text();
    const url = new URL(hrefs(html, "EHR launch for Fiona Fenwick")[0] ?? "");
    expect(decodeLaunchOptions(url.searchParams.get("launch") ?? "")).toEqual({
      ok: true,
      options: {
        patient: "otp-fentanyl-hydrocodone",
        practitioner: "otp-dr-prescott",
        denyScopes: ["patient/CarePlan.c"],
        tokenLifetimeSeconds: 60,
        fhirError: { resourceType: "Observation", status: 429 },
        latencyMs: 100,
        needPatientBanner: false,
        carePlanReadOnly: true,
      },
    });
  });

  it("opens EHR launches in the simulated EHR frame when asked", async () => {
    const html = await (await fetch(`${sbx.origin}/?frame=1`)).text();
    const frameLink = hrefs(html, "EHR launch for Oscar Oxley")[0] ?? "";
    expect(frameLink.startsWith("/ehr?launch=")).toBe(true);
    const frame = await fetch(`${sbx.origin}${frameLink}`);
    const page = await frame.text();
    expect(page).toContain("<iframe");
    expect(page).toContain("Oscar Oxley");
    expect(frame.headers.get("content-security-policy")).toContain("frame-src 'self' http://localhost:3999");
  });
});

describe("standalone launch from the launcher", () => {
  it("opens the app with iss only, then preselects the patient and applies the options at authorize", async () => {
    const options = { patient: "otp-tramadol-low", practitioner: "otp-dr-prescott", denyScopes: ["patient/CarePlan.c"] };
    const start = await fetch(`${sbx.origin}/launch/standalone?launch=${encodeLaunchOptions(options)}&app=${encodeURIComponent(APP_LAUNCH)}`, { redirect: "manual" });
    expect(start.status).toBe(303);
    expect(start.headers.get("location")).toBe(`${APP_LAUNCH}?iss=${encodeURIComponent(sbx.fhirBase)}`);
    const cookie = (start.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    expect(cookie.startsWith("sbx_standalone=")).toBe(true);

    const { verifier, challenge } = pkcePair();
    const q = new URLSearchParams({ response_type: "code", client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, scope: "launch/patient patient/CarePlan.c patient/MedicationRequest.rs", state: "s1", aud: sbx.fhirBase, code_challenge: challenge, code_challenge_method: "S256" });
    const page = await (await fetch(`${sbx.origin}/auth/authorize?${q.toString()}`, { headers: { cookie } })).text();
    expect(page).toMatch(/id="patient-otp-tramadol-low" name="patient" value="otp-tramadol-low" checked/);
    const pending = /name="pending" value="([^"]+)"/.exec(page)?.[1] ?? "";
    const decide = await fetch(`${sbx.origin}/auth/authorize/decide`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ pending, action: "allow", practitioner: "otp-dr-prescott", patient: "otp-tramadol-low" }).toString(),
    });
    const code = redirectParams(decide).get("code") ?? "";
    const token: unknown = await (await postToken(sbx, { grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: REDIRECT_URI, client_id: CLIENT_ID })).json();
    if (!isTokenBody(token)) throw new Error("not a token response");
    expect(token.patient).toBe("otp-tramadol-low");
    expect(token.scope).toBe("launch/patient patient/MedicationRequest.rs");
  });

  it("cancelling the sign-in sends access_denied back to the app", async () => {
    const page = await (await authorize(sbx, { launch: null, scope: "launch/patient patient/MedicationRequest.rs" })).text();
    const pending = /name="pending" value="([^"]+)"/.exec(page)?.[1] ?? "";
    const res = await fetch(`${sbx.origin}/auth/authorize/decide`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ pending, action: "deny" }).toString(),
    });
    expect(redirectParams(res).get("error")).toBe("access_denied");
  });

  it("refuses to send the browser to an app origin that is not registered", async () => {
    const res = await fetch(`${sbx.origin}/launch/standalone?launch=e30&app=${encodeURIComponent("https://evil.example/launch.html")}`, { redirect: "manual" });
    expect(res.status).toBe(400);
    expect(res.headers.get("location")).toBeNull();
  });
});
