#!/usr/bin/env node
/**
 * npm run demo: the app and the local sandbox EHR together, with no external server.
 * 1. builds the production app (`next build`; DEMO_SKIP_BUILD=1 reuses an existing build);
 * 2. starts the sandbox EHR (SANDBOX_PORT, default 4010) and the app (APP_PORT, default 3000)
 *    on loopback; when a port differs from its default, the app gets a matching
 *    SMART_CONFIG_JSON and the sandbox registers the app's redirect URI;
 * 3. prints the launcher URL once both answer;
 * 4. Ctrl-C (or SIGTERM) stops both; if either stops on its own, the other is stopped too.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const DEFAULT_APP_PORT = 3000;
const DEFAULT_SANDBOX_PORT = 4010;
const APP_PORT = port(process.env.APP_PORT, DEFAULT_APP_PORT, "APP_PORT");
const SANDBOX_PORT = port(process.env.SANDBOX_PORT, DEFAULT_SANDBOX_PORT, "SANDBOX_PORT");
const APP_ORIGIN = `http://localhost:${APP_PORT}`;
const SANDBOX_ORIGIN = `http://localhost:${SANDBOX_PORT}`;
const distDir = process.env.NEXT_DIST_DIR || ".next";
const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function port(value, fallback, name) {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    console.error(`${name} must be a port number (got "${value}")`);
    process.exit(2);
  }
  return n;
}

/** The app's configuration for non-default ports: config/smart.json with the local issuer moved. */
function appConfigJson() {
  if (APP_PORT === DEFAULT_APP_PORT && SANDBOX_PORT === DEFAULT_SANDBOX_PORT) return null;
  const config = JSON.parse(readFileSync("config/smart.json", "utf8"));
  const defaultOrigin = `http://localhost:${DEFAULT_SANDBOX_PORT}`;
  const move = (url) => (typeof url === "string" && url.startsWith(defaultOrigin) ? SANDBOX_ORIGIN + url.slice(defaultOrigin.length) : url);
  config.frameAncestors = [...new Set((config.frameAncestors ?? []).map(move).concat(SANDBOX_ORIGIN))];
  config.issuers = (config.issuers ?? []).map((issuer) => ({
    ...issuer,
    iss: move(issuer.iss),
    ...(issuer.standaloneIss ? { standaloneIss: move(issuer.standaloneIss) } : {}),
    ...(issuer.frameAncestors ? { frameAncestors: issuer.frameAncestors.map(move) } : {}),
  }));
  return JSON.stringify(config);
}

if (process.env.DEMO_SKIP_BUILD !== "1" || !existsSync(join(distDir, "BUILD_ID"))) {
  console.log(`Building the app (next build, into ${distDir})...`);
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: baseEnv });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const configJson = appConfigJson();
const children = [];
let stopping = false;

function start(name, cmd, args, env, onLine) {
  const child = spawn(cmd, args, { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const relay = (stream, out) => {
    let buffer = "";
    stream.on("data", (chunk) => {
      buffer += chunk.toString();
      let nl;
      while ((nl = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        out.write(`[${name}] ${line}\n`);
        onLine?.(line);
      }
    });
  };
  relay(child.stdout, process.stdout);
  relay(child.stderr, process.stderr);
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`${name} stopped (${signal ?? `exit ${code}`}); stopping the demo.`);
      stop(code || 1);
    }
  });
  children.push(child);
  return child;
}

function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const c of children) {
    try {
      if (c.pid && c.exitCode === null) process.kill(-c.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
  }
  setTimeout(() => process.exit(code), 500).unref();
  Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once("exit", r))))).then(() => process.exit(code));
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

let sandboxReady = false;
const sandboxArgs = [
  "--experimental-websocket", "--import", "tsx", "sandbox/main.ts",
  "--port", String(SANDBOX_PORT),
  "--app-launch-url", `${APP_ORIGIN}/launch.html`,
  "--client", `opioid-taper-planner=${APP_ORIGIN}/,http://127.0.0.1:${APP_PORT}/`,
];
start("sandbox", process.execPath, sandboxArgs, baseEnv, (line) => {
  if (line.includes("Sandbox EHR ready")) sandboxReady = true;
});
start("app", "npx", ["next", "start", "-p", String(APP_PORT), "-H", "127.0.0.1"], { ...baseEnv, ...(configJson ? { SMART_CONFIG_JSON: configJson } : {}) });

async function waitUntilUp() {
  for (let i = 0; i < 240 && !stopping; i++) {
    const appUp = await fetch(`http://127.0.0.1:${APP_PORT}/launch.html`).then((r) => r.status < 500, () => false);
    if (appUp && sandboxReady) {
      console.log(`
Opioid Taper Planner demo is running.
  Launcher (open this):  ${SANDBOX_ORIGIN}/
  App:                   ${APP_ORIGIN}/   launch URL ${APP_ORIGIN}/launch.html
  FHIR server (iss):     ${SANDBOX_ORIGIN}/fhir
  Ports: APP_PORT=${APP_PORT} (default ${DEFAULT_APP_PORT}), SANDBOX_PORT=${SANDBOX_PORT} (default ${DEFAULT_SANDBOX_PORT})${configJson ? "\n  Non-default ports: the app runs with a matching SMART_CONFIG_JSON." : ""}
Press Ctrl-C to stop both.
`);
      return;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  if (!stopping) {
    console.error("The app or the sandbox did not come up within 2 minutes; stopping.");
    stop(1);
  }
}
waitUntilUp();
