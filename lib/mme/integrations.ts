/**
 * The engine's seams to the companion modules (issue 10), one function each:
 * - `timingCodePerDay`: HL7 timing abbreviation codes (lib/mme/timing);
 * - `readSig`: the sig-text parser (lib/mme/sig), for `dosageInstruction.text`, else
 *   `patientInstruction`;
 * - `productFromNdc`: an NDC match (lib/mme/ndc) turned into an identification.
 * Nothing here decides clinical arithmetic; the engine uses these only where the structured
 * fields are missing, so adding a sig text to a structured order never changes its MME.
 */
import type { Dosage, CodeableConcept } from "fhir/r4";
import type { NdcMatch } from "@/lib/mme/ndc/types";
import { parseSig, type ParsedSig } from "@/lib/mme/sig";
import { administrationsPerDayFromTimingCode } from "@/lib/mme/timing";
import type { Identification } from "./product/types";

/** Administrations per day from `Timing.code` (maximum the code allows), with the code as written; null when none. */
export function timingCodePerDay(code: CodeableConcept | undefined): { perDay: number; code: string } | null {
  const reading = administrationsPerDayFromTimingCode(code);
  return reading === null || !Number.isFinite(reading.perDay) || reading.perDay <= 0 ? null : { perDay: reading.perDay, code: reading.code };
}

/** The parsed sig of a dosage (text, else patient instruction), or null when there is none. */
export function readSig(dosage: Dosage): ParsedSig | null {
  const text = dosage.text?.trim() || dosage.patientInstruction?.trim();
  return text === undefined || text === "" ? null : parseSig(text);
}

/** An NDC lookup as built by `makeNdcLookup` (lib/mme/ndc) over the CDC 2018 data file. */
export type NdcLookup = (ndc: string) => NdcMatch | null;

/** An NDC match as an identification; null when the NDC is not in the table. */
export function identificationFromNdc(match: NdcMatch | null): Identification | null {
  if (match === null) return null;
  const name = `${match.row.productName} (${match.row.genericName}, NDC ${match.ndc})`;
  if (match.product !== null) return { kind: "product", product: match.product, source: "ndc-table", assumptions: [], discrepancies: [] };
  if (match.ingredient !== null) {
    return { kind: "opioid-without-strength", name, ingredients: [match.ingredient], doseForm: null, source: "ndc-table", assumptions: [] };
  }
  return { kind: "unidentified", name, message: `${name}: ${match.row.drug} is not an opioid this calculator has a factor for.` };
}
