import { beforeEach, describe, expect, it, vi } from "vitest";
import { clearCapabilitiesCache } from "@/lib/fhir/capabilities";
import { AppError, normalizeError } from "@/lib/fhir/errors";
import type { PublicIssuerConfig } from "@/lib/smart/issuer-public";
import { buildScopes } from "@/lib/smart/scopes";
import { createSessionStarter, readOauth2, SMART_KEY, type SessionDeps } from "@/lib/smart/session";
import { CAREPLAN_READ_ONLY_SERVER, SESSION_ENDED_NO_SAVE } from "@/lib/smart/session-policy";
import type { SessionStatus } from "@/lib/smart/session-status";
import type { SmartSession } from "@/lib/smart/session-types";
import { webCryptoDigest } from "@/lib/smart/tab-binding";

const SERVER = "https://ehr.example.org/fhir";
const REQUESTED = buildScopes("v2", "ehr", false);
const ISSUER: PublicIssuerConfig = { id: "ehr", name: "Test EHR", scopeStyle: "v2", requestRefresh: false, carePlanIntent: "proposal", maxPages: 20, pageSize: 200, observationCategoryRequired: false };

function capability(carePlanInteractions: string[]) {
  return { resourceType: "CapabilityStatement", fhirVersion: "4.0.1", rest: [{ mode: "server", resource: [{ type: "CarePlan", interaction: carePlanInteractions.map((code) => ({ code })) }] }] };
}

/** The status once the CapabilityStatement (read in the background) has arrived. */
async function settled(s: SmartSession): Promise<SessionStatus> {
  await vi.waitFor(() => expect(s.status().capabilities).not.toBeNull());
  return s.status();
}

interface Fake {
  metadataDelayMs?: number;
  tokenResponse: Record<string, unknown>;
  carePlanInteractions: string[];
  settingsAtReady: unknown[];
  readyCalls: number;
  fhirRequests: string[];
  settings: Record<string, unknown>;
}

function fakeEhr(overrides: Partial<Fake> = {}): Fake {
  return {
    tokenResponse: { access_token: "SECRET-TOKEN", refresh_token: "SECRET-REFRESH", scope: REQUESTED, patient: "p1", encounter: "e1", need_patient_banner: "false" },
    carePlanInteractions: ["create", "search-type", "read"],
    settingsAtReady: [],
    readyCalls: 0,
    fhirRequests: [],
    settings: { fullSessionStorageSupport: true },
    ...overrides,
  };
}

function fakeModule(fake: Fake) {
  const state = { serverUrl: SERVER, scope: REQUESTED, expiresAt: 100, tokenResponse: fake.tokenResponse };
  const client = {
    state,
    async request(options: { url: string }) {
      fake.fhirRequests.push(options.url);
      if (options.url === "metadata" && fake.metadataDelayMs) await new Promise((r) => setTimeout(r, fake.metadataDelayMs));
      state.expiresAt += 1; // as if fhirclient refreshed the token before this request
      return { body: capability(fake.carePlanInteractions), response: { status: 200, url: `${SERVER}/${options.url}`, headers: new Headers() } };
    },
    refresh: async () => state,
    getFhirUser: () => "Practitioner/dr-1",
  };
  return {
    default: {
      oauth2: {
        settings: fake.settings,
        ready: async () => {
          fake.readyCalls++;
          fake.settingsAtReady.push(fake.settings.fullSessionStorageSupport);
          await new Promise((r) => setTimeout(r, 5)); // the code exchange takes time
          return client;
        },
      },
    },
  };
}

function deps(fake: Fake, href: string, overrides: Partial<SessionDeps> = {}) {
  const log = { urls: [] as string[], removed: [] as string[], loads: 0, issuerLookups: [] as string[] };
  const d: SessionDeps = {
    loadFhirClient: async () => {
      log.loads++;
      return fakeModule(fake);
    },
    location: () => new URL(href),
    replaceUrl: (u) => void log.urls.push(u),
    removeStorageItem: (k) => void log.removed.push(k),
    fetchIssuerConfig: async (iss) => {
      log.issuerLookups.push(iss);
      return ISSUER;
    },
    digest: webCryptoDigest,
    ...overrides,
  };
  return { d, log };
}

async function issueOf(p: Promise<unknown>) {
  const e: unknown = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(AppError);
  return normalizeError(e);
}

beforeEach(() => clearCapabilitiesCache());

describe("startSession", () => {
  it("StrictMode: two calls for the same tab share one ready() (codes are single-use)", async () => {
    const fake = fakeEhr();
    const start = createSessionStarter(deps(fake, "https://app/?code=c1&state=s1").d);
    const [a, b] = await Promise.all([start(), start()]);
    expect(a).toBe(b);
    expect(fake.readyCalls).toBe(1);
    expect(await start()).toBe(a);
    expect(fake.readyCalls).toBe(1);
  });

  it("sets fullSessionStorageSupport = false before ready()", async () => {
    const fake = fakeEhr();
    await createSessionStarter(deps(fake, "https://app/?code=c1&state=s1").d)();
    expect(fake.settingsAtReady).toEqual([false]);
  });

  it("exposes the launch context, coerced, and the user", async () => {
    const fake = fakeEhr();
    const s = await createSessionStarter(deps(fake, "https://app/?code=c1&state=s1").d)();
    expect(s).toMatchObject({ serverUrl: SERVER, patientId: "p1", encounterId: "e1", needPatientBanner: false, user: { reference: "Practitioner/dr-1" }, issuer: ISSUER });
    await settled(s);
    expect(s.status().carePlanWrite).toEqual({ allowed: true, reason: null, conditionalCreate: false });
    expect(s.status().limitations).toEqual([]);
    expect(JSON.stringify(s)).not.toMatch(/SECRET/); // no token anywhere in the session value
  });

  it("removes fhirclient's shared SMART_KEY slot after ready()", async () => {
    const fake = fakeEhr();
    const { d, log } = deps(fake, "https://app/?code=c1&state=s1");
    await createSessionStarter(d)();
    expect(log.removed).toEqual([SMART_KEY]);
  });

  it("binds the tab to the patient on the first load and accepts a reload of the same patient", async () => {
    const fake = fakeEhr();
    const first = deps(fake, "https://app/?code=c1&state=s1");
    await createSessionStarter(first.d)();
    const bound = first.log.urls[0] ?? "";
    expect(bound).toMatch(/^https:\/\/app\/\?state=s1#pt=[0-9a-f]{16}$/);
    const reload = deps(fakeEhr(), bound);
    await expect(createSessionStarter(reload.d)()).resolves.toMatchObject({ patientId: "p1" });
    expect(reload.log.urls).toEqual([]);
  });

  it("two tabs, two patients: a reload that finds another patient under its state shows nothing", async () => {
    const first = deps(fakeEhr(), "https://app/?code=c1&state=s1");
    await createSessionStarter(first.d)();
    const bound = first.log.urls[0] ?? "";
    const other = fakeEhr({ tokenResponse: { access_token: "tok", scope: REQUESTED, patient: "p2" } });
    expect((await issueOf(createSessionStarter(deps(other, bound).d)())).code).toBe("session.patient-mismatch");
    expect(other.fhirRequests).toEqual([]);
  });

  it("a reload without the tab's fingerprint is refused", async () => {
    expect((await issueOf(createSessionStarter(deps(fakeEhr(), "https://app/?state=s1").d)())).code).toBe("session.patient-mismatch");
  });

  it("different tabs (state keys) get different sessions", async () => {
    const fake = fakeEhr();
    let href = "https://app/?code=c1&state=s1";
    const start = createSessionStarter({ ...deps(fake, href).d, location: () => new URL(href) });
    const a = await start();
    href = "https://app/?code=c2&state=s2";
    const b = await start();
    expect(a).not.toBe(b);
    expect(fake.readyCalls).toBe(2);
  });

  it("no patient in the launch is an error with a clear sentence", async () => {
    const fake = fakeEhr({ tokenResponse: { access_token: "tok", scope: REQUESTED } });
    const issue = await issueOf(createSessionStarter(deps(fake, "https://app/?code=c&state=s").d)());
    expect(issue).toMatchObject({ code: "session.no-patient", message: "The EHR opened the app without a patient. Open a patient's chart, then start the app from there." });
  });

  it("opened without a launch: no fhirclient load, a 'launch from the EHR' issue", async () => {
    const fake = fakeEhr();
    const { d, log } = deps(fake, "https://app/");
    expect((await issueOf(createSessionStarter(d)())).code).toBe("session.no-launch");
    expect(log.loads).toBe(0);
  });

  it("an OAuth error in the redirect is reported, without running ready()", async () => {
    const fake = fakeEhr();
    const issue = await issueOf(createSessionStarter(deps(fake, "https://app/?error=access_denied&error_description=User+said+no&state=s").d)());
    expect(issue.code).toBe("session.authorization-denied");
    expect(issue.message).toContain("access_denied");
    expect(fake.readyCalls).toBe(0);
  });

  it("a failed code exchange is 'launch failed', and fhirclient's message is not shown", async () => {
    const fake = fakeEhr();
    const mod = fakeModule(fake);
    mod.default.oauth2.ready = async () => {
      throw new Error("400 Bad Request\nURL: https://ehr/token?code=SECRET");
    };
    const issue = await issueOf(createSessionStarter({ ...deps(fake, "https://app/?code=c&state=s").d, loadFhirClient: async () => mod })());
    expect(issue.code).toBe("session.launch-failed");
    expect(JSON.stringify(issue)).not.toContain("SECRET");
  });

  it("a server that is no longer a configured issuer stops the session before any FHIR request", async () => {
    const fake = fakeEhr();
    const { d } = deps(fake, "https://app/?code=c&state=s", { fetchIssuerConfig: async () => null });
    expect((await issueOf(createSessionStarter(d)())).code).toBe("session.unknown-issuer");
    expect(fake.fhirRequests).toEqual([]);
  });

  it("fhirclient's Node build (no oauth2) is reported as an unsupported browser", async () => {
    const { d } = deps(fakeEhr(), "https://app/?code=c&state=s", { loadFhirClient: async () => ({ default: () => null }) });
    expect((await issueOf(createSessionStarter(d)())).code).toBe("session.browser-unsupported");
  });

  it("narrowed grant without CarePlan create: the plan cannot be saved, and the screen is told why", async () => {
    const narrowed = REQUESTED.replace(" patient/CarePlan.c", "");
    const fake = fakeEhr({ tokenResponse: { access_token: "tok", scope: narrowed, patient: "p1" } });
    const s = await createSessionStarter(deps(fake, "https://app/?code=c&state=s").d)();
    expect(s.scopes.missing).toEqual(["CarePlan.create"]);
    const status = await settled(s);
    expect(status.carePlanWrite.allowed).toBe(false);
    expect(status.carePlanWrite.reason).toContain("printed and downloaded, but not saved");
    expect(status.limitations).toEqual([status.carePlanWrite.reason]);
  });

  it("a server whose CapabilityStatement lists CarePlan read-only cannot save either", async () => {
    const fake = fakeEhr({ carePlanInteractions: ["read", "search-type"] });
    const s = await createSessionStarter(deps(fake, "https://app/?code=c&state=s").d)();
    expect((await settled(s)).carePlanWrite).toMatchObject({ allowed: false, reason: CAREPLAN_READ_ONLY_SERVER });
    expect(fake.fhirRequests).toEqual(["metadata"]);
  });

  it("the session is ready before the CapabilityStatement answers: the searches need not wait for it", async () => {
    const fake = fakeEhr({ carePlanInteractions: ["read", "search-type"], metadataDelayMs: 200 });
    const s = await createSessionStarter(deps(fake, "https://app/?code=c&state=s").d)();
    expect(fake.fhirRequests).toEqual(["metadata"]); // asked at once, in the background
    expect(s.status().capabilities).toBeNull();
    expect(s.status().carePlanWrite.allowed).toBe(true); // not known yet: the granted scope decides for now
    const seen = vi.fn();
    s.subscribe(seen);
    const after = await settled(s);
    expect(seen).toHaveBeenCalled();
    expect(after.capabilities).toMatchObject({ carePlanCreate: false });
    expect(after.carePlanWrite).toMatchObject({ allowed: false, reason: CAREPLAN_READ_ONLY_SERVER });
  });

  it("when the token is gone the session ends: saving is off with a reason, nothing is sent", async () => {
    const fake = fakeEhr();
    const s = await createSessionStarter(deps(fake, "https://app/?code=c&state=s").d)();
    await settled(s);
    fake.tokenResponse.access_token = undefined;
    const r = await s.transport.request({ method: "POST", url: "CarePlan", body: {} });
    expect(r.status).toBe(401);
    expect(fake.fhirRequests).toEqual(["metadata"]);
    expect(s.status()).toMatchObject({ ended: true, carePlanWrite: { allowed: false, reason: SESSION_ENDED_NO_SAVE } });
  });

  it("counts token refreshes and tells listeners (no token passed)", async () => {
    const fake = fakeEhr();
    const s = await createSessionStarter(deps(fake, "https://app/?code=c&state=s").d)();
    await settled(s);
    const seen = vi.fn();
    const off = s.subscribe(seen);
    const before = s.status().tokenRefreshes;
    await s.transport.request({ method: "GET", url: "Observation" });
    expect(s.status().tokenRefreshes).toBe(before + 1);
    expect(seen).toHaveBeenCalledWith();
    off();
    await s.transport.request({ method: "GET", url: "Observation" });
    expect(seen).toHaveBeenCalledTimes(1);
  });
});

describe("readOauth2", () => {
  it("finds FHIR.oauth2 behind a getter (bundler interop) or directly", () => {
    const oauth2 = { settings: {}, ready: async () => 1 };
    const viaGetter = Object.defineProperty({}, "default", { get: () => ({ oauth2 }), enumerable: true });
    expect(readOauth2(viaGetter)).not.toBeNull();
    expect(readOauth2({ oauth2 })).not.toBeNull();
    expect(readOauth2({})).toBeNull();
  });
});

describe("summarizeSession", () => {
  it("a serializable view with data attributes for e2e, without secrets", async () => {
    const { summarizeSession, sessionDataAttributes } = await import("@/lib/smart/session-summary");
    const narrowed = REQUESTED.replace(" patient/CarePlan.c", "").replace(" patient/Condition.rs", "");
    const fake = fakeEhr({ tokenResponse: { access_token: "SECRET-TOKEN", scope: narrowed, patient: "p1" } });
    const s = await createSessionStarter(deps(fake, "https://app/?code=c&state=s").d)();
    const summary = summarizeSession(s);
    expect(summary).toMatchObject({ ehrName: "Test EHR", patientId: "p1", userReference: "Practitioner/dr-1", canSaveCarePlan: false, refreshAvailable: false });
    expect(summary.permissions.find((p) => p.capability === "Condition.search")).toEqual({ capability: "Condition.search", label: "Read diagnoses", grant: "missing" });
    expect(summary.limitations).toHaveLength(2);
    expect(sessionDataAttributes(summary)).toEqual({
      "data-session-patient": "p1",
      "data-session-can-save": "false",
      "data-session-refreshes": String(s.status().tokenRefreshes),
      "data-session-missing": "Condition.search CarePlan.create",
      "data-session-ended": "false",
    });
    expect(JSON.stringify(summary)).not.toMatch(/SECRET/);
  });
});

describe("recordLoadOptions", () => {
  it("skips the searches the grant does not allow and carries the issuer's bounds and quirks", async () => {
    const { recordLoadOptions } = await import("@/lib/smart/session-policy");
    const { compareScopes } = await import("@/lib/smart/granted-scopes");
    const asOf = new Date("2025-01-01T00:00:00Z");
    const o = recordLoadOptions({ ...ISSUER, maxPages: 3, observationCategoryRequired: true }, compareScopes(REQUESTED, REQUESTED.replace(" patient/Observation.rs", "")), asOf);
    expect(o).toEqual({
      asOf, maxPages: 3, pageSize: 200, observationCategoryRequired: true,
      allowed: { medicationRequests: true, observations: false, conditions: true, carePlans: true },
    });
  });
});
