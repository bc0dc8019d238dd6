/**
 * `npm run sandbox` as Playwright's webServer and scripts/demo.mjs use it: a port and extra
 * clients on the command line, one "ready" line on stdout, a clean exit on SIGTERM.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it } from "vitest";

describe("sandbox/main.ts", () => {
  it("starts on the given port with extra clients, prints a ready line, and exits 0 on SIGTERM", async () => {
    const child = spawn(
      process.execPath,
      ["--experimental-websocket", "--import", "tsx", "sandbox/main.ts", "--port", "0", "--client", "e2e-client=http://localhost:3100/"],
      { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, SANDBOX_PORT: "" } },
    );
    let output = "";
    const ready = new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const m = /Sandbox EHR ready: launcher (http:\/\/localhost:\d+)\//.exec(output);
        if (m?.[1]) resolve(m[1]);
      });
      child.on("exit", (code) => reject(new Error(`exited early (${String(code)}): ${output}`)));
    });
    try {
      const origin = await ready;
      expect(output).toContain("e2e-client -> http://localhost:3100/");
      expect(await (await fetch(`${origin}/health`)).text()).toBe("ok");
      const q = new URLSearchParams({ response_type: "code", client_id: "e2e-client", redirect_uri: "http://localhost:3100/", scope: "launch/patient patient/Observation.rs", state: "s", aud: `${origin}/fhir`, code_challenge: "x".repeat(43), code_challenge_method: "S256" });
      const authorize = await fetch(`${origin}/auth/authorize?${q.toString()}`, { redirect: "manual" });
      expect(authorize.status).toBe(200);
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      const [code] = await exited;
      expect(code).toBe(0);
      expect(output).toContain("stopping (SIGTERM)");
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  }, 180_000);
});
