/**
 * Revising the plan in effect (issue "Follow-up visits", item 4): pause, slow, resume or stop.
 * A revision is a new plan from the patient's current regimen (the orders as they are today),
 * made by the planner itself (`proposeTaperPlan`), so it passes the same guardrails as a first
 * plan: never faster than the guidance without a safety-driven rapid-taper reason (CDC 2022
 * Rec 5; draft l.2650-2659), real doses, never an abrupt stop. It is written as a new CarePlan
 * that `replaces` the earlier one (lib/careplan); the earlier CarePlan is never changed.
 *
 * - pause: the current dose is held for N intervals, then the taper continues at the same rate
 *   (CDC 2022 draft l.2425-2427: pauses are allowed);
 * - slow: a lower rate or a longer interval from today; it must be slower, in effect per week,
 *   than the plan in effect (l.2641-2644: slow further when needed);
 * - resume: the taper continues at the plan's rate, the first reduction today;
 * - stop: no further reductions in this plan: the current dose is held (not an abrupt
 *   discontinuation: CDC 2022 Rec 5).
 * After a pause the rate applies to the dose at the revision: with the "original" basis each
 * later step is a share of today's dose, so the remaining steps are never larger than before.
 */
import type { IsoDate, PlanRefusal, RevisionKind, RevisionRecord, SavedTaperPlan, TaperInterval, TaperOptions, TaperPlan } from "@/lib/domain";
import { TAPER_DEFAULTS, type TaperEngineConfig } from "../config";
import { addDays, addMonths } from "../dates";
import { fmt } from "../format";
import { proposeTaperPlan } from "../plan/propose";
import { describeInterval, percentPerWeek } from "../plan/validate";
import type { Regimen } from "../regimen";

export interface RevisionRequest {
  kind: RevisionKind;
  /** Why, in the clinician's words (required; written into the CarePlan). */
  reason: string;
  /** pause: the number of intervals the current dose is held (1 or more). */
  pauseIntervals?: number;
  /** slow: the new rate (% per interval) and/or interval. */
  ratePercent?: number;
  interval?: TaperInterval;
  /** A safety-driven rapid-taper reason: needed for anything faster than the guidance, as for a first plan. */
  rapidTaperReason?: string;
}

export interface RevisionInput {
  /** The plan in effect (lib/taper/followup `planInEffect`). */
  inEffect: SavedTaperPlan;
  /** The current regimen, from the MME of today's orders (`regimenFromMme`). */
  regimen: Regimen;
  /** The planner's guidance defaults for this patient: used when the saved plan does not state its rate. */
  defaults: TaperOptions;
  request: RevisionRequest;
  asOf: IsoDate;
  config?: TaperEngineConfig;
}

export type RevisionOutcome =
  | { ok: true; plan: TaperPlan; record: RevisionRecord; replaces: string; replacedSummary: string }
  | { ok: false; refusal: PlanRefusal };

const refuse = (code: string, message: string): RevisionOutcome => ({ ok: false, refusal: { code, message } });

/** The rate the plan in effect was made with, as options for today (its rapid reason is not carried over: a revision states its own). */
function baseOptions(input: RevisionInput): TaperOptions {
  const rate = input.inEffect.rate;
  const from = rate === null ? input.defaults : { ...input.defaults, ratePercent: rate.ratePercent, interval: rate.interval, basis: rate.basis, target: rate.target };
  const reason = input.request.rapidTaperReason?.trim();
  return { ...from, productOrder: null, startDate: input.asOf, pauses: [], rapidTaper: reason ? { reason } : null };
}

function minusInterval(date: IsoDate, interval: TaperInterval): IsoDate {
  if (interval.unit === "month") return addMonths(date, -interval.count);
  return addDays(date, -(interval.unit === "week" ? 7 : 1) * interval.count);
}

function optionsFor(input: RevisionInput, base: TaperOptions, config: TaperEngineConfig): TaperOptions | PlanRefusal {
  const r = input.request;
  switch (r.kind) {
    case "pause": {
      const n = r.pauseIntervals;
      if (n === undefined || !Number.isInteger(n) || n < 1 || n > config.maxSteps) return { code: "followup.revision.invalid-pause", message: "A pause needs a whole number of intervals, 1 or more." };
      // step 0 holds one interval; N - 1 planned pauses make N
      return { ...base, pauses: n > 1 ? [{ atStep: 1, intervals: n - 1 }] : [] };
    }
    case "slow": {
      const next = { ...base, ratePercent: r.ratePercent ?? base.ratePercent, interval: r.interval ?? base.interval };
      const before = percentPerWeek(base, config);
      const after = percentPerWeek(next, config);
      if (!(after < before - 1e-9)) {
        return { code: "followup.revision.not-slower", message: `${fmt(next.ratePercent)} % every ${describeInterval(next.interval)} (${fmt(after, 2)} % per week) is not slower than the plan in effect (${fmt(base.ratePercent)} % every ${describeInterval(base.interval)}, ${fmt(before, 2)} % per week).` };
      }
      return next;
    }
    case "resume":
      // the starting regimen covers the interval that ends today: the first reduction is today
      return { ...base, startDate: minusInterval(input.asOf, base.interval) };
    case "stop":
      // only the starting regimen is kept (holdPlan): the guidance defaults never refuse it
      return { ...input.defaults, productOrder: null, startDate: input.asOf, pauses: [], rapidTaper: null, target: { kind: "discontinue" } };
  }
}

/** The stop plan: the current regimen held from today, one follow-up, no reduction. */
function holdPlan(plan: TaperPlan, asOf: IsoDate, config: TaperEngineConfig): TaperPlan {
  const first = plan.steps[0];
  const steps = first === undefined ? [] : [{ ...first, note: "Taper stopped: this dose is held; no further reductions in this plan (not an abrupt discontinuation: CDC 2022 Recommendation 5)." }];
  return {
    ...plan, steps, endDate: asOf, targetMmePerDay: plan.startMmePerDay,
    followUps: [{ date: addDays(asOf, config.followUpMaxGapDays), purpose: "After stopping the taper: benefits and risks of the current dose, pain, function, mood; overdose risk and naloxone (CDC 2022 draft l.2445-2448)." }],
  };
}

function replacedSummary(p: SavedTaperPlan): string {
  const start = p.staircase.ok ? p.staircase.steps[0] : undefined;
  const from = start === undefined ? "" : `, from ${fmt(start.plannedMmePerDay)} MME/day on ${start.start}`;
  return `${p.reference} (created ${p.created?.slice(0, 10) ?? "on an unknown date"}${from})`;
}

/** A revised plan for the plan in effect, or the refusal (with its reason) of the planner or of the revision's own rules. */
export function proposeRevision(input: RevisionInput): RevisionOutcome {
  const config = input.config ?? TAPER_DEFAULTS;
  const { request } = input;
  if (request.reason.trim() === "") return refuse("followup.revision.reason-required", "Give the reason for the revision: it is written into the CarePlan.");
  const base = baseOptions(input);
  const options = optionsFor(input, base, config);
  if ("code" in options) return { ok: false, refusal: options };
  const outcome = proposeTaperPlan(input.regimen, options, input.asOf, { config });
  if (!outcome.ok) return outcome;
  const record: RevisionRecord = { kind: request.kind, reason: request.reason.trim(), pauseIntervals: request.kind === "pause" ? (request.pauseIntervals ?? null) : null };
  const summary = replacedSummary(input.inEffect);
  const revised = request.kind === "stop" ? holdPlan(outcome.plan, input.asOf, config) : outcome.plan;
  const why = request.kind === "stop"
    ? `The taper is stopped at the current dose (${fmt(revised.startMmePerDay)} MME/day): no further reductions in this plan.`
    : revised.rationale;
  const plan: TaperPlan = { ...revised, rationale: `Revision (${request.kind}) of ${summary}: ${record.reason}. ${why}` };
  return { ok: true, plan, record, replaces: input.inEffect.reference, replacedSummary: summary };
}
