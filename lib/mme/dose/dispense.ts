/**
 * Estimate from the dispense request when no dosage is usable: quantity / expected supply
 * duration (the CDC data-file formula: units / days supply). Flagged, because it is an
 * average, not the most the order allows. For patches, the data file's convention of a
 * 72-hour patch gives the patches worn at once (units per day x 3).
 */
import type { OpioidProduct } from "@/lib/domain";
import type { MedicationRequestDispenseRequest } from "fhir/r4";
import { assume, fail, num, ok, type Notes, type Step } from "@/lib/mme/notes";
import { durationHours } from "@/lib/mme/units";
import { readDoseQuantity } from "./quantity";
import type { DosageResult } from "./dosage";

const HOURS_PER_DAY = 24;
/** CDC data file 2018: fentanyl patch factor 7.2 = 2.4 x 3, i.e. one patch lasts 3 days. */
const PATCH_DAYS_ASSUMED = 3;

export function estimateFromDispense(product: OpioidProduct, dispense: MedicationRequestDispenseRequest | undefined, notes: Notes): Step<DosageResult> {
  const quantity = dispense?.quantity;
  const hours = durationHours(dispense?.expectedSupplyDuration);
  if (quantity === undefined || hours === null) {
    return fail("mme.missing-dosage", "The order has no usable dosage instruction, and no dispense quantity with a supply duration to estimate from.");
  }
  const read = readDoseQuantity(product, quantity, notes, "dispensed quantity");
  if (!read.ok) return read;
  const days = hours / HOURS_PER_DAY;
  const unitsPerDay = read.value.units / days;
  const patch = product.doseForm === "transdermal";
  const patchesWorn = patch ? unitsPerDay * PATCH_DAYS_ASSUMED : null;
  assume(notes, "mme.assume.dispense-estimate", `No usable dosage: estimated from the dispense request (${num(read.value.units)} ${product.unit} over ${num(days)} days = ${num(unitsPerDay)} a day), an average, not the most the order allows.`);
  if (patch) assume(notes, "mme.assume.patch-72h", `Each patch assumed to last 3 days (CDC data file convention): ${num(patchesWorn ?? 0)} worn at once.`);
  return ok({
    unitsPerAdministration: null,
    massMgPerAdministration: null,
    administrationsPerDay: null,
    unitsPerDay: patch ? null : unitsPerDay,
    massMgPerDay: read.value.massMg === null ? null : read.value.massMg / days,
    patchesWorn,
    asNeeded: false,
    doseSource: "dispense-estimate",
    frequencySource: "dispense-estimate",
  });
}
