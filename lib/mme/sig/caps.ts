/**
 * Reads stated maxima from a normalized sig: "max 6 tablets per day", "not to exceed 4 doses in
 * 24 hours", "Max daily amount: 60 mg", "no more than 8 tabs/day", "up to 4 times a day".
 * Every cap read is removed from the text (blanked) so it is never read again as a dose or a
 * frequency. A cap the reader cannot place in time, or one about a non-opioid ingredient
 * ("max 3000 mg acetaminophen per day"), is reported as a warning and not returned.
 */
import { ML_PER_HOUSEHOLD_UNIT, NUM, RANGE, toNumber, toRange, UNIT_ALT, unitForSpelling } from "./lexicon";
import { blank, matchesOf, type Span } from "./text";
import type { SigCap, SigWarning } from "./types";

const HOURS_PER_DAY = 24;
const HOURS_PER_WEEK = 168;

const INTRO = new RegExp(
  String.raw`\b(mdd|max daily dose|maximum daily dose|max daily amount|maximum daily amount|max|maximum|not to exceed|do not exceed|don t exceed|dont exceed|no more than|not more than|nte|do not take more than|do not use more than|never more than|up to)\b`,
  "g",
);
const BODY = new RegExp(
  String.raw`^((?:\s+(?:a|the|of|total|is|amount|dose|doses|dosage|daily|per day|a day|24 hours?|24 hrs?|in 24 hours))*)` +
    String.raw`\s+(${RANGE})\s*(${UNIT_ALT}|doses?|times|x|grams?|gm|g)?\b` +
    String.raw`(?:\s*(?:per|a|in|\/|each|every|within|over|in any|in a)\s+(?:(${NUM})\s*)?(days?|d|daily|hours?|hrs?|h|weeks?|wks?|wk)\b|\s+(daily))?`,
);
const NON_OPIOID = new RegExp(
  String.raw`^\s*(?:of\s+)?(?:acetaminophen|apap|tylenol|paracetamol|ibuprofen|aspirin|asa|nsaid)\b` +
    String.raw`(?:\s*(?:per|a|in|\/|each|every|within)\s+(?:${NUM}\s*)?(?:days?|d|hours?|hrs?|h)\b|\s+daily\b)?`,
);
const DAILY_WORD = /daily|day|24|mdd/;
const MAX_WINDOW_CHARS = 120;

export interface CapsReading {
  caps: SigCap[];
  /** The text with every cap phrase blanked. */
  rest: string;
  warnings: SigWarning[];
}

function periodHours(n: string | undefined, unit: string | undefined, dailyWord: string | undefined, prefix: string): number | null {
  if (unit !== undefined) {
    const count = n === undefined ? 1 : toNumber(n);
    if (count === null || count === 0) return null;
    if (unit.startsWith("d")) return count * HOURS_PER_DAY;
    if (unit.startsWith("w")) return count * HOURS_PER_WEEK;
    return count;
  }
  if (dailyWord !== undefined || DAILY_WORD.test(prefix)) return HOURS_PER_DAY;
  return null;
}

function capUnit(spelling: string | undefined): { unit: SigCap["unit"]; multiplier: number } | null {
  if (spelling === undefined) return { unit: "dose-unit", multiplier: 1 };
  if (spelling === "x" || spelling.startsWith("dose") || spelling === "times") return { unit: "administration", multiplier: 1 };
  const ml = ML_PER_HOUSEHOLD_UNIT[spelling];
  if (ml !== undefined) return { unit: "mL", multiplier: ml };
  const unit = unitForSpelling(spelling);
  return unit === null ? null : { unit, multiplier: 1 };
}

const IGNORED: SigWarning = {
  code: "sig.cap-ignored",
  message: "A maximum in the sig text could not be read as an amount per period and was not used.",
};
const NON_OPIOID_IGNORED: SigWarning = {
  code: "sig.cap-ignored",
  message: "A maximum in the sig text is about a non-opioid ingredient (e.g. acetaminophen) and was not used.",
};

/** Reads and removes the caps of a normalized sig. Pure; never throws. */
export function readCaps(normalized: string): CapsReading {
  const caps: SigCap[] = [];
  const warnings: SigWarning[] = [];
  const spans: Span[] = [];
  for (const { m, span } of matchesOf(INTRO, normalized)) {
    const window = normalized.slice(span.end, span.end + MAX_WINDOW_CHARS);
    const body = BODY.exec(window);
    const isUpTo = m[1] === "up to";
    if (body === null) {
      if (!isUpTo) warnings.push(IGNORED);
      continue;
    }
    const [whole, prefix = "", range, unitSpelling, n, periodUnit, dailyWord] = body;
    const hours = periodHours(n, periodUnit, dailyWord, `${m[1] ?? ""} ${prefix}`);
    // "up to 2 tablets every 6 hours" is a dose range, not a cap: "up to" caps only per day or longer.
    if (isUpTo && (hours === null || hours < HOURS_PER_DAY)) continue;
    const nonOpioid = NON_OPIOID.exec(window.slice(whole.length));
    spans.push({ start: span.start, end: span.end + whole.length + (nonOpioid?.[0].length ?? 0) });
    const amount = toRange(range);
    const unit = capUnit(unitSpelling);
    if (nonOpioid !== null) warnings.push(NON_OPIOID_IGNORED);
    else if (amount === null || unit === null || hours === null) warnings.push(IGNORED);
    else caps.push({ amount: amount.max * unit.multiplier, unit: unit.unit, periodHours: hours });
  }
  return { caps, rest: blank(normalized, spans), warnings: dedupe(warnings) };
}

function dedupe(warnings: SigWarning[]): SigWarning[] {
  return warnings.filter((w, i) => warnings.findIndex((o) => o.message === w.message) === i);
}
