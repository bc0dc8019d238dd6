import type { Citation, FactorKind, FactorTableId, OpioidIngredient } from "@/lib/domain";

/**
 * What a factor multiplies. Oral opioids: the ingredient's daily dose in mg. Fentanyl is
 * split by route because its factors differ per route and unit (CDC data file 2018).
 */
export type FactorKey =
  | Exclude<OpioidIngredient, "fentanyl" | "buprenorphine">
  | "fentanyl-transdermal"
  | "fentanyl-buccal-sublingual-tablet-lozenge"
  | "fentanyl-film-oral-spray"
  | "fentanyl-nasal-spray";

/** The unit of the daily amount a factor applies to (see IngredientMme.dailyAmountUnit). */
export type AmountUnit = "mg/d" | "mcg/h" | "mcg/d";

/**
 * One tier of a dose-tiered factor, as a half-open interval on the continuous daily dose:
 * applies when `previous upToMgPerDay < dose <= upToMgPerDay` (null = no upper bound).
 */
export interface FactorTier {
  upToMgPerDay: number | null;
  factor: number;
}

export type FactorRule = { type: "single"; factor: number } | { type: "tiered"; tiers: readonly FactorTier[]; tableEndsAtMgPerDay: number };

export interface FactorDefinition {
  label: string;
  amountUnit: AmountUnit;
  rule: FactorRule;
  kind: FactorKind;
  citation: Citation;
  /** Shown beside the factor, e.g. the CDC caution on tramadol/tapentadol. */
  note?: string;
}

export interface FactorTable {
  id: FactorTableId;
  title: string;
  /** When the source table took effect. */
  effectiveDate: string;
  citation: Citation;
  factors: Partial<Record<FactorKey, FactorDefinition>>;
}

/** A factor resolved for one ingredient of one order. */
export interface ResolvedFactor {
  key: FactorKey;
  factor: number;
  amountUnit: AmountUnit;
  kind: FactorKind;
  citation: Citation;
  /** Set when the dose lies above the last row of a tiered table (the last factor is extended). */
  beyondTable: boolean;
}
