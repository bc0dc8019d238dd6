/** Loopback ports used by the e2e run (distinct from `npm run demo`'s defaults so both can run). */
export const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
export const STANDIN_PORT = Number(process.env.E2E_STANDIN_PORT ?? 4199);
export const SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 4110);
export const APP_ORIGIN = `http://localhost:${APP_PORT}`;
export const STANDIN_ORIGIN = `http://localhost:${STANDIN_PORT}`;
export const SANDBOX_ORIGIN = `http://localhost:${SANDBOX_PORT}`;
export const SANDBOX_ISS = `${SANDBOX_ORIGIN}/fhir`;
export const E2E_CLIENT_ID = "e2e-client";

/**
 * The standalone `iss` of the sandbox under the public launcher's URL shapes: the launch options
 * (provider standalone, nobody preselected) ride in the path, as config/smart.json's
 * `standaloneIss` for launch.smarthealthit.org does. Written out (not computed) so this file
 * stays free of the sandbox's modules: `encodeLauncherCode("provider-standalone")`.
 */
export const LAUNCHER_STANDALONE_CODE = "WzIsIiIsIiIsIkFVVE8iLDAsMCwwLCIiLCIiLCIiLCIiLCIiLCIiLCIiLDAsMSwiIl0";
export const LAUNCHER_STYLE_STANDALONE_ISS = `${SANDBOX_ORIGIN}/v/r4/sim/${LAUNCHER_STANDALONE_CODE}/fhir`;
