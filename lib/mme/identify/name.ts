/**
 * Reads an RxNorm normalized name ("Acetaminophen 300 MG / HYDROcodone Bitartrate 5 MG
 * [Vicodin]", "72 HR Fentanyl 0.075 MG/HR Transdermal System") into a product, for codes the
 * catalog does not know. The result is always flagged "derived from the name" (source
 * `name-parse`): a clinician should check it. Anything the name does not state is left
 * unknown (no strength -> "unknown strength"), never guessed.
 */
import type { DoseFormFamily, IngredientStrength, OpioidIngredient, OpioidProduct, ProductUnit, ReleaseKind } from "@/lib/domain";

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

/**
 * RxNorm dose-form names -> dose-form family, product unit and release, read from a
 * normalized name ("... Extended Release Oral Tablet") or a Medication.form text. The
 * phrases are fixed RxNorm vocabulary, matched longest first; patterns compile once.
 */

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

/**
 * Opioid ingredient names (and a few brand names) -> OpioidIngredient, for names that are
 * not in the catalog. Patterns compile once at module load.
 */

const NAMES: readonly (readonly [string, OpioidIngredient])[] = [
  ["benzhydrocodone", "benzhydrocodone"], ["hydrocodone", "hydrocodone"], ["oxycodone", "oxycodone"],
  ["dihydrocodeine", "dihydrocodeine"], ["codeine", "codeine"], ["hydromorphone", "hydromorphone"],
  ["oxymorphone", "oxymorphone"], ["morphine", "morphine"], ["sufentanil", "sufentanil"], ["fentanyl", "fentanyl"],
  ["levomethadyl", "levomethadyl"], ["methadone", "methadone"], ["levorphanol", "levorphanol"],
  ["meperidine", "meperidine"], ["pethidine", "meperidine"], ["tapentadol", "tapentadol"], ["tramadol", "tramadol"],
  ["buprenorphine", "buprenorphine"], ["butorphanol", "butorphanol"], ["pentazocine", "pentazocine"], ["opium", "opium"],
];

/** Brand names that identify the opioid when the generic name is absent ("Percocet 5/325"). */
const BRANDS: readonly (readonly [string, OpioidIngredient])[] = [
  ["percocet", "oxycodone"], ["oxycontin", "oxycodone"], ["roxicodone", "oxycodone"], ["xtampza", "oxycodone"], ["roxybond", "oxycodone"], ["endocet", "oxycodone"],
  ["vicodin", "hydrocodone"], ["norco", "hydrocodone"], ["lortab", "hydrocodone"], ["hysingla", "hydrocodone"], ["zohydro", "hydrocodone"], ["apadaz", "benzhydrocodone"],
  ["dilaudid", "hydromorphone"], ["exalgo", "hydromorphone"], ["duragesic", "fentanyl"], ["actiq", "fentanyl"], ["fentora", "fentanyl"], ["subsys", "fentanyl"], ["lazanda", "fentanyl"], ["abstral", "fentanyl"],
  ["ms contin", "morphine"], ["kadian", "morphine"], ["avinza", "morphine"], ["arymo", "morphine"],
  ["nucynta", "tapentadol"], ["ultram", "tramadol"], ["ultracet", "tramadol"], ["conzip", "tramadol"], ["seglentis", "tramadol"],
  ["opana", "oxymorphone"], ["dolophine", "methadone"], ["methadose", "methadone"], ["demerol", "meperidine"], ["dsuvia", "sufentanil"],
  ["suboxone", "buprenorphine"], ["subutex", "buprenorphine"], ["zubsolv", "buprenorphine"], ["butrans", "buprenorphine"], ["belbuca", "buprenorphine"], ["sublocade", "buprenorphine"], ["brixadi", "buprenorphine"],
];

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const alternation = (rows: readonly (readonly [string, OpioidIngredient])[]): RegExp =>
  new RegExp(`\\b(${rows.map(([n]) => escape(n)).join("|")})\\b`, "i");

const NAME_PATTERN = alternation(NAMES);
const BRAND_PATTERN = alternation(BRANDS);
const NALOXONE_PATTERN = /\b(naloxone|narcan|kloxxado|zimhi)\b/i;
const nameMap = new Map(NAMES.map(([n, i]) => [n, i]));
const brandMap = new Map(BRANDS.map(([n, i]) => [n, i]));

/** The first opioid ingredient named in `text` and where it starts, or null. */
export function findIngredient(text: string): { ingredient: OpioidIngredient; index: number; length: number } | null {
  const match = NAME_PATTERN.exec(text);
  const word = match?.[1]?.toLowerCase();
  const ingredient = word === undefined ? undefined : nameMap.get(word);
  if (match === null || ingredient === undefined) return null;
  return { ingredient, index: match.index, length: match[0].length };
}

/** The opioid a brand name in `text` stands for, or null. */
export function findBrandIngredient(text: string): OpioidIngredient | null {
  const word = BRAND_PATTERN.exec(text)?.[1]?.toLowerCase();
  return word === undefined ? null : brandMap.get(word) ?? null;
}

export function namesNaloxone(text: string): boolean {
  return NALOXONE_PATTERN.test(text);
}
