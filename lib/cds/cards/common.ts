/**
 * Pieces shared by the cards: the SMART link into the planner, the readiness findings a card
 * reads, whether taper wording is allowed, and the order lines of a detail.
 */
import type { Finding, FindingId, FindingOf, FindingOutcomes, OrderMme, ReadinessResult } from "@/lib/domain";
import { formatMme, isCurrentOpioidOrder } from "@/lib/mme";
import type { CdsEvaluationInput } from "../inputs";
import { md } from "../text";
import type { CdsLink } from "../types";

/**
 * The `smart` link that launches the app for the patient in context (CDS Hooks 2.0 "Link":
 * the client adds `iss` and `launch`). `appContext` tells the app which view to open and
 * which service sent the clinician; it carries no patient data (the launch has the patient).
 */
export function plannerLink(input: CdsEvaluationInput, view: "plan" | "review"): CdsLink {
  return {
    label: view === "plan" ? "Open the Opioid Taper Planner for this patient" : "Review doses and cautions in the Opioid Taper Planner",
    url: input.plannerLaunchUrl,
    type: "smart",
    appContext: JSON.stringify({ view, service: input.serviceId }),
  };
}

/** The readiness finding with this id, typed by its id, if the engine produced it. */
export function findingById<Id extends FindingId>(readiness: ReadinessResult, id: Id): FindingOf<Id> | undefined {
  const isIt = (f: Finding): f is Finding & FindingOf<Id> => f.id === id;
  return readiness.findings.find(isIt);
}

/** The typed outcome of a readiness finding (undefined when the engine did not produce it). */
export function outcomeOf<Id extends FindingId>(readiness: ReadinessResult, id: Id): FindingOutcomes[Id] | undefined {
  return findingById(readiness, id)?.outcome;
}

/**
 * Whether a card may mention tapering or invite planning one: not while a readiness gate
 * `blocks` the plan (opioid use disorder or its treatment: continue buprenorphine or
 * methadone, CDC 2022 Rec 12; cancer, palliative or end-of-life care, sickle cell disease:
 * outside the chronic-pain taper guidance). The gates are the planner's own (lib/taper).
 */
export function taperWordingAllowed(readiness: ReadinessResult): boolean {
  return !readiness.gates.some((g) => g.kind === "blocks");
}

/** Findings the engine reports as present in a category, in the engine's order. */
export function presentFindings(readiness: ReadinessResult, category: Finding["category"]): Finding[] {
  return readiness.findings.filter((f) => f.category === category && f.status === "present");
}

/** An opioid order on the MME ledger: counted, not computable, or a current opioid left out of the total (buprenorphine, OUD treatment): lib/mme's one answer. */
export function isOpioidOrder(order: OrderMme): boolean {
  return isCurrentOpioidOrder(order);
}

/** "- Oxycodone 10 mg tablet (this order): 30 MME/day" for a detail list. */
export function orderLine(order: OrderMme, isDraft: boolean): string {
  const name = `${md(order.display)}${isDraft ? " (this order)" : ""}`;
  if (order.status === "counted") return `- ${name}: ${formatMme(order.mmePerDay)} MME/day`;
  if (order.status === "not-computable") return `- ${name}: **could not be computed**: ${md(order.message ?? order.reason ?? "not computable")}`;
  return `- ${name}: not added to the total: ${md(order.message ?? order.reason ?? "excluded")}`;
}

/** Evidence of a finding as Markdown list lines (labels, values and dates as recorded). */
export function evidenceLines(finding: Finding): string[] {
  return finding.evidence.map((e) => `- ${md(e.label)}${e.value === undefined ? "" : `: ${md(e.value)}`}${e.date === undefined ? "" : ` (${md(e.date.slice(0, 10))})`}`);
}
