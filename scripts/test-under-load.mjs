#!/usr/bin/env node
/**
 * npm run test:under-load: the proof that the tests hold on a busy machine (issue 14.7). Runs the unit
 * suite (Vitest) and the end-to-end suite (Playwright, reusing the production build when there is one)
 * at the same time, each the other's CPU-heavy neighbour on a 2-core machine, and fails unless both pass.
 * No retries anywhere: a test that fails once fails this run. CI runs it after `npm test` (.ci/run).
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", E2E_SKIP_BUILD: existsSync(".next/BUILD_ID") ? "1" : (process.env.E2E_SKIP_BUILD ?? "0") };

/** Runs a command with its output prefixed; resolves with its exit code and duration. */
function run(name, command, args) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    const prefix = (chunk) => chunk.toString().replace(/^(?=.)/gm, `[${name}] `);
    child.stdout.on("data", (c) => process.stdout.write(prefix(c)));
    child.stderr.on("data", (c) => process.stderr.write(prefix(c)));
    child.on("close", (code, signal) => resolve({ name, code: code ?? (signal ? 1 : 0), seconds: Math.round((Date.now() - started) / 1000) }));
  });
}

const results = await Promise.all([
  run("unit", "npx", ["vitest", "run"]),
  run("e2e", "node", ["scripts/run-e2e.mjs"]),
]);
for (const r of results) console.log(`== ${r.name} suite beside the other: ${r.code === 0 ? "passed" : `FAILED (exit ${r.code})`} in ${r.seconds} s`);
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
