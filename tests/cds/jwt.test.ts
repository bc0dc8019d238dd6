/**
 * CDS client JWT verification (CDS Hooks 2.0 "Trusting CDS Clients") with real keys:
 * a valid token passes; expired, wrong audience, replayed jti, unknown key, alg none, HMAC,
 * a jku that is not the client's, and an unknown issuer are refused.
 */
import { exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import type { CdsClientConfig } from "@/lib/config";
import { JtiReplayCache, verifyCdsJwt } from "@/lib/cds-service/jwt";

const AUD = "https://taper.example.org/cds-services/opioid-mme-order-sign";
const ISS = "https://ehr.example.org/";
const JWKS_URL = "https://ehr.example.org/jwks.json";
const NOW = new Date("2025-03-01T12:00:00Z");
const nowSeconds = Math.floor(NOW.getTime() / 1000);

let privateKey: CryptoKey;
let otherKey: CryptoKey;
let publicJwk: JWK;
let clients: CdsClientConfig[];

beforeAll(async () => {
  const pair = await generateKeyPair("ES384", { extractable: true });
  privateKey = pair.privateKey;
  publicJwk = { ...(await exportJWK(pair.publicKey)), kid: "ehr-key-1", alg: "ES384", use: "sig" };
  otherKey = (await generateKeyPair("ES384")).privateKey;
  clients = [{ id: "example-ehr", name: "Example EHR", iss: ISS, jwksUrl: JWKS_URL, fhirServers: [] }];
});

/** Serves the client's JWKS at JWKS_URL; any other URL is a test failure. */
const fetchJwks: typeof fetch = async (input) => {
  const url = input instanceof Request ? input.url : String(input);
  if (url !== JWKS_URL) throw new Error(`unexpected JWKS fetch ${url}`);
  return new Response(JSON.stringify({ keys: [publicJwk] }), { status: 200, headers: { "content-type": "application/json" } });
};

async function token(overrides: { aud?: string; exp?: number; iat?: number; jti?: string; kid?: string; key?: CryptoKey; jku?: string; iss?: string } = {}): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: "ES384", typ: "JWT", kid: overrides.kid ?? "ehr-key-1", ...(overrides.jku ? { jku: overrides.jku } : {}) })
    .setIssuer(overrides.iss ?? ISS)
    .setAudience(overrides.aud ?? AUD)
    .setIssuedAt(overrides.iat ?? nowSeconds - 5)
    .setExpirationTime(overrides.exp ?? nowSeconds + 240)
    .setJti(overrides.jti ?? crypto.randomUUID())
    .sign(overrides.key ?? privateKey);
}

function verify(jwt: string, replay = new JtiReplayCache()) {
  return verifyCdsJwt(`Bearer ${jwt}`, { clients, audience: AUD, replay, now: NOW, fetchJwks });
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");

describe("verifyCdsJwt", () => {
  it("accepts a valid ES384 token from the configured client (with its jku, or keys by configuration)", async () => {
    expect(await verify(await token())).toEqual({ ok: true, clientId: "example-ehr" });
    expect(await verify(await token({ jku: JWKS_URL }))).toEqual({ ok: true, clientId: "example-ehr" });
  });
  it("refuses an expired token", async () => {
    expect(await verify(await token({ iat: nowSeconds - 200, exp: nowSeconds - 120 }))).toEqual({ ok: false, reason: "token expired" });
  });
  it("refuses a token for another endpoint (aud = the service URL)", async () => {
    expect(await verify(await token({ aud: "https://taper.example.org/cds-services/opioid-taper-patient-view" }))).toEqual({ ok: false, reason: "claim aud invalid" });
  });
  it("refuses a replayed jti", async () => {
    const replay = new JtiReplayCache();
    const jwt = await token({ jti: "same-jti" });
    expect((await verify(jwt, replay)).ok).toBe(true);
    expect(await verify(jwt, replay)).toEqual({ ok: false, reason: "jti already used" });
    expect(await verify(await token({ jti: "same-jti" }), replay)).toEqual({ ok: false, reason: "jti already used" });
  });
  it("refuses a token signed with a key the client's JWKS does not hold", async () => {
    expect(await verify(await token({ kid: "unknown-kid", key: otherKey }))).toEqual({ ok: false, reason: "no key of the client matches kid" });
    expect(await verify(await token({ key: otherKey }))).toEqual({ ok: false, reason: "signature invalid" });
  });
  it("refuses alg none and HMAC tokens, before looking up keys", async () => {
    const claims = { iss: ISS, aud: AUD, iat: nowSeconds, exp: nowSeconds + 60, jti: "n1" };
    expect(await verify(`${b64({ alg: "none", typ: "JWT", kid: "ehr-key-1" })}.${b64(claims)}.`)).toEqual({ ok: false, reason: "algorithm none refused" });
    const hmac = await new SignJWT(claims).setProtectedHeader({ alg: "HS256", kid: "ehr-key-1" }).sign(new TextEncoder().encode("x".repeat(32)));
    expect(await verify(hmac)).toEqual({ ok: false, reason: "algorithm HS256 refused" });
  });
  it("never fetches a jku other than the client's configured JWKS URL", async () => {
    expect(await verify(await token({ jku: "https://attacker.example.com/jwks.json" }))).toEqual({ ok: false, reason: "jku is not the client's configured JWKS URL" });
  });
  it("refuses an unknown issuer, a missing header and a token too old by iat", async () => {
    expect(await verify(await token({ iss: "https://other-ehr.example.org/" }))).toEqual({ ok: false, reason: "unknown issuer" });
    expect(await verifyCdsJwt(null, { clients, audience: AUD, replay: new JtiReplayCache(), now: NOW, fetchJwks })).toEqual({ ok: false, reason: "no bearer JWT" });
    expect((await verify(await token({ iat: nowSeconds - 900, exp: nowSeconds + 60 }))).ok).toBe(false);
  });
});
