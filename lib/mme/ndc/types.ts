import type { OpioidIngredient, OpioidProduct } from "@/lib/domain";

/** Units of measure used by the CDC 2018 data file's `UOM` column for opioids. */
export type NdcUom = "MG" | "MCG" | "MCG/HR" | "MG/ML" | "MCG/SPRAY";

/**
 * One product of the CDC 2018 MME data file ("Opioids" sheet) with every NDC that has
 * exactly these column values. Values are as in the file (no clinical interpretation here).
 */
export interface NdcTableProduct {
  /** PRODNME, e.g. "OXYCONTIN". */
  productName: string;
  /** GENNME, e.g. "Oxycodone Hydrochloride", "Acetaminophen/Hydrocodone Bitartrate". */
  genericName: string;
  /** Master_Form, e.g. "Tablet, Extended Release", "Patch, Extended Release", "Spray". */
  masterForm: string;
  /** Drug, e.g. "Oxycodone LA", "Fentanyl SA", "Buprenorphine", "Propoxyphene". */
  drug: string;
  /** LongShortActing. */
  longShortActing: "LA" | "SA";
  /** DEAClassCode. */
  deaClassCode: string;
  /** Strength_Per_Unit; null where the file leaves it empty (Sublocade). */
  strengthPerUnit: number | null;
  /** UOM; null where the file leaves it empty (Sublocade, Probuphine). */
  uom: NdcUom | null;
  /** MME_Conversion_Factor; null where the file gives none (every buprenorphine row). */
  mmeConversionFactor: number | null;
  /** 11-digit NDCs without dashes, as in the file's NDC column. */
  ndcs: readonly string[];
}

export interface NdcTable {
  /** Citation of the data file the table was generated from. */
  source: string;
  products: readonly NdcTableProduct[];
}

/** Why an NDC row could not be turned into an OpioidProduct the engine can compute. */
export type NdcProductGap =
  /** The file's drug is not in OPIOID_INGREDIENTS (propoxyphene, withdrawn from the US market in 2010). */
  | "ndc.ingredient-not-supported"
  /** The file gives no strength or unit for this row (Sublocade, Probuphine). */
  | "ndc.no-strength";

/** What an NDC resolves to through the CDC 2018 data file. */
export interface NdcMatch {
  /** The normalized 11-digit NDC (5-4-2 without dashes). */
  ndc: string;
  /** The opioid ingredient, known even when `product` is null (so buprenorphine is always recognized). */
  ingredient: OpioidIngredient | null;
  /** The product (source "ndc-table"); null when `gap` says why. */
  product: OpioidProduct | null;
  gap: NdcProductGap | null;
  /** The data file's MME conversion factor, in its own unit (`factorUnit`); null for buprenorphine. */
  dataFileFactor: number | null;
  /**
   * What the data-file factor multiplies: MG (mg/day), MCG (mcg/day, TIRF fentanyl),
   * MCG/HR (fentanyl patch: 7.2 assumes one patch per 3 days; 2.4 per mcg/h worn),
   * MG/ML and MCG/SPRAY (strength per mL / per spray, factor per mg / per mcg).
   */
  factorUnit: NdcUom | null;
  /** The row as in the file. */
  row: NdcTableProduct;
}
