/**
 * The step generator: one product at a time (in the chosen order), one interval at a time.
 * At interval k of the rate clock the regimen's total may not fall below the rate floor
 * (allowance.ts); the active product moves to the lowest real dose at or above it, and, beyond
 * the next real dose, by at most `maxCatchUpFactor` times the rate's own step (so a plan
 * behind the rate catches up gradually, never in one big drop). When even the next real dose would go below the floor, the step is a hold.
 * The only step exempt from the rate is the final stop of a product once it is taken less
 * often than daily (CDC 2022 draft l.2431-2435, 2647-2649). Pauses freeze the rate clock.
 */
import type { TaperOptions, TaperPause, TaperStepKind } from "@/lib/domain";
import type { TaperEngineConfig } from "../config";
import { fmt } from "../format";
import { rateFloor, rateStep } from "./allowance";
import type { DoseState, ProductLadder } from "./ladder";

export interface RawStep {
  kind: TaperStepKind;
  /** Ladder state index per product (same order as the ladders). */
  stateIndex: number[];
  note: string | null;
}

export interface ScheduleResult {
  steps: RawStep[];
  reachedTarget: boolean;
  hitStepLimit: boolean;
  /** Pauses whose step was never reached (the target came first). */
  unappliedPauses: TaperPause[];
}

const isTerminal = (s: DoseState | undefined): boolean => s === undefined || s.stage === "stopped" || s.stage === "floor";

/** Generates the raw steps (ladder indices) by the rules in the file header. */
export function generateSchedule(ladders: ProductLadder[], options: TaperOptions, config: TaperEngineConfig): ScheduleResult {
  const index = ladders.map(() => 0);
  const total = (): number => ladders.reduce((sum, l, i) => sum + (l.states[index[i] ?? 0]?.mmePerDay ?? 0), 0);
  const startMme = total();
  const target = options.target.kind === "mme" ? options.target.mmePerDay : 0;
  const eps = 1e-9 * Math.max(1, startMme);
  const steps: RawStep[] = [{ kind: "start", stateIndex: [...index], note: null }];
  const pauses = [...options.pauses].sort((a, b) => a.atStep - b.atStep);
  const applied = new Set<TaperPause>();
  let k = 0;
  let reductions = 0;
  while (total() > target + eps) {
    if (steps.length > config.maxSteps) return { steps, reachedTarget: false, hitStepLimit: true, unappliedPauses: [] };
    const active = ladders.findIndex((l, i) => !isTerminal(l.states[index[i] ?? 0]));
    const ladder = ladders[active];
    if (ladder === undefined) break;
    const pause = pauses.find((p) => p.atStep === reductions + 1 && !applied.has(p));
    if (pause !== undefined) {
      applied.add(pause);
      steps.push(...pauseSteps(pause, index));
      continue;
    }
    k += 1;
    const current = index[active] ?? 0;
    const others = total() - (ladder.states[current]?.mmePerDay ?? 0);
    const floor = rateFloor(options.basis, options.ratePercent, startMme, k, config.twoPhaseSwitchFraction);
    const allowance = config.maxCatchUpFactor * rateStep(options.basis, options.ratePercent, startMme, k, config.twoPhaseSwitchFraction);
    const next = chooseNext(ladder, current, { others, floor, allowance, target, eps });
    if (next === null) {
      steps.push({ kind: "hold", stateIndex: [...index], note: holdNote(ladder, current, others, floor) });
      continue;
    }
    index[active] = next;
    reductions += 1;
    const stage = ladder.states[next]?.stage;
    const kind: TaperStepKind = stage === "stopped" ? "stop" : stage === "extended" ? "extend-interval" : "reduce";
    steps.push({ kind, stateIndex: [...index], note: stepNote(kind, ladder) });
  }
  const unappliedPauses = pauses.filter((p) => !applied.has(p));
  return { steps, reachedTarget: total() <= target + eps, hitStepLimit: false, unappliedPauses };
}

function pauseSteps(pause: TaperPause, index: number[]): RawStep[] {
  return Array.from({ length: pause.intervals }, (_, i) => ({
    kind: "pause" as const,
    stateIndex: [...index],
    note: `Planned pause ${i + 1} of ${pause.intervals}: the dose is held and the rate clock stops (CDC 2022 draft l.2425-2427).`,
  }));
}

interface Bounds {
  others: number;
  floor: number;
  allowance: number;
  target: number;
  eps: number;
}

/**
 * The next ladder state for the active product, or null for a hold. Candidates keep the
 * regimen total at or above the rate floor; beyond the next real dose, a step may remove at
 * most `allowance` (the catch-up bound). Among candidates, the one closest to the target from below wins
 * when the target is within reach; otherwise the lowest (the rate is a maximum, used fully).
 */
export function chooseNext(ladder: ProductLadder, current: number, b: Bounds): number | null {
  const now = ladder.states[current];
  const following = ladder.states[current + 1];
  if (now === undefined || following === undefined) return null;
  if (following.stage === "stopped") return now.perDay < 1 ? current + 1 : null;
  const candidates: number[] = [];
  for (let j = current + 1; j < ladder.states.length; j++) {
    const s = ladder.states[j];
    // The interval is lengthened one step at a time: extended states are never skipped over.
    if (s === undefined || s.stage === "stopped" || (j > current + 1 && s.stage === "extended")) break;
    if (b.others + s.mmePerDay < b.floor - b.eps) break;
    if (j > current + 1 && now.mmePerDay - s.mmePerDay > b.allowance + b.eps) break;
    candidates.push(j);
  }
  if (candidates.length === 0) return null;
  const atTarget = candidates.find((j) => b.others + (ladder.states[j]?.mmePerDay ?? 0) <= b.target + b.eps);
  return atTarget ?? candidates[candidates.length - 1] ?? null;
}

function holdNote(ladder: ProductLadder, current: number, others: number, floor: number): string {
  const next = ladder.states[current + 1];
  const nextTotal = others + (next?.mmePerDay ?? 0);
  return `Hold: the next real dose (${fmt(nextTotal)} MME/day in total) would go below what the chosen rate allows so far (${fmt(floor)} MME/day); it is taken once the rate allows it.`;
}

function stepNote(kind: TaperStepKind, ladder: ProductLadder): string | null {
  if (kind === "extend-interval") {
    const er = ladder.item.product.release === "ER/LA" && ladder.kind === "oral";
    return `Smallest available dose reached: the dosing interval is lengthened (CDC 2022 draft l.2431-2435).${er ? " This extended-release product is now taken less often than its labelled interval: coverage between doses is uneven; review with the patient." : ""}`;
  }
  if (kind === "stop") return "Stopped: taken less often than once a day at the smallest available dose (CDC 2022 draft l.2647-2649).";
  return null;
}
