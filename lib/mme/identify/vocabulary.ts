/**
 * The fixed words that name a product: opioid ingredients and brands, naloxone, and dose forms
 * as RxNorm, Epic, Oracle Health (Cerner) and Medi-Span write them ("Extended Release Oral
 * Tablet", "12 hr tablet", "per tablet", "PO TABS", "TBCR", "PT72", "transdermal film, extended
 * release"). Patterns compile once at module load.
 *
 * Pitfalls handled: Epic's tall-man spelling ("oxyCODONE", "HYDROcodone"); salts ("HCl",
 * "bitartrate"); Medi-Span 4-letter form codes whose meaning includes the release
 * ("TBCR" = extended-release tablet, "CP24", "PT72" = 72-hour patch).
 */
import type { DoseFormFamily, OpioidIngredient, ProductUnit, ReleaseKind } from "@/lib/domain";

export interface FormReading {
  doseForm: DoseFormFamily;
  doseFormName: string;
  unit: ProductUnit;
  release: ReleaseKind;
}

type FormRow = readonly [pattern: string, doseForm: DoseFormFamily, unit: ProductUnit, formName: string, extended?: true];

/** Most specific first: the first row whose pattern appears in the text gives the form. */
const FORM_ROWS: readonly FormRow[] = [
  ["extended release oral tablet", "oral-solid", "tablet", "Extended Release Oral Tablet", true],
  ["extended release oral capsule", "oral-solid", "capsule", "Extended Release Oral Capsule", true],
  ["disintegrating oral tablet", "oral-solid", "tablet", "Disintegrating Oral Tablet"],
  ["transdermal system|transdermal patch|transdermal film|patch|pt72|ptwk|pt24|ptch|td pt\\w*", "transdermal", "patch", "Transdermal System"],
  ["buccal film|bu film", "buccal", "film", "Buccal Film"],
  ["buccal tablet", "buccal", "tablet", "Buccal Tablet"],
  ["sublingual film|sl film", "sublingual", "film", "Sublingual Film"],
  ["sublingual tablet|sl tablet|sl tabs|subl", "sublingual", "tablet", "Sublingual Tablet"],
  ["sublingual spray|mucosal spray|sl spry", "sublingual", "spray", "Sublingual Spray"],
  ["nasal spray|na spry|na soln", "nasal", "spray", "Nasal Spray"],
  ["oral lozenge|lozenge|troche|lozg|troc|lpop|lollipop", "oral-transmucosal", "lozenge", "Lozenge"],
  ["injectable solution|injectable suspension|injection|injectable|prefilled syringe|auto-injector|cartridge|ij soln|inj|solr|sosy|iv soln|im soln|sc soln", "injection", "mL", "Injection"],
  ["rectal suppository|suppository|supp", "other", "unit", "Suppository"],
  ["oral solution|oral suspension|oral concentrate|concentrate|solution|suspension|elixir|syrup|liquid|soln|conc|syrp|elix|susp|liqd|oral liquid", "oral-liquid", "mL", "Oral Solution"],
  ["tbcr|tb12|tb24|tber|er tablet|xr tablet|sr tablet|cr tablet|12 hr tablet|24 hr tablet", "oral-solid", "tablet", "Extended Release Oral Tablet", true],
  ["cp12|cp24|cper|cpcr|er capsule|xr capsule|sr capsule|12 hr capsule|24 hr capsule", "oral-solid", "capsule", "Extended Release Oral Capsule", true],
  ["oral tablet|tablet|tablets|tabs|tab|caplet", "oral-solid", "tablet", "Oral Tablet"],
  ["oral capsule|capsule|capsules|caps|cap", "oral-solid", "capsule", "Oral Capsule"],
  ["film", "oral-transmucosal", "film", "Film"],
];

const FORM_PATTERNS: readonly [RegExp, FormRow][] = FORM_ROWS.map((row) => [new RegExp(`(?:^|[^a-z0-9])(?:${row[0]})(?![a-z0-9])`, "i"), row]);

/** Words that make an oral product extended-release (RxNorm, Epic, Cerner and Medi-Span spellings, ER brands). */
const EXTENDED_RELEASE =
  /\b(?:extended release|extended-release|er|xr|sr|cr|la|xl|12 hr|24 hr|12 hour|24 hour|tbcr|tb12|tb24|tber|cp12|cp24|cper|cpcr|oxycontin|xtampza|ms contin|kadian|avinza|arymo|morphabond|hysingla|zohydro|exalgo|nucynta er|conzip)\b/i;

/** The dose form named in a text, or null when no form word appears. */
export function readDoseForm(text: string): FormReading | null {
  for (const [pattern, row] of FORM_PATTERNS) {
    if (!pattern.test(text)) continue;
    const [, doseForm, unit, doseFormName, extended] = row;
    const release: ReleaseKind = doseForm === "transdermal" || extended === true || EXTENDED_RELEASE.test(text) ? "ER/LA" : "IR";
    return { doseForm, unit, doseFormName, release };
  }
  return null;
}

/** True when the text says the product is extended-release (used when the form itself is not named). */
export function namesExtendedRelease(text: string): boolean {
  return EXTENDED_RELEASE.test(text);
}

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
  ["percocet", "oxycodone"], ["oxycontin", "oxycodone"], ["roxicodone", "oxycodone"], ["xtampza", "oxycodone"], ["roxybond", "oxycodone"], ["endocet", "oxycodone"], ["oxaydo", "oxycodone"], ["primlev", "oxycodone"],
  ["vicodin", "hydrocodone"], ["norco", "hydrocodone"], ["lortab", "hydrocodone"], ["hysingla", "hydrocodone"], ["zohydro", "hydrocodone"], ["apadaz", "benzhydrocodone"],
  ["dilaudid", "hydromorphone"], ["exalgo", "hydromorphone"], ["duragesic", "fentanyl"], ["actiq", "fentanyl"], ["fentora", "fentanyl"], ["subsys", "fentanyl"], ["lazanda", "fentanyl"], ["abstral", "fentanyl"],
  ["ms contin", "morphine"], ["kadian", "morphine"], ["avinza", "morphine"], ["arymo", "morphine"], ["morphabond", "morphine"],
  ["nucynta", "tapentadol"], ["ultram", "tramadol"], ["ultracet", "tramadol"], ["conzip", "tramadol"], ["seglentis", "tramadol"],
  ["opana", "oxymorphone"], ["dolophine", "methadone"], ["methadose", "methadone"], ["diskets", "methadone"], ["demerol", "meperidine"], ["dsuvia", "sufentanil"],
  ["suboxone", "buprenorphine"], ["subutex", "buprenorphine"], ["zubsolv", "buprenorphine"], ["bunavail", "buprenorphine"], ["butrans", "buprenorphine"], ["belbuca", "buprenorphine"], ["sublocade", "buprenorphine"], ["brixadi", "buprenorphine"],
];

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const alternation = (rows: readonly (readonly [string, OpioidIngredient])[]): RegExp => new RegExp(`\\b(${rows.map(([n]) => escape(n)).join("|")})\\b`, "gi");

const NAME_PATTERN = alternation(NAMES);
const BRAND_PATTERN = alternation(BRANDS);
const NALOXONE_PATTERN = /\b(naloxone|narcan|kloxxado|zimhi|rextovy)\b/i;
const nameMap = new Map(NAMES.map(([n, i]) => [n, i]));
const brandMap = new Map(BRANDS.map(([n, i]) => [n, i]));

function ingredientsMatched(pattern: RegExp, map: ReadonlyMap<string, OpioidIngredient>, text: string): OpioidIngredient[] {
  const out: OpioidIngredient[] = [];
  for (const m of text.matchAll(pattern)) {
    const found = map.get((m[1] ?? "").toLowerCase());
    if (found !== undefined && !out.includes(found)) out.push(found);
  }
  return out;
}

/** Every opioid ingredient named by its generic name in `text`, in order of appearance. */
export function ingredientsNamed(text: string): OpioidIngredient[] {
  return ingredientsMatched(NAME_PATTERN, nameMap, text);
}

/** Every opioid a brand name in `text` stands for. */
export function ingredientsOfBrands(text: string): OpioidIngredient[] {
  return ingredientsMatched(BRAND_PATTERN, brandMap, text);
}

/** The first opioid ingredient named in `text`, or null. */
export function findIngredient(text: string): OpioidIngredient | null {
  return ingredientsNamed(text)[0] ?? null;
}

export function namesNaloxone(text: string): boolean {
  return NALOXONE_PATTERN.test(text);
}
