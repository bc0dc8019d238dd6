import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { STANDIN_ORIGIN } from "./support/ports";

/**
 * /launch.html must be the same page under `next dev` as under `next start` (the other
 * tests run against `next start`). Starts `next dev` on its own port for this one check.
 */
const DEV_PORT = Number(process.env.E2E_DEV_PORT ?? 3199);
let dev: ChildProcess | undefined;

test.beforeAll(async () => {
  dev = spawn("npx", ["next", "dev", "-p", String(DEV_PORT), "-H", "127.0.0.1"], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      SMART_CONFIG_JSON: JSON.stringify({ issuers: [{ id: "stand-in", name: "Stand-in EHR", iss: `${STANDIN_ORIGIN}/fhir`, clientId: "e2e-client" }] }),
    },
    stdio: "ignore",
    detached: true,
  });
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      const r = await fetch(`http://127.0.0.1:${DEV_PORT}/launch.html`);
      if (r.status === 200) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error("next dev did not start within 90 s");
    await new Promise((r) => setTimeout(r, 500));
  }
});

test.afterAll(() => {
  if (dev?.pid) process.kill(-dev.pid, "SIGTERM");
});

test("next dev serves the same launch.html", async () => {
  test.setTimeout(120_000);
  const iss = `${STANDIN_ORIGIN}/fhir`;
  const r = await fetch(`http://127.0.0.1:${DEV_PORT}/launch.html?iss=${encodeURIComponent(iss)}&launch=abc`);
  expect(r.status).toBe(200);
  const html = await r.text();
  const source = readFileSync("launch.html", "utf8");
  // Same document: the template's fixed text is there, placeholders are filled.
  const marker = source.match(/<h1 id="launch-title">[^<]*<\/h1>/)?.[0] ?? "missing";
  expect(html).toContain(marker);
  expect(html).not.toContain("__LAUNCH_OPTIONS__");
  expect(html).toContain('"clientId":"e2e-client"');
  expect(r.headers.get("content-security-policy")).toContain("frame-ancestors");
  const script = await fetch(`http://127.0.0.1:${DEV_PORT}/vendor/fhir-client.js`);
  expect(script.status).toBe(200);
  expect(await script.text()).toContain("window.FHIR");
});
