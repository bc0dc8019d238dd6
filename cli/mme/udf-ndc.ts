/**
 * The NDC library of the warehouse UDF (dist/mme-udf-ndc.js, loaded after dist/mme-udf.js):
 * hands the CDC 2018 NDC table (lib/mme/ndc, ~400 KB) to `mmeRegisterNdcTable`, the global
 * dist/mme-udf.js defines (cli/mme/udf.ts). Kept apart so the main library stays small.
 */
import { NDC_TABLE } from "@/lib/mme/ndc/ndc-table.generated";
import type { NdcTable } from "@/lib/mme/ndc";

declare function mmeRegisterNdcTable(table: NdcTable): void;

mmeRegisterNdcTable(NDC_TABLE);
