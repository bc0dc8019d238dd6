/**
 * The MME engine's input. Orders and Medications are read as unparsed JSON (lib/mme/read/json):
 * validated `fhir/r4` resources, raw vendor resources that failed validation (a PDMP record
 * without status or intent) and junk are all accepted; the engine never throws for any of them
 * (issue 13 item 7).
 */
import type { FactorTableId, IsoDate, UnreadableResource } from "@/lib/domain";
import type { NdcLookup } from "./ndc";

export type { NdcLookup } from "./ndc";

export interface MmeInput {
  /** Every MedicationRequest of the patient that was read (opioid or not, any status), parsed or raw. */
  medicationRequests: readonly unknown[];
  /** Medications the orders may reference (`Medication/<id>`, `urn:uuid:<id>`); contained ones are found in each order. */
  medications?: readonly unknown[] | undefined;
  /** MedicationRequests that failed validation: each becomes a not-computable order with the validation messages. */
  unreadable?: readonly UnreadableResource[] | undefined;
  /** The day the MME is computed for (`YYYY-MM-DD`); the engine never reads the clock. */
  asOf: IsoDate;
  /** Default `cdc-2022`. */
  factorTableId?: FactorTableId | undefined;
  /** Default DEFAULT_LOOKBACK_DAYS (90). */
  lookbackDays?: number | undefined;
  /** NDC resolution (lib/mme/ndc `makeNdcLookup` over the CDC 2018 table), for orders coded only with an NDC. */
  ndcLookup?: NdcLookup | undefined;
  /** The record was truncated by paging: the result is incomplete, whatever the orders say. */
  truncated?: boolean | undefined;
}
