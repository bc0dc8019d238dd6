/**
 * Vocabulary of prescription sigs: unit spellings, number words, and the regular-expression
 * fragments shared by the sig readers. Everything here is data, compiled once at module load.
 *
 * Sources for the abbreviations: ISMP List of Error-Prone Abbreviations (2021) for the Latin
 * forms still seen in real sigs (qd, qod, hs, bid, tid, qid, prn, po, sl); HL7 v3
 * GTSAbbreviation for the timing codes (see lib/mme/frequency/timing-code.ts).
 */
import type { SigDoseUnit } from "./types";

/** A number as the normalizer leaves it: digits with an optional decimal part. */
export const NUM = String.raw`\d{1,6}(?:\.\d{1,6})?`;
/** A number or a range "1-2" (the normalizer turns "1 to 2", "1 or 2", "1 - 2" into "1-2"). */
export const RANGE = String.raw`${NUM}(?:-${NUM})?`;

/** Unit spellings -> unit. Longest spellings first inside each alternation (built below). */
const UNIT_SPELLINGS: ReadonlyArray<readonly [SigDoseUnit, readonly string[]]> = [
  ["tablet", ["tablets", "tablet", "tablts", "tablt", "tabets", "tabet", "tabs", "tab", "tbls", "tbl", "caplets", "caplet"]],
  ["capsule", ["capsules", "capsule", "capsuls", "capsul", "caps", "cap"]],
  ["patch", ["patches", "patchs", "patch", "ptch"]],
  ["film", ["films", "film", "strips", "strip"]],
  ["spray", ["sprays", "spray", "actuations", "actuation", "puffs", "puff", "inhalations", "inhalation"]],
  ["lozenge", ["lozenges", "lozenge", "troches", "troche"]],
  ["suppository", ["suppositories", "suppository", "supps", "supp"]],
  ["unit", ["pills", "pill"]],
  ["mL", ["milliliters", "milliliter", "millilitres", "millilitre", "mls", "ml", "cc"]],
  ["mg", ["milligrams", "milligram", "mgs", "mg"]],
  ["mcg", ["micrograms", "microgram", "mcgs", "mcg", "ug"]],
];

/** Household volume units converted to mL (USP/FDA dosing-device convention: 1 tsp = 5 mL, 1 tbsp = 15 mL). */
export const ML_PER_HOUSEHOLD_UNIT: Readonly<Record<string, number>> = {
  teaspoons: 5,
  teaspoon: 5,
  tsps: 5,
  tsp: 5,
  tablespoons: 15,
  tablespoon: 15,
  tbsps: 15,
  tbsp: 15,
};

/** Masses in grams converted to mg. */
export const MG_PER_GRAM_UNIT: Readonly<Record<string, number>> = { grams: 1000, gram: 1000, gm: 1000, g: 1000 };

const UNIT_BY_SPELLING = new Map<string, SigDoseUnit>(
  UNIT_SPELLINGS.flatMap(([unit, spellings]) => spellings.map((s) => [s, unit] as const)),
);

/** Alternation of every unit spelling (product, volume, mass, household), longest first. */
export const UNIT_ALT = [...UNIT_BY_SPELLING.keys(), ...Object.keys(ML_PER_HOUSEHOLD_UNIT), ...Object.keys(MG_PER_GRAM_UNIT)]
  .sort((a, b) => b.length - a.length)
  .join("|");

/** Countable product-unit spellings only (for "10 mg tablet" strength detection). */
export const FORM_ALT = UNIT_SPELLINGS.filter(([u]) => u !== "mL" && u !== "mg" && u !== "mcg")
  .flatMap(([, s]) => s)
  .sort((a, b) => b.length - a.length)
  .join("|");

/** The unit for a spelling, or null. Household units are handled by the caller (converted to mL). */
export function unitForSpelling(spelling: string): SigDoseUnit | null {
  return UNIT_BY_SPELLING.get(spelling) ?? null;
}

export const SMALL_NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};

export const TENS_WORDS: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/**
 * Words that may follow a number written without a unit when the number is a dose ("take 2 by
 * mouth", "1 po qd", "and 1 at bedtime"). Any other word after the number is a unit this parser
 * does not know ("1 g", "14 units", "4 clicks"): the dose is then unknown, never one tablet.
 */
export const UNITLESS_FOLLOWERS = new Set([
  "by", "po", "p", "orally", "oral", "sl", "pr", "q", "every", "each", "daily", "bid", "tid", "qid", "qd", "qod", "qhs", "hs", "qam", "qpm",
  "at", "in", "into", "with", "as", "prn", "x", "twice", "once", "nightly", "before", "after", "under", "per", "then", "for", "to", "on",
  "morning", "evening", "night", "bedtime", "noon", "now", "today", "up", "or", "and", "times", "time", "sublingually", "buccally", "weekly",
]);

/** Verbs that introduce a dose ("take 1", "apply 1"), used to read a unit-less dose. */
export const DOSE_VERB_ALT =
  "take|takes|taking|give|apply|place|use|chew|dissolve|inhale|instill|insert|administer|swallow|spray|put";

/** Finite, non-negative number from a NUM match; null otherwise (huge digit strings, garbage). */
export function toNumber(text: string | undefined): number | null {
  if (text === undefined) return null;
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/** A RANGE match ("2", "1-2", "2-1") as an ordered pair, or null when not finite. */
export function toRange(text: string | undefined): { min: number; max: number } | null {
  if (text === undefined) return null;
  const [a, b] = text.split("-");
  const lo = toNumber(a);
  const hi = b === undefined ? lo : toNumber(b);
  if (lo === null || hi === null) return null;
  return { min: Math.min(lo, hi), max: Math.max(lo, hi) };
}
