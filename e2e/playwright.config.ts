import { defineConfig } from "@playwright/test";
// @ts-expect-error: plain ESM helper shared with the test runner script
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../scripts/chromium.mjs";
import { APP_ORIGIN, APP_PORT, E2E_CLIENT_ID, LAUNCHER_STYLE_STANDALONE_ISS, SANDBOX_ISS, SANDBOX_ORIGIN, SANDBOX_PORT, STANDIN_ORIGIN, STANDIN_PORT } from "./support/ports";

/**
 * Issuers known to the app under test: the local sandbox EHR, the same sandbox under the public
 * launcher's URL shapes (`/v/r4/sim/{code}/fhir`, matched by prefix as config/smart.json matches
 * launch.smarthealthit.org), and a discovery-only stand-in.
 */
const testConfig = {
  appName: "Opioid Taper Planner",
  frameAncestors: [SANDBOX_ORIGIN],
  // printed on the patient handout (fictional 555-01xx numbers)
  clinic: { name: "Sandbox Family Clinic", phone: "(555) 010-0100", afterHoursPhone: "(555) 010-0199" },
  issuers: [
    { id: "sandbox", name: "Sandbox EHR (e2e)", iss: SANDBOX_ISS, clientId: E2E_CLIENT_ID, requestRefresh: true },
    { id: "launcher-style", name: "Sandbox EHR, public-launcher paths (e2e)", iss: `${SANDBOX_ORIGIN}/v/r4`, match: "prefix", standaloneIss: LAUNCHER_STYLE_STANDALONE_ISS, clientId: E2E_CLIENT_ID },
    { id: "stand-in", name: "Stand-in EHR", iss: `${STANDIN_ORIGIN}/fhir`, clientId: E2E_CLIENT_ID },
  ],
  // The sandbox EHR as a CDS Hooks client ("Sign order"): its JWT issuer, JWKS and FHIR server.
  cds: { clients: [{ id: "sandbox", name: "Sandbox EHR (e2e)", iss: SANDBOX_ORIGIN, jwksUrl: `${SANDBOX_ORIGIN}/auth/jwks`, fhirServers: [SANDBOX_ISS] }] },
};

export default defineConfig({
  testDir: ".",
  testMatch: /.*\.spec\.ts$/,
  outputDir: "../test-results",
  // Sized for a busy 2-core machine (CI runs this suite beside the unit suite: npm run test:under-load).
  // A timeout catches a hang, not a slow machine; one screen per test keeps each budget small.
  // No retries: a test that fails once fails the run.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 2,
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
      command: `node --experimental-websocket --import tsx sandbox/main.ts --port ${SANDBOX_PORT} --client ${E2E_CLIENT_ID}=${APP_ORIGIN}/,http://127.0.0.1:${APP_PORT}/ --app-launch-url ${APP_ORIGIN}/launch.html`,
      url: `${SANDBOX_ORIGIN}/health`,
      cwd: "..",
      reuseExistingServer: false,
      timeout: 180_000,
    },
    {
      command: `npx next start -p ${APP_PORT} -H 127.0.0.1`,
      url: `${APP_ORIGIN}/launch.html`,
      cwd: "..",
      reuseExistingServer: false,
      env: { SMART_CONFIG_JSON: JSON.stringify(testConfig), NEXT_TELEMETRY_DISABLED: "1" },
      timeout: 180_000,
    },
  ],
});
