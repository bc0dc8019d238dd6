/**
 * GET /cds/sign?patient=..&order=..: the sandbox's "Sign order" screen. The clinician picks a
 * draft opioid order; on "Sign order" the sandbox calls the app's order-sign CDS service
 * (./client.ts) and shows the cards as an EHR would: indicator, summary, details, source,
 * suggestions (shown, not applied: the sandbox does not write them) and links; a `smart` link
 * launches the app for this patient in the simulated EHR frame (/ehr), with the card's
 * appContext shown beside it. Plain HTML, no script (sandbox/page.ts).
 */
import type { ServerResponse } from "node:http";
import type { CdsCard, CdsLink } from "@/lib/cds";
import type { Directory } from "../directory";
import { escapeHtml, sendHtml } from "../http";
import { encodeLaunchOptions } from "../launch-options";
import { errorBody, pageCsp, renderPage } from "../page";
import { callOrderSign, type CdsClientDeps } from "./client";
import { DRAFT_CHOICES, draftOrder } from "./orders";

export interface SignOrderDeps extends CdsClientDeps {
  directory: Directory;
  appLaunchUrl: string;
  /** The sandbox's day (YYYY-MM-DD): the draft order's authoredOn. */
  today: string;
}

const INDICATOR_STYLE: Record<string, string> = {
  info: "border-left:6px solid #0a4ba8",
  warning: "border-left:6px solid #bf5700",
  critical: "border-left:6px solid #b42318",
};

/** Card detail (Markdown) shown as text: paragraphs and "- " list items, nothing interpreted. */
function detailHtml(detail: string): string {
  const blocks = detail.split(/\n\s*\n/);
  return blocks.map((block) => {
    const lines = block.split("\n");
    if (lines.every((l) => l.startsWith("- "))) return `<ul>${lines.map((l) => `<li>${escapeHtml(l.slice(2))}</li>`).join("")}</ul>`;
    return `<p>${lines.map(escapeHtml).join("<br>")}</p>`;
  }).join("");
}

function linkHtml(link: CdsLink, deps: SignOrderDeps, patientId: string, practitionerId: string | null): string {
  if (link.type === "smart") {
    const code = encodeLaunchOptions({ patient: patientId, ...(practitionerId ? { practitioner: practitionerId } : {}), simEhr: true });
    const launchUrl = new URL(link.url);
    const href = `/ehr?launch=${code}&app=${encodeURIComponent(launchUrl.toString())}`;
    return `<a class="button" href="${escapeHtml(href)}">${escapeHtml(link.label)}</a> <span class="hint">SMART launch of ${escapeHtml(launchUrl.origin)}; appContext <code>${escapeHtml(link.appContext ?? "none")}</code></span>`;
  }
  return `<a href="${escapeHtml(link.url)}" rel="noreferrer">${escapeHtml(link.label)}</a>`;
}

function cardHtml(card: CdsCard, deps: SignOrderDeps, patientId: string, practitionerId: string | null): string {
  const suggestions = (card.suggestions ?? []).map((s) => `<li><button type="button" disabled>${escapeHtml(s.label)}</button> <span class="hint">${escapeHtml((s.actions ?? []).map((a) => `${a.type}: ${a.description}`).join("; "))} (not applied in the sandbox)</span></li>`);
  const reasons = (card.overrideReasons ?? []).map((r) => `<li>${escapeHtml(r.display ?? r.code)}</li>`);
  return `<article class="cds-card" data-indicator="${escapeHtml(card.indicator)}" style="background:#fff;padding:.75rem 1rem;margin:.75rem 0;${INDICATOR_STYLE[card.indicator] ?? ""}">
  <p class="hint" style="margin:0">${escapeHtml(card.indicator.toUpperCase())} · ${card.source.url ? `<a href="${escapeHtml(card.source.url)}" rel="noreferrer">${escapeHtml(card.source.label)}</a>` : escapeHtml(card.source.label)}</p>
  <h3 style="margin:.25rem 0">${escapeHtml(card.summary)}</h3>
  ${card.detail ? `<details open><summary>Details</summary>${detailHtml(card.detail)}</details>` : ""}
  ${suggestions.length ? `<p style="margin:.5rem 0 0"><strong>Suggestions</strong> (${escapeHtml(card.selectionBehavior ?? "")}):</p><ul>${suggestions.join("")}</ul>` : ""}
  ${(card.links ?? []).map((l) => `<p>${linkHtml(l, deps, patientId, practitionerId)}</p>`).join("")}
  ${reasons.length ? `<details><summary>Override reasons offered</summary><ul>${reasons.join("")}</ul></details>` : ""}
</article>`;
}

/** The sign-order screen; `sign=1` in the query calls the service with the chosen draft order. */
export async function handleSignOrder(deps: SignOrderDeps, res: ServerResponse, query: URLSearchParams): Promise<void> {
  const patientId = query.get("patient") ?? "";
  const person = (await deps.directory.patients()).find((p) => p.id === patientId);
  if (person === undefined) return sendHtml(res, 404, renderPage("Sandbox EHR", "Sign order", errorBody("No such patient", "Open this screen from the launcher.")), pageCsp());
  const practitionerId = (await deps.directory.practitioners())[0]?.id ?? null;
  const choice = DRAFT_CHOICES.find((c) => c.id === query.get("order")) ?? DRAFT_CHOICES[0];
  if (choice === undefined) throw new Error("no draft choices");
  const options = DRAFT_CHOICES.map((c) => `<label class="choice"><input type="radio" name="order" value="${escapeHtml(c.id)}"${c.id === choice.id ? " checked" : ""}> ${escapeHtml(c.label)}</label>`).join("");
  let results = "";
  if (query.get("sign") === "1") {
    const outcome = await callOrderSign(deps, patientId, practitionerId, draftOrder(choice, patientId, practitionerId, deps.today));
    if (!outcome.ok) results = errorBody("The CDS service could not be called", outcome.message);
    else if (outcome.response.cards.length === 0) results = `<section aria-labelledby="cards"><h2 id="cards">CDS cards</h2><p>No cards.${outcome.response.extension ? ` <span class="hint">${escapeHtml(JSON.stringify(outcome.response.extension))}</span>` : ""}</p></section>`;
    else results = `<section aria-labelledby="cards"><h2 id="cards">CDS cards (${outcome.response.cards.length})</h2>${outcome.response.cards.map((c) => cardHtml(c, deps, patientId, practitionerId)).join("")}</section>`;
  }
  const body = `
<p class="hint" aria-label="Patient banner"><strong>${escapeHtml(person.name)} · born ${escapeHtml(person.birthDate ?? "unknown")} · id ${escapeHtml(person.id)}</strong></p>
<form method="get" action="/cds/sign">
  <input type="hidden" name="patient" value="${escapeHtml(patientId)}">
  <input type="hidden" name="sign" value="1">
  <fieldset><legend>Draft order</legend>${options}</fieldset>
  <button type="submit">Sign order</button>
  <a class="button secondary" href="/">Back to the launcher</a>
</form>
<p class="hint">Signing calls the app's CDS Hooks service <code>opioid-mme-order-sign</code> (hook <code>order-sign</code>) at ${escapeHtml(deps.appOrigin)} with this draft, the prefetch filled from this EHR's FHIR server and a signed client JWT. Nothing is written.</p>
${results}`;
  sendHtml(res, 200, renderPage("Sandbox EHR", "Sign order: CDS Hooks order-sign", body), pageCsp());
}
