/**
 * The MME of one patient's current orders as both `plan` modes compute it (a new plan and
 * `--follow-up`): lib/mme `calculateMme`, the NDC table (CDC 2018 data file) consulted only when
 * an order is coded with an NDC alone, unreadable orders making the total incomplete.
 */
import type { FactorTableId, IsoDate, MmeResult } from "@/lib/domain";
import { calculateMme } from "@/lib/mme";
import { makeNdcLookup } from "@/lib/mme/ndc";
import { needsNdcLookup } from "@/lib/mme/ndc/needs";
import { NDC_TABLE } from "@/lib/mme/ndc/ndc-table.generated";
import type { PatientResources } from "./bundle";

export function currentMme(res: PatientResources, asOf: IsoDate, factorTableId: FactorTableId): MmeResult {
  const ndcLookup = needsNdcLookup(res.medicationRequests, res.medications) ? makeNdcLookup(NDC_TABLE) : undefined;
  return calculateMme({ medicationRequests: res.medicationRequests, medications: res.medications, unreadable: res.unreadableOrders, asOf, factorTableId, ndcLookup });
}
