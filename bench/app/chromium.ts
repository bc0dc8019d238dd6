/**
 * System Chromium and its flags, from scripts/chromium.mjs (the same binary and flags as the
 * e2e tests; Playwright's own browser download is not possible on these machines).
 */
// @ts-expect-error: plain ESM helper shared with the e2e runner (no type declarations)
import { CHROMIUM_ARGS, CHROMIUM_PATH, ensureChromium } from "../../scripts/chromium.mjs";

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((s) => typeof s === "string");
}

/** The executable and flags, or null when Chromium is missing (ensureChromium says how to install it). */
export function chromiumSetup(): { path: string; args: string[] } | null {
  const ensure: unknown = ensureChromium;
  const path: unknown = CHROMIUM_PATH;
  const args: unknown = CHROMIUM_ARGS;
  if (typeof ensure !== "function" || typeof path !== "string" || !isStringArray(args)) return null;
  return ensure() === true ? { path, args } : null;
}
