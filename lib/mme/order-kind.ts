/**
 * What an order on the MME ledger is, for every consumer (readiness, the planner, CDS cards, the
 * commands): one answer, so two screens cannot disagree. An order excluded as buprenorphine or as
 * treatment of opioid use disorder (`mme.excluded.oud-treatment`, issue 13 item 4) has passed the
 * shared currency rule (lib/mme/currency: an order that is not current is excluded with the
 * currency reason instead), so it is a current opioid: an overdose risk with other depressants,
 * and never tapered by this tool.
 */
import type { OrderMme, OrderReason } from "@/lib/domain";

/** Exclusions of a current opioid order from the pain MME. */
const CURRENT_OPIOID_EXCLUSIONS: ReadonlySet<OrderReason> = new Set<OrderReason>(["mme.excluded.buprenorphine", "mme.excluded.oud-treatment"]);

/** A current opioid order: counted, not computable, or a current opioid left out of the pain MME (buprenorphine, OUD treatment). */
export function isCurrentOpioidOrder(order: OrderMme): boolean {
  return order.status === "counted" || order.status === "not-computable" || (order.reason !== null && CURRENT_OPIOID_EXCLUSIONS.has(order.reason));
}

/** A current order of methadone or buprenorphine prescribed for opioid use disorder (not tapered; continue MOUD). */
export function isOudTreatmentOrder(order: OrderMme): boolean {
  return order.reason === "mme.excluded.oud-treatment";
}
