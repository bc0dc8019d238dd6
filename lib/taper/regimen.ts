/**
 * From the MME engine's result to the regimen the taper starts from: one item per counted
 * opioid product. Never tapered by this tool, each with its reason and what to do instead:
 * medication for opioid use disorder (methadone or buprenorphine; CDC 2022 Rec 12, HHS 2019),
 * buprenorphine for pain, and products whose doses cannot be built from real units. An MME
 * result that is not complete blocks a plan (a plan from a partial total would taper from a dose
 * that is not the patient's). Orders of the same product family taken on the same schedule are
 * one item (two fentanyl patches worn together, two oxycodone tablets taken together), so each
 * step has one instruction per product.
 */
import type { MedicationRequest } from "fhir/r4";
import type { ActualUse, FactorTableId, MmeResult, OrderMme, PlanRefusal, PlanWarning, RegimenItem } from "@/lib/domain";
import { formulationOf } from "@/lib/mme/catalog";
import { isOudTreatmentOrder } from "@/lib/mme";
import { fmt } from "./format";
import { prescribedSupply } from "./plan/actual-use";
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
  /** Remarks on the starting regimen that the plan must carry. */
  warnings: PlanWarning[];
  /** Current orders that are medication for opioid use disorder (never tapered; they hold the plan of any other opioid). */
  oudTreatment: NotTaperedItem[];
}

/** The MME engine's exclusion reason for methadone or buprenorphine prescribed for opioid use disorder. */
export const OUD_TREATMENT_REASON = "mme.excluded.oud-treatment";

export const OUD_TREATMENT_INSTEAD =
  "Continue it (or arrange it) with the prescriber or program treating the opioid use disorder, and coordinate any change with them; do not taper it as a pain medicine. Detoxification alone is not recommended (CDC 2022 Rec 12; HHS 2019).";

const BUPRENORPHINE_REASON =
  "Buprenorphine is never tapered by this tool: it is a partial agonist and may be treatment for opioid use disorder (CDC 2022 Rec 12); continue it and manage it separately.";

/**
 * Builds the taper regimen from an MME result. `medicationRequests` (optional) are the orders
 * the MME was computed from: an as-needed order's dispense request prefills its actual use.
 */
export function regimenFromMme(mme: MmeResult, medicationRequests: readonly MedicationRequest[] = []): Regimen {
  const regimen: Regimen = { factorTableId: mme.factorTableId, items: [], notTapered: [], blockers: [], warnings: [], oudTreatment: [] };
  addCompletenessBlocker(mme, regimen);
  const byRef = new Map<string, MedicationRequest>();
  for (const mr of medicationRequests) if (mr.id !== undefined) byRef.set(`MedicationRequest/${mr.id}`, mr);
  for (const order of mme.orders) {
    if (isOudTreatmentOrder(order)) {
      if (isCurrentStatus(order)) {
        const item = { display: order.display, reason: `Medication for opioid use disorder: never tapered by this tool. ${OUD_TREATMENT_INSTEAD}` };
        regimen.oudTreatment.push(item);
        regimen.notTapered.push(item);
      }
    } else if (isBuprenorphine(order) && order.status !== "excluded") {
      regimen.notTapered.push({ display: order.display, reason: BUPRENORPHINE_REASON });
    } else if (order.status === "excluded" && order.reason === "mme.excluded.buprenorphine") {
      if (isCurrentStatus(order)) regimen.notTapered.push({ display: order.display, reason: BUPRENORPHINE_REASON });
    } else if (order.status === "counted") {
      addCounted(order, regimen, byRef.get(order.medicationRequest));
    }
  }
  regimen.items = mergeSameProduct(regimen.items);
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

function addCounted(order: OrderMme, regimen: Regimen, request: MedicationRequest | undefined): void {
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
  const asNeeded = order.asNeeded && unsupported.kind !== "patch";
  const item: RegimenItem = {
    key: product.rxnorm ?? order.medicationRequest, orderRefs: [order.medicationRequest], product, unitsPerAdministration: units,
    administrationsPerDay: perDay, mmePerDay, asNeeded,
  };
  if (order.patchesWorn !== undefined) item.patchesWorn = order.patchesWorn;
  const supply: ActualUse | null = asNeeded && request !== undefined ? prescribedSupply(item, request) : null;
  if (supply !== null) item.prescribedSupply = supply;
  regimen.items.push(item);
}

/**
 * Orders of one product family (same opioid, form, release, formulation and non-opioid
 * ingredients) on the same schedule, none as needed, are one item: their units are taken
 * together. Keys are made unique otherwise.
 */
function mergeSameProduct(items: RegimenItem[]): RegimenItem[] {
  const out: RegimenItem[] = [];
  for (const item of items) {
    const same = out.find((o) => !o.asNeeded && !item.asNeeded && familyKey(o) === familyKey(item) && Math.abs(o.administrationsPerDay - item.administrationsPerDay) < 1e-9);
    if (same === undefined) {
      const key = out.some((o) => o.key === item.key) ? `${item.key}@${item.orderRefs[0] ?? out.length}` : item.key;
      out.push({ ...item, key, orderRefs: [...item.orderRefs] });
      continue;
    }
    const units = [...unitsOf(same), ...unitsOf(item)];
    const strongest = units.reduce((a, b) => (strengthOf(b.product) > strengthOf(a.product) ? b : a));
    const amount = units.reduce((sum, u) => sum + u.count * strengthOf(u.product), 0);
    same.startUnits = units;
    same.product = strongest.product;
    same.unitsPerAdministration = amount / strengthOf(strongest.product);
    if (same.patchesWorn !== undefined) same.patchesWorn = units.reduce((n, u) => n + u.count, 0);
    same.orderRefs.push(...item.orderRefs);
    same.mmePerDay += item.mmePerDay;
  }
  return out;
}

const strengthOf = (product: RegimenItem["product"]): number => product.ingredients[0]?.value ?? 0;

function unitsOf(item: RegimenItem): { product: RegimenItem["product"]; count: number }[] {
  return item.startUnits ?? [{ product: item.product, count: item.patchesWorn ?? item.unitsPerAdministration }];
}

const RELEASE_HOURS = /\b(\d+) HR\b/i;

function familyKey(item: RegimenItem): string {
  const p = item.product;
  return [p.ingredients.map((i) => i.ingredient).join("+"), p.doseForm, p.release, p.unit, [...p.otherIngredients].sort().join("+"),
    RELEASE_HOURS.exec(p.name)?.[1] ?? "", formulationOf(p.name) ?? "",
    // liquids of different concentrations are never added up (a known source of 10-fold errors)
    p.unit === "mL" ? String(strengthOf(p)) : ""].join("|");
}

function isBuprenorphine(order: OrderMme): boolean {
  return order.product?.ingredients.some((i) => i.ingredient === "buprenorphine") ?? false;
}

function isCurrentStatus(order: OrderMme): boolean {
  return order.fhirStatus === "active" || order.fhirStatus === "on-hold";
}
