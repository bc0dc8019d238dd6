/**
 * An order's dosage instructions in force at `asOf` (lib/mme/currency/schedule.ts) -> its daily
 * amounts and MME. Concurrent instructions are added up. The fill (quantity / days supply) is a
 * cross-check, or the estimate when no instruction is usable. Linear in the number of lines.
 */
import type { FactReading, FactorTableId, IngredientMme, OpioidProduct, ValueSource } from "@/lib/domain";
import { unitsWords } from "@/lib/mme/agreement";
import { DISPENSE_EXCESS_TOLERANCE } from "@/lib/mme/bounds";
import { applyFactors, sumMme } from "@/lib/mme/factors/apply";
import { assume, fail, ok, type Notes, type Step } from "@/lib/mme/notes";
import { estimateFromFill, readFill, type Fill } from "./dispense";
import { ingredientAmounts, sumAmounts, type IngredientDaily } from "./ingredient-daily";
import { readLine, type LineResult } from "./line";

export interface OrderComputation {
  ingredients: IngredientMme[];
  mmePerDay: number;
  unitsPerAdministration: number | null;
  administrationsPerDay: number | null;
  patchesWorn: number | null;
  asNeeded: boolean;
  sources: { dose: ValueSource | null; frequency: ValueSource | null };
}

/** Failures the fill can stand in for: the dosage says nothing usable about the dose or frequency. */
const ESTIMABLE = new Set(["mme.missing-dose", "mme.missing-frequency", "mme.missing-dosage"]);

interface Totals {
  perDay: number | null;
  unitsPerDay: number | null;
  patchesWorn: number | null;
  asNeeded: boolean;
}

/** Sums of concurrent dosage instructions; a sum is null when any part is null. */
function totals(results: readonly LineResult[]): Totals {
  const t: Totals = { perDay: 0, unitsPerDay: 0, patchesWorn: 0, asNeeded: false };
  for (const r of results) {
    t.perDay = t.perDay === null || r.administrationsPerDay === null ? null : t.perDay + r.administrationsPerDay;
    t.unitsPerDay = t.unitsPerDay === null || r.unitsPerDay === null ? null : t.unitsPerDay + r.unitsPerDay;
    t.patchesWorn = t.patchesWorn === null || r.patchesWorn === null ? null : t.patchesWorn + r.patchesWorn;
    t.asNeeded ||= r.asNeeded;
  }
  return t;
}

function amountsOf(product: OpioidProduct, results: readonly LineResult[]): IngredientDaily[] | null {
  const lists: IngredientDaily[][] = [];
  for (const r of results) {
    const list = ingredientAmounts(product, r);
    if (list === null) return null;
    lists.push(list);
  }
  return sumAmounts(lists);
}

function combine(product: OpioidProduct, results: LineResult[], tableId: FactorTableId, notes: Notes): Step<OrderComputation> {
  const amounts = amountsOf(product, results);
  if (amounts === null) return fail("mme.missing-dose", "The dosage does not give what this form needs (patches worn, or units a day).");
  const ingredients = applyFactors(product, amounts, tableId, notes);
  if (!ingredients.ok) return ingredients;
  const [first] = results;
  const { perDay, unitsPerDay, patchesWorn, asNeeded } = totals(results);
  const single = results.length === 1 ? (first?.unitsPerAdministration ?? null) : null;
  return ok({
    ingredients: ingredients.value,
    mmePerDay: sumMme(ingredients.value),
    unitsPerAdministration: single ?? (unitsPerDay !== null && perDay !== null && perDay > 0 ? unitsPerDay / perDay : null),
    administrationsPerDay: perDay,
    patchesWorn,
    asNeeded,
    sources: { dose: first?.doseSource ?? null, frequency: first?.frequencySource ?? null },
  });
}

/** Units the order uses a day, or null when not known. */
function unitsUsedPerDay(results: readonly LineResult[]): number | null {
  let sum = 0;
  for (const r of results) {
    if (r.unitsPerDay === null) return null;
    sum += r.unitsPerDay;
  }
  return sum;
}

/** The fill as a cross-check of the dosage: it may supply less a day (PRN, a partial fill), not more. */
function checkFill(product: OpioidProduct, fill: Fill, results: readonly LineResult[], facts: FactReading[]): Step<null> {
  // A patch's MME is the patches worn at once; how fast the fill is used does not change it.
  const used = product.doseForm === "transdermal" ? null : unitsUsedPerDay(results);
  const fillWords = `${unitsWords(fill.units, product.unit)} over ${Math.round(fill.days * 100) / 100} days (${unitsWords(fill.unitsPerDay, product.unit)} a day)`;
  if (used === null) {
    facts.push({ fact: "daily", where: "dispenseRequest", value: `${fillWords}; not compared`, agrees: null });
    return ok(null);
  }
  const excess = fill.unitsPerDay > used * (1 + DISPENSE_EXCESS_TOLERANCE);
  facts.push({ fact: "daily", where: "dispenseRequest", value: fillWords, agrees: !excess });
  if (!excess) return ok(null);
  return fail("mme.conflicting-dose", `The fill supplies ${unitsWords(fill.unitsPerDay, product.unit)} a day (${fillWords}) but the dosage allows at most ${unitsWords(used, product.unit)} a day.`);
}

/** Dosage lines whose readings the ledger lists one by one (real orders have a handful; every line is read). */
export const MAX_LINES_LISTED = 20;

/**
 * Computes an order's MME from the dosage instructions in force (`lines`), or from its fill.
 * `steps`: the lines are one step of a taper (the fill covers every step: not compared).
 */
export function computeOrder(product: OpioidProduct, order: unknown, lines: readonly unknown[], steps: boolean, tableId: FactorTableId, notes: Notes, facts: FactReading[]): Step<OrderComputation> {
  const fill = readFill(product, order);
  const results: LineResult[] = [];
  let failure: Step<OrderComputation> | null = lines.length === 0 ? fail("mme.missing-dosage", "The order has no dosage instruction.") : null;
  for (let i = 0; i < lines.length && failure === null; i += 1) {
    const listed = i < MAX_LINES_LISTED;
    const r = readLine(product, lines[i], notes, listed ? facts : null, lines.length > 1 ? `line ${i + 1}: ` : "");
    if (r.ok) results.push(r.value);
    else failure = r;
  }
  if (lines.length > MAX_LINES_LISTED) {
    const read = failure === null ? lines.length : results.length + 1;
    if (read > MAX_LINES_LISTED) facts.push({ fact: "dose", where: `lines ${MAX_LINES_LISTED + 1}-${read}`, value: "read and cross-checked like the lines above; their readings are not listed", agrees: null });
  }
  if (failure !== null && !failure.ok) {
    if (!ESTIMABLE.has(failure.reason) || fill === null || !fill.ok) {
      if (fill !== null && !fill.ok && lines.length === 0) return fail(fill.reason, fill.message);
      return failure;
    }
    facts.push({ fact: "daily", where: "dispenseRequest", value: `${unitsWords(fill.value.units, product.unit)} over ${Math.round(fill.value.days * 100) / 100} days (the only usable reading)`, agrees: true });
    return combine(product, [estimateFromFill(product, fill.value, notes)], tableId, notes);
  }
  if (lines.length > 1) assume(notes, "mme.assume.concurrent-dosages", `${lines.length} dosage instructions apply together: added up.`);
  if (fill !== null && !fill.ok) facts.push({ fact: "daily", where: "dispenseRequest", value: `not read: ${fill.message}`, agrees: null });
  if (fill !== null && fill.ok && !steps) {
    const checked = checkFill(product, fill.value, results, facts);
    if (!checked.ok) return checked;
  }
  return combine(product, results, tableId, notes);
}
