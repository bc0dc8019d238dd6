/**
 * What the Node.js server does once at start-up (instrumentation.ts):
 * - read and validate the configuration: an invalid one stops the process with its message
 *   (exit 1), instead of failing the first launch;
 * - say, in one line, how the app's public origin will be found (lib/smart/app-origin): without
 *   appBaseUrl or trustForwardedHeaders only loopback host names (a development server) work;
 * - install the method guard on node:http (TRACE and other odd methods get a 405 without a
 *   framework stack trace in the log).
 */
import { Server } from "node:http";
import { loadConfig, type AppConfig } from "@/lib/config";
import { installMethodGuard } from "./method-guard";

/** The start-up line about the public origin. */
export function originNotice(config: AppConfig): string {
  if (config.appBaseUrl) return `Public address: ${new URL(config.appBaseUrl).origin} (appBaseUrl).`;
  if (config.trustForwardedHeaders) return "Public address: from the proxy's X-Forwarded-Host and X-Forwarded-Proto (trustForwardedHeaders).";
  return "Public address: not configured; only requests to localhost, 127.0.0.1 or [::1] are served. Set appBaseUrl (or trustForwardedHeaders behind a proxy) to serve any other host name (docs/registration.md, section 3).";
}

export function startServer(log: (line: string) => void = (line) => console.warn(line), exit: (code: number) => void = (code) => process.exit(code)): void {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (e) {
    log(e instanceof Error ? e.message : String(e));
    exit(1);
    return;
  }
  log(originNotice(config));
  installMethodGuard(Server.prototype);
}
