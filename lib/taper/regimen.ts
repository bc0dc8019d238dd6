/**
 * From the MME engine's result to the regimen the taper starts from: one item per counted
 * opioid order. Buprenorphine is never tapered by this tool; products whose doses the
 * engine cannot build from real units are listed as not tapered, with the reason; and an
 * MME result that is not complete blocks a plan (a plan from a partial total would taper
 * from a dose that is not the patient's dose).
 */
import type { FactorTableId, MmeResult, OrderMme, PlanRefusal, PlanWarning, RegimenItem } from "@/lib/domain";
import { isOudTreatmentOrder } from "@/lib/mme";
import { fmt } from "./format";
import { tapersAs } from "./plan/product-kind";

export interface NotTaperedItem {
  display: string;
  reason: string;
}

export interface Regimen {
  factorTableId: FactorTableId;
  items: RegimenItem[];
  notTapered: NotTaperedItem[];
  /** Why no plan can be made (MME incomplete or unknown, an order without dose or frequency). Empty when a plan can be made. */
  blockers: PlanRefusal[];
  /** Remarks on the starting regimen that the plan must carry (as-needed orders counted at their maximum...). */
  warnings: PlanWarning[];
}

const OUD_TREATMENT_REASON =
  "Prescribed for opioid use disorder: never tapered by this tool and not part of the pain MME (CDC 2022 Rec 12: offer or continue medication for OUD); continue it and manage it separately.";

const BUPRENORPHINE_REASON =
  "Buprenorphine is never tapered by this tool: it is a partial agonist and may be treatment for opioid use disorder (CDC 2022 Rec 12); continue it and manage it separately.";

/**
 * Builds the taper regimen from an MME result.
 * - counted orders become items (key: RxNorm code, or the order reference; made unique);
 * - buprenorphine orders (excluded by the MME engine) are listed in `notTapered`;
 * - `state !== "complete"` adds a blocker naming each order that could not be computed;
 * - a counted order without units per administration or administrations per day adds a blocker.
 */
export function regimenFromMme(mme: MmeResult): Regimen {
  const regimen: Regimen = { factorTableId: mme.factorTableId, items: [], notTapered: [], blockers: [], warnings: [] };
  addCompletenessBlocker(mme, regimen);
  const usedKeys = new Set<string>();
  for (const order of mme.orders) {
    if (isBuprenorphine(order) && order.status !== "excluded") {
      regimen.notTapered.push({ display: order.display, reason: BUPRENORPHINE_REASON });
    } else if (isOudTreatmentOrder(order)) {
      regimen.notTapered.push({ display: order.display, reason: OUD_TREATMENT_REASON });
    } else if (order.status === "excluded" && order.reason === "mme.excluded.buprenorphine") {
      if (isCurrentStatus(order)) regimen.notTapered.push({ display: order.display, reason: BUPRENORPHINE_REASON });
    } else if (order.status === "counted") {
      addCounted(order, regimen, usedKeys);
    }
  }
  return regimen;
}

function addCompletenessBlocker(mme: MmeResult, regimen: Regimen): void {
  if (mme.state === "complete") return;
  if (mme.state === "unknown") {
    regimen.blockers.push({
      code: "taper.mme-unknown",
      message: `The medication list could not be read, so the current dose is unknown; no plan is proposed. ${mme.incompleteReasons.join(" ")}`.trim(),
    });
    return;
  }
  const failed = mme.orders.filter((o) => o.status === "not-computable" && !isBuprenorphine(o));
  const list = failed.map((o) => `${o.display} (${o.medicationRequest}): ${o.message ?? o.reason ?? "not computable"}`);
  regimen.blockers.push({
    code: "taper.mme-incomplete",
    message: [
      "The MME total is incomplete, so the current dose is not known; no plan is proposed from a partial total.",
      ...list,
      ...mme.incompleteReasons,
      "Clarify these orders first.",
    ].join(" "),
  });
}

function addCounted(order: OrderMme, regimen: Regimen, usedKeys: Set<string>): void {
  const { product, unitsPerAdministration: units, administrationsPerDay: perDay, mmePerDay } = order;
  if (product === null || units === null || perDay === null || mmePerDay === null || units <= 0 || perDay <= 0) {
    regimen.blockers.push({
      code: "taper.order-without-dose",
      message: `${order.display} (${order.medicationRequest}) is counted in the MME but its dose or frequency per administration is not known, so no schedule can be built from it.`,
    });
    return;
  }
  const unsupported = tapersAs(product);
  if (unsupported.kind === "unsupported") {
    regimen.notTapered.push({ display: order.display, reason: unsupported.reason });
    regimen.warnings.push({
      code: "taper.not-tapered-in-total",
      message: `${order.display} (${fmt(mmePerDay)} MME/day) is not tapered by this tool (${unsupported.reason}) and is left out of the plan's totals; plan its reduction separately.`,
    });
    return;
  }
  let key = product.rxnorm ?? order.medicationRequest;
  if (usedKeys.has(key)) key = `${key}@${order.medicationRequest}`;
  usedKeys.add(key);
  const item: RegimenItem = {
    key, orderRefs: [order.medicationRequest], product, unitsPerAdministration: units, administrationsPerDay: perDay, mmePerDay,
  };
  if (order.patchesWorn !== undefined) item.patchesWorn = order.patchesWorn;
  regimen.items.push(item);
  if (order.asNeeded) {
    regimen.warnings.push({
      code: "taper.prn-at-maximum",
      message: `${order.display} is ordered as needed; the plan starts from the most the order allows. Ask how much the patient actually takes and start from that dose if it is lower.`,
    });
  }
}

function isBuprenorphine(order: OrderMme): boolean {
  return order.product?.ingredients.some((i) => i.ingredient === "buprenorphine") ?? false;
}

function isCurrentStatus(order: OrderMme): boolean {
  return order.fhirStatus === "active" || order.fhirStatus === "on-hold";
}
