/**
 * The planned staircase of a saved taper CarePlan: each step's start date and total planned
 * MME/day, rebuilt from its medication activities. Two independent readings:
 * - structured: the `taper-step` extension of each medication activity (extensions.ts) and
 *   its `scheduledPeriod`;
 * - text: the activity descriptions in the app's own wording (legacy-text.ts), the only
 *   reading of plans written before the extensions existed.
 * When both are there they must agree (same steps, same dates, MME/day within the text's
 * rounding); a disagreement, a gap in the step numbers, two values for one step or dates
 * out of order make the staircase unreadable, with the reason: never a guess.
 */
import type { CarePlan, CarePlanActivity } from "fhir/r4";
import type { IsoDate, PlannedStep, StaircaseReading, TaperStepKind } from "@/lib/domain";
import { addDays, isValidIsoDate } from "@/lib/taper/dates";
import { extensionsOf, readStepExtension, TAPER_STEP_EXTENSION } from "../extensions";
import { readStepText, TEXT_MME_ROUNDING } from "./legacy-text";

interface ActivityReading {
  index: number;
  start: IsoDate;
  /** Inclusive last day, when the period states one. */
  lastDay: IsoDate | null;
  mmePerDay: number;
  kind: TaperStepKind | null;
}

/** `conflict`: the CarePlan contradicts itself (not merely worded differently). */
type Readings = { ok: true; items: ActivityReading[] } | { ok: false; reason: string; conflict: boolean } | { ok: "absent" };

const day = (value: string | undefined): IsoDate | null => {
  const d = value?.slice(0, 10);
  return d !== undefined && isValidIsoDate(d) ? d : null;
};

function medicationActivities(cp: CarePlan): CarePlanActivity[] {
  return (cp.activity ?? []).filter((a) => a.detail?.kind === "MedicationRequest");
}

function structuredReadings(activities: CarePlanActivity[]): Readings {
  const withExt = activities.filter((a) => extensionsOf(a.detail?.extension, TAPER_STEP_EXTENSION).length > 0);
  if (withExt.length === 0) return { ok: "absent" };
  const items: ActivityReading[] = [];
  for (const [i, a] of activities.entries()) {
    const exts = extensionsOf(a.detail?.extension, TAPER_STEP_EXTENSION);
    const ext = exts.length === 1 ? exts[0] : undefined;
    const read = ext === undefined ? null : readStepExtension(ext);
    const start = day(a.detail?.scheduledPeriod?.start);
    if (read === null || start === null) return { ok: false, conflict: true, reason: `medication activity ${i + 1} has no readable taper step (index, planned MME/day and start date)` };
    items.push({ index: read.index, start, lastDay: day(a.detail?.scheduledPeriod?.end), mmePerDay: read.plannedMmePerDay, kind: read.kind });
  }
  return { ok: true, items };
}

function textReadings(activities: CarePlanActivity[]): Readings {
  const items: ActivityReading[] = [];
  for (const [i, a] of activities.entries()) {
    const read = readStepText(a.detail?.description);
    const start = day(a.detail?.scheduledPeriod?.start);
    if (read === null) return { ok: false, conflict: false, reason: `the description of medication activity ${i + 1} is not in this app's wording` };
    if (start !== read.start) return { ok: false, conflict: true, reason: `medication activity ${i + 1}: its period starts ${start ?? "(no date)"} but its description says ${read.start}` };
    items.push({ index: read.index, start, lastDay: day(a.detail?.scheduledPeriod?.end), mmePerDay: read.totalMmePerDay, kind: null });
  }
  return { ok: true, items };
}

/** Activities of one step must agree; steps numbered 0..n-1 without gaps, starting on strictly later days. */
function toSteps(items: ActivityReading[], tolerance: number): { ok: true; steps: PlannedStep[] } | { ok: false; reason: string } {
  const byIndex = new Map<number, ActivityReading[]>();
  for (const it of items) byIndex.set(it.index, [...(byIndex.get(it.index) ?? []), it]);
  const steps: PlannedStep[] = [];
  for (let index = 0; index < byIndex.size; index++) {
    const group = byIndex.get(index);
    const first = group?.[0];
    if (group === undefined || first === undefined) return { ok: false, reason: `step ${index} is missing (steps are numbered 0 to ${byIndex.size - 1})` };
    if (group.some((g) => g.start !== first.start || Math.abs(g.mmePerDay - first.mmePerDay) > tolerance)) {
      return { ok: false, reason: `the activities of step ${index} disagree on its start date or its planned MME/day` };
    }
    const previous = steps[steps.length - 1];
    if (previous !== undefined && previous.start >= first.start) return { ok: false, reason: `step ${index} does not start after step ${index - 1}` };
    if (previous !== undefined) previous.end = first.start;
    const lastDay = group.map((g) => g.lastDay).find((d) => d !== null) ?? null;
    steps.push({ index, start: first.start, end: lastDay === null ? null : addDays(lastDay, 1), plannedMmePerDay: first.mmePerDay, kind: first.kind });
  }
  return steps.length === 0 ? { ok: false, reason: "the plan has no medication step" } : { ok: true, steps };
}

function disagreement(a: PlannedStep[], b: PlannedStep[]): string | null {
  if (a.length !== b.length) return `the machine-readable steps (${a.length}) and the text (${b.length} steps) disagree`;
  for (const [i, s] of a.entries()) {
    const t = b[i];
    if (t === undefined || t.start !== s.start || Math.abs(t.plannedMmePerDay - s.plannedMmePerDay) > TEXT_MME_ROUNDING + 1e-9) {
      return `step ${i}: the machine-readable step (${s.start}, ${s.plannedMmePerDay} MME/day) and the text (${t?.start ?? "none"}, ${t?.plannedMmePerDay ?? "none"} MME/day) disagree`;
    }
  }
  return null;
}

/** Reads the staircase; see the file header for the rules. */
export function readStaircase(cp: CarePlan): StaircaseReading {
  const activities = medicationActivities(cp);
  if (activities.length === 0) return { ok: false, reason: "the plan has no medication step" };
  const structured = structuredReadings(activities);
  const text = textReadings(activities);
  if (structured.ok === false) return { ok: false, reason: structured.reason };
  if (structured.ok === "absent") {
    if (text.ok !== true) return { ok: false, reason: text.ok === false ? text.reason : "no readable step" };
    const steps = toSteps(text.items, 1e-9);
    return steps.ok ? { ok: true, steps: steps.steps, source: "text" } : steps;
  }
  const fromStructure = toSteps(structured.items, 1e-9);
  if (!fromStructure.ok) return fromStructure;
  if (text.ok === false && text.conflict) return { ok: false, reason: text.reason };
  // A later version may word the descriptions differently: the structured reading alone is enough.
  if (text.ok !== true) return { ok: true, steps: fromStructure.steps, source: "structured" };
  const fromText = toSteps(text.items, 1e-9);
  if (!fromText.ok) return { ok: false, reason: `the activity descriptions contradict each other: ${fromText.reason}` };
  const conflict = disagreement(fromStructure.steps, fromText.steps);
  return conflict === null ? { ok: true, steps: fromStructure.steps, source: "structured+text" } : { ok: false, reason: conflict };
}
