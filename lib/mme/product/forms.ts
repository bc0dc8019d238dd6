/**
 * RxNorm dose-form names -> dose-form family, product unit and release, read from a
 * normalized name ("... Extended Release Oral Tablet") or a Medication.form text. The
 * phrases are fixed RxNorm vocabulary, matched longest first; patterns compile once.
 */
import type { DoseFormFamily, ProductUnit, ReleaseKind } from "@/lib/domain";

export interface FormReading {
  doseForm: DoseFormFamily;
  doseFormName: string;
  unit: ProductUnit;
  release: ReleaseKind;
}

type FormRow = readonly [phrase: string, doseForm: DoseFormFamily, unit: ProductUnit, formName: string];

const FORM_ROWS: readonly FormRow[] = [
  ["extended release oral tablet", "oral-solid", "tablet", "Extended Release Oral Tablet"],
  ["extended release oral capsule", "oral-solid", "capsule", "Extended Release Oral Capsule"],
  ["disintegrating oral tablet", "oral-solid", "tablet", "Disintegrating Oral Tablet"],
  ["oral tablet", "oral-solid", "tablet", "Oral Tablet"],
  ["oral capsule", "oral-solid", "capsule", "Oral Capsule"],
  ["oral solution", "oral-liquid", "mL", "Oral Solution"],
  ["oral suspension", "oral-liquid", "mL", "Oral Suspension"],
  ["oral concentrate", "oral-liquid", "mL", "Oral Concentrate"],
  ["transdermal system", "transdermal", "patch", "Transdermal System"],
  ["transdermal patch", "transdermal", "patch", "Transdermal Patch"],
  ["buccal film", "buccal", "film", "Buccal Film"],
  ["buccal tablet", "buccal", "tablet", "Buccal Tablet"],
  ["sublingual film", "sublingual", "film", "Sublingual Film"],
  ["sublingual tablet", "sublingual", "tablet", "Sublingual Tablet"],
  ["sublingual spray", "sublingual", "spray", "Sublingual Spray"],
  ["mucosal spray", "sublingual", "spray", "Mucosal Spray"],
  ["nasal spray", "nasal", "spray", "Nasal Spray"],
  ["oral lozenge", "oral-transmucosal", "lozenge", "Oral Lozenge"],
  ["lozenge", "oral-transmucosal", "lozenge", "Lozenge"],
  ["troche", "oral-transmucosal", "lozenge", "Troche"],
  ["injectable solution", "injection", "mL", "Injectable Solution"],
  ["injectable suspension", "injection", "mL", "Injectable Suspension"],
  ["injection", "injection", "mL", "Injection"],
  ["prefilled syringe", "injection", "mL", "Prefilled Syringe"],
  ["auto-injector", "injection", "mL", "Auto-Injector"],
  ["cartridge", "injection", "mL", "Cartridge"],
  ["rectal suppository", "other", "unit", "Rectal Suppository"],
  ["suppository", "other", "unit", "Suppository"],
  ["elixir", "oral-liquid", "mL", "Elixir"],
  ["syrup", "oral-liquid", "mL", "Syrup"],
  ["patch", "transdermal", "patch", "Patch"],
  ["tablet", "oral-solid", "tablet", "Tablet"],
  ["capsule", "oral-solid", "capsule", "Capsule"],
];

const FORM_PATTERNS: readonly [RegExp, FormRow][] = FORM_ROWS.map((row) => [new RegExp(`\\b${row[0].replace("-", "\\-")}\\b`, "i"), row]);
const EXTENDED_RELEASE = /\bextended release\b|\b(?:12|24) hr\b|\ber\b/i;

/** The dose form named in a text, or null when none of the RxNorm phrases appears. */
export function readDoseForm(text: string): FormReading | null {
  for (const [pattern, row] of FORM_PATTERNS) {
    if (!pattern.test(text)) continue;
    const [, doseForm, unit, doseFormName] = row;
    const release: ReleaseKind = doseForm === "transdermal" || EXTENDED_RELEASE.test(text) ? "ER/LA" : "IR";
    return { doseForm, unit, doseFormName, release };
  }
  return null;
}
