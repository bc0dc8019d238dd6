/**
 * In-memory state of the authorization server: authorization requests waiting for the picker,
 * authorization codes, refresh tokens. Codes and refresh tokens are single use (`take`):
 * SMART best practice "Ensure that refresh tokens are never used more than once"; RFC 6749
 * 4.1.2 "The client MUST NOT use the authorization code more than once".
 */
import { randomBytes } from "node:crypto";
import type { LaunchOptions } from "../launch-options";

/** What an access token will carry, decided at authorization time. */
export interface Grant {
  clientId: string;
  redirectUri: string;
  /** The FHIR base the authorization was for (`aud`): the token is valid there only. */
  fhirBase: string;
  /** Issued on one of the public launcher's URL shapes (its style document is handed out). */
  launcherStyle: boolean;
  /** Granted scopes, space-separated. */
  scope: string;
  patient: string | null;
  encounter: string | null;
  /** Practitioner id of the signed-in user. */
  practitioner: string | null;
  options: LaunchOptions;
  nonce: string | null;
}

export interface CodeGrant extends Grant {
  codeChallenge: string;
}

/** A validated authorization request waiting for the user to pick a practitioner and patient. */
export interface PendingAuthorization {
  clientId: string;
  redirectUri: string;
  fhirBase: string;
  launcherStyle: boolean;
  state: string;
  codeChallenge: string;
  scope: string;
  options: LaunchOptions;
  nonce: string | null;
  isEhrLaunch: boolean;
  needsPatient: boolean;
  wantsEncounter: boolean;
}

export const CODE_TTL_MS = 2 * 60_000;
export const PENDING_TTL_MS = 15 * 60_000;
export const ONLINE_REFRESH_TTL_MS = 12 * 3600_000;
export const OFFLINE_REFRESH_TTL_MS = 30 * 86_400_000;

/** A map of random keys to values that expire. */
export class TtlStore<T> {
  private readonly items = new Map<string, { value: T; expiresAt: number }>();

  /** Store a value; returns its new random key (256 bits, base64url). */
  put(value: T, ttlMs: number): string {
    this.sweep();
    const key = randomBytes(32).toString("base64url");
    this.items.set(key, { value, expiresAt: Date.now() + ttlMs });
    return key;
  }

  /** Read without consuming (null when unknown or expired). */
  peek(key: string): T | null {
    const item = this.items.get(key);
    if (!item || item.expiresAt <= Date.now()) return null;
    return item.value;
  }

  /** Read and delete: a key works once. */
  take(key: string): T | null {
    const value = this.peek(key);
    this.items.delete(key);
    return value;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [k, v] of this.items) if (v.expiresAt <= now) this.items.delete(k);
  }
}

/** All authorization-server state of one sandbox process. */
export class GrantStores {
  readonly pending = new TtlStore<PendingAuthorization>();
  readonly codes = new TtlStore<CodeGrant>();
  readonly refreshTokens = new TtlStore<Grant>();
}
