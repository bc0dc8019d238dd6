/**
 * The sig text of a dosage instruction as a reading: `text` and `patientInstruction` are each
 * parsed (memoized by text: sigs repeat across orders and lines), and sig units become a
 * Quantity so a dose read from the text goes through the same single unit reader
 * (lib/mme/units) as a structured dose.
 */
import { parseSig, type ParsedSig, type SigDose, type SigDoseUnit } from "@/lib/mme/sig";
import { at, text } from "@/lib/mme/read/json";
import type { DoseQuantity } from "./quantity";

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

export function quantityFromSigUnit(value: number, unit: SigDoseUnit | null): DoseQuantity {
  return unit === null ? { value, unit: undefined, code: undefined } : { value, unit: SPELLING[unit], code: undefined };
}

/** The maximum of a sig dose as a Quantity. */
export function quantityFromSigDose(dose: SigDose): DoseQuantity {
  return quantityFromSigUnit(dose.max, dose.unit);
}

const MAX_CACHED = 4096;
const parsed = new Map<string, ParsedSig>();

/** parseSig, memoized (bounded; the result depends only on the text and must not be mutated). */
export function parseSigCached(sigText: string): ParsedSig {
  const hit = parsed.get(sigText);
  if (hit !== undefined) return hit;
  const result = parseSig(sigText);
  if (parsed.size >= MAX_CACHED) parsed.clear();
  parsed.set(sigText, result);
  return result;
}

/** The sig texts of a dosage instruction (text, then patient instruction when it differs), parsed. */
export function readSigs(dosage: unknown): Array<{ where: string; sig: ParsedSig }> {
  const out: Array<{ where: string; sig: ParsedSig }> = [];
  const main = text(at(dosage, "text"));
  const patient = text(at(dosage, "patientInstruction"));
  if (main !== undefined) out.push({ where: "sig text", sig: parseSigCached(main) });
  if (patient !== undefined && patient !== main) out.push({ where: "patient instruction", sig: parseSigCached(patient) });
  return out;
}
