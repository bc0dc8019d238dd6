/**
 * A neutral document model of the proposal: built once from the plan and its context,
 * rendered twice, as the CarePlan's XHTML narrative (xhtml.ts) and as plain text for
 * "copy as text" (plain-text.ts). One model keeps the two renderings saying the same thing.
 */
import type { TaperPlan } from "@/lib/domain";
import { changeStepCount, formatMme, ratePhrase, targetPhrase } from "./format";
import { revisionNote } from "./notes";
import { carePlanStance } from "./stance";
import { mmeSection } from "./sections-mme";
import { followUpSection, rateSection, scheduleSection } from "./sections-plan";
import { confirmationsSection, readinessSection } from "./sections-readiness";
import type { CarePlanContext } from "./types";

/** A table cell: one line, or several lines (rendered with line breaks). */
export type Cell = string | readonly string[];

export type Block =
  | { kind: "paragraph"; text: string }
  | { kind: "list"; items: readonly string[] }
  | { kind: "table"; caption: string; head: readonly string[]; rows: readonly (readonly Cell[])[] };

export interface Section {
  heading: string;
  blocks: Block[];
}

export interface PlanDocument {
  title: string;
  summary: string[];
  sections: Section[];
}

/**
 * "Opioid taper proposal (draft): 120 MME/day to discontinuation"; agreed with the patient,
 * "Opioid taper plan (agreed with the patient): ...".
 */
export function planTitle(plan: TaperPlan, agreed = false): string {
  const kind = agreed ? "Opioid taper plan (agreed with the patient)" : "Opioid taper proposal (draft)";
  return `${kind}: ${formatMme(plan.startMmePerDay)} ${targetPhrase(plan)}`;
}

/** One-paragraph description, also used as CarePlan.description. */
export function planDescription(plan: TaperPlan, agreed = false): string {
  const first = plan.steps[0]?.start ?? plan.options.startDate;
  return (
    `Proposed gradual opioid taper from ${formatMme(plan.startMmePerDay)} ${targetPhrase(plan)}: ` +
    `${ratePhrase(plan)}; ${first} to ${plan.endDate}, ${changeStepCount(plan)} steps after the starting dose. ` +
    (agreed ? "Agreed with the patient; not a medication order." : "Draft for clinician review with the patient; not a medication order.")
  );
}

/** Builds the document model. Pure: the same inputs give the same document. */
export function buildPlanDocument(plan: TaperPlan, context: CarePlanContext): PlanDocument {
  const stance = carePlanStance(context);
  return {
    title: planTitle(plan, context.agreed === true),
    summary: [
      ...(context.revision ? [revisionNote(context.revision)] : []),
      planDescription(plan, context.agreed === true),
      `FHIR CarePlan status: ${stance.status}; intent: ${stance.intent}${stance.profile !== null ? "; profile: HL7 CDC opioid CPG PainTreatmentCarePlan" : ""}. Proposal identifier: ${context.identifier.value}. Created ${context.created}.`,
    ],
    sections: [
      scheduleSection(plan),
      mmeSection(plan, context.mme),
      rateSection(plan),
      readinessSection(context.readiness),
      confirmationsSection(context.confirmations),
      followUpSection(plan, context.confirmations),
    ],
  };
}
