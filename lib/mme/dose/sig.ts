/**
 * Sig-text units -> a FHIR-like Quantity, so a dose read from the sig text goes through the
 * same single unit reader (lib/mme/units) as a structured dose.
 */
import type { Dosage, Quantity } from "fhir/r4";
import { parseSig, type ParsedSig, type SigDose, type SigDoseUnit } from "@/lib/mme/sig";

const SPELLING: Readonly<Record<SigDoseUnit, string>> = {
  tablet: "tablet",
  capsule: "capsule",
  patch: "patch",
  film: "film",
  spray: "spray",
  lozenge: "lozenge",
  suppository: "each",
  unit: "each",
  mL: "mL",
  mg: "mg",
  mcg: "mcg",
};

export function quantityFromSigUnit(value: number, unit: SigDoseUnit | null): Quantity {
  return unit === null ? { value } : { value, unit: SPELLING[unit] };
}

/** The maximum of a sig dose as a Quantity. */
export function quantityFromSigDose(dose: SigDose): Quantity {
  return quantityFromSigUnit(dose.max, dose.unit);
}

/** The parsed sig of a dosage (text, else patient instruction), or null when there is none. */
export function readSig(dosage: Dosage): ParsedSig | null {
  const text = dosage.text?.trim() || dosage.patientInstruction?.trim();
  return text === undefined || text === "" ? null : parseSig(text);
}
