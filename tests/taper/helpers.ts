/**
 * Test helpers: regimen items built from real catalog products, with the MME per day
 * computed from the CDC 2022 clinical table (clinical-sources.md section 2) as the MME engine would.
 */
import type { MmeResult, OpioidIngredient, OrderMme, RegimenItem, TaperOptions } from "@/lib/domain";
import { productByRxnorm } from "@/lib/mme/catalog";
import type { Regimen } from "@/lib/taper";

/** CDC 2022 clinical factors per mg/day (fentanyl patch: per mcg/h). Test fixture data. */
export const CDC2022: Partial<Record<OpioidIngredient, number>> = {
  codeine: 0.15, fentanyl: 2.4, hydrocodone: 1, hydromorphone: 5, methadone: 4.7, morphine: 1,
  oxycodone: 1.5, oxymorphone: 3, tapentadol: 0.4, tramadol: 0.2,
};

export function item(rxnorm: string, unitsPerAdministration: number, administrationsPerDay: number): RegimenItem {
  const product = productByRxnorm(rxnorm);
  if (product === null) throw new Error(`test setup: ${rxnorm} not in catalog`);
  const ingredient = product.ingredients[0];
  if (ingredient === undefined) throw new Error("test setup: no ingredient");
  const factor = CDC2022[ingredient.ingredient] ?? Number.NaN;
  const isPatch = product.doseForm === "transdermal";
  const daily = isPatch ? unitsPerAdministration * ingredient.value : unitsPerAdministration * ingredient.value * administrationsPerDay;
  const out: RegimenItem = {
    key: rxnorm, orderRefs: [`MedicationRequest/${rxnorm}`], product, unitsPerAdministration, administrationsPerDay, mmePerDay: daily * factor, asNeeded: false,
  };
  if (isPatch) out.patchesWorn = unitsPerAdministration;
  return out;
}

export function regimen(...items: RegimenItem[]): Regimen {
  return { factorTableId: "cdc-2022", items, notTapered: [], blockers: [], warnings: [], oudTreatment: [] };
}

export function options(patch: Partial<TaperOptions> = {}): TaperOptions {
  return {
    ratePercent: 10, interval: { unit: "month", count: 1 }, basis: "original", target: { kind: "discontinue" },
    productOrder: null, startDate: "2025-01-01", pauses: [], rapidTaper: null, duration: { value: "one-year-or-more", source: "record" },
    actualUse: {}, erAtLowest: "switch-to-ir", methadoneFaster: null, gateDecisions: [], ...patch,
  };
}

/** A counted (or otherwise) order as the MME engine reports it. */
export function order(rxnorm: string, units: number, perDay: number, patch: Partial<OrderMme> = {}): OrderMme {
  const it = item(rxnorm, units, perDay);
  const { medicationRequest, ...rest } = patch;
  return {
    medicationRequest: `MedicationRequest/${medicationRequest ?? rxnorm}`,
    status: "counted", reason: null, message: null, display: it.product.name, product: it.product,
    fhirStatus: "active", fhirIntent: "order", authoredOn: "2024-12-01", sig: null,
    unitsPerAdministration: units, administrationsPerDay: perDay, asNeeded: false, ingredients: [],
    mmePerDay: it.mmePerDay, assumptions: [], sources: { product: "rxnorm-catalog", dose: "structured", frequency: "structured" },
    discrepancies: [], readings: [], ...(it.patchesWorn === undefined ? {} : { patchesWorn: it.patchesWorn }), ...rest,
  };
}

export function mmeResult(orders: OrderMme[], patch: Partial<MmeResult> = {}): MmeResult {
  const total = orders.reduce((s, o) => s + (o.status === "counted" ? (o.mmePerDay ?? 0) : 0), 0);
  return {
    factorTableId: "cdc-2022", asOf: "2025-01-01", lookbackDays: 90, state: "complete", complete: true, totalMmePerDay: total,
    byIngredient: {}, bands: { atOrAbove50: total >= 50, atOrAbove90: total >= 90 }, orders, incompleteReasons: [], ...patch,
  };
}
