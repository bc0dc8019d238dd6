/**
 * CarePlan.note: the machine-independent record of how the numbers were reached
 * (factor table, MME per order, every flagged assumption), the clinician's confirmations,
 * and the plan's warnings. Annotation.text is markdown: one line per item.
 */
import type { Annotation } from "fhir/r4";
import type { TaperPlan } from "@/lib/domain";
import { FACTOR_TABLE_LABELS } from "./codes";
import { formatMme } from "./format";
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

/** Notes in a fixed order; extra lines (e.g. an author that could not be recorded) come last. */
export function buildNotes(plan: TaperPlan, context: CarePlanContext, extra: readonly string[]): Annotation[] {
  const texts = [...mmeNotes(plan, context), confirmationNote(context)];
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
