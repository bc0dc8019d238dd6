#!/usr/bin/env node
/**
 * npm run demo: the app on its embedded default, with no external server.
 * Builds the production app and starts it (APP_PORT, default 3000).
 * The local sandbox EHR (issue "Embedded sandbox EHR") is started here too once it exists.
 * Ctrl-C stops everything.
 */
import { spawn, spawnSync } from "node:child_process";

const APP_PORT = Number(process.env.APP_PORT ?? 3000);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env });
if (build.status !== 0) process.exit(build.status ?? 1);

const children = [];
const app = spawn("npx", ["next", "start", "-p", String(APP_PORT), "-H", "127.0.0.1"], { stdio: "inherit", env, detached: true });
children.push(app);
console.log(`\nOpioid Taper Planner: http://localhost:${APP_PORT}/  (launch URL http://localhost:${APP_PORT}/launch.html)\nPress Ctrl-C to stop.\n`);

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const c of children) {
    try {
      if (c.pid) process.kill(-c.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
  }
  setTimeout(() => process.exit(code), 300);
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));
for (const c of children) c.on("exit", (code) => stop(code ?? 1));
