/** Odd HTTP methods get a 405 before the framework sees them (issue 19.8: TRACE logged a stack trace). */
import { request as httpRequest, Server } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it, vi } from "vitest";
import { installMethodGuard, isAllowedMethod } from "@/lib/smart/method-guard";

/** A subclass, so the guard is installed on its prototype only (node:http's own stays untouched for the other tests). */
class GuardedServer extends Server {}

function send(port: number, method: string): Promise<{ status: number; allow: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, method, path: "/" }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, allow: res.headers.allow, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("method guard", () => {
  it("lets GET, HEAD, POST and OPTIONS through; refuses TRACE, PROPFIND, DELETE... with 405 and Allow, before any listener runs", async () => {
    installMethodGuard(GuardedServer.prototype);
    installMethodGuard(GuardedServer.prototype); // idempotent
    const seen: string[] = [];
    const server = new GuardedServer((req, res) => {
      seen.push(req.method ?? "");
      res.end("app");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as AddressInfo).port;
    try {
      for (const m of ["GET", "POST", "OPTIONS"]) expect((await send(port, m)).status).toBe(200);
      for (const m of ["TRACE", "PROPFIND", "MKCOL", "DELETE", "PATCH"]) {
        expect(await send(port, m)).toEqual({ status: 405, allow: "GET, HEAD, POST, OPTIONS", body: "" });
      }
      // a verb Node's parser does not know never reaches a listener either (400 from node:http itself)
      expect((await send(port, "FOO")).status).toBe(400);
      expect(seen).toEqual(["GET", "POST", "OPTIONS"]);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it("leaves node:http's own Server alone when installed on a subclass", () => {
    expect(Object.prototype.hasOwnProperty.call(Server.prototype, "emit")).toBe(false);
    expect(isAllowedMethod("HEAD")).toBe(true);
    expect(isAllowedMethod(undefined)).toBe(false);
  });
});

describe("server start-up (instrumentation.ts)", () => {
  it("an invalid configuration stops the process with its message, before anything is installed", async () => {
    vi.resetModules();
    vi.stubEnv("SMART_CONFIG_JSON", JSON.stringify({ issuers: [] }));
    const { startServer } = await import("@/lib/smart/server-start");
    const lines: string[] = [];
    const exits: number[] = [];
    startServer((l) => lines.push(l), (c) => exits.push(c));
    expect(exits).toEqual([1]);
    expect(lines.join("\n")).toContain("issuers: at least one issuer");
    expect(Object.prototype.hasOwnProperty.call(Server.prototype, "emit")).toBe(false);
    vi.unstubAllEnvs();
  });

  it("says at start-up how the public address is found", async () => {
    const { originNotice } = await import("@/lib/smart/server-start");
    const { parseConfig } = await import("@/lib/config");
    const issuers = [{ id: "a", name: "A", iss: "https://a.example/fhir", clientId: "c" }];
    expect(originNotice(parseConfig({ appBaseUrl: "https://taper.example.org/", issuers }, "t"))).toBe("Public address: https://taper.example.org (appBaseUrl).");
    expect(originNotice(parseConfig({ trustForwardedHeaders: true, issuers }, "t"))).toContain("X-Forwarded-Host");
    expect(originNotice(parseConfig({ issuers }, "t"))).toMatch(/only requests to localhost.*Set appBaseUrl/);
  });
});
