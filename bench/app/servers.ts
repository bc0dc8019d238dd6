/**
 * The two servers of the browser benchmarks, on loopback and free ports: the sandbox EHR
 * (sandbox/main.ts, registering this app's redirect URI for the client id) and the app's
 * production build (`next start` on .bench/next, with SMART_CONFIG_JSON listing the sandbox as
 * its only issuer). Each is started detached (its own process group) and stopped by id.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { killGroup, onCleanup } from "../cleanup";
import { BENCH_DIST_DIR } from "./build";

export const BENCH_CLIENT_ID = "bench-client";

/** A free TCP port on 127.0.0.1 (asked of the OS, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}

export interface Servers {
  appOrigin: string;
  sandboxOrigin: string;
  iss: string;
  stop(): Promise<void>;
}

function startDetached(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (c: Buffer) => {
    output = (output + c.toString("utf8")).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  onCleanup(() => killGroup(child));
  return { child, output: () => output };
}

async function waitFor(what: string, ready: () => Promise<boolean>, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited (${child.exitCode}): ${output().slice(-800)}`);
    if (await ready()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not start within ${timeoutMs / 1000} s: ${output().slice(-800)}`);
}

const answers = (url: string) => () => fetch(url).then((r) => r.status < 500, () => false);

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once("exit", () => r()));
}

/** Starts the sandbox and the app; resolves once both answer. */
export async function startServers(repoRoot: string): Promise<Servers> {
  const [appPort, sandboxPort] = [await freePort(), await freePort()];
  const appOrigin = `http://localhost:${appPort}`;
  const sandboxOrigin = `http://localhost:${sandboxPort}`;
  const iss = `${sandboxOrigin}/fhir`;
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  const sandbox = startDetached(process.execPath, [
    "--experimental-websocket", "--import", "tsx", "sandbox/main.ts", "--port", String(sandboxPort),
    "--client", `${BENCH_CLIENT_ID}=${appOrigin}/`, "--app-launch-url", `${appOrigin}/launch.html`,
  ], repoRoot, env);
  const config = {
    appName: "Opioid Taper Planner",
    frameAncestors: [],
    issuers: [{ id: "bench-sandbox", name: "Sandbox EHR (benchmark)", iss, clientId: BENCH_CLIENT_ID, scopeStyle: "v2", requestRefresh: true }],
  };
  const app = startDetached(process.execPath, [join(repoRoot, "node_modules/next/dist/bin/next"), "start", "-p", String(appPort), "-H", "127.0.0.1"], repoRoot, {
    ...env, NEXT_DIST_DIR: BENCH_DIST_DIR, SMART_CONFIG_JSON: JSON.stringify(config),
  });
  await waitFor("sandbox EHR", answers(`http://127.0.0.1:${sandboxPort}/health`), sandbox.child, sandbox.output, 60_000);
  await waitFor("next start", answers(`http://127.0.0.1:${appPort}/launch.html`), app.child, app.output, 60_000);
  return {
    appOrigin, sandboxOrigin, iss,
    async stop() {
      killGroup(app.child);
      killGroup(sandbox.child);
      await Promise.race([Promise.all([exited(app.child), exited(sandbox.child)]), new Promise((r) => setTimeout(r, 5000))]);
    },
  };
}
