/**
 * Starts the SMART session of this browser tab: the one place that loads fhirclient in the
 * app (browser only: dynamic import, never at module top level, since its package `main` is
 * the Node build and the browser build touches `window` on load; smart-sources.md trap 15).
 *
 * - `fullSessionStorageSupport = false` before `ready()`: the state key stays in the URL
 *   and storage is keyed by it, so tabs sharing one sessionStorage keep their own session.
 * - `ready()` runs once per state key even under React StrictMode (double effects):
 *   authorization codes are single-use, so a second exchange would fail. The promise is
 *   memoized at module level.
 * - After `ready()`: the shared `SMART_KEY` slot is removed (fhirclient's `authorize()` in
 *   another tab deletes whatever session it points to, and its 401 handler clears it), the
 *   patient is required, the tab is bound to that patient (lib/smart/tab-binding), the FHIR
 *   server must still be a configured issuer, and scopes are compared. The session is then
 *   ready: the server's CapabilityStatement is read in the background, in parallel with the
 *   first searches (it only decides whether saving is offered), so the MME waits for one EHR
 *   round trip after the token, not two (issue 19.11; `npm run bench`).
 * Call `startSession()` from a client component's effect, never during server rendering.
 */
import { readCapabilities } from "@/lib/fhir/capabilities";
import { AppError, SESSION_ISSUES } from "@/lib/fhir/errors";
import { compareScopes } from "./granted-scopes";
import { createFhirclientTransport, isSmartClient, type SmartClientLike } from "./fhirclient-transport";
import { fetchPublicIssuerConfig, type PublicIssuerConfig } from "./issuer-public";
import { ownProp, parseFhirUser, readLaunchContext, type LaunchContext } from "./launch-context";
import { createSessionStatus } from "./session-status";
import type { SmartSession } from "./session-types";
import { checkTabBinding, webCryptoDigest, type Digest } from "./tab-binding";

/** fhirclient's shared "current session" slot in sessionStorage (settings.SMART_KEY). */
export const SMART_KEY = "SMART_KEY";

export interface FhirOauth2 {
  settings: { fullSessionStorageSupport?: boolean; replaceBrowserHistory?: boolean };
  ready(): Promise<unknown>;
}

export interface SessionDeps {
  /** Default: `import("fhirclient")` (the bundler picks the package's browser build). */
  loadFhirClient(): Promise<unknown>;
  location(): URL;
  replaceUrl(href: string): void;
  removeStorageItem(key: string): void;
  fetchIssuerConfig(iss: string): Promise<PublicIssuerConfig | null>;
  digest: Digest;
}

/** A property read that follows getters (bundlers expose CommonJS exports through getters). */
function getProp(value: unknown, key: string): unknown {
  if (typeof value !== "object" || value === null) return undefined;
  const found: unknown = Reflect.get(value, key);
  return found;
}

/** `FHIR.oauth2` from the dynamically imported module (CommonJS default or namespace), or null. */
export function readOauth2(mod: unknown): FhirOauth2 | null {
  for (const candidate of [getProp(mod, "default"), mod]) {
    const oauth2 = getProp(candidate, "oauth2");
    const settings = getProp(oauth2, "settings");
    const ready = getProp(oauth2, "ready");
    if (typeof settings === "object" && settings !== null && typeof ready === "function") {
      return { settings, ready: () => Promise.resolve<unknown>(ready.call(oauth2)) };
    }
  }
  return null;
}

async function readyClient(deps: SessionDeps): Promise<SmartClientLike> {
  const oauth2 = readOauth2(await deps.loadFhirClient());
  if (!oauth2) throw new AppError(SESSION_ISSUES.browserUnsupported());
  oauth2.settings.fullSessionStorageSupport = false;
  oauth2.settings.replaceBrowserHistory = true;
  let client: unknown;
  try {
    client = await oauth2.ready();
  } catch {
    // fhirclient's message may quote the OAuth server or the URL: not shown.
    throw new AppError(SESSION_ISSUES.launchFailed());
  }
  if (!isSmartClient(client)) throw new AppError(SESSION_ISSUES.launchFailed());
  return client;
}

async function establish(deps: SessionDeps, url: URL): Promise<SmartSession> {
  const oauthError = url.searchParams.get("error");
  if (oauthError !== null) throw new AppError(SESSION_ISSUES.authorizationDenied(oauthError));
  const stateKey = url.searchParams.get("state");
  if (!stateKey) throw new AppError(SESSION_ISSUES.noLaunch());
  const freshLaunch = url.searchParams.has("code");
  const client = await readyClient(deps);
  deps.removeStorageItem(SMART_KEY);
  const serverUrl = client.state.serverUrl.replace(/\/+$/, "");
  const context = readLaunchContext(client.state.tokenResponse);
  if (context.patientId === null) throw new AppError(SESSION_ISSUES.noPatient());
  const binding = await checkTabBinding(deps.digest, url, stateKey, serverUrl, context.patientId, freshLaunch);
  if (binding.kind === "mismatch") throw new AppError(SESSION_ISSUES.patientMismatch());
  if (binding.kind === "bound") deps.replaceUrl(binding.href);
  const issuer = await deps.fetchIssuerConfig(serverUrl);
  if (issuer === null) throw new AppError(SESSION_ISSUES.unknownIssuer());
  return buildSession(client, issuer, { ...context, patientId: context.patientId });
}

/**
 * The session value once the launch is verified: transport, scopes, and the status store
 * (capabilities arrive later; the transport ends the session when its token is gone).
 */
function buildSession(client: SmartClientLike, issuer: PublicIssuerConfig, context: LaunchContext & { patientId: string }): SmartSession {
  const granted = ownProp(client.state.tokenResponse, "scope");
  const scopes = compareScopes(client.state.scope ?? "", typeof granted === "string" ? granted : undefined);
  const status = createSessionStatus(scopes);
  const transport = createFhirclientTransport(client, { onTokenRefresh: status.countRefresh, onSessionEnd: status.end });
  // Not awaited: the searches start now, the statement arrives beside them (readCapabilities never rejects).
  void readCapabilities(transport).then(status.setCapabilities);
  return {
    serverUrl: transport.baseUrl,
    issuer,
    patientId: context.patientId,
    encounterId: context.encounterId,
    user: parseFhirUser(client.getFhirUser()),
    needPatientBanner: context.needPatientBanner,
    smartStyleUrl: context.smartStyleUrl,
    scopes,
    transport,
    status: status.get,
    subscribe: status.subscribe,
  };
}

/**
 * A `startSession` with its own memo (tests build one per case; the app uses the default).
 * The memo is keyed by the URL's `state`: a second call for the same tab (StrictMode, a
 * remount) gets the same promise, resolved or rejected; `ready()` is never called twice.
 */
export function createSessionStarter(deps: SessionDeps): () => Promise<SmartSession> {
  const sessions = new Map<string, Promise<SmartSession>>();
  return () => {
    const url = deps.location();
    const key = url.searchParams.get("state") ?? "";
    let session = sessions.get(key);
    if (!session) {
      session = establish(deps, url);
      sessions.set(key, session);
    }
    return session;
  };
}

/** The browser's dependencies (touch `window` only when called). */
export const browserSessionDeps: SessionDeps = {
  loadFhirClient: () => import("fhirclient"),
  location: () => new URL(window.location.href),
  // `null`, not the current state: Next.js patches replaceState and updates its router's URL only
  // for states that are not its own; passing its state back made it later restore the URL
  // without the tab binding (#pt=) on its next history write.
  replaceUrl: (href) => window.history.replaceState(null, "", href),
  removeStorageItem: (key) => window.sessionStorage.removeItem(key),
  fetchIssuerConfig: (iss) => fetchPublicIssuerConfig(iss),
  digest: webCryptoDigest,
};

/** Start (or join) this tab's SMART session. Rejects with an `AppError` (see normalizeError). */
export const startSession: () => Promise<SmartSession> = createSessionStarter(browserSessionDeps);
