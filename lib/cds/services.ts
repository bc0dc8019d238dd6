/**
 * The services this deployment offers and the hooks each answers (CDS Hooks 2.0
 * "Discovery": one entry per hook; a service may be listed under two hooks with the same id).
 * The prefetch templates are query construction and live with the queries
 * (lib/cds-service/discovery.ts).
 */
import { CDS_SERVICE_IDS, type CdsHook, type CdsServiceId } from "./types";

const HOOKS: Record<CdsServiceId, readonly CdsHook[]> = {
  "opioid-mme-order-sign": ["order-sign", "order-select"],
  "opioid-taper-patient-view": ["patient-view"],
};

export function isCdsServiceId(value: string): value is CdsServiceId {
  return CDS_SERVICE_IDS.some((id) => id === value);
}

/** The hooks a service answers; a request with another hook is refused (400). */
export function hooksOf(id: CdsServiceId): readonly CdsHook[] {
  return HOOKS[id];
}

export const SERVICE_TEXT: Record<CdsServiceId, { title: string; description: string }> = {
  "opioid-mme-order-sign": {
    title: "Opioid dose (MME) at order signing",
    description:
      "When an opioid is ordered: the total MME/day including the draft orders (said plainly when incomplete), " +
      "opioid with a benzodiazepine, no naloxone (with a suggested draft order), opioid use disorder treatment, " +
      "and a link into the Opioid Taper Planner. Thresholds are informational (CDC 2022).",
  },
  "opioid-taper-patient-view": {
    title: "Opioid dose and taper plan on chart open",
    description:
      "For a patient with a current opioid: the current MME/day, whether a taper plan from this app is on file, " +
      "the main readiness cautions, no naloxone (with a suggested draft order), and a link into the planner.",
  },
};
