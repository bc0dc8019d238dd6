import { expect, test, type APIResponse } from "@playwright/test";
import { APP_ORIGIN, STANDIN_ORIGIN } from "./support/ports";

/**
 * Security headers on every response of `next start` (issue 5): a CSP that allows scripts
 * only from the app (nonce, no 'unsafe-inline'), connections only to the app and the
 * configured issuers, frame-ancestors from the configuration and never X-Frame-Options,
 * Referrer-Policy no-referrer, nosniff, a minimal Permissions-Policy; and no third-party
 * request of any kind when pages load.
 */
const ISS = `${STANDIN_ORIGIN}/fhir`;

function directives(csp: string | undefined): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of (csp ?? "").split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), sources);
  }
  return map;
}

function expectStaticHeaders(r: APIResponse, path: string): void {
  const h = r.headers();
  expect(h["referrer-policy"], path).toBe("no-referrer");
  expect(h["x-content-type-options"], path).toBe("nosniff");
  expect(h["permissions-policy"], path).toContain("camera=()");
  expect(h["x-frame-options"], path).toBeUndefined();
  expect(h["content-security-policy"], path).toBeTruthy();
}

function expectFrameAncestorsFromConfig(csp: Map<string, string[]>, path: string): void {
  const ancestors = csp.get("frame-ancestors") ?? [];
  expect(ancestors.length, `${path}: frame-ancestors present`).toBeGreaterThan(0);
  for (const source of ancestors) expect(source, path).toMatch(/^('none'|https?:\/\/[^*\s/]+)$/);
}

test.describe("security headers", () => {
  test("the app page: nonce CSP, connect-src limited to the app and configured issuers", async ({ request }) => {
    const r = await request.get("/?state=abc");
    expect(r.status()).toBe(200);
    expectStaticHeaders(r, "/");
    const csp = directives(r.headers()["content-security-policy"]);
    const script = csp.get("script-src") ?? [];
    expect(script).toContain("'self'");
    expect(script.some((s) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(s))).toBe(true);
    expect(script.join(" ")).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
    const connect = csp.get("connect-src") ?? [];
    expect(connect).toEqual(expect.arrayContaining(["'self'", STANDIN_ORIGIN]));
    for (const source of connect) expect(source).toMatch(/^('self'|https?:\/\/[^*\s/]+)$/);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expectFrameAncestorsFromConfig(csp, "/");
    // The nonce in the header is the one on the page's scripts (Next copies it from the request).
    const nonce = script.find((s) => s.startsWith("'nonce-"))?.slice(7, -1) ?? "missing";
    expect(await r.text()).toContain(`nonce="${nonce}"`);
  });

  test("a fresh nonce per response", async ({ request }) => {
    const a = (await request.get("/")).headers()["content-security-policy"];
    const b = (await request.get("/")).headers()["content-security-policy"];
    expect(a).not.toBe(b);
  });

  for (const [name, path] of [
    ["launch page: EHR list", "/launch.html"],
    ["launch page: authorize", `/launch.html?iss=${encodeURIComponent(ISS)}&launch=x`],
    ["launch page: unknown iss refused", `/launch.html?iss=${encodeURIComponent("https://evil.example/fhir")}&launch=x`],
    ["registration manifest", "/smart-app.json"],
    ["issuer config", `/api/issuer-config?iss=${encodeURIComponent(ISS)}`],
    ["vendored fhirclient", "/vendor/fhir-client.js"],
    ["public file", "/logo.svg"],
    ["404 page", "/no-such-page"],
  ] as const) {
    test(`headers on the ${name}`, async ({ request }) => {
      const r = await request.get(path);
      expectStaticHeaders(r, path);
      const csp = directives(r.headers()["content-security-policy"]);
      expect(csp.get("object-src") ?? csp.get("default-src"), path).toEqual(["'none'"]);
      expect(csp.get("base-uri"), path).toEqual(["'none'"]);
      expectFrameAncestorsFromConfig(csp, path);
    });
  }

  test("headers on a Next build asset", async ({ page, request }) => {
    await page.goto("/");
    const src = await page.locator("script[src^='/_next/static/']").first().getAttribute("src");
    expect(src).toBeTruthy();
    const r = await request.get(src ?? "");
    expect(r.status()).toBe(200);
    expectStaticHeaders(r, "asset");
  });

  test("pages load with no CSP violation and no third-party request", async ({ page }) => {
    const violations: string[] = [];
    const offsite: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    page.on("request", (r) => {
      if (!r.url().startsWith(APP_ORIGIN) && !r.url().startsWith("data:")) offsite.push(r.url());
    });
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Open this app from your EHR" })).toBeVisible();
    await page.goto("/launch.html");
    await page.goto("/?state=not-a-session");
    await page.waitForLoadState("networkidle");
    expect(violations).toEqual([]);
    expect(offsite).toEqual([]);
  });
});
