/**
 * Performance budgets (issue 9 "Benchmarks and performance budgets"). The peers they are set
 * against (docs/peers.md section 2): the AHRQ Pain Management Summary and
 * COSRI ship 550-690 KB of gzipped JavaScript and spend about 3.5 ms per FHIR resource in
 * CQL (about 10 s for 3,000 resources); the aim is an order of magnitude faster without
 * dropping data. Units: ms, s, decimal MB (10^6 bytes) and kB (10^3 bytes).
 */
import { UDF_LIMITS } from "@/cli/mme/udf-limits";

export const BUDGETS = {
  /** calculateMme over 10,000 MedicationRequests, median. */
  mme10kMs: 50,
  /** calculateMme over ONE order with 100,000 dosage lines (issue 13: linear time; one bad record must not freeze a tab), median. */
  mmeDosageLines100kMs: 1000,
  /** The `mme` command over a 100k-resource Bulk Data export: wall time, median. */
  commandWallSeconds: 5,
  /** ... and peak resident memory. */
  commandPeakMb: 500,
  /** The same export: wall time with `--workers 2` over wall time with `--workers 1`, medians of one run of the bench (issue 18: worker threads must pay for themselves on 2 cores). */
  commandTwoWorkersRatio: 1,
  /** The `mme` command over a 1M-resource export (10,000 patients), default workers: wall time (issue 18, on a 2-core machine). */
  command1MWallSeconds: 30,
  /** ... and peak resident memory, worker threads included (issue 18: 1 GB). */
  command1MPeakMb: 1000,
  /** dist/mme-udf.js gzipped, against Snowflake's recommended JavaScript UDF body size (stored compressed; cli/mme/udf-limits.ts). */
  udfMainGzipBytes: UDF_LIMITS.snowflakeRecommendedBytes,
  /** Each UDF library file raw, against BigQuery's size of one external code resource (cli/mme/udf-limits.ts). */
  udfLibraryBytes: UDF_LIMITS.bigQueryLibraryBytes,
  /** Heavy scenario patient: token response to the MME total on screen, median. */
  heavyTokenToMmeMs: 1500,
  /** Rounds of searches per launch (paging of a search does not count as a round). */
  searchRounds: 1,
  /** The CDS order-sign service in-process with a 100-order prefetch, median (issue 16). */
  cdsOrderSign100Ms: 50,
  /** EHR requests the first search waits for after the token (metadata, discovery): the MME needs one EHR round trip plus paging (issue 19.11). */
  ehrRequestsBeforeSearches: 0,
  /** First-load JavaScript of the main route `/`, gzipped. */
  mainFirstLoadKb: 150,
} as const;

export type BudgetId = keyof typeof BUDGETS;

export interface BudgetCheck {
  id: BudgetId;
  label: string;
  figure: string;
  limit: string;
  /** null when not measured. */
  met: boolean | null;
}
