/**
 * The step generator: one product at a time (in the chosen order), one step per interval.
 * Each step moves the active product to the lowest ladder state whose removal is within the
 * rate's allowance for one interval (allowance.ts); real doses are never below what the rate
 * allows, so rounding only ever makes the taper slower. When even the next real dose removes
 * more than one interval allows (the smallest strength forces a large relative step), the dose
 * before it is kept as many intervals as the step needs (`intervalsNeeded`), and both rows say
 * why. Nothing is banked: a pause, a slowed interval or a rounded step never lets a later step
 * remove more than the rate allows ("no catch-up").
 * A switch of form (ER to immediate release) is a step of its own. Methadone changes at most
 * every `methadoneMinDaysBetweenChanges` days unless the clinician chose otherwise.
 */
import type { StepDifference, TaperOptions, TaperPause, TaperStepKind } from "@/lib/domain";
import type { TaperEngineConfig } from "../config";
import { fmt } from "../format";
import { intervalsNeeded, type RateBasis, removalBound, stopBound } from "./allowance";
import type { DoseState, ProductLadder } from "./ladder";
import { intervalDays } from "./validate";

export interface RawDifference {
  code: StepDifference;
  sentence: string;
}

export interface RawStep {
  kind: TaperStepKind;
  /** Ladder state index per product (same order as the ladders). */
  stateIndex: number[];
  /** Intervals this step lasts. */
  intervals: number;
  /** Intervals of `intervals` that are the clinician's pause (not counted as time at the dose for the rate). */
  pauseIntervals: number;
  nominalMmePerDay: number;
  removedMmePerDay: number;
  differences: RawDifference[];
}

export interface ScheduleResult {
  steps: RawStep[];
  reachedTarget: boolean;
  hitStepLimit: boolean;
  /** Pauses whose step was never reached (the target came first). */
  unappliedPauses: TaperPause[];
}

const isTerminal = (ladder: ProductLadder, index: number): boolean => {
  const s = ladder.states[index];
  return s === undefined || s.stage === "stopped" || ladder.states[index + 1] === undefined;
};

interface Ctx {
  ladders: ProductLadder[];
  options: TaperOptions;
  config: TaperEngineConfig;
  startMme: number;
  target: number;
  eps: number;
  steps: RawStep[];
}

/** Generates the raw steps by the rules in the file header. */
export function generateSchedule(ladders: ProductLadder[], options: TaperOptions, config: TaperEngineConfig): ScheduleResult {
  const index = ladders.map(() => 0);
  const total = (): number => ladders.reduce((sum, l, i) => sum + (l.states[index[i] ?? 0]?.mmePerDay ?? 0), 0);
  const startMme = total();
  const ctx: Ctx = {
    ladders, options, config, startMme, target: options.target.kind === "mme" ? options.target.mmePerDay : 0, eps: 1e-9 * Math.max(1, startMme),
    steps: [{ kind: "start", stateIndex: [...index], intervals: 1, pauseIntervals: 0, nominalMmePerDay: 0, removedMmePerDay: 0, differences: [] }],
  };
  const pauses = [...options.pauses].sort((a, b) => a.atStep - b.atStep);
  const applied = new Set<TaperPause>();
  let changes = 0;
  while (total() > ctx.target + ctx.eps) {
    if (ctx.steps.length > config.maxSteps) return { steps: ctx.steps, reachedTarget: false, hitStepLimit: true, unappliedPauses: [] };
    const active = ladders.findIndex((l, i) => !isTerminal(l, index[i] ?? 0));
    const ladder = ladders[active];
    if (ladder === undefined) break;
    const pause = pauses.find((p) => p.atStep === changes + 1 && !applied.has(p));
    if (pause !== undefined) {
      applied.add(pause);
      addPause(ctx, pause, index);
      continue;
    }
    const current = index[active] ?? 0;
    const before = total();
    const next = step(ctx, ladder, current, before - (ladder.states[current]?.mmePerDay ?? 0), before);
    if (next === null) return { steps: ctx.steps, reachedTarget: false, hitStepLimit: true, unappliedPauses: [] };
    index[active] = next.state;
    changes += 1;
    ctx.steps.push({ ...next.raw, stateIndex: [...index] });
  }
  return { steps: ctx.steps, reachedTarget: total() <= ctx.target + ctx.eps, hitStepLimit: false, unappliedPauses: pauses.filter((p) => !applied.has(p)) };
}

function addPause(ctx: Ctx, pause: TaperPause, index: number[]): void {
  ctx.steps.push({
    kind: "pause", stateIndex: [...index], intervals: pause.intervals, pauseIntervals: pause.intervals, nominalMmePerDay: 0, removedMmePerDay: 0,
    differences: [{ code: "pause", sentence: `Planned pause of ${pause.intervals} interval(s): the dose is held; the taper then resumes at the same rate, with no catch-up (CDC 2022 draft l.2425-2427).` }],
  });
}

/**
 * The next state of the active product and the step's raw data; slows the dose before it when
 * needed (the last rows at the current dose get more intervals).
 */
function step(ctx: Ctx, ladder: ProductLadder, current: number, others: number, before: number): { state: number; raw: Omit<RawStep, "stateIndex"> } | null {
  const { options, config, startMme } = ctx;
  const rate: RateBasis = { basis: options.basis, ratePercent: options.ratePercent, startMme, switchFraction: config.twoPhaseSwitchFraction };
  const stopping = ladder.states[current + 1]?.stage === "stopped";
  const allowance = (stopping ? stopBound : removalBound)(rate, before, 1);
  const following = ladder.states[current + 1];
  if (following?.stage === "switched" && others + following.mmePerDay >= before - ctx.eps) {
    return { state: current + 1, raw: raw("switch", allowance, 0, [switchDifference(ladder, following)]) };
  }
  const chosen = choose(ctx, ladder, current, others, before, allowance);
  const state = chosen ?? current + 1;
  const next = ladder.states[state];
  const removed = before - (others + (next?.mmePerDay ?? 0));
  const differences: RawDifference[] = [];
  let needed = 1;
  if (chosen === null) {
    needed = intervalsNeeded(rate, before, removed, next?.stage === "stopped");
    // a rate so slow that one step would take longer than a whole plan may: the plan is cut (and says so)
    if (!Number.isFinite(needed) || needed > config.maxSteps) return null;
    differences.push(slowedDifference(ladder, state, before, removed, allowance, needed));
  } else if (next?.stage === "stopped" && ctx.options.target.kind === "discontinue") {
    // the stop within the rate: nothing to explain
  } else if (others + (next?.mmePerDay ?? 0) <= ctx.target + ctx.eps && removed < allowance - ctx.eps) {
    differences.push({ code: "target-reached", sentence: `Removes ${fmt(removed)} MME/day, less than the nominal ${fmt(allowance)}: the target is reached.` });
  } else if (removed < allowance * 0.99) {
    differences.push({ code: "rounded-to-marketed", sentence: `Removes ${fmt(removed)} MME/day, less than the nominal ${fmt(allowance)} MME/day: the closest lower dose made of marketed strengths (rounded toward the slower taper).` });
  }
  const spacing = ladder.methadone && options.methadoneFaster === null ? methadoneSpacing(ctx) : 1;
  keepDose(ctx, Math.max(needed, spacing), differences, spacing > needed ? methadoneSentence(ctx) : null);
  const kind: TaperStepKind = next?.stage === "stopped" ? "stop" : next?.stage === "fewer-doses" ? "extend-interval" : next?.stage === "switched" ? "switch" : "reduce";
  if (kind === "switch") differences.push(switchDifference(ladder, next));
  return { state, raw: raw(kind, allowance, removed, differences) };
}

function raw(kind: TaperStepKind, nominal: number, removed: number, differences: RawDifference[]): Omit<RawStep, "stateIndex"> {
  return { kind, intervals: 1, pauseIntervals: 0, nominalMmePerDay: nominal, removedMmePerDay: removed, differences };
}

/**
 * The lowest state reachable within one interval's allowance, or null when even the next one
 * removes more. The interval is lengthened one dose a day at a time, a switch of form is a step
 * of its own, the stop is a step of its own (from the last dose), and a state at or below the
 * target is taken as soon as it is within reach.
 */
export function choose(ctx: Ctx, ladder: ProductLadder, current: number, others: number, before: number, allowance: number): number | null {
  let best: number | null = null;
  for (let j = current + 1; j < ladder.states.length; j++) {
    const s = ladder.states[j];
    if (s === undefined) break;
    if (j > current + 1 && (s.stage === "fewer-doses" || s.stage === "switched" || s.stage === "stopped" || ladder.states[j - 1]?.stage === "switched")) break;
    const totalAfter = others + s.mmePerDay;
    if (before - totalAfter > allowance + ctx.eps) break;
    best = j;
    if (totalAfter <= ctx.target + ctx.eps) break;
  }
  return best;
}

/** Makes the rows at the current dose last at least `intervals` intervals (pause intervals not counted). */
function keepDose(ctx: Ctx, intervals: number, differences: RawDifference[], methadoneNote: string | null): void {
  const rows = rowsAtCurrentDose(ctx.steps);
  const kept = rows.reduce((n, r) => n + r.intervals - r.pauseIntervals, 0);
  const last = rows.find((r) => r.kind !== "pause") ?? rows[0];
  if (last === undefined || kept >= intervals) return;
  last.intervals += intervals - kept;
  const sentence = differences.find((d) => d.code === "smallest-step-slowed")?.sentence;
  if (methadoneNote !== null) last.differences.push({ code: "methadone-spacing", sentence: methadoneNote });
  else if (sentence !== undefined) last.differences.push({ code: "kept-longer", sentence: `Kept ${intervals} intervals instead of 1: ${lowerFirst(sentence)}` });
}

/** The rows since the last change (the last change row and the pauses after it). */
function rowsAtCurrentDose(steps: RawStep[]): RawStep[] {
  const out: RawStep[] = [];
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i];
    if (s === undefined) break;
    out.unshift(s);
    if (s.kind !== "pause") break;
  }
  return out;
}

function methadoneSpacing(ctx: Ctx): number {
  const days = intervalDays(ctx.options.interval, ctx.config);
  return Math.max(1, Math.ceil(ctx.config.methadoneMinDaysBetweenChanges / days - 1e-9));
}

function methadoneSentence(ctx: Ctx): string {
  return `Methadone changes at most every ${ctx.config.methadoneMinDaysBetweenChanges} days (long, variable half-life: the effect of a change builds up over days; CDC 2022 draft l.5673-5692), so this dose is kept ${methadoneSpacing(ctx)} intervals.`;
}

function slowedDifference(ladder: ProductLadder, next: number, before: number, removed: number, allowance: number, needed: number): RawDifference {
  const to = ladder.states[next];
  const percent = before > 0 ? (removed / before) * 100 : 100;
  const what = to?.stage === "stopped" ? "stopping it" : "the next dose made of marketed strengths";
  return {
    code: "smallest-step-slowed",
    sentence: `The smallest step possible from here (${what}) removes ${fmt(removed)} MME/day (${fmt(percent, 0)} % of the current total), more than the ${fmt(allowance)} MME/day the rate allows in one interval; the dose before it is kept ${needed} intervals so the average stays within the rate.`,
  };
}

function switchDifference(ladder: ProductLadder, to: DoseState | undefined): RawDifference {
  const from = ladder.item.product.name;
  return {
    code: "switch-form",
    sentence: `Lowest extended-release strength reached: switch to immediate-release ${to?.product.ingredients[0]?.ingredient ?? "tablets"} rather than spacing the extended-release doses (VA Opioid Taper Decision Tool; never less often than once a day). From ${from}.`,
  };
}

function lowerFirst(text: string): string {
  return text.length === 0 ? text : `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}
