import { createRequire } from "node:module";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { createNonce, frameAncestorSources, issuerConnectOrigins, pageContentSecurityPolicy, STATIC_SECURITY_HEADERS } from "@/lib/smart/security-headers";
import { proxy } from "@/proxy";

const config = parseConfig(
  {
    frameAncestors: ["https://ehr-web.example.org"],
    issuers: [
      { id: "epic", name: "Epic", iss: "https://fhir.example.org/api/FHIR/R4", clientId: "a", authOrigins: ["https://auth.example.org/oauth2"], frameAncestors: ["https://hyperdrive.example.org/"] },
      { id: "sbx", name: "Sandbox", iss: "https://launch.smarthealthit.org/v/r4", match: "prefix", clientId: "b", standaloneIss: "https://launch.smarthealthit.org/v/r4/fhir" },
      { id: "local", name: "Local", iss: "http://localhost:4010/fhir", clientId: "c", frameAncestors: ["http://localhost:4010"] },
    ],
  },
  "test",
);

describe("pageContentSecurityPolicy", () => {
  it("production policy, directive by directive", () => {
    expect(pageContentSecurityPolicy(config, { nonce: "abc", dev: false }).split("; ")).toEqual([
      "default-src 'self'",
      "script-src 'self' 'nonce-abc'",
      "style-src 'self' 'nonce-abc'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self' https://fhir.example.org https://auth.example.org https://launch.smarthealthit.org http://localhost:4010",
      "frame-src 'none'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors https://ehr-web.example.org https://hyperdrive.example.org http://localhost:4010",
    ]);
  });

  it("development adds only what Next dev needs ('unsafe-eval', inline styles)", () => {
    const csp = pageContentSecurityPolicy(config, { nonce: "n", dev: true });
    expect(csp).toContain("script-src 'self' 'nonce-n' 'unsafe-eval'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
  });

  it("never allows inline or third-party scripts, never a wildcard", () => {
    const csp = pageContentSecurityPolicy(config, { nonce: "n", dev: false });
    const script = csp.split("; ").find((d) => d.startsWith("script-src")) ?? "";
    expect(script).not.toMatch(/unsafe-inline|https?:|\*/);
    expect(csp).not.toContain("*");
  });

  it("frame-ancestors is 'none' only when no EHR origin is configured", () => {
    const bare = parseConfig({ issuers: [{ id: "a", name: "A", iss: "https://a.example/fhir", clientId: "c" }] }, "t");
    expect(frameAncestorSources(bare)).toEqual(["'none'"]);
    expect(issuerConnectOrigins(bare)).toEqual(["https://a.example"]);
  });
});

describe("static headers", () => {
  it("next.config.js sends exactly STATIC_SECURITY_HEADERS on every path, and never X-Frame-Options", async () => {
    const nextConfig: unknown = createRequire(import.meta.url)("../../next.config.js");
    const headersFn = typeof nextConfig === "object" && nextConfig !== null && "headers" in nextConfig ? nextConfig.headers : null;
    if (typeof headersFn !== "function") throw new Error("next.config.js has no headers()");
    const rules: unknown = await headersFn();
    expect(rules).toContainEqual({ source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] });
    expect(JSON.stringify(rules).toLowerCase()).not.toContain("x-frame-options");
  });
});

describe("proxy", () => {
  it("sets a fresh nonce CSP on the response and passes it to the renderer in the request", () => {
    const a = proxy(new NextRequest("http://localhost:3000/?state=x"));
    const b = proxy(new NextRequest("http://localhost:3000/"));
    const csp = a.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(b.headers.get("content-security-policy")).not.toBe(csp);
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(a.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
  });

  it("leaves /launch.html to its route handler's stricter policy", () => {
    expect(proxy(new NextRequest("http://localhost:3000/launch.html?iss=x")).headers.get("content-security-policy")).toBeNull();
  });

  it("nonces do not repeat", () => {
    const nonces = new Set(Array.from({ length: 200 }, () => createNonce()));
    expect(nonces.size).toBe(200);
  });
});
