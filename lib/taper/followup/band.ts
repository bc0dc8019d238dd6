/**
 * Where the current MME/day falls against the planned staircase: the step due at `asOf`,
 * the band around it, and the classification. Pure arithmetic on the levels; the words are
 * in wording.ts.
 *
 * The band of the step due k (planned level L_k) runs from the next lower planned level
 * (one step ahead is still on track: a prescription for the next step written a few days
 * early) to L_k itself, each edge widened by the tolerance:
 *   tolerance(L) = max(FOLLOW_UP_TOLERANCE_FRACTION x L, FOLLOW_UP_TOLERANCE_MIN_MME),
 *   never more than half the gap to the neighbouring planned level,
 * so that two steps ahead can never read as one. The tolerance absorbs differences in how
 * the plan and the orders state the same dose (rounding, PRN counted at its maximum), not
 * clinical variation. Product decision (no guideline gives a number): docs/clinical-sources.md
 * section 7.4.
 */
import type { IsoDate, PlannedStep } from "@/lib/domain";

/** 5 % of the planned level: two ways of writing the same dose differ by less (product decision). */
export const FOLLOW_UP_TOLERANCE_FRACTION = 0.05;
/** At least 0.5 MME/day, so that rounding of small doses does not flip the status (product decision). */
export const FOLLOW_UP_TOLERANCE_MIN_MME = 0.5;

export function toleranceSentence(): string {
  return `within ${FOLLOW_UP_TOLERANCE_FRACTION * 100} % of the planned MME/day (at least ${FOLLOW_UP_TOLERANCE_MIN_MME} MME/day, never more than half a step)`;
}

/** The index of the step due at `asOf`: the last step started on or before it; step 0 before the plan starts. */
export function stepDueAt(steps: readonly PlannedStep[], asOf: IsoDate): number {
  let due = 0;
  for (const s of steps) if (s.start <= asOf) due = s.index;
  return due;
}

const distinctLevels = (steps: readonly PlannedStep[]): number[] =>
  [...new Set(steps.map((s) => s.plannedMmePerDay))].sort((a, b) => b - a);

/** Tolerance around `level`, capped at half the gap to the nearest other planned level. */
export function toleranceAt(level: number, levels: readonly number[]): number {
  const base = Math.max(FOLLOW_UP_TOLERANCE_FRACTION * level, FOLLOW_UP_TOLERANCE_MIN_MME);
  const gaps = levels.filter((l) => l !== level).map((l) => Math.abs(l - level));
  return gaps.length === 0 ? base : Math.min(base, Math.min(...gaps) / 2);
}

export type Placement =
  | { kind: "above-start" }
  | { kind: "above-step"; heldAtStep: number | null }
  | { kind: "below-band"; nextLevel: number }
  | { kind: "in-band"; oneStepAhead: boolean };

export interface BandInput {
  steps: readonly PlannedStep[];
  stepDue: number;
  currentMmePerDay: number;
}

/** The next planned level strictly below the step due's, or null when the step due is the lowest. */
export function nextLowerLevel(steps: readonly PlannedStep[], stepDue: number): number | null {
  const level = steps[stepDue]?.plannedMmePerDay;
  if (level === undefined) return null;
  return steps.find((s) => s.index > stepDue && s.plannedMmePerDay < level)?.plannedMmePerDay ?? null;
}

/**
 * The earliest step of the run of equal levels containing the latest step before `stepDue`
 * whose level matches `current`, or null.
 */
function heldAt(steps: readonly PlannedStep[], stepDue: number, current: number, levels: readonly number[]): number | null {
  for (let j = stepDue - 1; j >= 0; j--) {
    const level = steps[j]?.plannedMmePerDay;
    if (level === undefined || Math.abs(current - level) > toleranceAt(level, levels)) continue;
    let first = j;
    while (first > 0 && steps[first - 1]?.plannedMmePerDay === level) first--;
    return first;
  }
  return null;
}

/** Classifies the current MME/day (a complete total) against the staircase. */
export function place(input: BandInput): Placement {
  const { steps, stepDue, currentMmePerDay: c } = input;
  const levels = distinctLevels(steps);
  const start = steps[0]?.plannedMmePerDay ?? 0;
  const level = steps[stepDue]?.plannedMmePerDay ?? start;
  if (c > start + toleranceAt(start, levels)) return { kind: "above-start" };
  if (c > level + toleranceAt(level, levels)) return { kind: "above-step", heldAtStep: heldAt(steps, stepDue, c, levels) };
  const next = nextLowerLevel(steps, stepDue);
  const floor = next ?? level;
  if (c < floor - toleranceAt(floor, levels)) return { kind: "below-band", nextLevel: floor };
  return { kind: "in-band", oneStepAhead: next !== null && c < level - toleranceAt(level, levels) };
}
