/**
 * NDC -> opioid product and CDC data-file factor, for orders coded with an NDC alone
 * (issue 10). The table (ndc-table.generated.ts, ~400 KB) is NOT imported here: the caller loads
 * it lazily (`await import("@/lib/mme/ndc/ndc-table.generated")`) and passes it to
 * `makeNdcLookup`, so the engine path and the browser bundle do not carry it.
 *
 * NDC forms (FDA: 10 digits as 4-4-2, 5-3-2 or 5-4-1; HIPAA/CMS billing: 11 digits 5-4-2, padded
 * with a leading zero in the short segment): dashed 10-digit forms are padded by their segment
 * lengths; an undashed 10-digit code could be any of the three, so every padding is tried and
 * the code resolves only when exactly one product matches (unknown beats wrong).
 */
export type * from "./types";
export { ingredientOf } from "./product";
export { makeNdcLookup, ndcCandidates, NDC_SYSTEM, type NdcLookup } from "./lookup";
export { loadNdcLookup } from "./load";
