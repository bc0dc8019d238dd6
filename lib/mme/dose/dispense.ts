/**
 * The fill as a reading: `dispenseRequest.quantity` over `expectedSupplyDuration` is the units a
 * day the fill supplies (the CDC data-file formula: units / days supply).
 * - When the order has no usable dosage (PDMP records: NDC + quantity + days supply only), it is
 *   the estimate, flagged: an average, not the most the order allows. For patches, the data
 *   file's convention of a 72-hour patch gives the patches worn at once (units a day x 3).
 * - When the order has a dosage, it is a cross-check: a fill that supplies more a day than the
 *   order allows (beyond DISPENSE_EXCESS_TOLERANCE) disagrees with it.
 * A quantity that is not in product units (Zus sends `{"value": 90, "unit": "days"}`) is not read.
 */
import type { OpioidProduct } from "@/lib/domain";
import { assume, fail, newNotes, num, ok, type Notes, type Step } from "@/lib/mme/notes";
import { at, quantity } from "@/lib/mme/read/json";
import { durationHours } from "@/lib/mme/units";
import type { LineResult } from "./line";
import { readDoseQuantity } from "./quantity";

const HOURS_PER_DAY = 24;
/** CDC data file 2018: fentanyl patch factor 7.2 = 2.4 x 3, i.e. one patch lasts 3 days. */
const PATCH_DAYS_ASSUMED = 3;

export interface Fill {
  units: number;
  days: number;
  unitsPerDay: number;
  massMg: number | null;
}

/** The fill's units a day, or why it cannot be read (null: the order states no fill). */
export function readFill(product: OpioidProduct, order: unknown): Step<Fill> | null {
  const dispense = at(order, "dispenseRequest");
  const q = quantity(at(dispense, "quantity"));
  const hours = durationHours(at(dispense, "expectedSupplyDuration"));
  if (q === null && hours === null) return null;
  if (q === null || hours === null) return fail("mme.missing-dosage", "The fill states a quantity or a supply duration, not both.");
  const read = readDoseQuantity(product, q, newNotes(), "dispensed quantity");
  if (!read.ok) return read;
  const days = hours / HOURS_PER_DAY;
  return ok({ units: read.value.units, days, unitsPerDay: read.value.units / days, massMg: read.value.massMg });
}

/** The estimate from the fill alone (no usable dosage). */
export function estimateFromFill(product: OpioidProduct, fill: Fill, notes: Notes): LineResult {
  const patch = product.doseForm === "transdermal";
  const patchesWorn = patch ? fill.unitsPerDay * PATCH_DAYS_ASSUMED : null;
  assume(notes, "mme.assume.dispense-estimate", `No usable dosage: estimated from the fill (${num(fill.units)} ${product.unit} over ${num(fill.days)} days = ${num(fill.unitsPerDay)} a day), an average, not the most the order allows.`);
  if (patch) assume(notes, "mme.assume.patch-72h", `Each patch assumed to last 3 days (CDC data file convention): ${num(patchesWorn ?? 0)} worn at once.`);
  return {
    unitsPerAdministration: null,
    massMgPerAdministration: null,
    administrationsPerDay: null,
    unitsPerDay: patch ? null : fill.unitsPerDay,
    massMgPerDay: fill.massMg === null ? null : fill.massMg / fill.days,
    patchesWorn,
    asNeeded: false,
    doseSource: "dispense-estimate",
    frequencySource: "dispense-estimate",
  };
}
