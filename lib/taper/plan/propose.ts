/**
 * `proposeTaperPlan(regimen, options, asOf)`: a slow, individual taper as a schedule a
 * pharmacist could dispense, or a refusal with its reason. Pure: `asOf` only dates the
 * plan's context; the schedule starts at `options.startDate`.
 * Sources: CDC 2022 Rec 5 and its supporting text (draft l.2407-2659), HHS 2019 (clinical-sources.md 1.4-1.6).
 */
import type { FactorTableId, IsoDate, PlanOutcome, PlanRefusal, RegimenItem, TaperOptions, TaperPlan } from "@/lib/domain";
import { TAPER_DEFAULTS, type TaperEngineConfig } from "../config";
import { fmt } from "../format";
import type { Regimen } from "../regimen";
import { followUps, MONITORING } from "./followup";
import { buildLadder, type ProductLadder } from "./ladder";
import { tapersAs } from "./product-kind";
import { renderSteps } from "./render";
import { generateSchedule } from "./schedule";
import { describeInterval, percentPerWeek, validateOptions } from "./validate";
import { outcomeWarnings, productWarnings, rapidWarning } from "./warnings";

const refused = (refusal: PlanRefusal): PlanOutcome => ({ ok: false, refusal });

/**
 * Proposes a plan. Refuses (never throws) when the MME behind the regimen is incomplete or
 * unknown, when nothing can be tapered, when options are malformed, or when the rate is
 * faster than the guidance without a safety-driven reason.
 */
export function proposeTaperPlan(regimen: Regimen, options: TaperOptions, _asOf: IsoDate, config: TaperEngineConfig = TAPER_DEFAULTS): PlanOutcome {
  const blocker = regimen.blockers[0];
  if (blocker !== undefined) return refused(regimen.blockers.length === 1 ? blocker : { code: blocker.code, message: regimen.blockers.map((b) => b.message).join(" ") });
  if (regimen.items.length === 0) {
    const why = regimen.notTapered.map((n) => `${n.display}: ${n.reason}`).join(" ");
    return refused({ code: "taper.nothing-to-taper", message: `No current opioid order can be tapered by this tool. ${why}`.trim() });
  }
  const invalid = validateOptions(regimen.items, options, config);
  if (invalid !== null) return refused(invalid);
  const ladders = orderItems(regimen.items, options.productOrder).map((item) => ladderFor(item, regimen.factorTableId, config));
  const bad = ladders.find((l): l is PlanRefusal => "code" in l);
  if (bad !== undefined) return refused(bad);
  const ready = ladders.filter((l): l is ProductLadder => !("code" in l));
  const result = generateSchedule(ready, options, config);
  const steps = renderSteps(ready, result.steps, options.startDate, options.interval);
  const startMme = steps[0]?.totalMmePerDay ?? 0;
  const last = steps[steps.length - 1];
  const targetMme = options.target.kind === "mme" ? options.target.mmePerDay : 0;
  const plan: TaperPlan = {
    factorTableId: regimen.factorTableId,
    startMmePerDay: startMme,
    targetMmePerDay: targetMme,
    options,
    rationale: describeOptions(options, ready, startMme, config),
    steps,
    endDate: last?.start ?? options.startDate,
    followUps: followUps(steps, config),
    monitoring: [...MONITORING],
    warnings: [
      ...rapidWarning(options), ...regimen.warnings, ...productWarnings(ready),
      ...outcomeWarnings(ready, result, targetMme, last?.totalMmePerDay ?? startMme),
    ],
    notTapered: regimen.notTapered,
  };
  return { ok: true, plan };
}

/** The clinician's order first (`productOrder`), then the rest by MME, highest first. */
export function orderItems(items: RegimenItem[], productOrder: string[] | null): RegimenItem[] {
  const byMme = [...items].sort((a, b) => b.mmePerDay - a.mmePerDay || a.key.localeCompare(b.key));
  if (productOrder === null) return byMme;
  const chosen = productOrder.flatMap((key) => items.filter((i) => i.key === key));
  return [...chosen, ...byMme.filter((i) => !productOrder.includes(i.key))];
}

function ladderFor(item: RegimenItem, table: FactorTableId, config: TaperEngineConfig): ProductLadder | PlanRefusal {
  const support = tapersAs(item.product);
  if (support.kind === "unsupported") return { code: "taper.unsupported-product", message: `${item.product.name}: ${support.reason}.` };
  const ladder = buildLadder(item, support.kind, table, config);
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
  return `Taper ${goal}: ${basis}.${pace} One opioid at a time: ${order}. Every dose is made of whole tablets or patches that exist; rounding never makes a step faster than the rate (a step that cannot be made becomes a hold). At the smallest dose the interval is lengthened, and a medicine stops only when taken less often than daily (CDC 2022 draft l.2431-2435).`;
}
