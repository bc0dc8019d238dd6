/**
 * Reads an RxNorm normalized name ("Acetaminophen 300 MG / HYDROcodone Bitartrate 5 MG
 * [Vicodin]", "72 HR Fentanyl 0.075 MG/HR Transdermal System") into a product, for codes the
 * catalog does not know. The result is always flagged "derived from the name" (source
 * `name-parse`): a clinician should check it. Anything the name does not state is left
 * unknown (no strength -> "unknown strength"), never guessed.
 */
import type { DoseFormFamily, IngredientStrength, OpioidIngredient, OpioidProduct } from "@/lib/domain";
import { readDoseForm, type FormReading } from "./forms";
import { findBrandIngredient, findIngredient, namesNaloxone } from "./ingredients";

export type NameReading =
  | { kind: "product"; product: OpioidProduct; formAssumed: boolean }
  | { kind: "opioid-without-strength"; ingredients: OpioidIngredient[]; doseForm: DoseFormFamily | null }
  | { kind: "naloxone" }
  | { kind: "no-opioid" };

/** Splits RxNorm components on "/", but not inside a unit such as MG/ML, MG/HR, MG/ACTUAT. */
const COMPONENT_SPLIT = /\s*\/\s*(?!(?:ml|hr|h|actuat)\b)/i;
const STRENGTH = /(\d+(?:\.\d+)?)\s*(mg|mcg|ug)(?:\s*\/\s*(ml|hr|h|actuat))?\b/i;
const LEADING_WORDS = /^[^\d[]*/;

function toStrength(ingredient: OpioidIngredient, value: number, unitText: string, perText: string | undefined): IngredientStrength {
  const unit = unitText.toLowerCase() === "mg" ? "mg" : "mcg";
  const per = perText?.toLowerCase();
  if (per === "hr" || per === "h") return { ingredient, value: unit === "mg" ? value * 1000 : value, unit: "mcg", per: "hour" };
  return { ingredient, value, unit, per: per === "ml" ? "mL" : "unit" };
}

interface Components {
  strengths: IngredientStrength[];
  unstrengthened: OpioidIngredient[];
  others: string[];
}

function readComponents(name: string): Components {
  const result: Components = { strengths: [], unstrengthened: [], others: [] };
  for (const component of name.split(COMPONENT_SPLIT)) {
    const found = findIngredient(component);
    if (found === null) {
      const other = LEADING_WORDS.exec(component)?.[0]?.trim().split(/\s+/)[0]?.toLowerCase();
      if (other !== undefined && other !== "") result.others.push(other);
      continue;
    }
    const match = STRENGTH.exec(component.slice(found.index + found.length));
    const value = match?.[1] === undefined ? NaN : Number(match[1]);
    if (match === null || match[2] === undefined || !Number.isFinite(value) || value <= 0) result.unstrengthened.push(found.ingredient);
    else result.strengths.push(toStrength(found.ingredient, value, match[2], match[3]));
  }
  return result;
}

/** Form from the name; when absent, inferred from the strength's denominator and flagged. */
function formFor(name: string, strengths: IngredientStrength[]): { form: FormReading; assumed: boolean } {
  const stated = readDoseForm(name);
  if (stated !== null) return { form: stated, assumed: false };
  const per = strengths[0]?.per;
  if (per === "hour") return { form: { doseForm: "transdermal", unit: "patch", doseFormName: "Transdermal System", release: "ER/LA" }, assumed: true };
  if (per === "mL") return { form: { doseForm: "oral-liquid", unit: "mL", doseFormName: "Oral Solution", release: "IR" }, assumed: true };
  const release = /\b(?:er|extended release|kadian|ms contin|oxycontin)\b/i.test(name) ? "ER/LA" : "IR";
  return { form: { doseForm: "oral-solid", unit: "tablet", doseFormName: "Oral Tablet", release }, assumed: true };
}

/** Names repeat across orders: readings are memoized (bounded; the reading depends only on the name). */
const MAX_CACHED_NAMES = 4096;
const readings = new Map<string, NameReading>();

/** Reads one name. Pure, no I/O; patterns are module constants. The result must not be mutated. */
export function parseProductName(name: string): NameReading {
  const cached = readings.get(name);
  if (cached !== undefined) return cached;
  const reading = readName(name);
  if (readings.size >= MAX_CACHED_NAMES) readings.clear();
  readings.set(name, reading);
  return reading;
}

function readName(name: string): NameReading {
  const { strengths, unstrengthened, others } = readComponents(name);
  if (strengths.length === 0 && unstrengthened.length === 0) {
    const brand = findBrandIngredient(name);
    if (brand !== null) return { kind: "opioid-without-strength", ingredients: [brand], doseForm: readDoseForm(name)?.doseForm ?? null };
    return namesNaloxone(name) ? { kind: "naloxone" } : { kind: "no-opioid" };
  }
  if (unstrengthened.length > 0) {
    const ingredients = [...strengths.map((s) => s.ingredient), ...unstrengthened];
    return { kind: "opioid-without-strength", ingredients, doseForm: readDoseForm(name)?.doseForm ?? null };
  }
  const { form, assumed } = formFor(name, strengths);
  const product: OpioidProduct = {
    rxnorm: null,
    name: name.trim(),
    ingredients: strengths,
    otherIngredients: others,
    doseForm: form.doseForm,
    doseFormName: form.doseFormName,
    release: form.release,
    unit: form.unit,
    source: "name-parse",
  };
  return { kind: "product", product, formAssumed: assumed };
}
