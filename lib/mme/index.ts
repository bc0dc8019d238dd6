/**
 * The MME engine (pure: no I/O, no clock). Public API:
 * - `readOrderIdentities(orders, {asOf})`: which product each order is and whether it is current
 *   (the one rule every consumer uses: MME, readiness, trends, commands, CDS);
 * - `calculateMme(input)` -> MmeResult (lib/domain/mme.ts), `unknownMmeResult(...)`;
 * - factor tables as versioned data and `describeFactorTable(id)` for the UI;
 * - `formatMme` / `describeTotal` for display (the only rounding).
 * Sources: docs/clinical-sources.md sections 2-3 (CDC 2022 / 2016 tables, CDC data
 * files, CDC MME IG and its defects, which are not copied).
 */
export { calculateMme, unknownMmeResult, TRUNCATED_SENTENCE } from "./total";
export type { MmeInput, NdcLookup } from "./input";
export { DEFAULT_LOOKBACK_DAYS, MME_BAND_HIGH, MME_BAND_REASSESS } from "./constants";
export { CDC_2016_TABLE, CDC_2022_TABLE, DATA_FILE_FACTORS, DEFAULT_FACTOR_TABLE_ID, FACTOR_TABLES, METHADONE_2016_TIERS } from "./factors/tables";
export { describeFactorTable, type FactorRowDescription, type FactorTableDescription } from "./factors/describe";
export type { FactorDefinition, FactorTable, FactorTier } from "./factors/types";
export { describeTotal, formatMme } from "./format";
export { isCurrentOpioidOrder, isOudTreatmentOrder } from "./order-kind";
export { readOrderIdentities, readOrderIdentity, type CodingView, type IdentityContext, type OrderCurrency, type OrderIdentity } from "./order-identity";
export { mmeTimeline, type TimelinePoint } from "./timeline";
export { needsNdcLookup } from "./ndc/needs";
