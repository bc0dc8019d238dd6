/**
 * From the generator's raw steps to the domain's TaperStep: dates (a step lasts its number of
 * intervals), one StepProduct per product with its instruction, daily MME, percent of the
 * starting MME, why the step differs from the nominal rate, and the whole units to dispense.
 */
import type { DispenseLine, DoseComponent, IsoDate, StepDose, StepProduct, TaperInterval, TaperStep } from "@/lib/domain";
import { addDays, addMonths, daysBetween } from "../dates";
import { instructionFor } from "./instructions";
import { dailyAmountOf, type DoseGroup, type DoseState, type ProductLadder } from "./ladder";
import type { RawStep } from "./schedule";

/** Start date of the n-th interval after `start` (months are counted from the same anchor, clamped). */
export function intervalDate(start: IsoDate, interval: TaperInterval, n: number): IsoDate {
  if (interval.unit === "month") return addMonths(start, interval.count * n);
  return addDays(start, (interval.unit === "week" ? 7 : 1) * interval.count * n);
}

/** Dated TaperSteps from the generator's raw steps; each step ends where the next begins. */
export function renderSteps(ladders: ProductLadder[], raw: RawStep[], startDate: IsoDate, interval: TaperInterval): TaperStep[] {
  const startMme = totalOf(ladders, raw[0]?.stateIndex ?? []);
  let elapsed = 0;
  return raw.map((step, s) => {
    const start = intervalDate(startDate, interval, elapsed);
    elapsed += step.intervals;
    const end = intervalDate(startDate, interval, elapsed);
    const days = daysBetween(start, end) ?? 0;
    const previous = raw[s - 1]?.stateIndex;
    const products = ladders.flatMap((ladder, i) => {
      const state = ladder.states[step.stateIndex[i] ?? 0];
      const before = previous === undefined ? null : (ladder.states[previous[i] ?? 0] ?? null);
      if (state === undefined || (state.stage === "stopped" && before?.stage === "stopped")) return [];
      return [stepProduct(ladder, state, before, start, days)];
    });
    const total = products.reduce((sum, p) => sum + p.mmePerDay, 0);
    return {
      index: s, start, end, intervals: step.intervals, kind: step.kind, products, totalMmePerDay: total,
      percentOfStart: startMme > 0 ? (total / startMme) * 100 : 0,
      rate: { nominalMmePerDay: step.nominalMmePerDay, removedMmePerDay: step.removedMmePerDay, differences: step.differences },
      note: step.differences.length > 0 ? step.differences.map((d) => d.sentence).join(" ") : null,
    };
  });
}

function totalOf(ladders: ProductLadder[], index: number[]): number {
  return ladders.reduce((sum, l, i) => sum + (l.states[index[i] ?? 0]?.mmePerDay ?? 0), 0);
}

function stepProduct(ladder: ProductLadder, state: DoseState, before: DoseState | null, start: IsoDate, days: number): StepProduct {
  const instruction = instructionFor(ladder, state, before, start);
  const doses = state.groups.map((g) => stepDose(ladder, g));
  const components = doses.flatMap((d) => d.components);
  const single = components.length > 0 && components.every((c) => c.rxnorm === components[0]?.rxnorm) ? components[0] : undefined;
  const product = state.stage === "stopped" && before !== null ? before.product : state.product;
  return {
    key: ladder.item.key,
    label: instruction.label,
    rxnorm: single?.rxnorm ?? (doses.length === 0 ? product.rxnorm : null),
    display: single?.display ?? product.name,
    asNeeded: ladder.asNeeded,
    change: instruction.change,
    doses,
    amountUnit: ladder.kind === "patch" ? "mcg/h" : ladder.kind === "liquid" ? "mL" : "mg",
    administrationsPerDay: state.perDay,
    scheduleText: instruction.scheduleText,
    patientText: instruction.patientText,
    patientInstruction: instruction.patient,
    mmePerDay: state.mmePerDay,
    dispense: dispenseFor(ladder, state, days),
  };
}

function stepDose(ladder: ProductLadder, group: DoseGroup): StepDose {
  const components = group.level.components.map((c): DoseComponent => ({
    rxnorm: c.unit.rxnorm, display: c.unit.display, strength: c.unit.strength,
    strengthUnit: ladder.kind === "patch" ? "mcg/h" : ladder.kind === "liquid" ? "mg/mL" : "mg", count: c.count,
  }));
  const volume = group.level.components.reduce((sum, c) => sum + c.count, 0);
  return {
    amount: ladder.kind === "liquid" ? volume : dailyAmountOf(ladder.kind, [{ level: group.level, perDay: 1 }]),
    amountUnit: ladder.kind === "patch" ? "mcg/h" : ladder.kind === "liquid" ? "mL" : "mg",
    components,
    administrationsPerDay: group.perDay,
  };
}

/**
 * Whole units for `days`, added up per unit product: tablets = count x administrations
 * (as needed: the most allowed); patches = patches per application x applications started in
 * the period; liquids in whole mL.
 */
function dispenseFor(ladder: ProductLadder, state: DoseState, days: number): DispenseLine[] {
  const unit = ladder.kind === "liquid" ? "mL" : state.product.unit;
  const byCode = new Map<string, DispenseLine>();
  for (const group of state.groups) {
    const administrations = Math.ceil(group.perDay * days - 1e-9);
    for (const c of group.level.components) {
      const key = c.unit.rxnorm ?? c.unit.display;
      const quantity = Math.ceil(c.count * administrations - 1e-9);
      const found = byCode.get(key);
      if (found === undefined) byCode.set(key, { rxnorm: c.unit.rxnorm, display: c.unit.display, quantity, unit });
      else found.quantity += quantity;
    }
  }
  return [...byCode.values()];
}
