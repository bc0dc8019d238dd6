/**
 * Sig text -> one canonical lowercase form the readers can match with simple patterns:
 * - number words, halves and fractions become decimals ("one to two" -> "1-2", "1/2" -> "0.5");
 * - digits and letters are split ("q6h" -> "q 6 h", "every6hours" -> "every 6 hours", "2x" -> "2 x");
 * - dotted abbreviations lose their dots ("b.i.d." -> "bid", "p.o." -> "po");
 * - ranges are written "1-2" ("1 to 2", "1 or 2", "4 - 6");
 * - Epic's repeated number words in parentheses are dropped ("every 4 (four) hours"), as are
 *   pain-score ranges in parentheses ("(7-10)");
 * - parentheses are kept, spaced, for the "(5 mg total)" reader; other punctuation becomes space.
 * All patterns are compiled once here.
 */
import { SMALL_NUMBER_WORDS, TENS_WORDS, UNIT_ALT } from "./lexicon";

const SMALL_ALT = Object.keys(SMALL_NUMBER_WORDS).sort((a, b) => b.length - a.length).join("|");
const TENS_ALT = Object.keys(TENS_WORDS).join("|");

/** Calendar dates ("Starting Tue 5/28/2019"): not doses, fractions or days of a weekly schedule. */
const DATES = /\b(?:(?:sun|mon|tue|wed|thu|fri|sat)[a-z]*\.?,?\s+)?\d{1,2}\/\d{1,2}\/\d{2,4}\b/g;
const UNICODE_FRACTION = /(\d+\s?)?([½¼¾])/g;
const UNICODE_FRACTION_VALUE: Readonly<Record<string, number>> = { "½": 0.5, "¼": 0.25, "¾": 0.75 };
const DASHES = /[\u2010-\u2015\u2212]/g;
const MICRO = /[\u00b5\u03bc]g/g;
const THOUSANDS = /(\d),(\d{3})(?!\d)/g;
const PLURAL_PARENS = /\((e?s)\)/g;
const LEADING_DECIMAL = /(^|[^\d.])\.(\d)/g;
const AMPERSAND = /&/g;
const WORD_HYPHEN = /([a-z])-(?=[a-z\d])|(\d)-(?=[a-z])/g;
const LETTER_DOT = /\b([a-z])\.(?=[a-z0-9]\b)/g;
const DIGIT_DOT_LETTER = /\b(\d+)\.(?=[a-z])/g;
const NUMBER_WORD_PARENS = new RegExp(
  String.raw`\(\s*(?:(?:${TENS_ALT}|${SMALL_ALT}|\d+(?:\.\d+)?)(?:(?:\s?[-/]\s?|\s)(?:${TENS_ALT}|${SMALL_ALT}|\d+(?:\.\d+)?))*)\s*\)`,
  "g",
);
const HALF_AND = new RegExp(String.raw`\b(\d+|${SMALL_ALT})\s+and\s+(?:a\s+|one\s+)?half\b`, "g");
const HALF_ALONE = /\b(?:one[-\s]?half(?:\s+of)?(?:\s+an?)?|a\s+half|half(?:\s+of)?(?:\s+(?:an?|one))?)\b/g;
const MIXED_FRACTION = /\b(\d+)\s+([1-3])\/([2-4])\b/g;
const FRACTION = /\b([1-3])\/([2-4])\b/g;
const COMPOUND_WORD = new RegExp(String.raw`\b(${TENS_ALT})(?:[-\s](${SMALL_ALT}))?\b`, "g");
const SMALL_WORD = new RegExp(String.raw`\b(${SMALL_ALT})\b`, "g");
const ARTICLE_DOSE = new RegExp(String.raw`\b(take|apply|place|use|chew|dissolve|insert|give)\s+an?\s+(?=(?:${UNIT_ALT})\b)`, "g");
const DIGIT_LETTER = /(\d)([a-z])/g;
const LETTER_DIGIT = /([a-z])(\d)/g;
const GLUED_PRN = /([a-z])prn\b/g;
const SLASH = /\s*\/\s*/g;
/** Surescripts fields run together ("bidx9 days", "tidprnpain", "prnas needed", "dayinstrplease"). */
const GLUED_X = /\b(bid|tid|qid|qd|qod|qhs|qam|qpm|daily|nightly|prn)x\b/g;
const GLUED_AFTER = /\b(bid|tid|qid|qhs|prn)(?=[a-z]{2,})/g;
const GLUED_INSTR = /([a-z])instr(?!uct)|\binstr(?=[a-z])(?!uct)/g;
/** A number repeated as its word after parentheses were stripped ("every 4 four hours" -> "every 4 4 hours"). */
const REPEATED_NUMBER = /\b(\d+(?:\.\d+)?) \1\b(?!\s*[-/.])/g;
const RANGE_WORDS = /(\d)\s*(?:-|\bto\b|\bor\b|\bthrough\b)\s*(?=\d)/g;
const PARENS = /([()])/g;
const OTHER_PUNCT = /[,;:!?"*[\]{}=+~_|\\@$%^&<>`']|\.(?!\d)/g;
const SPACES = /\s+/g;

function numberWordValue(word: string): number | null {
  return SMALL_NUMBER_WORDS[word] ?? TENS_WORDS[word] ?? null;
}

function fractionValue(numerator: string, denominator: string): number | null {
  const n = Number(numerator);
  const d = Number(denominator);
  return n < d ? n / d : null;
}

function replaceNumberWords(s: string): string {
  return s
    .replace(HALF_AND, (_m, w: string) => String((numberWordValue(w) ?? Number(w)) + 0.5))
    .replace(HALF_ALONE, " 0.5 ")
    .replace(MIXED_FRACTION, (m, whole: string, a: string, b: string) => {
      const f = fractionValue(a, b);
      return f === null ? m : String(Number(whole) + f);
    })
    .replace(FRACTION, (m, a: string, b: string) => {
      const f = fractionValue(a, b);
      return f === null ? m : String(f);
    })
    .replace(COMPOUND_WORD, (_m, tens: string, unit: string | undefined) =>
      String((TENS_WORDS[tens] ?? 0) + (unit === undefined ? 0 : (SMALL_NUMBER_WORDS[unit] ?? 0))),
    )
    .replace(SMALL_WORD, (_m, w: string) => String(SMALL_NUMBER_WORDS[w] ?? w));
}

/** The canonical form of a sig (see the module comment). Pure; never throws. */
export function normalizeSig(text: string): string {
  let s = text
    .toLowerCase()
    .replace(SPACES, " ")
    .replace(DATES, " ")
    .replace(UNICODE_FRACTION, (_m, whole: string | undefined, f: string) =>
      ` ${(whole === undefined ? 0 : Number(whole)) + (UNICODE_FRACTION_VALUE[f] ?? 0)} `,
    )
    .replace(DASHES, "-")
    .replace(AMPERSAND, " and ")
    .replace(MICRO, "mcg")
    .replace(THOUSANDS, "$1$2")
    .replace(PLURAL_PARENS, "$1")
    .replace(LETTER_DOT, "$1")
    .replace(DIGIT_DOT_LETTER, "$1 ")
    .replace(LEADING_DECIMAL, (_m, before: string, digit: string) => `${before}0.${digit}`)
    .replace(NUMBER_WORD_PARENS, " ")
    .replace(WORD_HYPHEN, (_m, letter: string | undefined, digit: string | undefined) => `${letter ?? digit ?? ""} `);
  s = replaceNumberWords(s)
    .replace(ARTICLE_DOSE, "$1 1 ")
    .replace(DIGIT_LETTER, "$1 $2")
    .replace(LETTER_DIGIT, "$1 $2")
    .replace(GLUED_PRN, "$1 prn")
    .replace(GLUED_X, "$1 x")
    .replace(GLUED_AFTER, "$1 ")
    .replace(GLUED_AFTER, "$1 ")
    .replace(GLUED_INSTR, (_m, before: string | undefined) => (before === undefined ? "instr " : `${before} instr`))
    .replace(SLASH, " / ")
    .replace(RANGE_WORDS, "$1-")
    .replace(PARENS, " $1 ")
    .replace(OTHER_PUNCT, " ")
    .replace(SPACES, " ")
    .replace(REPEATED_NUMBER, "$1");
  return s.trim();
}
