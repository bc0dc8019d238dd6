/**
 * Which factor applies to an ingredient of a product, and its value at a daily dose.
 */
import type { FactorTableId, OpioidIngredient, OpioidProduct } from "@/lib/domain";
import { DATA_FILE_FACTORS, FACTOR_TABLES } from "./tables";
import type { FactorDefinition, FactorKey, FactorTier, ResolvedFactor } from "./types";

const ORAL_FAMILIES = new Set<OpioidProduct["doseForm"]>(["oral-solid", "oral-liquid"]);

function fentanylKey(product: OpioidProduct): FactorKey | null {
  const formName = product.doseFormName.toLowerCase();
  switch (product.doseForm) {
    case "transdermal":
      return "fentanyl-transdermal";
    case "nasal":
      return "fentanyl-nasal-spray";
    case "buccal":
    case "sublingual":
    case "oral-transmucosal":
      return /film|spray/.test(formName) ? "fentanyl-film-oral-spray" : "fentanyl-buccal-sublingual-tablet-lozenge";
    default:
      return null;
  }
}

/**
 * The factor key for one ingredient of a product, or null when no oral MME factor applies
 * to that form (e.g. a suppository, an oral fentanyl). Buprenorphine never has one: it is
 * excluded from the total before this is asked. Butorphanol is mostly a nasal spray; the
 * CDC data file's factor (7 per mg) is written for it.
 */
export function factorKeyFor(ingredient: OpioidIngredient, product: OpioidProduct): FactorKey | null {
  if (ingredient === "buprenorphine") return null;
  if (ingredient === "fentanyl") return fentanylKey(product);
  if (ORAL_FAMILIES.has(product.doseForm)) return ingredient;
  if (ingredient === "butorphanol" && product.doseForm === "nasal") return ingredient;
  return null;
}

/** The definition in the chosen clinical table, else in the CDC data file, else null. */
export function factorDefinition(tableId: FactorTableId, key: FactorKey): FactorDefinition | null {
  return FACTOR_TABLES[tableId].factors[key] ?? DATA_FILE_FACTORS[key] ?? null;
}

/** Resolved single (not tiered) factors, built once per table and key: they do not depend on the dose. */
const singleFactors: Readonly<Record<FactorTableId, Map<FactorKey, ResolvedFactor>>> = { "cdc-2022": new Map(), "cdc-2016": new Map() };

/** The tier whose half-open interval (previous bound, upToMgPerDay] holds the dose. */
export function tierFor(tiers: readonly FactorTier[], dailyMg: number): FactorTier | null {
  for (const tier of tiers) {
    if (tier.upToMgPerDay === null || dailyMg <= tier.upToMgPerDay) return tier;
  }
  return null;
}

/**
 * The factor for `key` at a daily amount (only tiered factors depend on it). Null when the
 * table and the data file have no factor for it.
 */
export function resolveFactor(tableId: FactorTableId, key: FactorKey, dailyAmount: number): ResolvedFactor | null {
  const cached = singleFactors[tableId].get(key);
  if (cached !== undefined) return cached;
  const def = factorDefinition(tableId, key);
  if (def === null) return null;
  const base = { key, amountUnit: def.amountUnit, kind: def.kind, citation: def.citation };
  if (def.rule.type === "single") {
    const resolved: ResolvedFactor = { ...base, factor: def.rule.factor, beyondTable: false };
    singleFactors[tableId].set(key, resolved);
    return resolved;
  }
  const tier = tierFor(def.rule.tiers, dailyAmount);
  if (tier === null) return null;
  return { ...base, factor: tier.factor, beyondTable: dailyAmount > def.rule.tableEndsAtMgPerDay };
}
