/**
 * `proposeTaperPlan(regimen, options, asOf, context)`: a slow, individual taper as a schedule a
 * pharmacist could dispense, or a refusal with its reason. Pure: `asOf` only dates the plan's
 * context; the schedule starts at `options.startDate`.
 * Order of the checks: the MME must be complete; medication for opioid use disorder is never
 * tapered; cautions (gates) hold the plan until overridden or confirmed; as-needed orders start
 * from actual use; the options must be within guidance.
 * Sources: CDC 2022 Rec 5, Rec 12 and the Rec 5 supporting text (draft l.2407-2659), HHS 2019
 * (docs/clinical-sources.md 1.4-1.6, "Taper plan").
 */
import type { ErAtLowest, FactorTableId, IsoDate, PlanGate, PlanOutcome, PlanRefusal, RegimenItem, TaperOptions, TaperPlan } from "@/lib/domain";
import { TAPER_DEFAULTS, type TaperEngineConfig } from "../config";
import { fmt } from "../format";
import { OUD_TREATMENT_INSTEAD, type Regimen } from "../regimen";
import { startUse, type StartUse } from "./actual-use";
import { followUps, MONITORING } from "./followup";
import { evaluateGates, mergeGates, regimenGates } from "./gates";
import { buildLadder, type ProductLadder } from "./ladder";
import { tapersAs } from "./product-kind";
import { renderSteps } from "./render";
import { productLabel } from "./text";
import { generateSchedule } from "./schedule";
import { describeInterval, percentPerWeek, validateOptions } from "./validate";
import { outcomeWarnings, productWarnings, rapidWarning, startWarnings } from "./warnings";

const refused = (refusal: PlanRefusal): PlanOutcome => ({ ok: false, refusal });

export interface PlanContext {
  /** Readiness gates (cautions that hold the plan); the regimen adds its own (medication for OUD). */
  gates?: PlanGate[];
  config?: TaperEngineConfig;
}

/**
 * Proposes a plan. Refuses (never throws) when the MME behind the regimen is incomplete or
 * unknown, when the only opioid is medication for OUD, when a caution holds the plan, when an
 * as-needed order has no actual use, when nothing can be tapered, when options are malformed,
 * or when the rate is faster than the guidance without a safety-driven reason.
 */
export function proposeTaperPlan(regimen: Regimen, options: TaperOptions, _asOf: IsoDate, context: PlanContext = {}): PlanOutcome {
  const config = context.config ?? TAPER_DEFAULTS;
  const blocker = regimen.blockers[0];
  if (blocker !== undefined) return refused(regimen.blockers.length === 1 ? blocker : { code: blocker.code, message: regimen.blockers.map((b) => b.message).join(" ") });
  if (regimen.items.length === 0 && regimen.oudTreatment.length > 0) {
    const what = regimen.oudTreatment.map((o) => o.display).join("; ");
    return refused({ code: "taper.oud-treatment", message: `${what}: medication for opioid use disorder is never tapered by this tool. ${OUD_TREATMENT_INSTEAD}` });
  }
  if (regimen.items.length === 0) return refused(nothingToTaper(regimen, []));
  const gates = evaluateGates(mergeGates(regimenGates(regimen), context.gates ?? []), options.gateDecisions);
  if (gates.refusal !== null) return refused(gates.refusal);
  const use = startUse(regimen.items, options);
  if ("code" in use) return refused(use);
  const items = regimen.items.filter((i) => !use.notTaking.includes(i));
  if (items.length === 0) return refused(nothingToTaper(regimen, use.notTaking));
  const invalid = validateOptions(regimen.items, options, config);
  if (invalid !== null) return refused(invalid);
  const ordered = orderItems(items, options.productOrder);
  const ladders = ordered.map((item) => ladderFor(item, use, erAtLowestFor(item, ordered, options), regimen.factorTableId, config));
  const bad = ladders.find((l): l is PlanRefusal => "code" in l);
  if (bad !== undefined) return refused(bad);
  const ready = distinctLabels(ladders.filter((l): l is ProductLadder => !("code" in l)));
  const startMme = ready.reduce((sum, l) => sum + (l.states[0]?.mmePerDay ?? 0), 0);
  if (options.target.kind === "mme" && options.target.mmePerDay >= startMme) {
    return refused({ code: "taper.invalid-target", message: `The target (${fmt(options.target.mmePerDay)} MME/day) must be below the starting ${fmt(startMme)} MME/day (from actual use of as-needed orders).` });
  }
  return { ok: true, plan: assemble(regimen, options, ready, use, gates.cautions, config) };
}

function nothingToTaper(regimen: Regimen, notTaking: RegimenItem[]): PlanRefusal {
  const why = [...regimen.notTapered.map((n) => `${n.display}: ${n.reason}`), ...notTaking.map((i) => `${i.product.name}: not taken (0 doses a day); no taper is needed (CDC 2022 draft l.2534-2535).`)].join(" ");
  return { code: "taper.nothing-to-taper", message: `No current opioid order can be tapered by this tool. ${why}`.trim() };
}

function assemble(regimen: Regimen, options: TaperOptions, ladders: ProductLadder[], use: StartUse, cautions: TaperPlan["cautions"], config: TaperEngineConfig): TaperPlan {
  const result = generateSchedule(ladders, options, config);
  const steps = renderSteps(ladders, result.steps, options.startDate, options.interval);
  const startMme = steps[0]?.totalMmePerDay ?? 0;
  const last = steps[steps.length - 1];
  const targetMme = options.target.kind === "mme" ? options.target.mmePerDay : 0;
  return {
    factorTableId: regimen.factorTableId,
    startMmePerDay: startMme,
    targetMmePerDay: targetMme,
    options,
    rationale: describeOptions(options, ladders, startMme, config),
    steps,
    endDate: last?.start ?? options.startDate,
    followUps: followUps(steps, config),
    monitoring: [...MONITORING],
    warnings: [
      ...rapidWarning(options), ...regimen.warnings, ...use.warnings, ...startWarnings(ladders, use, regimen),
      ...productWarnings(ladders, options, config),
      ...outcomeWarnings(ladders, result, targetMme, last?.totalMmePerDay ?? startMme),
    ],
    notTapered: [
      ...regimen.notTapered,
      ...use.notTaking.map((i) => ({ display: i.product.name, reason: "Not taken (0 doses a day): no taper is needed; stop prescribing it (CDC 2022 draft l.2534-2535)." })),
    ],
    cautions,
    actualUse: use.uses.map(({ item, use: u }) => ({ key: item.key, label: item.product.name, orderRefs: item.orderRefs, use: u, orderedPerDay: item.administrationsPerDay })),
  };
}

/** The clinician's order first (`productOrder`), then the rest by MME, highest first. */
export function orderItems(items: RegimenItem[], productOrder: string[] | null): RegimenItem[] {
  const byMme = [...items].sort((a, b) => b.mmePerDay - a.mmePerDay || a.key.localeCompare(b.key));
  if (productOrder === null) return byMme;
  const chosen = productOrder.flatMap((key) => items.filter((i) => i.key === key));
  return [...chosen, ...byMme.filter((i) => !productOrder.includes(i.key))];
}

/**
 * An ER product switches to immediate release at its lowest strength unless the clinician chose
 * to stop, or the patient already takes an immediate-release form of the same opioid: then it
 * stops (two instructions for the same immediate-release opioid would conflict).
 */
function erAtLowestFor(item: RegimenItem, items: RegimenItem[], options: TaperOptions): { choice: ErAtLowest; note: string | null } {
  const ingredient = item.product.ingredients[0]?.ingredient;
  const sameIr = items.find((o) => o !== item && o.product.release === "IR" && o.product.ingredients[0]?.ingredient === ingredient);
  if (options.erAtLowest === "stop" || item.product.release !== "ER/LA" || sameIr === undefined) return { choice: options.erAtLowest, note: null };
  return { choice: "stop", note: `${item.product.name} stops at its lowest strength instead of switching to immediate release: the patient also takes ${sameIr.product.name}, and two instructions for the same immediate-release opioid would conflict.` };
}

/** Products whose names would read the same get " (2nd order)", " (3rd order)" so no two instructions look alike. */
function distinctLabels(ladders: ProductLadder[]): ProductLadder[] {
  const seen = new Map<string, number>();
  return ladders.map((l) => {
    const name = `${productLabel(l.item.product, l.kind)}|${l.asNeeded}`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? l : { ...l, labelSuffix: ` (${n === 2 ? "2nd" : n === 3 ? "3rd" : `${n}th`} order)` };
  });
}

function ladderFor(item: RegimenItem, use: StartUse, er: { choice: ErAtLowest; note: string | null }, table: FactorTableId, config: TaperEngineConfig): ProductLadder | PlanRefusal {
  const support = tapersAs(item.product);
  if (support.kind === "unsupported") return { code: "taper.unsupported-product", message: `${item.product.name}: ${support.reason}.` };
  const ladder = buildLadder({ item, kind: support.kind, actualDosesPerDay: use.dosesPerDay.get(item.key) ?? null, erAtLowest: er.choice }, table, config);
  if (er.note !== null) ladder.notes.push(er.note);
  if (!Number.isFinite(ladder.factor) || ladder.factor <= 0) {
    return { code: "taper.unknown-factor", message: `${item.product.name}: the MME per unit could not be derived from the MME result (${fmt(item.mmePerDay)} MME/day).` };
  }
  return ladder;
}

function describeOptions(options: TaperOptions, ladders: ProductLadder[], startMme: number, config: TaperEngineConfig): string {
  const every = `every ${describeInterval(options.interval)}`;
  const rate = fmt(options.ratePercent);
  const basis = options.basis === "original"
    ? `${rate} % of the starting dose (${fmt((options.ratePercent / 100) * startMme)} MME/day) ${every}, a straight-line taper`
    : options.basis === "current"
      ? `${rate} % of the current dose ${every}, so steps get smaller as the dose falls`
      : `${rate} % of the starting dose ${every} until about ${fmt(config.twoPhaseSwitchFraction * 100)} % remains, then ${rate} % of the remaining dose ${every} (CDC 2022 draft l.2638-2641, for weeks to months of use)`;
  const slowest = (10 * 7) / config.daysPerMonthForRate;
  const pace = percentPerWeek(options, config) > slowest + 1e-9
    ? " This is faster than about 10 % per month, the rate better tolerated after a year or more of use (CDC 2022 draft l.2422-2424)."
    : " About 10 % per month or slower is better tolerated after a year or more of use (CDC 2022 draft l.2422-2424).";
  const goal = options.target.kind === "mme" ? `down to ${fmt(options.target.mmePerDay)} MME/day` : "to discontinuation";
  const order = ladders.map((l) => l.item.product.name).join(", then ");
  return `Taper ${goal}: ${basis}.${pace} One opioid at a time: ${order}. Every dose is made of whole tablets or patches of marketed US strengths; no step removes more than the rate allows in one interval (a step that must be larger, because of the smallest strength, comes after the dose before it was kept long enough). At the smallest dose fewer doses are taken each day, never less than once a day, then the medicine stops (CDC 2022 draft l.2431-2435); extended-release products switch to immediate release at their lowest strength.`;
}
