/**
 * GET /launch.html: the SMART launch URL registered with EHRs.
 * Serves the top-level launch.html (single source of truth) after the issuer check in
 * lib/smart/launch-request.ts. A route handler (not public/) so the check runs on the
 * server and the same file is served under `next dev` and `next start`.
 * The redirect URI is built from the app's public origin (lib/smart/app-origin: appBaseUrl,
 * trusted forwarded headers, or a loopback Host), never from `request.url`.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { loadConfig } from "@/lib/config";
import { appOrigin } from "@/lib/smart/app-origin";
import { decideLaunch, type LaunchDecision } from "@/lib/smart/launch-request";
import { launchConnectOrigins, renderDecisionPage, renderLaunchPage } from "@/lib/smart/launch-page";
import { HSTS } from "@/lib/smart/security-headers";

export const dynamic = "force-dynamic";

let template: Promise<string> | undefined;
function loadTemplate(): Promise<string> {
  if (!template || process.env.NODE_ENV === "development") template = readFile(join(/*turbopackIgnore: true*/ process.cwd(), "launch.html"), "utf8");
  return template;
}

const BASE_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
};

export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const config = loadConfig();
  const frameAncestors = config.frameAncestors.join(" ") || "'none'";
  const origin = appOrigin(config, request.headers);
  const hsts: Record<string, string> = origin.ok && origin.https ? { "strict-transport-security": HSTS } : {};
  const decision: LaunchDecision = origin.ok
    ? decideLaunch(url.searchParams, config, origin.origin)
    : { kind: "refuse", status: 500, title: "This app's address is not configured", message: origin.message };
  if (decision.kind !== "authorize") {
    return new Response(renderDecisionPage(decision), {
      status: decision.kind === "refuse" ? decision.status : 200,
      headers: {
        ...BASE_HEADERS,
        ...hsts,
        "content-security-policy": `default-src 'none'; style-src 'self'; frame-ancestors ${frameAncestors}; base-uri 'none'; form-action 'none'`,
      },
    });
  }
  const nonce = crypto.randomUUID().replace(/-/g, "");
  const html = renderLaunchPage(await loadTemplate(), decision.options, nonce);
  const connect = launchConnectOrigins(decision.issuer, decision.options.iss).join(" ");
  const ancestors = [...config.frameAncestors, ...decision.issuer.frameAncestors].join(" ") || "'none'";
  return new Response(html, {
    status: 200,
    headers: {
      ...BASE_HEADERS,
      ...hsts,
      "content-security-policy": `default-src 'none'; script-src 'self' 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src ${connect}; frame-ancestors ${ancestors}; base-uri 'none'; form-action 'none'`,
    },
  });
}
