/**
 * The patient-view summary card: the current MME (lib/mme, with its completeness), the taper
 * plan in effect and how the patient is doing on it (the follow-up engine, lib/cds/plan-status)
 * and the main readiness cautions (findings of category `caution` that are present). Shown
 * only when the patient has a current opioid or a plan in effect.
 */
import { describeTotal } from "@/lib/mme";
import type { CdsAssessment } from "../assess";
import type { CdsEvaluationInput } from "../inputs";
import { describePlanStatus, hasPlanInEffect, planWords, type TaperPlanStatus } from "../plan-status";
import { CDC_2022_SOURCE, OVERRIDE_REASONS } from "../sources";
import { md, summaryText } from "../text";
import type { CdsCard } from "../types";
import { isOpioidOrder, orderLine, plannerLink, presentFindings, taperWordingAllowed } from "./common";
import { hasCurrentOpioid } from "./cautions";

/** The follow-up engine's tone raises the card: above the plan's start, or faster than planned. */
function planNeedsAttention(status: TaperPlanStatus): boolean {
  return status.kind === "assessed" && (status.followUp.tone === "prominent" || status.followUp.tone === "caution");
}

export function patientSummaryCard(input: CdsEvaluationInput, a: CdsAssessment, plan: TaperPlanStatus): CdsCard | null {
  const { mme, readiness } = a;
  if (!hasCurrentOpioid(a) && !hasPlanInEffect(plan)) return null;
  const total = describeTotal(mme);
  // Naloxone has its own card; the other cautions are listed here.
  const cautions = presentFindings(readiness, "caution").filter((f) => f.id !== "caution.naloxone");
  const cautionText = cautions.length === 0 ? "" : `; ${cautions.length === 1 ? "1 caution" : `${cautions.length} cautions`}`;
  const summary = summaryText(`Opioids: ${total}; ${planWords(plan)}${cautionText}`);
  const lines = mme.orders.filter(isOpioidOrder).map((o) => orderLine(o, false));
  const detail = [
    `**Current dose**: ${total} (conversion factors ${md(mme.factorTableId)}, as of ${mme.asOf}).`,
    ...lines,
    ...(mme.state === "complete" ? [] : ["", `Why the total is not complete: ${mme.incompleteReasons.map(md).join("; ")}.`]),
    "",
    `**Taper plan**: ${describePlanStatus(plan).join(" ")}`,
    ...(cautions.length === 0 ? [] : ["", "**Cautions**:", ...cautions.map((f) => `- **${md(f.title)}**: ${f.sentence}`)]),
    ...(readiness.gates.length === 0 ? [] : ["", "**Before a taper plan**:", ...readiness.gates.map((g) => `- ${md(g.title)}: ${g.kind === "blocks" ? g.instead : `confirm that ${g.confirm}`}`)]),
  ].join("\n");
  const taperAllowed = taperWordingAllowed(readiness);
  return {
    uuid: input.idFor("card:patient-summary"),
    summary,
    detail,
    indicator: mme.bands.atOrAbove90 || planNeedsAttention(plan) || cautions.length > 0 ? "warning" : "info",
    source: CDC_2022_SOURCE,
    overrideReasons: [OVERRIDE_REASONS.benefitsOutweighRisks, OVERRIDE_REASONS.palliative, OVERRIDE_REASONS.doseIncorrect],
    links: [plannerLink(input, taperAllowed && !hasPlanInEffect(plan) ? "plan" : "review")],
  };
}
