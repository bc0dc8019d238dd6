/**
 * The ladder of a product: every daily regimen the plan may step through, from the patient's
 * current dose down to the stop, strictly decreasing in MME (a switch of form may keep it equal).
 * - Scheduled doses keep the patient's number of administrations a day, made followable (a
 *   whole number of doses: "every 5 hours" becomes 4 doses a day). When a daily dose is not a
 *   multiple of one real dose, the day is split between two neighbouring real doses ("10 mg at
 *   2 doses and 7.5 mg at 1, every 8 hours"; the VA taper tool's own examples split the day so).
 * - At the smallest real dose an immediate-release product (and methadone) is taken fewer times
 *   a day, down to once a day, then stops (CDC 2022 draft l.2431-2435, 2647-2649): never less
 *   often than once a day, never "every other day".
 * - An extended-release product keeps its labelled interval; at its lowest strength it switches
 *   to the immediate-release tablets of the same opioid, or stops (`erAtLowest`; release.ts).
 * - As-needed products start from actual use ("up to N a day, as needed") and step down by dose
 *   and by the number allowed a day.
 * - A fentanyl patch steps through combinations of marketed patches, then its removal.
 */
import type { ErAtLowest, FactorTableId, OpioidProduct, RegimenItem } from "@/lib/domain";
import type { TaperEngineConfig } from "../config";
import { derivedFactor, type MmeFunction, mmeFunctionFor } from "./factor";
import { type Level, levelsBelow, startLevel, unitCapFor } from "./levels";
import type { ProductKind } from "./product-kind";
import { immediateReleaseOf, keepsLabelledInterval, labelledPerDay } from "./release";

export interface DoseGroup {
  level: Level;
  /** Administrations a day given at this level. */
  perDay: number;
}

/** `start` (as now), `dose` (a lower dose), `fewer-doses`, `switched` (to immediate release), `stopped`. */
export type DoseStage = "start" | "dose" | "fewer-doses" | "switched" | "stopped";

export interface DoseState {
  /** One group, or two when the day is split between neighbouring doses. Empty when stopped. */
  groups: DoseGroup[];
  /** Administrations a day in total (0 = stopped). For patches: changes a day; as needed: the most allowed. */
  perDay: number;
  mmePerDay: number;
  stage: DoseStage;
  /** The product the doses are made of (the immediate-release product after a switch). */
  product: OpioidProduct;
}

export interface ProductLadder {
  item: RegimenItem;
  kind: ProductKind;
  asNeeded: boolean;
  methadone: boolean;
  /** MME per unit of daily amount at the start (NaN when it cannot be derived: the plan is refused). */
  factor: number;
  mmeOf: MmeFunction;
  /** Index 0 = the current regimen (from actual use for an as-needed product). */
  states: DoseState[];
  /** Sentences on how the ladder was built that the plan must say (an ER product that cannot switch...). */
  notes: string[];
  /** Added to the product's name when another product of the plan has the same name (" (2nd order)"). */
  labelSuffix: string;
}

export interface LadderInput {
  item: RegimenItem;
  kind: ProductKind;
  /** As-needed products: whole doses a day actually taken (the start). */
  actualDosesPerDay: number | null;
  erAtLowest: ErAtLowest;
}

/** Daily amount of a regimen: mcg/h worn for a patch; mg/day otherwise. */
export function dailyAmountOf(kind: ProductKind, groups: DoseGroup[]): number {
  return kind === "patch" ? (groups[0]?.level.amount ?? 0) : groups.reduce((s, g) => s + g.level.amount * g.perDay, 0);
}

const EPS = 1e-9;

/** Builds the ladder of a regimen item (see the file header). */
export function buildLadder(input: LadderInput, table: FactorTableId, config: TaperEngineConfig): ProductLadder {
  const { item, kind } = input;
  const mmeOf = mmeFunctionFor(item, kind, table);
  const state = (groups: DoseGroup[], stage: DoseStage, product: OpioidProduct): DoseState => ({
    groups, stage, product, perDay: groups.reduce((s, g) => s + g.perDay, 0), mmePerDay: groups.length === 0 ? 0 : mmeOf(dailyAmountOf(kind, groups)),
  });
  const base = {
    item, kind, asNeeded: item.asNeeded && kind !== "patch", methadone: item.product.ingredients[0]?.ingredient === "methadone",
    factor: derivedFactor(item, kind), mmeOf,
  };
  const notes: string[] = [];
  const states = kind === "patch"
    ? patchStates(item, config, state)
    : base.asNeeded
      ? asNeededStates(item, kind, input.actualDosesPerDay ?? 0, config, state)
      : scheduledStates(input, config, state, notes);
  return { ...base, states: strictlyDecreasing(states, config.levelMergeFraction), notes, labelSuffix: "" };
}

type MakeState = (groups: DoseGroup[], stage: DoseStage, product: OpioidProduct) => DoseState;

function patchStates(item: RegimenItem, config: TaperEngineConfig, make: MakeState): DoseState[] {
  const start = startLevel(item, "patch");
  const perDay = item.administrationsPerDay;
  const levels = levelsBelow(item.product, "patch", start.amount, unitCapFor(item, "patch", config), config).reverse();
  return [
    make([{ level: start, perDay }], "start", item.product),
    ...levels.map((level) => make([{ level, perDay }], "dose", item.product)),
    make([], "stopped", item.product),
  ];
}

/**
 * As needed: from the actual use, each step lowers either the dose or the most allowed a day,
 * whichever removes less, so neither ever goes back up (a patient is never told to take a
 * larger single dose than the step before).
 */
function asNeededStates(item: RegimenItem, kind: ProductKind, dosesPerDay: number, config: TaperEngineConfig, make: MakeState): DoseState[] {
  const start = startLevel(item, kind);
  const levels = levelsBelow(item.product, kind, start.amount, unitCapFor(item, kind, config), config).reverse();
  const chain: DoseState[] = [make([{ level: start, perDay: dosesPerDay }], "start", item.product)];
  let level: Level = start;
  let li = -1;
  let n = dosesPerDay;
  for (;;) {
    const lower = levels[li + 1];
    const byDose = lower === undefined ? null : lower.amount * n;
    const byCount = n > 1 ? level.amount * (n - 1) : null;
    if (byDose === null && byCount === null) break;
    if (byDose !== null && (byCount === null || byDose >= byCount) && lower !== undefined) {
      li += 1;
      level = lower;
    } else {
      n -= 1;
    }
    chain.push(make([{ level, perDay: n }], "dose", item.product));
  }
  return [...chain, make([], "stopped", item.product)];
}

/** Scheduled oral and liquid products (see the file header). */
function scheduledStates(input: LadderInput, config: TaperEngineConfig, make: MakeState, notes: string[]): DoseState[] {
  const { item, kind } = input;
  const start = startLevel(item, kind);
  const ordered = item.administrationsPerDay;
  const startState = make([{ level: start, perDay: ordered }], "start", item.product);
  if (ordered < 1 - EPS) return [startState, make([], "stopped", item.product)];
  const perDay = Math.floor(ordered + EPS);
  // "every 5 hours" (4.8 a day) becomes 4 doses a day, each up to the same daily amount: 12 mg instead of 10 mg
  // (levels a little above it let the day be split into 4 doses of 12.5 and 10 mg; states above the start are dropped)
  const perDose = (start.amount * ordered) / perDay;
  const levels = levelsBelow(item.product, kind, perDose > start.amount + EPS ? perDose * 1.5 : start.amount, unitCapFor(item, kind, config), config, true).reverse();
  const doses = dayStates(levels, perDay, item.product, make);
  const smallest = levels[levels.length - 1];
  if (smallest === undefined) return [startState, make([], "stopped", item.product)];
  if (!keepsLabelledInterval(item.product)) {
    return [startState, ...doses, ...fewerDoses(smallest, perDay, 1, item.product, make), make([], "stopped", item.product)];
  }
  const labelled = Math.min(perDay, labelledPerDay(item.product));
  const atLowest = [...doses, ...fewerDoses(smallest, perDay, labelled, item.product, make)];
  return [startState, ...atLowest, ...afterLowestEr(input, smallest, labelled, config, make, notes)];
}

/** Every level at `perDay` doses, with the day split between each level and the next lower one. */
function dayStates(descending: Level[], perDay: number, product: OpioidProduct, make: MakeState): DoseState[] {
  const out: DoseState[] = [];
  descending.forEach((level, i) => {
    out.push(make([{ level, perDay }], "dose", product));
    const lower = descending[i + 1];
    if (lower === undefined) return;
    for (let high = perDay - 1; high >= 1; high--) out.push(make([{ level, perDay: high }, { level: lower, perDay: perDay - high }], "dose", product));
  });
  return out;
}

function fewerDoses(level: Level, from: number, downTo: number, product: OpioidProduct, make: MakeState): DoseState[] {
  const out: DoseState[] = [];
  for (let n = from - 1; n >= downTo; n--) out.push(make([{ level, perDay: n }], "fewer-doses", product));
  return out;
}

/** An ER product at its lowest strength and labelled interval: the immediate-release ladder, or the stop. */
function afterLowestEr(input: LadderInput, lowest: Level, perDay: number, config: TaperEngineConfig, make: MakeState, notes: string[]): DoseState[] {
  const { item } = input;
  const stop = make([], "stopped", item.product);
  if (input.erAtLowest === "stop") return [stop];
  const ir = immediateReleaseOf(item.product);
  const name = item.product.ingredients[0]?.ingredient ?? item.product.name;
  if (ir === null) {
    notes.push(`No single-ingredient immediate-release ${name} is marketed, so at its lowest strength the extended-release product stops instead of switching.`);
    return [stop];
  }
  const irItem: RegimenItem = { ...item, product: ir, unitsPerAdministration: 1, startUnits: [{ product: ir, count: 1 }] };
  const daily = lowest.amount * perDay;
  const switchTo = irSwitch(ir, irItem, daily, perDay, config);
  if (switchTo === null) {
    notes.push(`No marketed immediate-release ${name} tablet is at or below the lowest extended-release dose, so the extended-release product stops instead of switching.`);
    return [stop];
  }
  if (ir.otherIngredients.length > 0) {
    notes.push(`No single-ingredient immediate-release ${name} is marketed: at its lowest strength the extended-release product switches to ${ir.name} (${ir.otherIngredients.join(", ")} added: count it toward the daily limit of ${ir.otherIngredients.join(", ")} from all sources).`);
  }
  const { levels: irLevels, perDay: irPerDay } = switchTo;
  const first = irLevels[0];
  if (first === undefined) return [stop];
  const switched = make([{ level: first, perDay: irPerDay }], "switched", ir);
  const rest = dayStates(irLevels, irPerDay, ir, make).slice(1);
  const smallest = irLevels[irLevels.length - 1] ?? first;
  return [switched, ...rest, ...fewerDoses(smallest, irPerDay, 1, ir, make), make([], "stopped", ir)];
}

/**
 * The immediate-release regimen an ER product switches to: the same daily amount when marketed
 * tablets make it at the ER interval or at 2, 3 or 4 doses a day (tramadol ER 100 mg once a day
 * -> tramadol 50 mg every 12 hours), otherwise the largest daily amount below it.
 */
function irSwitch(ir: OpioidProduct, irItem: RegimenItem, daily: number, erPerDay: number, config: TaperEngineConfig): { levels: Level[]; perDay: number } | null {
  let best: { levels: Level[]; perDay: number; amount: number; units: number } | null = null;
  for (const perDay of [erPerDay, 2, 3, 4].filter((n, i, all) => all.indexOf(n) === i && n >= erPerDay)) {
    const levels = levelsBelow(ir, "oral", daily / perDay, unitCapFor(irItem, "oral", config), config, true).reverse();
    const first = levels[0];
    if (first === undefined) continue;
    const amount = first.amount * perDay;
    const units = first.components.reduce((n, c) => n + c.count, 0);
    // the largest daily amount; at equal amounts, the fewest tablets per dose
    if (best === null || amount > best.amount + EPS || (Math.abs(amount - best.amount) < EPS && units < best.units)) best = { levels, perDay, amount, units };
  }
  return best === null ? null : { levels: best.levels, perDay: best.perDay };
}

/**
 * Keeps states in order of decreasing MME, each at least `minFraction` below the one before it
 * (a state closer than that is the same dose for the patient, e.g. 62.5 + 12 mcg/h next to 75,
 * and would make a step that changes nothing), except a switch of form, which may equal it,
 * and the stop.
 */
function strictlyDecreasing(states: DoseState[], minFraction: number): DoseState[] {
  const out: DoseState[] = [];
  for (const s of states) {
    const last = out[out.length - 1];
    const lower = last === undefined || s.mmePerDay < last.mmePerDay * (1 - minFraction) - 1e-9;
    if (lower || s.stage === "stopped" || (s.stage === "switched" && last !== undefined && s.mmePerDay <= last.mmePerDay * (1 + 1e-9))) out.push(s);
  }
  return out;
}
