/**
 * An order's dosage instructions -> its MME. FHIR R4 `Dosage.sequence`: instructions with
 * the same sequence apply together (added up); different sequences follow one another
 * (the highest is counted, and said). Instructions without a sequence are taken as
 * concurrent (added up: the higher reading). No usable dosage: the dispense estimate.
 */
import type { FactorTableId, IngredientMme, OpioidProduct, ValueSource } from "@/lib/domain";
import type { Dosage, MedicationRequest } from "fhir/r4";
import { ingredientAmounts, sumAmounts, type IngredientDaily } from "@/lib/mme/dose/ingredient-daily";
import { estimateFromDispense } from "@/lib/mme/dose/dispense";
import { computeDosage, type DosageResult } from "@/lib/mme/dose/dosage";
import { assume, fail, newNotes, num, ok, type Notes, type Step } from "@/lib/mme/notes";
import { applyFactors, sumMme } from "@/lib/mme/factors/apply";

export interface OrderComputation {
  ingredients: IngredientMme[];
  mmePerDay: number;
  unitsPerAdministration: number | null;
  administrationsPerDay: number | null;
  patchesWorn: number | null;
  asNeeded: boolean;
  sources: { dose: ValueSource | null; frequency: ValueSource | null };
}

const ESTIMABLE = new Set(["mme.missing-dose", "mme.missing-frequency", "mme.missing-dosage"]);

interface Totals {
  perDay: number | null;
  unitsPerDay: number | null;
  patchesWorn: number | null;
  asNeeded: boolean;
}

/** Sums of concurrent dosage instructions; a sum is null when any part is null. */
function totals(results: readonly DosageResult[]): Totals {
  const t: Totals = { perDay: 0, unitsPerDay: 0, patchesWorn: 0, asNeeded: false };
  for (const r of results) {
    t.perDay = t.perDay === null || r.administrationsPerDay === null ? null : t.perDay + r.administrationsPerDay;
    t.unitsPerDay = t.unitsPerDay === null || r.unitsPerDay === null ? null : t.unitsPerDay + r.unitsPerDay;
    t.patchesWorn = t.patchesWorn === null || r.patchesWorn === null ? null : t.patchesWorn + r.patchesWorn;
    t.asNeeded ||= r.asNeeded;
  }
  return t;
}

function amountsOf(product: OpioidProduct, results: readonly DosageResult[]): IngredientDaily[] | null {
  const [only] = results;
  if (results.length === 1 && only !== undefined) return ingredientAmounts(product, only);
  const lists: IngredientDaily[][] = [];
  for (const r of results) {
    const list = ingredientAmounts(product, r);
    if (list === null) return null;
    lists.push(list);
  }
  return sumAmounts(lists);
}

function combine(product: OpioidProduct, results: DosageResult[], tableId: FactorTableId, notes: Notes): Step<OrderComputation> {
  const amounts = amountsOf(product, results);
  if (amounts === null) return fail("mme.missing-dose", "The dosage does not give what this form needs (patches worn, or units a day).");
  const ingredients = applyFactors(product, amounts, tableId, notes);
  if (!ingredients.ok) return ingredients;
  const first = results[0];
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

function groupBySequence(dosages: readonly Dosage[]): Dosage[][] {
  const [only] = dosages;
  if (dosages.length === 1 && only !== undefined) return [[only]];
  const groups = new Map<string, Dosage[]>();
  for (const d of dosages) {
    const key = d.sequence === undefined ? "none" : String(d.sequence);
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  return [...groups.values()];
}

function computeGroup(product: OpioidProduct, group: Dosage[], tableId: FactorTableId, notes: Notes): Step<OrderComputation> {
  const results: DosageResult[] = [];
  for (const dosage of group) {
    const r = computeDosage(product, dosage, notes);
    if (!r.ok) return r;
    results.push(r.value);
  }
  if (group.length > 1) assume(notes, "mme.assume.concurrent-dosages", `${group.length} dosage instructions apply together (same or no sequence): added up.`);
  return combine(product, results, tableId, notes);
}

function highestGroup(product: OpioidProduct, groups: Dosage[][], tableId: FactorTableId, notes: Notes): Step<OrderComputation> {
  const [only] = groups;
  if (groups.length === 1 && only !== undefined) return computeGroup(product, only, tableId, notes);
  let best: { value: OrderComputation; notes: Notes; sequence: number | undefined } | null = null;
  for (const group of groups) {
    const local = newNotes();
    const r = computeGroup(product, group, tableId, local);
    if (!r.ok) return r;
    if (best === null || r.value.mmePerDay > best.value.mmePerDay) best = { value: r.value, notes: local, sequence: group[0]?.sequence };
  }
  if (best === null) return fail("mme.missing-dosage", "The order has no dosage instruction.");
  notes.assumptions.push(...best.notes.assumptions);
  notes.discrepancies.push(...best.notes.discrepancies);
  if (groups.length > 1) {
    assume(notes, "mme.assume.sequence-highest", `${groups.length} successive dosage instructions: the highest (sequence ${best.sequence ?? "none"}, ${num(best.value.mmePerDay)} MME/day) is counted.`);
  }
  return ok(best.value);
}

/** Computes an order's MME for a product, or says why it cannot. */
export function computeOrder(product: OpioidProduct, mr: MedicationRequest, tableId: FactorTableId, notes: Notes): Step<OrderComputation> {
  const groups = groupBySequence(mr.dosageInstruction ?? []);
  const local = newNotes();
  const r = groups.length === 0 ? fail("mme.missing-dosage", "The order has no dosage instruction.") : highestGroup(product, groups, tableId, local);
  if (r.ok || !ESTIMABLE.has(r.reason)) {
    notes.assumptions.push(...local.assumptions);
    notes.discrepancies.push(...local.discrepancies);
    return r;
  }
  const estimate = estimateFromDispense(product, mr.dispenseRequest, notes);
  if (!estimate.ok) return groups.length > 0 ? r : estimate;
  return combine(product, [estimate.value], tableId, notes);
}
