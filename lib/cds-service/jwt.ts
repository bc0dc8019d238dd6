/**
 * Verifies the JWT a CDS client sends with every service call (CDS Hooks 2.0 "Trusting CDS
 * Clients"), with `jose`:
 * - the issuer is a configured client (lib/config.ts `cds.clients`), and the signature
 *   verifies with that client's keys: its configured JWKS URL (a `jku` header naming any other
 *   URL is refused, never fetched) or its out-of-band keys;
 * - asymmetric algorithms only (`none` and HMAC are refused, as the spec requires);
 * - `aud` is the URL of the endpoint called; `exp`, `iat` and `jti` are required, the token at
 *   most MAX_TOKEN_AGE old, and a `jti` is accepted once (replay cache until it expires).
 * Reasons are short phrases for the 401 body and the log; they carry no token and no claim
 * values beyond the configured client id.
 */
import { createLocalJWKSet, createRemoteJWKSet, customFetch, decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTVerifyGetKey } from "jose";
import type { CdsClientConfig } from "@/lib/config";

/** Asymmetric JWS algorithms accepted (RFC 7518; CDS Hooks recommends ES384 and RS384). */
export const ACCEPTED_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"] as const;
/** A client JWT older than this (from `iat`) is refused: SMART's 5-minute rule for client assertions, applied here. */
export const MAX_TOKEN_AGE_SECONDS = 300;
/** Clock skew tolerated between the client and this server. */
export const CLOCK_TOLERANCE_SECONDS = 30;

export type JwtCheck = { ok: true; clientId: string } | { ok: false; reason: string };

/** Remembers accepted `jti`s until their token expires. In memory: one server process (document for scaled deployments). */
export class JtiReplayCache {
  private readonly seen = new Map<string, number>();
  constructor(private readonly maxEntries = 50_000) {}
  /** True when `jti` of `iss` was not seen before (and records it until `expSeconds`). */
  accept(iss: string, jti: string, expSeconds: number, nowSeconds: number): boolean {
    for (const [key, exp] of this.seen) {
      if (exp >= nowSeconds - CLOCK_TOLERANCE_SECONDS && this.seen.size < this.maxEntries) break;
      this.seen.delete(key);
    }
    const key = `${iss}\n${jti}`;
    if (this.seen.has(key)) return false;
    this.seen.set(key, expSeconds);
    return true;
  }
}

const remoteSets = new Map<string, JWTVerifyGetKey>();

function keySetOf(client: CdsClientConfig, jku: string | undefined, fetchJwks?: typeof fetch): JWTVerifyGetKey | string {
  if (jku !== undefined) {
    if (client.jwksUrl === undefined || jku !== client.jwksUrl) return "jku is not the client's configured JWKS URL";
  }
  if (client.jwksUrl !== undefined && (jku !== undefined || client.jwks === undefined)) {
    if (fetchJwks !== undefined) return createRemoteJWKSet(new URL(client.jwksUrl), { [customFetch]: (url, init) => fetchJwks(url, init) });
    let set = remoteSets.get(client.jwksUrl);
    if (set === undefined) {
      set = createRemoteJWKSet(new URL(client.jwksUrl), { cacheMaxAge: 10 * 60_000, cooldownDuration: 30_000 });
      remoteSets.set(client.jwksUrl, set);
    }
    return set;
  }
  if (client.jwks !== undefined) return createLocalJWKSet({ keys: client.jwks.keys });
  return "no keys configured for this client";
}

export interface VerifyOptions {
  clients: readonly CdsClientConfig[];
  /** The URL of the endpoint called (absolute, no query). */
  audience: string;
  replay: JtiReplayCache;
  now: Date;
  /** Tests: fetch used for JWKS URLs. */
  fetchJwks?: typeof fetch;
}

function audiences(url: string): string[] {
  const bare = url.replace(/\/+$/, "");
  return [bare, `${bare}/`];
}

/** Checks the `Authorization` header of a call (see module doc). */
export async function verifyCdsJwt(authorization: string | null, options: VerifyOptions): Promise<JwtCheck> {
  const match = /^Bearer\s+([A-Za-z0-9_\-.]+)$/.exec(authorization ?? "");
  const token = match?.[1];
  if (token === undefined) return { ok: false, reason: "no bearer JWT" };
  let header: ReturnType<typeof decodeProtectedHeader>;
  let claims: ReturnType<typeof decodeJwt>;
  try {
    header = decodeProtectedHeader(token);
    claims = decodeJwt(token);
  } catch {
    return { ok: false, reason: "not a JWT" };
  }
  const alg = header.alg ?? "none";
  if (!ACCEPTED_ALGORITHMS.some((a) => a === alg)) return { ok: false, reason: `algorithm ${alg.slice(0, 16)} refused` };
  if (header.typ !== undefined && header.typ.toUpperCase() !== "JWT") return { ok: false, reason: "typ must be JWT" };
  if (typeof header.kid !== "string" || header.kid === "") return { ok: false, reason: "kid missing" };
  const client = options.clients.find((c) => c.iss === claims.iss);
  if (client === undefined) return { ok: false, reason: "unknown issuer" };
  const keys = keySetOf(client, typeof header.jku === "string" ? header.jku : undefined, options.fetchJwks);
  if (typeof keys === "string") return { ok: false, reason: keys };
  let payload: Awaited<ReturnType<typeof jwtVerify>>["payload"];
  try {
    ({ payload } = await jwtVerify(token, keys, {
      issuer: client.iss,
      audience: audiences(options.audience),
      algorithms: [...ACCEPTED_ALGORITHMS],
      requiredClaims: ["exp", "iat", "jti"],
      maxTokenAge: MAX_TOKEN_AGE_SECONDS,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate: options.now,
    }));
  } catch (error) {
    return { ok: false, reason: reasonOf(error) };
  }
  const nowSeconds = Math.floor(options.now.getTime() / 1000);
  if (typeof payload.jti !== "string" || typeof payload.exp !== "number" || !options.replay.accept(client.iss, payload.jti, payload.exp, nowSeconds)) {
    return { ok: false, reason: "jti already used" };
  }
  return { ok: true, clientId: client.id };
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return "token expired";
  if (error instanceof errors.JWTClaimValidationFailed) return `claim ${error.claim} invalid`;
  if (error instanceof errors.JWKSNoMatchingKey) return "no key of the client matches kid";
  if (error instanceof errors.JWSSignatureVerificationFailed) return "signature invalid";
  if (error instanceof errors.JOSEAlgNotAllowed) return "algorithm refused";
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JOSEError) return `key or token error (${error.code})`;
  return "token could not be verified";
}
