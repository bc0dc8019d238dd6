/**
 * Reads the dose per administration from a normalized sig (caps already removed).
 * - "1-2 tablets", "0.5 tab", "10 mg", "5 ml", "1 patch", "1 g"; household units become mL;
 * - "(5 mg total)" / "(1 tablet)" after a dose, Cerner's "650 mg = 2 cap" and "80 mg, 2 tabs",
 *   and parserx's stripped "1 tablet 5 milligram total": one dose stated twice, as a count and as
 *   a mass. The count is the dose; the mass is its `alternate` (the engine checks them against
 *   the product strength);
 * - "in each nostril", "into both eyes": the dose is given on both sides, so twice the number
 *   written per administration (`bothSides`);
 * - strengths are not doses and are removed first: "5/325", "25 mcg/hr", "5 mg/5 ml",
 *   "10 mg tablet", "oxycodone 10 mg", "5-325 mg" (a mass "range" whose ends differ more
 *   than tenfold is a combination strength);
 * - quantities and durations are removed: "#30", "dispense 60 tablets", "for 5 days", "x 7 days";
 * - a number right after a dose verb with no unit ("take 2 by mouth") is a dose with unit null,
 *   but only when the next word is not a unit this parser does not know ("1 g" is read, "14 units",
 *   "1 vial" are not): an unknown unit leaves the dose unknown, never "2 tablets";
 * - several different doses: null, with a warning (unknown beats wrong); their positions are
 *   kept for the multi-part reader (lib/mme/sig/parts.ts).
 */
import { DOSE_VERB_ALT, FORM_ALT, MG_PER_GRAM_UNIT, ML_PER_HOUSEHOLD_UNIT, NUM, RANGE, toRange, UNIT_ALT, UNITLESS_FOLLOWERS, unitForSpelling } from "./lexicon";
import { blank, matchesOf, type Span } from "./text";
import type { SigDose, SigWarning } from "./types";

/** A mass range whose ends differ more than this ratio is a combination strength ("5-325 mg"). */
const STRENGTH_RANGE_RATIO = 10;

const ALTERNATE = new RegExp(String.raw`\(\s*(?:equal to\s+|equals\s+)?(${RANGE})\s*(${UNIT_ALT})\s*(?:total|each|per dose)?\s*\)`, "g");
const PARENS = /[()]/g;
const DRUG_WORDS =
  "oxycodone|hydrocodone|morphine|hydromorphone|oxymorphone|methadone|tramadol|tapentadol|codeine|fentanyl|" +
  "buprenorphine|meperidine|levorphanol|acetaminophen|apap|ibuprofen|aspirin|naloxone|oxycontin|percocet|norco|" +
  "vicodin|dilaudid|ms contin|nucynta|ultram|hcl|er|ir|sa|la|cr|xr|ec";
const STRENGTHS: readonly RegExp[] = [
  new RegExp(String.raw`\b${NUM}\s*\/\s*${NUM}(?:\s*(?:mg|mcg))?\b`, "g"),
  new RegExp(String.raw`\b${RANGE}\s*(?:mg|mcg|milligrams?|micrograms?)\s*\/\s*(?:${NUM}\s*)?(?:ml|hr|hrs|hour|h|act|actuation|spray|dose)\b`, "g"),
  new RegExp(String.raw`\b${RANGE}\s*(?:mg|mcg)\b(?=(?:\s+[a-z]+){0,3}?\s+(?:${FORM_ALT})\b)`, "g"),
  new RegExp(String.raw`\b(?:${DRUG_WORDS}|of)\s+${RANGE}\s*(?:mg|mcg)\b`, "g"),
];
const QUANTITIES: readonly RegExp[] = [
  new RegExp(String.raw`\b(?:for|x|times)\s*${RANGE}\s*(?:more\s+)?(?:days?|d|weeks?|wks?|months?|mos?)\b`, "g"),
  new RegExp(String.raw`(?:\b(?:disp|dispense|dispensed|qty|quantity|supply of)\s*|#\s*)${RANGE}(?:\s*(?:${UNIT_ALT})\b)?`, "g"),
  new RegExp(String.raw`\b${RANGE}\s*-?\s*days?\s*supply\b`, "g"),
  new RegExp(String.raw`\brefills?\s*${NUM}\b|\b${NUM}\s*refills?\b`, "g"),
];
const DOSE = new RegExp(String.raw`\b(?:(up to)\s+)?(${RANGE})\s*(${UNIT_ALT})\b`, "g");
const UNITLESS = new RegExp(
  String.raw`(?:\b(?:${DOSE_VERB_ALT})\s+(?:up to\s+)?|^)(${RANGE})\s+(?!-|x\b|times?\b|hours?\b|hrs?\b|h\b|days?\b|d\b|weeks?\b|\/)(?=([a-z]+))`,
  "g",
);
/** A unit-less number joined to an earlier dose ("2 tablets tid and 1 at bedtime"): the same unit. */
const CONNECTED = new RegExp(String.raw`\b(?:and|plus|also)\s+(?:take\s+|then\s+)?(${RANGE})\s+(?=(?:at|in|every|each|q|with|before|after|nightly|daily|bid|tid|qid|qhs|hs|on|x|times?)\b)`, "g");
const BOTH_SIDES = /\b(?:in|into|to|per|by|on|for)?\s*(?:each|both|either)\s+(?:nostrils?|nares|nare|eyes?|ears?|sides?)\b|\bper\s+(?:nostril|nare|eye|ear)\b/;

export interface DoseReading {
  dose: SigDose | null;
  alternate: SigDose | null;
  /** How many dose statements were found (the same dose written twice counts twice). */
  mentions: number;
  /** Every dose statement read, in text order, with its place in the text (for multi-part sigs). */
  found: ReadonlyArray<{ dose: SigDose; span: Span }>;
  /** "each nostril", "both eyes": `dose` is already doubled. */
  bothSides: boolean;
  /** The text with doses, strengths and quantities blanked. */
  rest: string;
  warnings: SigWarning[];
}

interface Candidate {
  dose: SigDose;
  converted: boolean;
  span: Span;
}

function toDose(range: string | undefined, spelling: string | undefined): { dose: SigDose; converted: boolean } | null {
  const r = toRange(range);
  if (r === null || spelling === undefined) return null;
  const ml = ML_PER_HOUSEHOLD_UNIT[spelling];
  if (ml !== undefined) return { dose: { min: r.min * ml, max: r.max * ml, unit: "mL" }, converted: true };
  const grams = MG_PER_GRAM_UNIT[spelling];
  if (grams !== undefined) return { dose: { min: r.min * grams, max: r.max * grams, unit: "mg" }, converted: false };
  const unit = unitForSpelling(spelling);
  if (unit === null) return null;
  return { dose: { ...r, unit }, converted: false };
}

function isStrengthRange(d: SigDose): boolean {
  return (d.unit === "mg" || d.unit === "mcg") && d.min > 0 && d.max / d.min > STRENGTH_RANGE_RATIO;
}

function sameDose(a: SigDose, b: SigDose): boolean {
  return a.min === b.min && a.max === b.max && a.unit === b.unit;
}

function readAlternate(s: string): { alternate: SigDose | null; rest: string } {
  const found = matchesOf(ALTERNATE, s);
  const doses = found.flatMap(({ m }) => toDose(m[1], m[2])?.dose ?? []);
  const first = doses[0];
  const alternate = first !== undefined && doses.every((d) => sameDose(d, first)) ? first : null;
  return { alternate, rest: blank(s, found.map((f) => f.span)).replace(PARENS, " ") };
}

function stripAll(s: string, patterns: readonly RegExp[]): string {
  return patterns.reduce((acc, re) => blank(acc, matchesOf(re, acc).map((f) => f.span)), s);
}

function candidates(s: string): Candidate[] {
  const out: Candidate[] = [];
  for (const { m, span } of matchesOf(DOSE, s)) {
    const read = toDose(m[2], m[3]);
    if (read === null || isStrengthRange(read.dose)) continue;
    const dose = m[1] === undefined ? read.dose : { ...read.dose, min: read.dose.max };
    out.push({ dose, converted: read.converted, span });
  }
  return out;
}

/** Unit-less doses; `unknownUnit` when a number is followed by a word that is no known unit nor a sig word. */
function unitless(s: string): { found: Candidate[]; unknownUnit: string | null } {
  const found: Candidate[] = [];
  let unknownUnit: string | null = null;
  for (const { m, span } of matchesOf(UNITLESS, s)) {
    const r = toRange(m[1]);
    const next = m[2] ?? "";
    if (r === null) continue;
    if (!UNITLESS_FOLLOWERS.has(next)) {
      unknownUnit ??= next;
      continue;
    }
    found.push({ dose: { ...r, unit: null }, converted: false, span });
  }
  return { found, unknownUnit };
}

function connected(s: string, unit: SigDose["unit"]): Candidate[] {
  return matchesOf(CONNECTED, s).flatMap(({ m, span }) => {
    const r = toRange(m[1]);
    return r === null ? [] : [{ dose: { ...r, unit }, converted: false, span }];
  });
}

const isMass = (d: SigDose): boolean => d.unit === "mg" || d.unit === "mcg";

/** One dose written as a count and as a mass ("650 mg = 2 cap", "80 mg, 2 tabs"): the count, and the mass as its alternate. */
function pairMassAndCount(found: readonly Candidate[], alternate: SigDose | null): { dose: SigDose; alternate: SigDose } | null {
  const masses = found.filter((c) => isMass(c.dose));
  const counts = found.filter((c) => !isMass(c.dose));
  const [mass] = masses;
  const [count] = counts;
  if (mass === undefined || count === undefined) return null;
  if (!masses.every((c) => sameDose(c.dose, mass.dose)) || !counts.every((c) => sameDose(c.dose, count.dose))) return null;
  if (masses.length !== counts.length && masses.length !== 1) return null;
  if (alternate !== null && !sameDose(alternate, mass.dose)) return null;
  return { dose: count.dose, alternate: mass.dose };
}

function doubled(d: SigDose): SigDose {
  return { ...d, min: d.min * 2, max: d.max * 2 };
}

/** Reads the dose of a normalized sig whose caps were removed. Pure; never throws. */
export function readDose(text: string): DoseReading {
  const { alternate, rest: noAlt } = readAlternate(text);
  const cleaned = stripAll(stripAll(noAlt, STRENGTHS), QUANTITIES);
  const withUnit = candidates(cleaned);
  const loose = withUnit.length > 0 ? { found: [], unknownUnit: null } : unitless(cleaned);
  const joined = withUnit.length > 0 ? connected(cleaned, withUnit[0]?.dose.unit ?? null) : [];
  const found = [...(withUnit.length > 0 ? withUnit : loose.found), ...joined].sort((a, b) => a.span.start - b.span.start);
  const rest = blank(cleaned, found.map((c) => c.span));
  const bothSides = BOTH_SIDES.test(cleaned);
  const base = { mentions: found.length, found: found.map((c) => ({ dose: c.dose, span: c.span })), rest, bothSides };
  const warnings: SigWarning[] = [];
  if (found.some((c) => c.converted)) {
    warnings.push({ code: "sig.unit-converted", message: "A teaspoon/tablespoon dose was read as 5 mL/15 mL." });
  }
  if (loose.unknownUnit !== null) {
    warnings.push({ code: "sig.unknown-dose-unit", message: `The sig text gives a dose in "${loose.unknownUnit}", a unit this calculator does not read; no dose was used.` });
    return { ...base, dose: null, alternate, warnings };
  }
  const first = found[0];
  if (first === undefined) {
    warnings.push({ code: "sig.no-dose", message: "The sig text states no dose." });
    return { ...base, dose: null, alternate, warnings };
  }
  const paired = found.every((c) => sameDose(c.dose, first.dose)) ? null : pairMassAndCount(found, alternate);
  if (paired !== null) return { ...base, mentions: found.filter((c) => !isMass(c.dose)).length, dose: bothSides ? doubled(paired.dose) : paired.dose, alternate: bothSides ? doubled(paired.alternate) : paired.alternate, warnings };
  if (!found.every((c) => sameDose(c.dose, first.dose)) || first.dose.max === 0) {
    warnings.push({ code: "sig.ambiguous-dose", message: "The sig text states more than one dose (or a zero dose); none was used." });
    return { ...base, dose: null, alternate, warnings };
  }
  if (first.dose.unit === null) {
    warnings.push({ code: "sig.dose-unit-missing", message: `The sig text gives a dose of ${first.dose.max} without a unit.` });
  }
  return { ...base, dose: bothSides ? doubled(first.dose) : first.dose, alternate: bothSides && alternate !== null ? doubled(alternate) : alternate, warnings };
}
