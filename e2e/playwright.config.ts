import { defineConfig } from "@playwright/test";
// @ts-expect-error: plain ESM helper shared with the test runner script
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../scripts/chromium.mjs";
import { APP_ORIGIN, APP_PORT, STANDIN_ORIGIN, STANDIN_PORT } from "./support/ports";

/** Issuers known to the app under test. */
const testConfig = {
  appName: "Opioid Taper Planner",
  frameAncestors: [],
  issuers: [
    { id: "stand-in", name: "Stand-in EHR", iss: `${STANDIN_ORIGIN}/fhir`, clientId: "e2e-client" },
  ],
};

export default defineConfig({
  testDir: ".",
  testMatch: /.*\.spec\.ts$/,
  outputDir: "../test-results",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: APP_ORIGIN,
    browserName: "chromium",
    headless: true,
    launchOptions: { executablePath: CHROMIUM_PATH as string, args: CHROMIUM_ARGS as string[] },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  webServer: [
    {
      command: `node e2e/support/stand-in-ehr.mjs ${STANDIN_PORT}`,
      url: `${STANDIN_ORIGIN}/health`,
      cwd: "..",
      reuseExistingServer: false,
    },
    {
      command: `npx next start -p ${APP_PORT} -H 127.0.0.1`,
      url: `${APP_ORIGIN}/launch.html`,
      cwd: "..",
      reuseExistingServer: false,
      env: { SMART_CONFIG_JSON: JSON.stringify(testConfig), NEXT_TELEMETRY_DISABLED: "1" },
      timeout: 60_000,
    },
  ],
});
