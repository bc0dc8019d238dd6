/**
 * Opioid ingredient names (and a few brand names) -> OpioidIngredient, for names that are
 * not in the catalog. Patterns compile once at module load.
 */
import type { OpioidIngredient } from "@/lib/domain";

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
