/**
 * Reads the dose per administration from a normalized sig (caps already removed).
 * - "1-2 tablets", "0.5 tab", "10 mg", "5 ml", "1 patch"; a household unit is converted to mL;
 * - "(5 mg total)" / "(1 tablet)" after a dose: a second statement of it (`alternate`);
 * - strengths are not doses and are removed first: "5/325", "25 mcg/hr", "5 mg/5 ml",
 *   "10 mg tablet", "oxycodone 10 mg", "5-325 mg" (a mass "range" whose ends differ more
 *   than tenfold is a combination strength);
 * - quantities and durations are removed: "#30", "dispense 60 tablets", "for 5 days", "x 7 days";
 * - a number right after a dose verb with no unit ("take 2 by mouth") is a dose with unit null;
 * - several different doses: null, with a warning (unknown beats wrong).
 */
import { DOSE_VERB_ALT, FORM_ALT, ML_PER_HOUSEHOLD_UNIT, NUM, RANGE, toRange, UNIT_ALT, unitForSpelling } from "./lexicon";
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
  String.raw`(?:\b(?:${DOSE_VERB_ALT})\s+(?:up to\s+)?|^)(${RANGE})\s+(?!-|x\b|times?\b|hours?\b|hrs?\b|h\b|days?\b|d\b|weeks?\b|\/)(?=[a-z])`,
  "g",
);

export interface DoseReading {
  dose: SigDose | null;
  alternate: SigDose | null;
  /** How many dose statements were found (the same dose written twice counts twice). */
  mentions: number;
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

function unitless(s: string): Candidate[] {
  return matchesOf(UNITLESS, s).flatMap(({ m, span }) => {
    const r = toRange(m[1]);
    return r === null ? [] : [{ dose: { ...r, unit: null }, converted: false, span }];
  });
}

/** Reads the dose of a normalized sig whose caps were removed. Pure; never throws. */
export function readDose(text: string): DoseReading {
  const { alternate, rest: noAlt } = readAlternate(text);
  const cleaned = stripAll(stripAll(noAlt, STRENGTHS), QUANTITIES);
  const withUnit = candidates(cleaned);
  const found = withUnit.length > 0 ? withUnit : unitless(cleaned);
  const rest = blank(cleaned, found.map((c) => c.span));
  const warnings: SigWarning[] = [];
  if (found.some((c) => c.converted)) {
    warnings.push({ code: "sig.unit-converted", message: "A teaspoon/tablespoon dose was read as 5 mL/15 mL." });
  }
  const first = found[0];
  if (first === undefined) {
    warnings.push({ code: "sig.no-dose", message: "The sig text states no dose." });
    return { dose: null, alternate, mentions: 0, rest, warnings };
  }
  if (!found.every((c) => sameDose(c.dose, first.dose)) || first.dose.max === 0) {
    warnings.push({ code: "sig.ambiguous-dose", message: "The sig text states more than one dose (or a zero dose); none was used." });
    return { dose: null, alternate, mentions: found.length, rest, warnings };
  }
  if (first.dose.unit === null) {
    warnings.push({ code: "sig.dose-unit-missing", message: `The sig text gives a dose of ${first.dose.max} without a unit.` });
  }
  return { dose: first.dose, alternate, mentions: found.length, rest, warnings };
}
