/**
 * The schedule, rate and follow-up sections. Source: HHS 2019 guide and CDC 2022 Rec 5
 * (clinical-sources.md sections 1.5-1.6): slow, individual, with follow-up at each change.
 */
import type { Confirmations, StepProduct, TaperPlan, TaperStep } from "@/lib/domain";
import type { Block, Cell, Section } from "./document";
import { STEP_KIND_LABELS, formatMme, formatNumber, inclusiveEnd, intervalPhrase, ratePhrase, targetPhrase } from "./format";

/** "oxycodone 10 mg (1 x 10 mg tablet) every 8 hours (45 MME/day)"; a stop line as the engine wrote it. */
export function productLine(p: StepProduct): string {
  return p.change === "stopped" ? p.scheduleText : `${p.scheduleText} (${formatMme(p.mmePerDay)})`;
}

export function dispenseLines(p: StepProduct): string[] {
  return p.dispense.map((d) => `${formatNumber(d.quantity, 3)} ${d.unit} ${d.display}`);
}

export function stepLabel(step: TaperStep): string {
  return step.index === 0 ? "Start" : `Step ${step.index}`;
}

function stepRow(step: TaperStep): Cell[] {
  const label = STEP_KIND_LABELS[step.kind];
  // the engine's notes often start with the kind ("Hold: ..."): do not say it twice
  const change = step.note === null ? label : step.note.startsWith(label) ? step.note : [label, step.note];
  const dispense = step.products.flatMap(dispenseLines);
  return [
    stepLabel(step),
    step.start,
    inclusiveEnd(step.start, step.end) ?? step.end,
    change,
    step.products.length > 0 ? step.products.map(productLine) : "no opioid",
    formatNumber(step.totalMmePerDay),
    `${formatNumber(step.percentOfStart, 0)} %`,
    dispense.length > 0 ? dispense : "-",
  ];
}

export const SCHEDULE_HEAD = ["Step", "From", "To (inclusive)", "Change", "Daily regimen", "MME/day", "% of start", "Dispense"];

export function scheduleSection(plan: TaperPlan): Section {
  return {
    heading: "Schedule",
    blocks: [{ kind: "table", caption: "Taper schedule", head: SCHEDULE_HEAD, rows: plan.steps.map(stepRow) }],
  };
}

export function rateSection(plan: TaperPlan): Section {
  const o = plan.options;
  const blocks: Block[] = [
    { kind: "paragraph", text: `Rate: ${ratePhrase(plan)}, ${targetPhrase(plan)}, starting ${o.startDate}.` },
    { kind: "paragraph", text: `Why this rate: ${plan.rationale}` },
  ];
  const extra = [
    ...o.pauses.map((p) => `Pause at step ${p.atStep} for ${p.intervals} interval(s) (${intervalPhrase(o.interval)}).`),
    ...(o.rapidTaper ? [`Faster than guidance, safety-driven: ${o.rapidTaper.reason}`] : []),
    ...plan.warnings.map((w) => `${w.message} (${w.code})`),
    ...plan.notTapered.map((n) => `Not tapered by this plan: ${n.display}: ${n.reason}`),
  ];
  if (extra.length > 0) blocks.push({ kind: "list", items: extra });
  return { heading: "Rate and basis", blocks };
}

/** Follow-up dates of the plan plus the first follow-up agreed with the patient, if not already listed. */
export function followUpLines(plan: TaperPlan, confirmations: Confirmations): string[] {
  const lines = plan.followUps.map((f) => `${f.date}: ${f.purpose}`);
  const agreed = confirmations.followUpDate;
  if (agreed !== null && !plan.followUps.some((f) => f.date === agreed)) {
    lines.unshift(`${agreed}: first follow-up agreed with the patient`);
  }
  return lines;
}

export function followUpSection(plan: TaperPlan, confirmations: Confirmations): Section {
  const followUps = followUpLines(plan, confirmations);
  return {
    heading: "Follow-up and monitoring",
    blocks: [
      followUps.length > 0
        ? { kind: "list", items: followUps }
        : { kind: "paragraph", text: "No follow-up date set: arrange follow-up before the first change." },
      { kind: "paragraph", text: "Monitor at each visit:" },
      plan.monitoring.length > 0
        ? { kind: "list", items: plan.monitoring }
        : { kind: "paragraph", text: "No monitoring items listed." },
    ],
  };
}
