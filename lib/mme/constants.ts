/**
 * Named clinical constants of the MME engine, each with its source.
 */

/**
 * An "active" order authored more than this many days before `asOf`, and not covered by a
 * validity period or by its supply (authoredOn + expectedSupplyDuration x (1 + refills)),
 * is not counted as current ("stale"). 90 days: CDC 2022 Rec 7 asks clinicians to reassess
 * long-term opioid therapy at least every 3 months, and the CDC CDS IG treats a patient with
 * no opioid order in the past 90 days as opioid naive (OpioidCDSCommon "Is Opioid Naive"),
 * so a prescription older than that with no stated supply is unlikely to be taken today.
 * Configurable per call (`lookbackDays`) and from the `mme` command (`--lookback-days`).
 */
export const DEFAULT_LOOKBACK_DAYS = 90;

/**
 * Informational bands (CDC 2022 supporting text: at or above 50 MME/day, pause and reassess
 * and add precautions such as naloxone; 90 MME/day is a study cut-point and the 2016 "avoid"
 * level). Points to reassess, not triggers (clinical-sources.md section 1.9).
 */
export const MME_BAND_REASSESS = 50;
export const MME_BAND_HIGH = 90;
