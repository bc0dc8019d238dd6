/**
 * The app's public origin per request (issue 19.2): appBaseUrl, else trusted forwarded headers,
 * else a loopback Host; never `request.url` (which `next start` builds from its own host name).
 * Exercised on lib/smart/app-origin and on the /launch.html and /smart-app.json route handlers.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { appOrigin, ORIGIN_NOT_CONFIGURED } from "@/lib/smart/app-origin";

const h = (init: Record<string, string>) => new Headers(init);

describe("appOrigin", () => {
  it("appBaseUrl wins over every header", () => {
    expect(appOrigin({ appBaseUrl: "https://taper.example.org", trustForwardedHeaders: true }, h({ host: "evil.example", "x-forwarded-host": "evil.example" })))
      .toEqual({ ok: true, origin: "https://taper.example.org", https: true });
  });

  it.each([
    ["127.0.0.1:3100", "http://127.0.0.1:3100"],
    ["localhost:3000", "http://localhost:3000"],
    ["[::1]:3000", "http://[::1]:3000"],
    ["LOCALHOST", "http://localhost"],
  ])("a loopback Host (%s) is used as is, over HTTP", (host, origin) => {
    expect(appOrigin({ trustForwardedHeaders: false }, h({ host }))).toEqual({ ok: true, origin, https: false });
  });

  it("ignores X-Forwarded-* unless trusted (a client could send them)", () => {
    expect(appOrigin({ trustForwardedHeaders: false }, h({ host: "localhost:3000", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" })))
      .toEqual({ ok: true, origin: "http://localhost:3000", https: false });
  });

  it("refuses a non-loopback Host without appBaseUrl or trusted forwarding, with a sentence that says what to set", () => {
    const r = appOrigin({ trustForwardedHeaders: false }, h({ host: "taper.example.org" }));
    expect(r).toEqual({ ok: false, message: ORIGIN_NOT_CONFIGURED });
    expect(ORIGIN_NOT_CONFIGURED).toMatch(/appBaseUrl.*trustForwardedHeaders/s);
  });

  it("behind a trusted proxy: the first X-Forwarded-Host and -Proto (proxies append)", () => {
    expect(appOrigin({ trustForwardedHeaders: true }, h({ host: "10.0.0.5:3000", "x-forwarded-host": "taper.example.org, 10.0.0.5", "x-forwarded-proto": "https,http" })))
      .toEqual({ ok: true, origin: "https://taper.example.org", https: true });
    expect(appOrigin({ trustForwardedHeaders: true }, h({ host: "taper.example.org" }))).toEqual({ ok: true, origin: "https://taper.example.org", https: true });
  });

  it.each(["evil.example/path", "user@evil.example", "evil example", "evil.example:99999999", ""])("refuses a malformed host value %j", (host) => {
    expect(appOrigin({ trustForwardedHeaders: true }, h({ host: "ok.example", "x-forwarded-host": host === "" ? "," : host })).ok).toBe(host === "");
    expect(appOrigin({ trustForwardedHeaders: false }, h({ host: host || "x y" })).ok).toBe(false);
  });

  it("refuses a forwarded protocol other than http or https", () => {
    expect(appOrigin({ trustForwardedHeaders: true }, h({ "x-forwarded-host": "taper.example.org", "x-forwarded-proto": "javascript" })).ok).toBe(false);
  });
});

/** The route handlers with a given configuration (loadConfig caches per module instance: a fresh import each time). */
async function routes(config: Record<string, unknown>) {
  vi.resetModules();
  vi.stubEnv("SMART_CONFIG_JSON", JSON.stringify(config));
  const launch = await import("@/app/launch.html/route");
  const manifest = await import("@/app/smart-app.json/route");
  return { launch: launch.GET, manifest: manifest.GET };
}

const ISSUER = { id: "ehr", name: "EHR", iss: "https://ehr.example.org/fhir", clientId: "c1" };

/** The options JSON the launch page hands to fhirclient. */
async function launchOptions(res: Response): Promise<Record<string, unknown>> {
  const html = await res.text();
  const json = /<script type="application\/json" id="smart-launch-options">([^<]*)<\/script>/.exec(html)?.[1] ?? "null";
  const parsed: unknown = JSON.parse(json);
  return typeof parsed === "object" && parsed !== null ? Object.fromEntries(Object.entries(parsed)) : {};
}

afterEach(() => vi.unstubAllEnvs());

describe("GET /launch.html and /smart-app.json: the redirect URI follows the request's host", () => {
  // `next start -H 127.0.0.1` hands the handler a request.url of http://localhost:<port> whatever the Host header says
  const nextStartUrl = "http://localhost:3100/launch.html?iss=https%3A%2F%2Fehr.example.org%2Ffhir&launch=abc";

  it("opened as 127.0.0.1: redirect_uri and manifest say 127.0.0.1, not next start's own name", async () => {
    const { launch, manifest } = await routes({ issuers: [ISSUER] });
    const res = await launch(new Request(nextStartUrl, { headers: { host: "127.0.0.1:3100" } }));
    expect(res.status).toBe(200);
    expect(await launchOptions(res)).toMatchObject({ redirectUri: "http://127.0.0.1:3100/", launch: "abc" });
    expect(res.headers.get("strict-transport-security")).toBeNull();
    const m: unknown = await manifest(new Request("http://localhost:3100/smart-app.json", { headers: { host: "127.0.0.1:3100" } })).json();
    expect(m).toMatchObject({ launch_url: "http://127.0.0.1:3100/launch.html", redirect_uris: ["http://127.0.0.1:3100/"] });
  });

  it("behind a trusted proxy: the forwarded host, over HTTPS, with HSTS", async () => {
    const { launch } = await routes({ trustForwardedHeaders: true, issuers: [ISSUER] });
    const res = await launch(new Request(nextStartUrl, { headers: { host: "10.1.2.3:3000", "x-forwarded-host": "taper.example.org", "x-forwarded-proto": "https" } }));
    expect(await launchOptions(res)).toMatchObject({ redirectUri: "https://taper.example.org/" });
    expect(res.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
  });

  it("a public host name with nothing configured: a page that says what to set, no redirect anywhere", async () => {
    const { launch, manifest } = await routes({ issuers: [ISSUER] });
    const res = await launch(new Request(nextStartUrl, { headers: { host: "taper.example.org" } }));
    expect(res.status).toBe(500);
    const html = await res.text();
    expect(html).toContain("appBaseUrl");
    expect(html).not.toContain("smart-launch-options");
    expect((await manifest(new Request("http://localhost:3100/smart-app.json", { headers: { host: "taper.example.org" } }))).status).toBe(500);
  });

  it("appBaseUrl (https): used whatever the headers say, with HSTS", async () => {
    const { launch } = await routes({ appBaseUrl: "https://taper.example.org", issuers: [ISSUER] });
    const res = await launch(new Request(nextStartUrl, { headers: { host: "127.0.0.1:3100", "x-forwarded-host": "evil.example" } }));
    expect(await launchOptions(res)).toMatchObject({ redirectUri: "https://taper.example.org/" });
    expect(res.headers.get("strict-transport-security")).toContain("max-age=");
  });
});

describe("the launch page is built without string-replacement patterns (issue 19.8)", () => {
  it.each(["$'", "$`", "$$", "$&", "a$'b$`c$$d$&e", "__CSP_NONCE__", "</script><script>alert(1)</script>"])("a launch value %j arrives unchanged and the page stays whole", async (value) => {
    const { launch } = await routes({ issuers: [ISSUER] });
    const url = `http://localhost:3100/launch.html?iss=${encodeURIComponent(ISSUER.iss)}&launch=${encodeURIComponent(value)}`;
    const res = await launch(new Request(url, { headers: { host: "localhost:3100" } }));
    expect(res.status).toBe(200);
    const html = await res.clone().text();
    expect(await launchOptions(res)).toMatchObject({ launch: value, iss: ISSUER.iss });
    expect(html.match(/<script/g)?.length).toBe(3); // options JSON, fhir-client.js, the inline starter
    expect(html).not.toContain("__LAUNCH_OPTIONS__");
    expect(html).toMatch(/<\/html>\s*$/);
    const nonce = /'nonce-([0-9a-f]+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1] ?? "";
    expect(html.split(`nonce="${nonce}"`).length - 1).toBe(3);
  });
});
