/**
 * The plan as the clinician prints it (issue 22, "the printed plan"): it opens with who the plan
 * is for (name, date of birth, MRN) and who printed it, then the plan in a few pages: the
 * schedule one row per step, follow-up and monitoring, rate and basis, the starting dose order by
 * order, the readiness findings that are present or unknown (one line each), the confirmations.
 * No FHIR vocabulary (status, intent, identifiers, references): those stay in the CarePlan
 * resource and its downloaded JSON. The same plan words as the narrative (sections-plan.ts).
 */
import type { Confirmations, MmeResult, ReadinessResult, TaperInterval, TaperPlan } from "@/lib/domain";
import { FACTOR_TABLE_LABELS } from "./codes";
import type { Block, Cell, PlanDocument, Section } from "./document";
import { planDescription, planTitle } from "./document";
import { STEP_KIND_LABELS, formatMme, formatNumber, intervalPhrase, ratePhrase, targetPhrase } from "./format";
import { ingredientArithmetic } from "./sections-mme";
import { followUpSection, productLine, stepLabel } from "./sections-plan";
import { confirmationsSection } from "./sections-readiness";

/** What the printed plan reads besides the plan: the same MME and readiness results and confirmations as the CarePlan. */
export interface PrintedPlanContext {
  mme: MmeResult;
  readiness: ReadinessResult;
  confirmations: Confirmations;
}

/** Who the plan is for and who printed it, already in the screen's words and date format. */
export interface PrintedPlanHeader {
  patientName: string | null;
  birthDate: string | null;
  /** The EHR's medical record number (Patient.identifier of type MR), when present. */
  mrn: string | null;
  clinician: string | null;
  printedOn: string;
}

function identityLines(h: PrintedPlanHeader): string[] {
  const patient = [
    `Patient: ${h.patientName ?? "name not recorded"}`,
    `Date of birth: ${h.birthDate ?? "not recorded"}`,
    ...(h.mrn === null ? [] : [`MRN: ${h.mrn}`]),
  ].join(" · ");
  const by = [...(h.clinician === null ? [] : [`Clinician: ${h.clinician}`]), `Printed ${h.printedOn}`].join(" · ");
  return [patient, by];
}

/** "4 months", "6 weeks", "20 days": `intervals` intervals of the plan. */
function lengthOf(interval: TaperInterval, intervals: number): string {
  const n = interval.count * intervals;
  return `${n} ${interval.unit}${n === 1 ? "" : "s"}`;
}

function scheduleSection(plan: TaperPlan): Section {
  const rows: Cell[][] = plan.steps.map((s) => [
    s.index === 0 ? stepLabel(s) : [stepLabel(s), STEP_KIND_LABELS[s.kind]],
    s.intervals > 1 ? [s.start, `kept ${lengthOf(plan.options.interval, s.intervals)}`] : s.start,
    s.products.length > 0 ? s.products.map(productLine) : "no opioid",
    formatNumber(s.totalMmePerDay),
    `${formatNumber(s.percentOfStart, 0)} %`,
  ]);
  return { heading: "Schedule", blocks: [{ kind: "table", caption: `Taper schedule, ${plan.steps[0]?.start ?? plan.options.startDate} to ${plan.endDate}`, head: ["Step", "From", "Daily regimen", "MME/day", "% of start"], rows }] };
}

function rateSection(plan: TaperPlan): Section {
  const o = plan.options;
  const items = [
    `Rate: ${ratePhrase(plan)}, ${targetPhrase(plan)}, starting ${o.startDate}.`,
    `Why this rate: ${plan.rationale}`,
    ...o.pauses.map((p) => `Pause at step ${p.atStep} for ${p.intervals} ${p.intervals === 1 ? "interval" : "intervals"} (${intervalPhrase(o.interval)}).`),
    ...(o.rapidTaper ? [`Faster than guidance, safety-driven: ${o.rapidTaper.reason}`] : []),
    ...plan.cautions.map((c) => `${c.title}: ${c.decision.kind === "override" ? "overridden" : "confirmed"} (${c.decision.reason})`),
    ...plan.warnings.map((w) => w.message),
    ...plan.notTapered.map((n) => `Not tapered by this plan: ${n.display}: ${n.reason}`),
  ];
  return { heading: "Rate and basis", blocks: [{ kind: "list", items }] };
}

function startingDoseSection(plan: TaperPlan, context: PrintedPlanContext): Section {
  const mme = context.mme;
  const state = mme.state === "complete" ? "every current opioid order was computed"
    : `${mme.state}: ${mme.incompleteReasons.join("; ") || "some orders could not be computed"}`;
  const orders = mme.orders.map((o) => {
    const arithmetic = o.ingredients.length > 0 ? o.ingredients.map(ingredientArithmetic).join(" + ") : (o.message ?? "not computed");
    return `${o.display}${o.sig ? ` (${o.sig})` : ""}: ${arithmetic}${o.status === "counted" ? "" : ` [${o.status === "excluded" ? "excluded" : "not computable"}${o.message && o.ingredients.length > 0 ? `: ${o.message}` : ""}]`}`;
  });
  const blocks: Block[] = [
    { kind: "paragraph", text: `${formatMme(plan.startMmePerDay)} (${FACTOR_TABLE_LABELS[mme.factorTableId]}); ${state}.` },
  ];
  if (orders.length > 0) blocks.push({ kind: "list", items: orders });
  return { heading: "Starting dose", blocks };
}

function readinessSection(context: PrintedPlanContext): Section {
  const r = context.readiness;
  const shown = r.findings.filter((f) => f.status !== "not-found");
  const items = [
    ...shown.map((f) => `${f.status === "unknown" ? "Could not be checked" : f.category === "caution" ? "Caution" : f.category === "reason" ? "Reason" : "Note"}: ${f.title}. ${f.sentence}`),
    ...r.unavailable.map((u) => `Could not be checked: ${u}`),
  ];
  return { heading: "Readiness", blocks: [items.length > 0 ? { kind: "list", items } : { kind: "paragraph", text: "No readiness finding present." }] };
}

/** The printed plan's document model (rendered by renderXhtml). Pure. */
export function buildPrintedPlan(plan: TaperPlan, context: PrintedPlanContext, header: PrintedPlanHeader): PlanDocument {
  return {
    title: planTitle(plan),
    summary: [...identityLines(header), planDescription(plan)],
    sections: [
      scheduleSection(plan),
      followUpSection(plan, context.confirmations),
      rateSection(plan),
      startingDoseSection(plan, context),
      readinessSection(context),
      confirmationsSection(context.confirmations),
    ],
  };
}
