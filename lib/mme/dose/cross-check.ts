/**
 * Structured fields vs the sig text (issue 10): when both are present the structured values
 * are used, and a material disagreement is shown to the clinician. Never changes a number.
 */
import type { OpioidProduct } from "@/lib/domain";
import type { ParsedSig } from "@/lib/mme/sig";
import { newNotes, num, type Notes } from "@/lib/mme/notes";
import { readDoseQuantity } from "./quantity";
import type { Schedule } from "@/lib/mme/frequency/caps";
import { quantityFromSigDose } from "./sig";

/** Relative difference above which two values are said to disagree. */
const MATERIAL_DIFFERENCE = 0.01;

function differs(a: number, b: number): boolean {
  return Math.abs(a - b) > MATERIAL_DIFFERENCE * Math.max(Math.abs(a), Math.abs(b));
}

export function noteDiscrepancies(sig: ParsedSig | null, s: Schedule, product: OpioidProduct, notes: Notes): void {
  if (sig === null) return;
  const sigPerDay = sig.administrationsPerDay?.max;
  if (sigPerDay !== undefined && differs(sigPerDay, s.administrationsPerDay)) {
    notes.discrepancies.push(
      `The sig text ("${sig.text}") allows ${num(sigPerDay)} administrations a day; the structured timing allows ${num(s.administrationsPerDay)}. The structured value was used.`,
    );
  }
  if (sig.dose === null) return;
  const sigDose = readDoseQuantity(product, quantityFromSigDose(sig.dose), newNotes(), "dose in the sig text");
  if (sigDose.ok && differs(sigDose.value.units, s.unitsPerAdministration)) {
    notes.discrepancies.push(
      `The sig text ("${sig.text}") gives ${num(sigDose.value.units)} ${product.unit} per dose; the structured dose is ${num(s.unitsPerAdministration)}. The structured value was used.`,
    );
  }
}
