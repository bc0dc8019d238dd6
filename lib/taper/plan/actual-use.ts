/**
 * Actual use of as-needed orders. The MME engine counts an as-needed order at the most it allows
 * (CDC MME IG convention), but a taper must start from what the patient actually takes, never
 * above it: the clinician enters (or confirms) whole doses a day; the order's dispense request
 * (quantity / days supply) prefills it, rounded down, and says where it came from.
 * A patient who does not take an opioid needs no taper for it (CDC 2022 draft l.2534-2535).
 */
import type { MedicationRequest } from "fhir/r4";
import type { ActualUse, PlanRefusal, PlanWarning, RegimenItem, TaperOptions } from "@/lib/domain";
import { readDoseQuantity } from "@/lib/mme/dose/quantity";
import { quantity as quantityView } from "@/lib/mme/read/json";
import { newNotes } from "@/lib/mme/notes";
import { durationHours } from "@/lib/mme/units";
import { fmt } from "../format";

/** Doses a day from the order's dispense request, rounded down (never above what was supplied); null when it has none. */
export function prescribedSupply(item: RegimenItem, request: MedicationRequest): ActualUse | null {
  const quantity = quantityView(request.dispenseRequest?.quantity);
  const hours = durationHours(request.dispenseRequest?.expectedSupplyDuration);
  if (quantity === null || hours === null || item.unitsPerAdministration <= 0) return null;
  const read = readDoseQuantity(item.product, quantity, newNotes(), "dispensed quantity");
  if (!read.ok) return null;
  const days = hours / 24;
  const perDay = read.value.units / item.unitsPerAdministration / days;
  if (!Number.isFinite(perDay) || perDay <= 0) return null;
  const whole = Math.min(Math.floor(perDay + 1e-9), Math.floor(item.administrationsPerDay + 1e-9));
  const unit = item.product.unit === "mL" ? "mL" : `${item.product.unit}s`;
  return {
    dosesPerDay: whole,
    source: "prescribed-supply",
    detail: `The order supplies ${fmt(read.value.units, 2)} ${unit} for ${fmt(days, 1)} days: ${fmt(perDay, 2)} doses a day${whole < perDay - 1e-9 ? `, rounded down to ${whole}` : ""}. This is what was prescribed, not what was taken: confirm with the patient.`,
  };
}

export interface StartUse {
  /** Whole doses a day the plan starts from, by item key (as-needed items only). */
  dosesPerDay: Map<string, number>;
  /** Items the patient does not take: left out of the plan. */
  notTaking: RegimenItem[];
  uses: { item: RegimenItem; use: ActualUse }[];
  warnings: PlanWarning[];
}

/** The actual use of each as-needed item (entered first, then prefilled), or a refusal naming the items without one. */
export function startUse(items: RegimenItem[], options: TaperOptions): StartUse | PlanRefusal {
  const out: StartUse = { dosesPerDay: new Map(), notTaking: [], uses: [], warnings: [] };
  const missing: RegimenItem[] = [];
  for (const item of items.filter((i) => i.asNeeded)) {
    const entered = item.orderRefs.map((ref) => options.actualUse[ref]).find((u) => u !== undefined);
    const use = entered ?? item.prescribedSupply;
    if (use === undefined) {
      missing.push(item);
      continue;
    }
    if (!Number.isInteger(use.dosesPerDay) || use.dosesPerDay < 0) {
      return { code: "taper.invalid-actual-use", message: `Actual use of ${item.product.name} must be a whole number of doses a day, 0 or more (got ${String(use.dosesPerDay)}).` };
    }
    const ordered = Math.floor(item.administrationsPerDay + 1e-9);
    const doses = Math.min(use.dosesPerDay, ordered);
    if (use.dosesPerDay > ordered) {
      out.warnings.push({
        code: "taper.use-above-order",
        message: `${item.product.name}: the patient takes ${use.dosesPerDay} doses a day, more than the order allows (${ordered}); the plan starts at the order's ${ordered}. Taking more than prescribed can be a sign of opioid use disorder: assess (CDC 2022 draft l.2675-2681).`,
      });
    }
    out.uses.push({ item, use });
    if (doses === 0) out.notTaking.push(item);
    else out.dosesPerDay.set(item.key, doses);
  }
  if (missing.length > 0) {
    return {
      code: "taper.actual-use-needed",
      message: `${missing.map((i) => i.product.name).join("; ")} ${missing.length === 1 ? "is" : "are"} ordered as needed, and the record gives no supply to estimate use from: enter how many doses a day the patient actually takes. The plan starts there, never above it.`,
    };
  }
  return out;
}
