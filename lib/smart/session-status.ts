/**
 * The facts of a session that change after it starts, as one immutable snapshot with
 * listeners (shaped for React's `useSyncExternalStore`):
 * - the server's capabilities, read in parallel with the first searches (issue 19.11: the
 *   MME waits for one EHR round trip after the token, not two), null until they arrive;
 * - what that means for saving and which limitations to list (session-policy);
 * - whether the session is over (no token, or a 401 no refresh could cure): nothing more is
 *   sent to the EHR, saving is off, and the screen says "relaunch from the chart";
 * - how many times the access token was refreshed.
 */
import { UNKNOWN_CAPABILITIES, type ServerCapabilities } from "@/lib/fhir/capabilities";
import type { ScopeReport } from "./granted-scopes";
import { carePlanWritePolicy, sessionLimitations, SESSION_ENDED_NO_SAVE } from "./session-policy";
import type { CarePlanWrite } from "./session-types";

export interface SessionStatus {
  /** null until the CapabilityStatement has been read (or given up on: then UNKNOWN_CAPABILITIES). */
  capabilities: ServerCapabilities | null;
  carePlanWrite: CarePlanWrite;
  limitations: string[];
  /** The session is over: relaunch from the chart. Never reverts to false. */
  ended: boolean;
  tokenRefreshes: number;
}

export interface SessionStatusStore {
  get(): SessionStatus;
  subscribe(listener: () => void): () => void;
  setCapabilities(capabilities: ServerCapabilities): void;
  end(): void;
  countRefresh(): void;
}

function derive(scopes: ScopeReport, capabilities: ServerCapabilities | null, ended: boolean, tokenRefreshes: number): SessionStatus {
  const known = capabilities ?? UNKNOWN_CAPABILITIES;
  const policy = carePlanWritePolicy(scopes, known);
  const carePlanWrite = ended ? { ...policy, allowed: false, reason: SESSION_ENDED_NO_SAVE } : policy;
  return { capabilities, carePlanWrite, limitations: sessionLimitations(scopes, known), ended, tokenRefreshes };
}

/** A store for one session; a new snapshot object on every change, the same one otherwise. */
export function createSessionStatus(scopes: ScopeReport): SessionStatusStore {
  let capabilities: ServerCapabilities | null = null;
  let ended = false;
  let refreshes = 0;
  let snapshot = derive(scopes, capabilities, ended, refreshes);
  const listeners = new Set<() => void>();
  const changed = (): void => {
    snapshot = derive(scopes, capabilities, ended, refreshes);
    listeners.forEach((l) => l());
  };
  return {
    get: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    setCapabilities(next) {
      capabilities = next;
      changed();
    },
    end() {
      if (ended) return;
      ended = true;
      changed();
    },
    countRefresh() {
      refreshes++;
      changed();
    },
  };
}
