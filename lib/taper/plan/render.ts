/**
 * From ladder indices to the domain's TaperStep: dates, per-product doses and frequency,
 * daily MME, percent of the starting MME, and the whole units to dispense for the step.
 */
import type { DispenseLine, DoseComponent, IsoDate, StepProduct, TaperInterval, TaperStep } from "@/lib/domain";
import { addDays, addMonths, daysBetween } from "../dates";
import { dailyAmountOf, type DoseGroup, type DoseState, type ProductLadder } from "./ladder";
import type { RawStep } from "./schedule";
import { groupText, productLabel } from "./text";

/** Start date of the n-th interval after `start` (months are counted from the same anchor, clamped). */
export function intervalDate(start: IsoDate, interval: TaperInterval, n: number): IsoDate {
  if (interval.unit === "month") return addMonths(start, interval.count * n);
  return addDays(start, (interval.unit === "week" ? 7 : 1) * interval.count * n);
}

/** Dated TaperSteps from the generator's ladder indices; each step ends where the next begins. */
export function renderSteps(ladders: ProductLadder[], raw: RawStep[], startDate: IsoDate, interval: TaperInterval): TaperStep[] {
  const startMme = totalOf(ladders, raw[0]?.stateIndex ?? []);
  return raw.map((step, s) => {
    const start = intervalDate(startDate, interval, s);
    const end = intervalDate(startDate, interval, s + 1);
    const days = daysBetween(start, end) ?? 0;
    const previous = raw[s - 1]?.stateIndex;
    const products = ladders.flatMap((ladder, i) => {
      const state = ladder.states[step.stateIndex[i] ?? 0];
      if (state === undefined) return [];
      if (state.stage === "stopped") {
        const wasStopped = previous !== undefined && ladder.states[previous[i] ?? 0]?.stage === "stopped";
        return wasStopped ? [] : [stoppedProduct(ladder)];
      }
      return stateProducts(ladder, state, days);
    });
    const total = products.reduce((sum, p) => sum + p.mmePerDay, 0);
    return {
      index: s, start, end, kind: step.kind, products, totalMmePerDay: total,
      percentOfStart: startMme > 0 ? (total / startMme) * 100 : 0, note: step.note,
    };
  });
}

function totalOf(ladders: ProductLadder[], index: number[]): number {
  return ladders.reduce((sum, l, i) => sum + (l.states[index[i] ?? 0]?.mmePerDay ?? 0), 0);
}

function stoppedProduct(ladder: ProductLadder): StepProduct {
  const { item, kind } = ladder;
  return {
    key: item.key, rxnorm: item.product.rxnorm, display: item.product.name, dose: 0, doseUnit: doseUnit(ladder), components: [],
    administrationsPerDay: 0, scheduleText: `Stop ${productLabel(item.product, kind)}`, mmePerDay: 0, dispense: [],
  };
}

function stateProducts(ladder: ProductLadder, state: DoseState, days: number): StepProduct[] {
  const { item, kind } = ladder;
  const totalAmount = dailyAmountOf(kind, state.groups);
  const label = productLabel(item.product, kind);
  const split = state.groups.length > 1;
  return state.groups.map((group) => {
    const components = group.level.components.map((c): DoseComponent => ({
      rxnorm: c.unit.rxnorm, display: c.unit.display, strength: c.unit.strength,
      strengthUnit: kind === "patch" ? "mcg/h" : kind === "liquid" ? "mg/mL" : "mg", count: c.count,
    }));
    const single = components.length === 1 ? components[0] : undefined;
    const volume = group.level.components.reduce((sum, c) => sum + c.count, 0);
    return {
      key: item.key,
      // A dose made of two strengths has no single product code: the components carry theirs.
      rxnorm: single === undefined ? null : single.rxnorm,
      display: single?.display ?? `${label} ${group.level.amount} ${doseUnit(ladder)} (${components.map((c) => `${c.count} x ${c.display}`).join(" + ")})`,
      dose: kind === "liquid" ? volume : group.level.amount,
      doseUnit: doseUnit(ladder),
      components,
      administrationsPerDay: group.perDay,
      scheduleText: groupText(label, kind, group, state.perDay, split),
      // The product's MME shared between its dose groups in proportion to their daily amount.
      mmePerDay: totalAmount > 0 ? state.mmePerDay * (dailyAmountOf(kind, [group]) / totalAmount) : 0,
      dispense: dispenseFor(ladder, group, days),
    };
  });
}

function doseUnit(ladder: ProductLadder): StepProduct["doseUnit"] {
  return ladder.kind === "patch" ? "mcg/h" : ladder.kind === "liquid" ? "mL" : "mg";
}

/**
 * Whole units for `days`: tablets = count x administrations (every-other-day rounds up);
 * patches = patches per application x applications started in the period; liquids in whole mL.
 */
function dispenseFor(ladder: ProductLadder, group: DoseGroup, days: number): DispenseLine[] {
  const unit = ladder.kind === "liquid" ? "mL" : ladder.item.product.unit;
  const administrations = Math.ceil(group.perDay * days - 1e-9);
  return group.level.components.map((c) => ({
    rxnorm: c.unit.rxnorm,
    display: c.unit.display,
    quantity: Math.ceil(c.count * administrations - 1e-9),
    unit,
  }));
}
