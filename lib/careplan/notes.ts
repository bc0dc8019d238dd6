/**
 * CarePlan.note: the machine-independent record of how the numbers were reached
 * (factor table, MME per order, every flagged assumption), the clinician's confirmations,
 * and the plan's warnings. Annotation.text is markdown: one line per item.
 */
import type { Annotation } from "fhir/r4";
import type { TaperPlan } from "@/lib/domain";
import { FACTOR_TABLE_LABELS } from "./codes";
import { formatMme, formatNumber } from "./format";
import { assumptionLines, orderLine } from "./sections-mme";
import { confirmationLines } from "./sections-readiness";
import type { CarePlanContext, CarePlanRevision } from "./types";

const bullet = (lines: readonly string[]): string => lines.map((l) => `- ${l}`).join("\n");

function mmeNotes(plan: TaperPlan, context: CarePlanContext): string[] {
  const { mme } = context;
  const total = mme.totalMmePerDay === null ? "unknown" : formatMme(mme.totalMmePerDay);
  const notes = [
    `MME conversion-factor table: ${mme.factorTableId} (${FACTOR_TABLE_LABELS[mme.factorTableId]}); ` +
      `MME computed as of ${mme.asOf}, state ${mme.state}, total ${mme.state === "incomplete" ? `at least ${total}` : total}; ` +
      `taper starts from ${formatMme(plan.startMmePerDay)}.`,
    `MME per order:\n${bullet(mme.orders.map(orderLine))}`,
  ];
  const assumptions = assumptionLines(mme);
  if (assumptions.length > 0) notes.push(`Assumptions flagged by the MME engine:\n${bullet(assumptions)}`);
  if (mme.incompleteReasons.length > 0) notes.push(`MME incomplete:\n${bullet(mme.incompleteReasons)}`);
  return notes;
}

function confirmationNote(context: CarePlanContext): string {
  const c = context.confirmations;
  const lines = [...confirmationLines(c), `First follow-up date agreed: ${c.followUpDate ?? "not set"}`];
  const note = c.note !== undefined && c.note.trim() !== "" ? `\nClinician's note: ${c.note}` : "";
  return `Clinician's confirmations:\n${bullet(lines)}${note}`;
}

/**
 * What the clinician decided for this plan that the schedule alone does not show: each caution
 * that held the plan and the override or confirmation that released it (issue 21), the actual
 * use each as-needed product starts from and its source, and how the duration of use was known.
 */
export function planChoiceNotes(plan: TaperPlan): string[] {
  const out: string[] = [];
  if (plan.cautions.length > 0) {
    out.push(`Cautions that held the plan, and the clinician's recorded decision:\n${bullet(plan.cautions.map((c) =>
      `${c.title} (${c.findingId}, ${c.kind === "blocks" ? "blocks a taper" : "needs confirmation"}): ${c.reason} ${c.kind === "blocks" ? `Instead: ${c.ask}` : `To confirm: ${c.ask}`} Decision: ${c.decision.kind === "override" ? "override" : "confirmed"}${c.decision.reason === "" ? "" : `, reason: ${c.decision.reason}`}.`))}`);
  }
  if (plan.actualUse.length > 0) {
    out.push(`As-needed orders, planned from actual use (never from the most the order allows):\n${bullet(plan.actualUse.map((u) =>
      `${u.label} (${u.orderRefs.join(", ")}): ${u.use.dosesPerDay} doses a day (order allows up to ${formatNumber(u.orderedPerDay, 2)}); ${u.use.source === "entered" ? "entered by the clinician" : "prefilled from the order, not confirmed"}. ${u.use.detail}`))}`);
  }
  const d = plan.options.duration;
  const duration = d.value === "one-year-or-more" ? "a year or more" : d.value === "less-than-a-year" ? "weeks to months (less than a year)" : "not known";
  out.push(`Duration of opioid use: ${duration} (${d.source === "record" ? "from the record" : "the clinician's answer; the record could not tell"}).`);
  return out;
}

/** Notes in a fixed order; extra lines (e.g. an author that could not be recorded) come last. */
export function buildNotes(plan: TaperPlan, context: CarePlanContext, extra: readonly string[]): Annotation[] {
  const texts = [...mmeNotes(plan, context), confirmationNote(context), ...planChoiceNotes(plan)];
  if (plan.warnings.length > 0) texts.push(`Plan warnings:\n${bullet(plan.warnings.map((w) => `${w.message} (${w.code})`))}`);
  texts.push(...extra);
  return texts.map((text) => ({ time: context.created, text }));
}

const REVISION_WORDS: Record<CarePlanRevision["record"]["kind"], string> = {
  pause: "pause (the dose is held)",
  slow: "slower taper",
  resume: "taper resumed",
  stop: "taper stopped (the current dose is held; no further reductions in this plan)",
};

/** "Revision of CarePlan/12 (...): pause (the dose is held) for 2 intervals. Reason: ..." */
export function revisionNote(revision: CarePlanRevision): string {
  const r = revision.record;
  const pause = r.kind === "pause" && r.pauseIntervals !== null ? ` for ${r.pauseIntervals} interval${r.pauseIntervals === 1 ? "" : "s"}` : "";
  return `Revision of ${revision.replacedSummary}: ${REVISION_WORDS[r.kind]}${pause}. Reason: ${r.reason}. The earlier CarePlan is not modified; this one replaces it.`;
}
