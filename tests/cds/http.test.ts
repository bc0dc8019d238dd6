/**
 * The CDS endpoints in-process (lib/cds-service/http.ts, what app/cds-services routes call):
 * JWT required, discovery valid, CORS only for configured origins, the FHIR fallback reads
 * only the client's configured FHIR server with the client's token, feedback logged without
 * patient data or comments.
 */
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { parseConfig, type AppConfig } from "@/lib/config";
import { discoveryEndpoint, feedbackEndpoint, preflight, serviceEndpoint, type CdsHttpContext } from "@/lib/cds-service/http";
import { JtiReplayCache } from "@/lib/cds-service/jwt";
import type { CdsLogFields } from "@/lib/cds-service/log";
import type { CdsResponse } from "@/lib/cds";
import { cdsSchema } from "./schema";

const BASE = "https://taper.example.org";
const EHR = "https://ehr.example.org";
const FHIR = `${EHR}/fhir`;
const NOW = new Date("2025-03-01T12:00:00Z");
const RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
const PATIENT = "pat-7731";

let key: CryptoKey;
let config: AppConfig;

beforeAll(async () => {
  const pair = await generateKeyPair("RS384", { extractable: true });
  key = pair.privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "RS384" };
  config = parseConfig({
    appBaseUrl: BASE,
    issuers: [{ id: "ehr", name: "EHR", iss: FHIR, clientId: "app" }],
    cds: { clients: [{ id: "example-ehr", name: "Example EHR", iss: EHR, jwks: { keys: [jwk] }, fhirServers: [FHIR] }], corsOrigins: ["https://ehr-web.example.org"] },
  }, "test");
});

function jwt(aud: string): Promise<string> {
  return new SignJWT({}).setProtectedHeader({ alg: "RS384", typ: "JWT", kid: "k1" }).setIssuer(EHR).setAudience(aud)
    .setIssuedAt(Math.floor(NOW.getTime() / 1000)).setExpirationTime(Math.floor(NOW.getTime() / 1000) + 120).setJti(crypto.randomUUID()).sign(key);
}

function oxycodone(id: string, status: string, tabs: number) {
  return {
    resourceType: "MedicationRequest", id, status, intent: "order", authoredOn: "2025-02-25", subject: { reference: `Patient/${PATIENT}` },
    medicationCodeableConcept: { coding: [{ system: RXNORM, code: "1049621", display: "oxycodone hydrochloride 5 MG Oral Tablet" }] },
    dosageInstruction: [{ timing: { repeat: { frequency: 4, period: 1, periodUnit: "d" } }, doseAndRate: [{ doseQuantity: { value: tabs, unit: "tablet" } }] }],
  };
}

function orderSign(extra: Record<string, unknown>) {
  return {
    hook: "order-sign", hookInstance: "6a2f0c1e-8d0f-4a7e-9d55-0d1f3c2b9e11",
    context: { patientId: PATIENT, userId: "Practitioner/doc-1", draftOrders: { resourceType: "Bundle", type: "collection", entry: [{ resource: oxycodone("draft-1", "draft", 2) }] } },
    ...extra,
  };
}

function context(logs: CdsLogFields[], fetchImpl?: typeof fetch): CdsHttpContext {
  return { config, now: () => NOW, log: (f) => logs.push(f), replay: new JtiReplayCache(), ...(fetchImpl ? { fetch: fetchImpl } : {}) };
}

async function post(ctx: CdsHttpContext, body: unknown, token?: string, path = "/cds-services/opioid-mme-order-sign"): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  const request = new Request(`http://127.0.0.1:3000${path}`, { method: "POST", headers, body: JSON.stringify(body) });
  return path.endsWith("/feedback") ? feedbackEndpoint(ctx, request, "opioid-mme-order-sign") : serviceEndpoint(ctx, request, path.split("/").pop() ?? "");
}

describe("CDS endpoints", () => {
  it("discovery lists both services (order-sign also for order-select) and is valid CDS Hooks 2.0", async () => {
    const res = discoveryEndpoint(context([]), new Request(`${BASE}/cds-services`));
    const body: unknown = await res.json();
    expect(cdsSchema.discovery(body)).toEqual([]);
    expect(JSON.stringify(body)).toContain('"hook":"order-select","id":"opioid-mme-order-sign"');
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("refuses a call without a JWT (401), and answers with a valid one; the audience is the service URL under appBaseUrl", async () => {
    const logs: CdsLogFields[] = [];
    const prefetch = { medications: { resourceType: "Bundle", type: "searchset", entry: [{ resource: oxycodone("rx-1", "active", 1) }] }, observations: null, conditions: null };
    expect((await post(context(logs), orderSign({ prefetch }))).status).toBe(401);
    expect((await post(context(logs), orderSign({ prefetch }), await jwt(`http://127.0.0.1:3000/cds-services/opioid-mme-order-sign`))).status).toBe(401);
    const res = await post(context(logs), orderSign({ prefetch }), await jwt(`${BASE}/cds-services/opioid-mme-order-sign`));
    expect(res.status).toBe(200);
    const body = (await res.json()) as CdsResponse;
    expect(cdsSchema.response(body)).toEqual([]);
    // current order 1 x 5 mg x 4/day x 1.5 = 30 MME/day, the draft 2 x 5 mg x 4/day x 1.5 = 60: 90 once signed
    expect(body.cards.map((c) => c.summary)).toContain("Total 90 MME/day with this order: at or above 90, a point to reassess (CDC 2022)");
    const link = body.cards.flatMap((c) => c.links ?? [])[0];
    expect(link).toMatchObject({ type: "smart", url: `${BASE}/launch.html` });
    expect(JSON.parse(link?.appContext ?? "{}")).toEqual({ view: "plan", service: "opioid-mme-order-sign" });
    const logged = JSON.stringify(logs);
    expect(logged).not.toContain(PATIENT);
    expect(logged).not.toMatch(/oxycodone|eyJ[A-Za-z0-9_-]{8}/i);
    expect(logs.at(-1)).toMatchObject({ event: "cds.call", client: "example-ehr", cardKinds: ["mme", "naloxone"] });
  });

  it("a draft that renews a current order (same product and dose) is counted once (lib/mme supersedes the older one)", async () => {
    const prefetch = { medications: { resourceType: "Bundle", type: "searchset", entry: [{ resource: oxycodone("rx-1", "active", 2) }] }, observations: null, conditions: null };
    const res = await post(context([]), orderSign({ prefetch }), await jwt(`${BASE}/cds-services/opioid-mme-order-sign`));
    const body = (await res.json()) as CdsResponse;
    // 2 x 5 mg x 4/day x 1.5 = 60 MME/day, not 120
    expect(body.cards[0]?.summary).toBe("Total 60 MME/day with this order: at or above 50, a point to reassess (CDC 2022)");
  });

  it("400 for a request that is not CDS Hooks, 404 for an unknown service, 400 for a hook the service does not answer", async () => {
    const ctx = context([]);
    expect((await post(ctx, { hook: "order-sign" }, await jwt(`${BASE}/cds-services/opioid-mme-order-sign`))).status).toBe(400);
    expect((await post(ctx, orderSign({}), await jwt(`${BASE}/cds-services/nope`), "/cds-services/nope")).status).toBe(404);
    const wrongHook = { ...orderSign({}), hook: "patient-view" };
    expect((await post(ctx, wrongHook, await jwt(`${BASE}/cds-services/opioid-mme-order-sign`))).status).toBe(400);
  });

  it("without prefetch, reads the client's FHIR server with its token, and only that server", async () => {
    const seen: Array<{ url: string; auth: string | null }> = [];
    const fakeFhir: typeof fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      seen.push({ url, auth: new Headers(init?.headers).get("authorization") });
      const entry = url.startsWith(`${FHIR}/MedicationRequest?`) ? [{ resource: oxycodone("rx-1", "active", 1) }] : [];
      return new Response(JSON.stringify({ resourceType: "Bundle", type: "searchset", entry }), { status: 200 });
    };
    const auth = { access_token: "fhir-token-123", token_type: "Bearer", expires_in: 300, scope: "patient/MedicationRequest.rs", subject: "taper-cds" };
    const res = await post(context([], fakeFhir), orderSign({ fhirServer: FHIR, fhirAuthorization: auth }), await jwt(`${BASE}/cds-services/opioid-mme-order-sign`));
    const body = (await res.json()) as CdsResponse;
    // 1 x 5 mg x 4/day (30 MME) + the draft's 2 x 5 mg x 4/day (60 MME) = 90
    expect(body.cards[0]?.summary).toBe("Total 90 MME/day with this order: at or above 90, a point to reassess (CDC 2022)");
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((s) => s.url.startsWith(`${FHIR}/`) && s.auth === "Bearer fhir-token-123")).toBe(true);
    expect(seen.map((s) => s.url.split("?")[0])).toEqual(expect.arrayContaining([`${FHIR}/MedicationRequest`, `${FHIR}/Condition`]));

    seen.length = 0;
    const other = await post(context([], fakeFhir), orderSign({ fhirServer: "https://elsewhere.example.com/fhir", fhirAuthorization: auth }), await jwt(`${BASE}/cds-services/opioid-mme-order-sign`));
    const otherBody = (await other.json()) as CdsResponse;
    expect(seen).toEqual([]);
    expect(otherBody.cards).toEqual([]);
    expect(JSON.stringify(otherBody.extension)).toMatch(/no FHIR server access/);
  });

  it("without appBaseUrl or cds.serviceBaseUrl, a non-loopback Host is not trusted as the JWT audience: 500 that says what to set", async () => {
    const bare = parseConfig({ issuers: [{ id: "ehr", name: "EHR", iss: FHIR, clientId: "app" }], cds: { clients: config.cds.clients } }, "test");
    const request = new Request("http://0.0.0.0:3000/cds-services/opioid-mme-order-sign", {
      method: "POST", headers: { host: "taper.example.org", authorization: `Bearer ${await jwt("http://taper.example.org/cds-services/opioid-mme-order-sign")}` }, body: JSON.stringify(orderSign({})),
    });
    const res = await serviceEndpoint({ config: bare, now: () => NOW, log: () => undefined }, request, "opioid-mme-order-sign");
    expect(res.status).toBe(500);
    expect(await res.text()).toMatch(/set cds\.serviceBaseUrl or appBaseUrl/);
  });

  it("CORS: only configured browser origins, preflight included", () => {
    const allowed = preflight(config, new Request(`${BASE}/cds-services/x`, { method: "OPTIONS", headers: { origin: "https://ehr-web.example.org" } }));
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://ehr-web.example.org");
    expect(allowed.headers.get("access-control-allow-headers")).toContain("Authorization");
    const refused = preflight(config, new Request(`${BASE}/cds-services/x`, { method: "OPTIONS", headers: { origin: "https://evil.example.com" } }));
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("feedback: accepted and overridden outcomes are logged as codes, never the comment", async () => {
    const logs: CdsLogFields[] = [];
    const doc = { feedback: [
      { card: "0b9c0f4e-1111-4a2b-8c3d-123456789abc", outcome: "overridden", overrideReason: { reason: { system: "urn:opioid-taper-planner:cds:override-reason", code: "has-naloxone" }, userComment: `Patient ${PATIENT} has it at home` }, outcomeTimestamp: "2025-03-01T12:01:00Z" },
      { card: "0b9c0f4e-2222-4a2b-8c3d-123456789abc", outcome: "accepted", acceptedSuggestions: [{ id: "s1" }], outcomeTimestamp: "2025-03-01T12:02:00Z" },
    ] };
    expect(cdsSchema.feedback(doc)).toEqual([]);
    const res = await post(context(logs), doc, await jwt(`${BASE}/cds-services/opioid-mme-order-sign/feedback`), "/cds-services/opioid-mme-order-sign/feedback");
    expect(res.status).toBe(200);
    expect(logs.map((l) => [l.outcome, l.overrideReason ?? null, l.acceptedSuggestions])).toEqual([["overridden", "has-naloxone", 0], ["accepted", null, 1]]);
    expect(JSON.stringify(logs)).not.toMatch(/home|pat-7731/);
  });
});
