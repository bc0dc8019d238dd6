/**
 * Signed tokens of the sandbox's authorization server (jose, RS256; keys generated at start,
 * published at /auth/jwks). Access tokens are JWTs the FHIR server verifies on every request;
 * `id_token`s follow OpenID Connect Core ("sub", "aud" = client_id, "fhirUser" per SMART).
 * SMART App Launch 2.2 step 5; OIDC requires RS256 support.
 */
import { exportJWK, generateKeyPair, jwtVerify, SignJWT, type CryptoKey, type JWK, type JWTPayload } from "jose";
import { parseLaunchOptions, type LaunchOptions } from "../launch-options";

export interface SigningKeys {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
  kid: string;
}

/** A fresh RS256 key pair for this process (tokens do not survive a restart, by design). */
export async function createSigningKeys(): Promise<SigningKeys> {
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  const kid = crypto.randomUUID();
  const jwk = await exportJWK(publicKey);
  return { privateKey, publicKey, kid, publicJwk: { ...jwk, kid, alg: "RS256", use: "sig" } };
}

/** What the FHIR server needs from an access token. */
export interface AccessClaims {
  clientId: string;
  scope: string;
  patient: string | null;
  encounter: string | null;
  fhirUser: string | null;
  /** Simulation options from the launch (FHIR errors, latency, read-only CarePlan). */
  sim: LaunchOptions;
}

/** Sign an access token for `audience` (the FHIR base URL), valid for `lifetimeSeconds`. */
export async function signAccessToken(keys: SigningKeys, issuer: string, audience: string, claims: AccessClaims, lifetimeSeconds: number): Promise<string> {
  const payload: JWTPayload = {
    client_id: claims.clientId,
    scope: claims.scope,
    ...(claims.patient ? { patient: claims.patient } : {}),
    ...(claims.encounter ? { encounter: claims.encounter } : {}),
    ...(claims.fhirUser ? { fhirUser: claims.fhirUser } : {}),
    sim: { ...claims.sim },
  };
  return new SignJWT(payload)
    .setProtectedHeader({ alg: "RS256", kid: keys.kid, typ: "at+jwt" })
    .setIssuer(issuer)
    .setAudience(audience)
    .setSubject(claims.fhirUser ?? claims.clientId)
    .setIssuedAt()
    .setJti(crypto.randomUUID())
    .setExpirationTime(Math.floor(Date.now() / 1000) + lifetimeSeconds)
    .sign(keys.privateKey);
}

/** Sign an OpenID Connect id_token for the signed-in practitioner. */
export async function signIdToken(keys: SigningKeys, issuer: string, clientId: string, fhirUser: string, nonce: string | null): Promise<string> {
  return new SignJWT({ fhirUser, ...(nonce ? { nonce } : {}) })
    .setProtectedHeader({ alg: "RS256", kid: keys.kid, typ: "JWT" })
    .setIssuer(issuer)
    .setAudience(clientId)
    .setSubject(fhirUser.split("/").pop() ?? fhirUser)
    .setIssuedAt()
    .setExpirationTime("1h")
    .sign(keys.privateKey);
}

export type VerifyResult = { ok: true; claims: AccessClaims } | { ok: false; expired: boolean; message: string };

/** Verify signature, issuer, audience and expiry of an access token. */
export async function verifyAccessToken(keys: SigningKeys, token: string, issuer: string, audience: string): Promise<VerifyResult> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, keys.publicKey, { issuer, audience, algorithms: ["RS256"], typ: "at+jwt" }));
  } catch (e) {
    const expired = typeof e === "object" && e !== null && "code" in e && e.code === "ERR_JWT_EXPIRED";
    return { ok: false, expired, message: expired ? "The access token expired." : "The access token is not valid for this server." };
  }
  const sim = parseLaunchOptions(payload.sim ?? {});
  if (typeof payload.client_id !== "string" || typeof payload.scope !== "string" || !sim.ok) {
    return { ok: false, expired: false, message: "The access token is malformed." };
  }
  return {
    ok: true,
    claims: {
      clientId: payload.client_id,
      scope: payload.scope,
      patient: typeof payload.patient === "string" ? payload.patient : null,
      encounter: typeof payload.encounter === "string" ? payload.encounter : null,
      fhirUser: typeof payload.fhirUser === "string" ? payload.fhirUser : null,
      sim: sim.options,
    },
  };
}
