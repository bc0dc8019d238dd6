#!/usr/bin/env node
/**
 * npm run test:e2e: end-to-end tests in real (system) Chromium against `next start`.
 * 1. makes sure system Chromium is there (installs it with apt-get when root, else says how);
 * 2. builds the app (production build; E2E_SKIP_BUILD=1 reuses an existing .next);
 * 3. runs Playwright (e2e/playwright.config.ts), which starts the servers it needs on loopback.
 * Extra arguments are passed to `playwright test` (e.g. a file or --grep).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { ensureChromium } from "./chromium.mjs";

if (!ensureChromium()) process.exit(1);

const run = (cmd, args, env = {}) => {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (process.env.E2E_SKIP_BUILD !== "1" || !existsSync(".next/BUILD_ID")) {
  run("npx", ["next", "build"]);
}
run("npx", ["playwright", "test", "-c", "e2e/playwright.config.ts", ...process.argv.slice(2)]);
