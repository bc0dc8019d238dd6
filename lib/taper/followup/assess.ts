/**
 * `assessFollowUp`: where the patient is on the taper plan in effect (issue "Follow-up
 * visits", item 2). Inputs are values: the saved plans (lib/careplan/read), the MME of the
 * current orders (lib/mme, its completeness carried through) and `asOf`. Never guesses a
 * status from a floor: an incomplete or unknown MME gives `unknown`.
 */
import type { FollowUpResult, FollowUpStatus, FollowUpTone, IgnoredCarePlan, IsoDate, MmeResult, PlannedStep, SavedTaperPlan } from "@/lib/domain";
import { place, stepDueAt, toleranceAt, toleranceSentence } from "./band";
import { chainLinks, planInEffect } from "./in-effect";
import { ABOVE_START_CAUTION, FASTER_EVIDENCE, FASTER_QUESTION, mme, PAUSE_NEUTRAL, TOLERANCE_REMINDER } from "./wording";

export interface FollowUpInput {
  plans: readonly SavedTaperPlan[];
  ignored?: readonly IgnoredCarePlan[];
  mme: MmeResult;
  asOf: IsoDate;
}

type Core = Pick<FollowUpResult, "status" | "tone" | "summary" | "reasons" | "question" | "heldAtStep">;

const TONES: Record<FollowUpStatus, FollowUpTone> = {
  "on-track": "ok",
  "faster-than-planned": "caution",
  "slower-than-planned": "neutral",
  paused: "neutral",
  "above-start": "prominent",
  unknown: "info",
  "no-plan": "info",
};

function core(status: FollowUpStatus, summary: string, reasons: string[], extra: Partial<Core> = {}): Core {
  return { status, tone: TONES[status], summary, reasons, question: null, heldAtStep: null, ...extra };
}

function base(input: FollowUpInput): FollowUpResult {
  const { mme: m } = input;
  return {
    asOf: input.asOf, status: "no-plan", tone: "info", carePlan: null, chain: [], stepDue: null, stepDueStart: null,
    plannedMmePerDay: null, startMmePerDay: null, currentMmePerDay: m.totalMmePerDay, currentState: m.state,
    currentComplete: m.state === "complete", tolerance: null, heldAtStep: null, summary: "", reasons: [], question: null,
    ignored: [...(input.ignored ?? [])],
  };
}

function dateOf(created: string | null): string {
  return created === null ? "an unknown date" : created.slice(0, 10);
}

const ENDED_WORDS = { revoked: "was revoked", completed: "is completed", stopped: "was stopped" } as const;

export function assessFollowUp(input: FollowUpInput): FollowUpResult {
  const out = base(input);
  const found = planInEffect(input.plans);
  if (found.kind === "none") {
    return { ...out, ...core("no-plan", "No taper plan from this app is in the chart.", ["No taper CarePlan written by this app was found for this patient."]) };
  }
  if (found.kind === "ended") {
    const { latest } = found;
    const why = latest.revision?.kind === "stop" ? ` (reason: ${latest.revision.reason})` : "";
    const sentence = `The latest taper plan, ${latest.reference} of ${dateOf(latest.created)}, ${ENDED_WORDS[found.why]}${why}: no taper plan is in effect.`;
    return { ...out, chain: chainLinks(found.chain), ...core("no-plan", sentence, [sentence]) };
  }
  const { plan, chain } = found;
  const withPlan: FollowUpResult = { ...out, carePlan: plan.reference, chain: chainLinks(chain) };
  if (!plan.staircase.ok) {
    const sentence = `The plan in effect, ${plan.reference}, could not be read: ${plan.staircase.reason}.`;
    return { ...withPlan, ...core("unknown", sentence, [sentence, "Review the plan in the chart; the status is not assessed from a plan that cannot be read."]) };
  }
  return { ...withPlan, ...onPlan(input, plan, plan.staircase.steps) };
}

function onPlan(input: FollowUpInput, plan: SavedTaperPlan, steps: PlannedStep[]): Partial<FollowUpResult> {
  const k = stepDueAt(steps, input.asOf);
  const due = steps[k];
  const start = steps[0]?.plannedMmePerDay ?? 0;
  const levels = [...new Set(steps.map((s) => s.plannedMmePerDay))];
  const planned = due?.plannedMmePerDay ?? start;
  const position: Partial<FollowUpResult> = {
    stepDue: k, stepDueStart: due?.start ?? null, plannedMmePerDay: planned, startMmePerDay: start,
    tolerance: { mmePerDay: toleranceAt(planned, levels), sentence: toleranceSentence() },
  };
  const where = dueSentence(plan, steps, k, input.asOf);
  const overlap = overlapNote(input.mme);
  const m = input.mme;
  if (m.state !== "complete" || m.totalMmePerDay === null) {
    const floor = m.totalMmePerDay;
    const reasons = [
      where,
      m.state === "unknown" || floor === null
        ? `The current MME/day is unknown: ${m.incompleteReasons.join(" ") || "the medication orders could not be read."}`
        : `The current MME/day is incomplete (at least ${mme(floor)}): ${m.incompleteReasons.join(" ")}`,
      "The status is not assessed from an incomplete total: complete the order information first.",
      ...(floor !== null && floor > start + toleranceAt(start, levels) ? [`Even the floor, ${mme(floor)}, is above the plan's start (${mme(start)}).`] : []),
    ];
    const result = core("unknown", "Where the patient is on the plan is unknown: the current MME/day is not complete.", reasons);
    return { ...position, ...result, tone: reasons.length > 3 ? "prominent" : "info" };
  }
  const current = m.totalMmePerDay;
  const placement = place({ steps, stepDue: k, currentMmePerDay: current });
  const now = `Current: ${mme(current)} from the orders (complete); planned today: ${mme(planned)} (step ${k}).`;
  switch (placement.kind) {
    case "above-start":
      return { ...position, ...core("above-start", `Above the plan's start: ${mme(current)} now, the plan started at ${mme(start)}.`, [where, now, `The current dose is higher than the plan's starting dose (${mme(start)}).`, ABOVE_START_CAUTION, ...overlap]) };
    case "above-step": {
      const held = placement.heldAtStep;
      if (held !== null) {
        const heldStep = steps[held];
        const since = heldStep === undefined ? "" : ` (planned from ${heldStep.start})`;
        return { ...position, ...core("paused", `Held at the dose of step ${held}${since}: ${mme(current)}; step ${k} plans ${mme(planned)}.`, [where, now, `The current dose matches step ${held} of the plan${since}; the plan has moved on to step ${k}.`, PAUSE_NEUTRAL, ...overlap], { heldAtStep: held }) };
      }
      return { ...position, ...core("slower-than-planned", `Slower than planned: ${mme(current)} now, ${mme(planned)} planned (step ${k}).`, [where, now, "The current dose is above the step due and matches no earlier step of the plan.", PAUSE_NEUTRAL, ...overlap]) };
    }
    case "below-band":
      return {
        ...position,
        ...core("faster-than-planned", `Faster than planned: ${mme(current)} now, ${mme(planned)} planned (step ${k}).`, [
          where, now,
          `The current dose is below the step due by more than one step (the next planned dose is ${mme(placement.nextLevel)}).`,
          FASTER_EVIDENCE, TOLERANCE_REMINDER, ...overlap,
        ], { question: FASTER_QUESTION }),
      };
    case "in-band": {
      const ahead = placement.oneStepAhead ? ["The current dose already matches the next step: one step ahead, within the band."] : [];
      return { ...position, ...core("on-track", `On track: ${mme(current)} now, ${mme(planned)} planned (step ${k}).`, [where, now, `On track means ${toleranceSentence()} of the step due, or of the next step.`, ...ahead, ...overlap]) };
    }
  }
}

function dueSentence(plan: SavedTaperPlan, steps: PlannedStep[], k: number, asOf: IsoDate): string {
  const first = steps[0];
  const last = steps[steps.length - 1];
  const due = steps[k];
  if (first !== undefined && asOf < first.start) return `Plan in effect: ${plan.reference}; it starts on ${first.start} (step 0, ${mme(first.plannedMmePerDay)}).`;
  if (last !== undefined && k === last.index) return `Plan in effect: ${plan.reference}; its last step (${k}, ${mme(last.plannedMmePerDay)}) began on ${last.start}.`;
  return `Plan in effect: ${plan.reference}; step ${k} of ${steps.length - 1} (${mme(due?.plannedMmePerDay ?? 0)}) began on ${due?.start ?? "?"}.`;
}

/** Two current orders for the same product with different doses are both counted (lib/mme): the total may be overstated. */
function overlapNote(m: MmeResult): string[] {
  const overlapping = m.orders.some((o) => o.status === "counted" && o.assumptions.some((a) => a.code === "mme.assume.overlapping-orders"));
  return overlapping
    ? ["Two current orders for the same product with different doses are both counted: if the earlier one was replaced, mark it stopped or completed in the chart; the total here may be higher than what the patient takes."]
    : [];
}
