/**
 * The sandbox EHR's "Sign order" screen against the real service code (lib/cds-service/http,
 * served by a small loopback HTTP server standing in for the Next.js route): the sandbox fills
 * the prefetch from its FHIR server, signs its JWT with its own keys (checked by the service
 * against the sandbox's JWKS), and renders the cards with the SMART link into the app.
 */
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { discoveryEndpoint, serviceEndpoint } from "@/lib/cds-service/http";
import type { CdsLogFields } from "@/lib/cds-service/log";
import type { RunningSandbox } from "@/sandbox/server";
import { startTestSandbox } from "../sandbox/helpers";

let sandbox: RunningSandbox;
let app: Server;
let appOrigin = "";
const logs: CdsLogFields[] = [];

beforeAll(async () => {
  let sandboxOrigin = "";
  app = createServer((req, res) => {
    const url = `${appOrigin}${req.url ?? "/"}`;
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const request = new Request(url, { method: req.method ?? "GET", headers, ...(req.method === "POST" ? { body: Buffer.concat(chunks) } : {}) });
      const config = parseConfig({
        appBaseUrl: appOrigin,
        issuers: [{ id: "sandbox", name: "Sandbox", iss: `${sandboxOrigin}/fhir`, clientId: "c" }],
        cds: { clients: [{ id: "sandbox", name: "Sandbox", iss: sandboxOrigin, jwksUrl: `${sandboxOrigin}/auth/jwks`, fhirServers: [`${sandboxOrigin}/fhir`] }] },
      }, "test");
      const ctx = { config, now: () => new Date(), log: (f: CdsLogFields) => logs.push(f) };
      const path = new URL(url).pathname;
      const answer = path === "/cds-services" ? Promise.resolve(discoveryEndpoint(ctx, request)) : serviceEndpoint(ctx, request, path.split("/").pop() ?? "");
      void answer.then(async (r) => {
        res.writeHead(r.status, Object.fromEntries(r.headers.entries()));
        res.end(Buffer.from(await r.arrayBuffer()));
      });
    });
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  const address = app.address();
  appOrigin = `http://localhost:${typeof address === "object" && address !== null ? address.port : 0}`;
  sandbox = await startTestSandbox({ appLaunchUrl: `${appOrigin}/launch.html`, clients: [{ clientId: "opioid-taper-planner", redirectUris: [`${appOrigin}/`], scopes: ["launch", "openid", "fhirUser", "patient/*.rs"] }] });
  sandboxOrigin = sandbox.origin;
});

afterAll(async () => {
  await sandbox.close();
  await new Promise<void>((resolve) => app.close(() => resolve()));
});

describe("sandbox Sign order (CDS Hooks order-sign)", () => {
  it("the launcher links to it for every patient", async () => {
    const html = await (await fetch(`${sandbox.origin}/`)).text();
    expect(html).toContain('href="/cds/sign?patient=otp-oxy-benzo"');
  });

  it("sends the draft with prefetch and a signed JWT, and shows the service's cards and the SMART link", async () => {
    const res = await fetch(`${sandbox.origin}/cds/sign?patient=otp-oxy-benzo&order=oxycodone-10-q6h&sign=1`);
    const html = await res.text();
    expect(res.status).toBe(200);
    // Oscar Oxley: 120 MME/day on file + oxycodone 10 mg q6h (40 mg x 1.5 = 60): 180
    expect(html).toContain("Total 180 MME/day with this order: at or above 90, a point to reassess (CDC 2022)");
    expect(html).toContain("Opioid with a benzodiazepine or other CNS depressant");
    expect(html).toMatch(/href="\/ehr\?launch=[A-Za-z0-9_-]+(?:&amp;|&#38;)app=http%3A%2F%2Flocalhost%3A\d+%2Flaunch.html"/);
    expect(logs.at(-1)).toMatchObject({ event: "cds.call", client: "sandbox", sources: { medications: "prefetch", observations: "prefetch", conditions: "prefetch" } });
  });
});
