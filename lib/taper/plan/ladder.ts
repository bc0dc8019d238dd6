/**
 * The ladder of a product: every daily regimen the plan may step through, from the
 * patient's current dose down, strictly decreasing in MME.
 * - Doses keep the patient's number of administrations a day (the dosing interval, which
 *   ER/LA products must keep). When a daily dose is not a multiple of one real dose, the
 *   administrations are split between two neighbouring real doses ("10 mg twice and 5 mg once,
 *   every 8 hours"), which a pharmacist can dispense and which keeps steps small.
 * - Once the smallest real dose is reached, the interval is lengthened (fewer administrations
 *   a day, then every other day) and the drug is stopped only when taken less often than
 *   daily (CDC 2022 draft l.2431-2435, 2647-2649).
 * - A fentanyl patch cannot be spaced out: its ladder ends at the smallest patch (`floor`).
 */
import type { FactorTableId, RegimenItem } from "@/lib/domain";
import type { TaperEngineConfig } from "../config";
import { derivedFactor, type MmeFunction, mmeFunctionFor } from "./factor";
import { type Level, levelsFor } from "./levels";
import type { ProductKind } from "./product-kind";

export interface DoseGroup {
  level: Level;
  /** Administrations a day given at this level. */
  perDay: number;
}

export type DoseStage = "dose" | "extended" | "stopped" | "floor";

export interface DoseState {
  /** One group, or two when the administrations are split between neighbouring doses. Empty when stopped. */
  groups: DoseGroup[];
  /** Administrations a day in total (0.5 = every other day; 0 = stopped). For patches: patch changes a day. */
  perDay: number;
  mmePerDay: number;
  stage: DoseStage;
}

export interface ProductLadder {
  item: RegimenItem;
  kind: ProductKind;
  /** MME per unit of daily amount at the start (NaN when it cannot be derived: the plan is refused). */
  factor: number;
  /** MME/day at a daily amount (mg/day for oral and liquid; mcg/h worn for patches). */
  mmeOf: MmeFunction;
  /** Index 0 = the current regimen; strictly decreasing MME. */
  states: DoseState[];
}

/** Daily amount of a regimen: mcg/h worn for a patch; mg/day otherwise. */
export function dailyAmountOf(kind: ProductKind, groups: DoseGroup[]): number {
  return kind === "patch" ? (groups[0]?.level.amount ?? 0) : groups.reduce((s, g) => s + g.level.amount * g.perDay, 0);
}

/** Builds the ladder of a regimen item (see the file header). */
export function buildLadder(item: RegimenItem, kind: ProductKind, table: FactorTableId, config: TaperEngineConfig): ProductLadder {
  const factor = derivedFactor(item, kind);
  const mmeOf = mmeFunctionFor(item, kind, table);
  const levels = levelsFor(item, kind, config).reverse();
  const perDay = item.administrationsPerDay;
  const mme = (groups: DoseGroup[]): number => (groups.length === 0 ? 0 : mmeOf(dailyAmountOf(kind, groups)));
  const state = (groups: DoseGroup[], stage: DoseStage, total = perDay): DoseState => ({ groups, perDay: total, mmePerDay: mme(groups), stage });
  const states: DoseState[] = [];
  const splittable = kind !== "patch" && Number.isInteger(perDay) && perDay >= 2;
  levels.forEach((level, i) => {
    states.push(state([{ level, perDay }], "dose"));
    const lower = levels[i + 1];
    if (!splittable || lower === undefined) return;
    for (let high = perDay - 1; high >= 1; high--) {
      states.push(state([{ level, perDay: high }, { level: lower, perDay: perDay - high }], "dose"));
    }
  });
  const smallest = levels[levels.length - 1];
  if (kind === "patch" || smallest === undefined) {
    const last = states[states.length - 1];
    if (last !== undefined) last.stage = "floor";
    return { item, kind, factor, mmeOf, states };
  }
  for (const fewer of extendedFrequencies(perDay)) states.push(state([{ level: smallest, perDay: fewer }], "extended", fewer));
  states.push(state([], "stopped", 0));
  return { item, kind, factor, mmeOf, states };
}

/** Fewer administrations a day at the smallest dose: ..., 2, 1, then every other day (0.5). */
function extendedFrequencies(perDay: number): number[] {
  const out: number[] = [];
  for (let n = Math.ceil(perDay) - 1; n >= 1; n--) out.push(n);
  if (perDay > 0.5) out.push(0.5);
  return out;
}
