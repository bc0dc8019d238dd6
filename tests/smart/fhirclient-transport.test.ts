/**
 * The transport over fhirclient, exercised with fhirclient's real Client class (its Node
 * build) against a small HTTP server on loopback: statuses, the 401 -> refresh -> retry
 * path, refresh de-duplication, and that nothing PHI-bearing leaks into responses/errors.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import ClientModule from "fhirclient/lib/Client";
import { normalizeError } from "@/lib/fhir/errors";
import { createFhirclientTransport, isSmartClient } from "@/lib/smart/fhirclient-transport";

const Client = ClientModule;

let server: Server;
let origin = "";
let tokenRequests: string[] = [];
let validTokens = new Set<string>();
let refreshAnswer: "ok" | "fail" = "ok";
/** Every request the server received: path and whether it carried a bearer token. */
let arrivals: Array<{ path: string; token: boolean }> = [];

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/fhir+json", ...headers });
  res.end(JSON.stringify(body));
}

function handle(req: IncomingMessage, res: ServerResponse, body: string): void {
  const url = new URL(req.url ?? "/", origin);
  arrivals.push({ path: url.pathname, token: /^Bearer \S/.test(req.headers.authorization ?? "") });
  if (url.pathname === "/token") {
    tokenRequests.push(body);
    if (refreshAnswer === "fail") return json(res, 400, { error: "invalid_grant" });
    validTokens.add("fresh");
    return json(res, 200, { access_token: "fresh", token_type: "bearer", expires_in: 3600, scope: "launch patient/Observation.rs online_access" });
  }
  const token = (req.headers.authorization ?? "").replace(/^Bearer /, "");
  if (!validTokens.has(token)) return json(res, 401, { resourceType: "OperationOutcome", issue: [{ severity: "error", code: "login" }] });
  if (url.pathname === "/fhir/Observation") return json(res, 200, { resourceType: "Bundle", type: "searchset", entry: [] }, { "x-request-id": "r1" });
  if (url.pathname === "/fhir/boom") return json(res, 500, { resourceType: "OperationOutcome", issue: [{ severity: "fatal", code: "exception", diagnostics: "db down" }] });
  if (url.pathname === "/fhir/busy") return json(res, 503, { resourceType: "OperationOutcome", issue: [] }, { "retry-after": "7" });
  if (url.pathname === "/fhir/notjson") {
    res.writeHead(200, { "content-type": "application/json" });
    return void res.end("<html>patient Jane Doe</html>");
  }
  if (url.pathname === "/fhir/CarePlan" && req.method === "POST") return json(res, 201, { resourceType: "CarePlan", id: "new", echo: JSON.parse(body) }, { location: `${origin}/fhir/CarePlan/new` });
  json(res, 404, { resourceType: "OperationOutcome", issue: [] });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => handle(req, res, body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  tokenRequests = [];
  arrivals = [];
  validTokens = new Set(["good"]);
  refreshAnswer = "ok";
});

function memoryEnv() {
  const data = new Map<string, unknown>();
  return {
    data,
    options: {},
    btoa: (s: string) => Buffer.from(s).toString("base64"),
    getStorage: () => ({
      get: async (k: string) => data.get(k) ?? null,
      set: async (k: string, v: unknown) => void data.set(k, v),
      unset: async (k: string) => data.delete(k),
    }),
  };
}

function client(tokenResponse: Record<string, unknown>, expiresInS = 3600) {
  const env = memoryEnv();
  const state = { serverUrl: `${origin}/fhir`, key: "tab-key", tokenUri: `${origin}/token`, clientId: "app", expiresAt: Math.floor(Date.now() / 1000) + expiresInS, tokenResponse };
  // The environment is a minimal stand-in for fhirclient's BrowserAdapter (storage, options, btoa).
  const c = new Client(env as never, state);
  if (!isSmartClient(c)) throw new Error("fhirclient Client does not match SmartClientLike");
  return { c, env };
}

const REFRESHABLE = { access_token: "stale", refresh_token: "r1", scope: "launch patient/Observation.rs online_access", patient: "p1" };

describe("createFhirclientTransport", () => {
  it("returns a 200 search with its body and lower-case headers", async () => {
    const { c } = client({ access_token: "good", scope: "patient/Observation.rs" });
    const r = await createFhirclientTransport(c).request({ method: "GET", url: "Observation?patient=p1" });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ resourceType: "Bundle" });
    expect(r.headers["x-request-id"]).toBe("r1");
  });

  it("maps fhirclient's HttpError to a status-bearing response with the OperationOutcome body", async () => {
    const { c } = client({ access_token: "good" });
    const r = await createFhirclientTransport(c).request({ method: "GET", url: "boom?patient=SECRET-ID" });
    expect(r.status).toBe(500);
    expect(r.body).toMatchObject({ resourceType: "OperationOutcome", issue: [{ diagnostics: "db down" }] });
    expect(JSON.stringify(r)).not.toContain("SECRET-ID");
  });

  it("keeps Retry-After of a 503 readable for the retry policy", async () => {
    const { c } = client({ access_token: "good" });
    const r = await createFhirclientTransport(c).request({ method: "GET", url: "busy" });
    expect(r).toMatchObject({ status: 503, headers: { "retry-after": "7" } });
  });

  it("401 with a refresh token and online_access: refreshes once, retries, reports the refresh", async () => {
    const { c, env } = client(REFRESHABLE);
    let refreshes = 0;
    const r = await createFhirclientTransport(c, { onTokenRefresh: () => refreshes++ }).request({ method: "GET", url: "Observation?patient=p1" });
    expect(r.status).toBe(200);
    expect(refreshes).toBe(1);
    expect(tokenRequests).toEqual(["grant_type=refresh_token&refresh_token=r1"]);
    // the refreshed session is persisted under the tab's key, patient context kept
    expect(env.data.get("tab-key")).toMatchObject({ tokenResponse: { access_token: "fresh", patient: "p1" } });
  });

  it("parallel 401s share one refresh", async () => {
    const { c } = client(REFRESHABLE);
    const t = createFhirclientTransport(c);
    const results = await Promise.all(Array.from({ length: 10 }, () => t.request({ method: "GET", url: "Observation?patient=p1" })));
    expect(results.map((r) => r.status)).toEqual(Array.from({ length: 10 }, () => 200));
    expect(tokenRequests).toHaveLength(1);
  });

  it("401 without a refresh token: no refresh, a 401 response (-> session expired)", async () => {
    const { c } = client({ access_token: "stale", scope: "patient/Observation.rs" });
    const r = await createFhirclientTransport(c).request({ method: "GET", url: "Observation?patient=p1" });
    expect(r.status).toBe(401);
    expect(tokenRequests).toEqual([]);
  });

  it("401 and the refresh is refused: a 401 response, the session cleared", async () => {
    refreshAnswer = "fail";
    const { c } = client(REFRESHABLE);
    const r = await createFhirclientTransport(c).request({ method: "GET", url: "Observation?patient=p1" });
    expect(r.status).toBe(401);
    expect(tokenRequests).toHaveLength(1);
    expect(c.state.tokenResponse).toEqual({});
  });

  it("an expiring token is refreshed before the request (proactive refresh is reported too)", async () => {
    const { c } = client({ ...REFRESHABLE, access_token: "good" }, 5);
    let refreshes = 0;
    const r = await createFhirclientTransport(c, { onTokenRefresh: () => refreshes++ }).request({ method: "GET", url: "Observation" });
    expect(r.status).toBe(200);
    expect(refreshes).toBe(1);
  });

  it("a failed proactive refresh is a 401 for the app, not a FHIR 400", async () => {
    refreshAnswer = "fail";
    const { c } = client({ ...REFRESHABLE, access_token: "good" }, 5);
    const r = await createFhirclientTransport(c).request({ method: "GET", url: "Observation" });
    expect(r.status).toBe(401);
  });

  it("a refresh token without online/offline_access cannot refresh an expiring token: 401", async () => {
    const { c } = client({ access_token: "good", refresh_token: "r1", scope: "patient/Observation.rs" }, 5);
    const r = await createFhirclientTransport(c).request({ method: "GET", url: "Observation" });
    expect(r.status).toBe(401);
  });

  it("a JSON-typed body that is not JSON: a response with no body (the page is then 'bad response')", async () => {
    const { c } = client({ access_token: "good" });
    const r = await createFhirclientTransport(c).request({ method: "GET", url: "notjson" });
    expect(r).toEqual({ status: 200, body: null, headers: {} });
  });

  it("POST sends the JSON body as application/fhir+json with extra headers", async () => {
    const { c } = client({ access_token: "good" });
    const r = await createFhirclientTransport(c).request({ method: "POST", url: "CarePlan", body: { resourceType: "CarePlan" }, headers: { "if-none-exist": "identifier=x|1" } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ id: "new", echo: { resourceType: "CarePlan" } });
  });

  it("a network failure rejects with an error that carries no URL and reads as 'no connection'", async () => {
    const env = memoryEnv();
    const c = new Client(env as never, { serverUrl: "http://127.0.0.1:9/fhir", tokenResponse: { access_token: "good" } });
    if (!isSmartClient(c)) throw new Error("unexpected");
    const error: unknown = await createFhirclientTransport(c).request({ method: "GET", url: "Observation?patient=SECRET-ID" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(String(error instanceof Error ? error.message : error)).not.toContain("SECRET-ID");
    expect(normalizeError(error).code).toBe("fhir.network");
  });
});

describe("never a FHIR request without a token (issue 19.1)", () => {
  /** Requests that reached the FHIR server (not the token endpoint), with whether they carried a token. */
  function fhirArrivals(): Array<{ path: string; token: boolean }> {
    return arrivals.filter((a) => a.path.startsWith("/fhir/"));
  }

  it("a session without an access token sends nothing and answers 401, once told to the UI", async () => {
    const { c } = client({});
    let ended = 0;
    const t = createFhirclientTransport(c, { onSessionEnd: () => ended++ });
    const r1 = await t.request({ method: "POST", url: "CarePlan", body: { resourceType: "CarePlan" } });
    const r2 = await t.request({ method: "GET", url: "Observation?patient=p1" });
    expect([r1.status, r2.status]).toEqual([401, 401]);
    expect(fhirArrivals()).toEqual([]);
    expect(ended).toBe(1);
  });

  it("401 without a refresh token: the retry the user clicks next (a CarePlan POST) is not sent at all", async () => {
    const { c } = client({ access_token: "stale", scope: "patient/Observation.rs" });
    let ended = 0;
    const t = createFhirclientTransport(c, { onSessionEnd: () => ended++ });
    expect((await t.request({ method: "GET", url: "Observation?patient=p1" })).status).toBe(401);
    // fhirclient cleared its tokens on that 401: without the guard this POST went out with no Authorization
    expect(c.state.tokenResponse).toEqual({});
    expect((await t.request({ method: "POST", url: "CarePlan", body: { resourceType: "CarePlan" } })).status).toBe(401);
    expect(fhirArrivals()).toEqual([{ path: "/fhir/Observation", token: true }]);
    expect(ended).toBe(1);
  });

  it("a refused refresh: nothing more is sent, even when the token slot is refilled with an empty value", async () => {
    refreshAnswer = "fail";
    const { c } = client(REFRESHABLE);
    const t = createFhirclientTransport(c);
    expect((await t.request({ method: "GET", url: "Observation?patient=p1" })).status).toBe(401);
    c.state.tokenResponse = { access_token: "" };
    expect((await t.request({ method: "GET", url: "Observation?patient=p1" })).status).toBe(401);
    expect(fhirArrivals().every((a) => a.token)).toBe(true);
    expect(fhirArrivals()).toHaveLength(1);
  });

  it("after the session ended, a token put back later is not used either (relaunch is the only way on)", async () => {
    const { c } = client({ access_token: "stale" });
    const t = createFhirclientTransport(c);
    await t.request({ method: "GET", url: "Observation" });
    c.state.tokenResponse = { access_token: "good" };
    expect((await t.request({ method: "GET", url: "Observation" })).status).toBe(401);
    expect(fhirArrivals()).toHaveLength(1);
  });
});
