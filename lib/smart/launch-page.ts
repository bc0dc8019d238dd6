/**
 * Renders the responses of /launch.html (server side): the launch page filled with the
 * issuer's options, the list of EHRs for a standalone launch, or a refusal page.
 * Pages other than the launch page carry no script at all.
 */
import type { IssuerConfig } from "@/lib/config";
import type { AuthorizeOptions, LaunchDecision } from "./launch-request";

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

/** JSON safe to place inside a <script> element (no "</script>", no HTML comment openers). */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/**
 * launch.html with its placeholders filled: the CSP nonce (every `__CSP_NONCE__`) and the
 * options JSON (the one `__LAUNCH_OPTIONS__`). By splitting and joining, never with
 * `String.prototype.replace`, whose replacement string interprets `$&`, `` $` ``, `$'` and `$$`:
 * a `launch` value carrying them rewrote the page or the launch code (issue 19.8).
 */
export function renderLaunchPage(template: string, options: AuthorizeOptions, nonce: string): string {
  const [before, ...after] = template.split("__LAUNCH_OPTIONS__");
  if (before === undefined || after.length !== 1) throw new Error("launch.html must contain __LAUNCH_OPTIONS__ exactly once");
  return [before, jsonForScript(options), after.join("")].map((part, i) => (i === 1 ? part : part.split("__CSP_NONCE__").join(nonce))).join("");
}

function shell(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><title>${escapeHtml(title)}</title><link rel="stylesheet" href="/launch-pages.css"></head><body><main>${body}</main></body></html>`;
}

export function renderDecisionPage(decision: Exclude<LaunchDecision, { kind: "authorize" }>): string {
  if (decision.kind === "refuse") {
    return shell(
      decision.title,
      `<h1>${escapeHtml(decision.title)}</h1><p class="error" role="alert">${escapeHtml(decision.message)}</p>`,
    );
  }
  const items = decision.issuers
    .map((i) => `<li><a href="${escapeHtml(i.href)}">${escapeHtml(i.name)}</a></li>`)
    .join("");
  return shell(
    "Choose your EHR",
    `<h1>Open the Opioid Taper Planner</h1><p>This app is usually opened from inside your EHR, with a patient selected. To sign in directly (standalone launch), choose your EHR:</p><ul>${items || "<li>No EHR is configured for standalone launch.</li>"}</ul>`,
  );
}

/** Origins the launch page may contact: the issuer's FHIR server (SMART discovery) and its auth servers. */
export function launchConnectOrigins(issuer: IssuerConfig, iss: string): string[] {
  const origins = new Set<string>([new URL(iss).origin, new URL(issuer.iss).origin, ...issuer.authOrigins.map((o) => new URL(o).origin)]);
  return [...origins];
}
