/**
 * Step 2 of a reading: the dose per administration of one dosage instruction, read from every
 * place that states it (issue 13 item 1):
 * - each `doseAndRate` entry (Epic sends the same dose as "calculated", "admin-amount" and
 *   "ordered", in mg, tablets or mL): `doseQuantity`, or `doseRange` (the most it allows);
 * - each sig text (`text`, `patientInstruction`): its dose, and the same dose restated as a mass
 *   ("Take 1 tablet (5 mg total)", "650 mg = 2 cap").
 * Every reading is converted to product units through the product strength (lib/mme/dose/
 * quantity.ts), so readings in different units can be compared. Reads unparsed JSON.
 */
import type { OpioidProduct } from "@/lib/domain";
import type { ParsedSig } from "@/lib/mme/sig";
import { arr, at, concept, obj, quantity } from "@/lib/mme/read/json";
import { unitsWords, type NumberReading, type Unreadable } from "@/lib/mme/agreement";
import type { Notes } from "@/lib/mme/notes";
import { readQuantityUnit } from "@/lib/mme/units";
import { readDoseQuantity, type DoseAmount, type DoseQuantity } from "./quantity";
import { quantityFromSigUnit } from "./sig";

export interface DoseReadings {
  readings: NumberReading[];
  unreadable: Unreadable[];
  /** Opioid mg per administration, when a structured reading gave the dose as a mass (exact arithmetic). */
  massMg: number | null;
}

function entryLabel(entry: unknown, index: number, count: number): string {
  const type = concept(at(entry, "type"));
  const name = type?.text ?? type?.coding.find((c) => c.code !== undefined)?.code;
  if (name !== undefined) return `doseAndRate "${name}"`;
  return count === 1 ? "structured dose" : `doseAndRate #${index + 1}`;
}

function unitWord(product: OpioidProduct): string {
  return product.unit === "unit" ? "unit" : product.unit;
}

function add(out: DoseReadings, product: OpioidProduct, where: string, max: DoseQuantity, min: DoseQuantity | null, notes: Notes, what: string): DoseAmount | null {
  const high = readDoseQuantity(product, max, notes, what);
  if (!high.ok) {
    // A unit this calculator reads that does not fit the product (mL of a tablet, mcg of a patch)
    // contradicts it: blocking. A spelling it does not read ("mg/kg", "scoops") is only unread.
    const known = readQuantityUnit(max).kind === "known";
    const reason = known && high.reason === "mme.unknown-dose-unit" ? "mme.conflicting-dose" : high.reason;
    out.unreadable.push({ where, reason, message: high.message, blocking: high.reason === "mme.invalid-value" || known });
    return null;
  }
  const low = min === null ? null : readDoseQuantity(product, min, notes, what);
  const minUnits = low !== null && low.ok ? Math.min(low.value.units, high.value.units) : high.value.units;
  out.readings.push({ where, value: high.value.units, min: minUnits, words: unitsWords(high.value.units, unitWord(product), minUnits) });
  return high.value;
}

function structured(out: DoseReadings, product: OpioidProduct, dosage: unknown, notes: Notes): void {
  const entries = arr(at(dosage, "doseAndRate")).filter((e) => obj(e) !== null && (at(e, "doseQuantity") !== undefined || at(e, "doseRange") !== undefined));
  entries.forEach((entry, i) => {
    const where = entryLabel(entry, i, entries.length);
    const dq = quantity(at(entry, "doseQuantity"));
    if (dq !== null) {
      const amount = add(out, product, where, dq, null, notes, "dose");
      if (amount?.massMg !== null && amount?.massMg !== undefined && out.massMg === null) out.massMg = amount.massMg;
      return;
    }
    const range = at(entry, "doseRange");
    const high = quantity(at(range, "high"));
    if (high === null) {
      out.unreadable.push({ where, reason: "mme.missing-dose", message: "the dose range has no upper limit, so the most the order allows is unknown", blocking: false });
      return;
    }
    add(out, product, `${where} (range)`, high, quantity(at(range, "low")), notes, "dose");
  });
}

function fromSig(out: DoseReadings, product: OpioidProduct, where: string, sig: ParsedSig, notes: Notes): void {
  const dose = sig.dose;
  if (dose !== null) {
    const side = sig.bothSides ? ", both sides" : "";
    add(out, product, `${where}${side}`, quantityFromSigUnit(dose.max, dose.unit), dose.min < dose.max ? quantityFromSigUnit(dose.min, dose.unit) : null, notes, "dose in the sig text");
  }
  const alt = sig.doseAlternate;
  if (alt !== null) add(out, product, `${where} (also written ${alt.max} ${alt.unit ?? ""})`.replace(" )", ")"), quantityFromSigUnit(alt.max, alt.unit), null, notes, "dose in the sig text");
  if (dose === null && alt === null && sig.dosePerDay === null) {
    const why = sig.warnings.find((w) => w.code === "sig.ambiguous-dose" || w.code === "sig.unknown-dose-unit" || w.code === "sig.sequential-instructions");
    if (why !== undefined) out.unreadable.push({ where, reason: "mme.missing-dose", message: why.message, blocking: false });
  }
}

/** Every reading of the dose per administration of one dosage instruction, most structured first. */
export function readDoses(product: OpioidProduct, dosage: unknown, sigs: ReadonlyArray<{ where: string; sig: ParsedSig }>, notes: Notes): DoseReadings {
  const out: DoseReadings = { readings: [], unreadable: [], massMg: null };
  structured(out, product, dosage, notes);
  for (const { where, sig } of sigs) fromSig(out, product, where, sig, notes);
  return out;
}
