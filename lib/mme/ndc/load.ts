import { makeNdcLookup, type NdcLookup } from "./lookup";

/**
 * Loads the CDC 2018 NDC table (~400 KB, ~56 KB gzipped) on demand and returns a lookup over it.
 * The dynamic import keeps the table out of the engine path and out of the main browser bundle:
 * call this only when an order is coded with an NDC alone, and keep the promise (one load).
 */
export async function loadNdcLookup(): Promise<NdcLookup> {
  const { NDC_TABLE } = await import("./ndc-table.generated");
  return makeNdcLookup(NDC_TABLE);
}
