/** Shared helpers for the CDS tests: run a request through the service in-process and name its cards. */
import type { CdsCard, CdsResponse } from "@/lib/cds";
import { handleHookCall, type HookCallOptions } from "@/lib/cds-service/handler";
import { cardUuid } from "@/lib/cds-service/ids";

export const CARD_KINDS = ["mme", "naloxone", "cns-depressants", "oud", "patient-summary"] as const;
export type CardKind = (typeof CARD_KINDS)[number];

export const PLANNER_URL = "http://localhost:3000/launch.html";

/** The kind of one of our cards, from its uuid (derived from hook instance, service and kind). */
export function kindOf(card: CdsCard, hookInstance: string, serviceId: string): CardKind | "unknown" {
  return CARD_KINDS.find((k) => cardUuid(hookInstance, serviceId, `card:${k}`) === card.uuid) ?? "unknown";
}

export function serviceFor(hook: unknown): string {
  return hook === "patient-view" ? "opioid-taper-patient-view" : "opioid-mme-order-sign";
}

/** Runs a request offline (prefetch only) and returns the 200 body, failing the test otherwise. */
export async function callService(body: unknown, asOf: string, extra: Partial<HookCallOptions> = {}): Promise<{ response: CdsResponse; kinds: Array<CardKind | "unknown"> }> {
  const hook = typeof body === "object" && body !== null && "hook" in body ? body.hook : undefined;
  const hookInstance = typeof body === "object" && body !== null && "hookInstance" in body && typeof body.hookInstance === "string" ? body.hookInstance : "";
  const serviceId = extra.serviceId ?? serviceFor(hook);
  const result = await handleHookCall({ serviceId, body, asOf, now: new Date(`${asOf}T12:00:00Z`), plannerLaunchUrl: PLANNER_URL, fhirAccess: false, ...extra });
  if (result.status !== 200) throw new Error(`service answered ${result.status}: ${JSON.stringify(result.body)}`);
  return { response: result.body, kinds: result.body.cards.map((c) => kindOf(c, hookInstance, serviceId)) };
}

/** Every text a clinician reads on the response's cards. */
export function cardTexts(response: CdsResponse): string {
  return response.cards.map((c) => [c.summary, c.detail ?? "", ...(c.links ?? []).map((l) => l.label), ...(c.suggestions ?? []).map((s) => s.label)].join("\n")).join("\n");
}
