/**
 * Locates the system Chromium used by Playwright (browsers cannot be downloaded on
 * these machines: `npx playwright install` fails). Debian package: `chromium`.
 * CHROMIUM_PATH overrides the default /usr/bin/chromium.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Flags for headless Chromium on a closed network (no background connections). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--disable-dev-shm-usage",
];

const INSTALL_HINT = `System Chromium not found at ${CHROMIUM_PATH}.
Install it with:   sudo apt-get update && sudo apt-get install -y chromium
(or set CHROMIUM_PATH to an existing Chromium/Chrome binary). Playwright's own browser download is not used.`;

/**
 * Ensures Chromium is present. As root with apt-get available (CI), installs it;
 * otherwise prints how to and returns false.
 */
export function ensureChromium() {
  if (existsSync(CHROMIUM_PATH)) return true;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get") && !process.env.CHROMIUM_PATH) {
    console.error("Chromium is missing: installing Debian's chromium with apt-get (running as root).");
    try {
      execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
      execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium", "fonts-liberation"], {
        stdio: "inherit",
        env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
      });
    } catch {
      console.error(INSTALL_HINT);
      return false;
    }
    if (existsSync(CHROMIUM_PATH)) return true;
  }
  console.error(INSTALL_HINT);
  return false;
}
