import type { OpioidProduct } from "@/lib/domain";

/** A catalog row: an OpioidProduct plus its CDC value-set memberships (from the TSV). */
export interface CatalogProduct extends OpioidProduct {
  rxnorm: string;
  inCdcOpioidVs: boolean;
  inCdcErVs: boolean;
  inCdcBuprenorphineVs: boolean;
  inCdcMoudVs: boolean;
  commonPrimaryCare: boolean;
  /** Formulation named before the ingredient ("abuse-deterrent", "matrix-delivery"), or null. */
  formulation: string | null;
}

export interface NaloxoneProduct {
  rxnorm: string;
  name: string;
}
