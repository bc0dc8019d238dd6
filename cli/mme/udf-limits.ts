/**
 * Code-size limits of the warehouses the UDF library targets (docs/population.md, section 5
 * "Limits"; read from their documentation in 2026; the conservative reading of each):
 * - BigQuery, Quotas and limits (https://cloud.google.com/bigquery/quotas), "User-defined
 *   functions", and JavaScript UDF limitations
 *   (https://cloud.google.com/bigquery/docs/user-defined-functions): "Maximum size of each external
 *   code resource: 1 MB" (a `library` file in Cloud Storage); an inline code blob 32 KB; 50
 *   resources per query; about 5 MB of output per row; a JavaScript UDF "can time out ...
 *   as short as 5 minutes" per query (Limitations).
 * - Snowflake, "JavaScript UDF limitations"
 *   (https://docs.snowflake.com/en/developer-guide/udf/javascript/udf-javascript-limitations),
 *   "Maximum size of JavaScript source code": "Snowflake recommends limiting the size [of the
 *   JavaScript source code in the body] to 100 KB. (The code is stored in a compressed form,
 *   and the exact limit depends on the compressibility of the code.)" A JavaScript UDF has no
 *   library imports: the code is the function body.
 */
export const UDF_LIMITS = {
  /** BigQuery: each library file (decimal MB: the smaller reading of "1 MB"). */
  bigQueryLibraryBytes: 1_000_000,
  /** BigQuery: output per row (the per-patient JSON). */
  bigQueryOutputPerRowBytes: 5_000_000,
  /** Snowflake: the recommended body size, compared with the gzipped file (Snowflake stores it compressed). */
  snowflakeRecommendedBytes: 100_000,
} as const;
