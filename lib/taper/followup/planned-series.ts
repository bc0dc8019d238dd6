/**
 * The planned MME/day over time across a chain of plans, for the planned-versus-actual chart:
 * each plan from the day it was written (the first plan from its first step) until the next
 * plan of the chain was written, then the next. Points are step starts: a value holds until
 * the next point. Plans whose staircase cannot be read leave a gap (no invented line).
 */
import type { IsoDate, PlannedStep, SavedTaperPlan } from "@/lib/domain";
import { stepDueAt } from "./band";

export interface PlannedPoint {
  date: IsoDate;
  mmePerDay: number;
  /** The CarePlan this part of the line comes from. */
  reference: string;
  stepIndex: number;
}

const dayOf = (created: string | null): IsoDate | null => (created !== null && /^\d{4}-\d{2}-\d{2}/.test(created) ? created.slice(0, 10) : null);

function partOf(plan: SavedTaperPlan, steps: PlannedStep[], from: IsoDate | null, until: IsoDate | null): PlannedPoint[] {
  const first = steps[0];
  if (first === undefined) return [];
  const begin = from !== null && from > first.start ? from : first.start;
  const due = steps[stepDueAt(steps, begin)] ?? first;
  const points: PlannedPoint[] = [{ date: begin, mmePerDay: due.plannedMmePerDay, reference: plan.reference, stepIndex: due.index }];
  for (const s of steps) {
    if (s.start > begin && (until === null || s.start < until)) points.push({ date: s.start, mmePerDay: s.plannedMmePerDay, reference: plan.reference, stepIndex: s.index });
  }
  return points;
}

/** `chain`: the plan in effect first, then the plans it replaced (FollowUpResult order). */
export function plannedSeries(chain: readonly SavedTaperPlan[]): PlannedPoint[] {
  const oldestFirst = [...chain].reverse();
  return oldestFirst.flatMap((plan, i) => {
    if (!plan.staircase.ok) return [];
    const from = i === 0 ? null : dayOf(plan.created);
    const until = dayOf(oldestFirst[i + 1]?.created ?? null);
    return partOf(plan, plan.staircase.steps, from, until);
  });
}
