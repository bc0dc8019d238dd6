/**
 * The sig-text parser: `dosageInstruction.text` / `patientInstruction` -> dose, administrations
 * per day, as-needed, route, patch change interval, caps, with a warning for every part it could
 * not read. Used by the MME engine only when the structured fields are missing (issue 10), and
 * flagged there as "derived from the sig text".
 *
 * Pitfalls handled: Epic's "every 4 (four) hours" and "(5 mg total)", pain scores "(7-10)",
 * strengths inside the text ("oxycodone 5 mg tablet", "5/325", "25 mcg/hr"), quantities and
 * durations ("#30", "x 5 days"), Latin abbreviations with or without dots and spaces
 * ("q.6.h.", "Q 6 H", "q6hprn"), number words, halves and fractions, caps that must not be read
 * as doses ("max 6 tabs/day"), sequential instructions ("... then ...").
 */
import { readCaps, type CapsReading } from "./caps";
import { readDose, type DoseReading } from "./dose";
import { readFrequency, type FrequencyReading } from "./frequency";
import { normalizeSig } from "./normalize";
import { readParts, withoutDispenseFields } from "./parts";
import { readAsNeeded, readRoute } from "./route";
import type { NumberRange, ParsedSig, SigCap, SigDose, SigRoute, SigWarning } from "./types";

export type * from "./types";
export { normalizeSig } from "./normalize";
export { readFrequency, type FrequencyReading } from "./frequency";

/** Longer texts are not read at all (a sig is a sentence or two; this bounds the work). */
export const MAX_SIG_CHARS = 1000;
const HOURS_PER_DAY = 24;
const PATCH_WORD = /\bpatch/;
const SEQUENTIAL = /\b(?:then|followed by|after that|thereafter)\b/;

function emptyResult(text: string, warning: SigWarning): ParsedSig {
  return {
    text, dose: null, doseAlternate: null, administrationsPerDay: null, dosePerDay: null, bothSides: false, asNeeded: false, route: null,
    patchChangeHours: null, everyOtherDay: false, atBedtime: false, caps: [], warnings: [warning],
  };
}

/**
 * When no frequency is written, a daily cap gives the most administrations per day:
 * "max 4 doses per day" -> 4; "1-2 tablets as needed, max 6 tablets per day" -> 6 / 2 = 3.
 */
function perDayFromCaps(caps: readonly SigCap[], dose: SigDose | null): NumberRange | null {
  for (const cap of caps) {
    if (cap.periodHours !== HOURS_PER_DAY || cap.amount <= 0) continue;
    if (cap.unit === "administration") return { min: cap.amount, max: cap.amount };
    if (dose !== null && dose.unit === cap.unit && dose.max > 0) {
      return { min: cap.amount / dose.max, max: cap.amount / dose.max };
    }
  }
  return null;
}

function patchChangeHours(route: SigRoute | null, dose: SigDose | null, normalized: string, perDay: NumberRange | null): number | null {
  const isPatch = dose?.unit === "patch" || route === "transdermal" || PATCH_WORD.test(normalized);
  return isPatch && perDay !== null && perDay.max > 0 ? HOURS_PER_DAY / perDay.max : null;
}

const SEQUENTIAL_WARNING: SigWarning = {
  code: "sig.sequential-instructions",
  message: "The sig text gives instructions in sequence (\"then\"); no single frequency was used.",
};

/**
 * The administrations per day the whole text supports: the frequency read, unless the text is
 * sequential ("... then ..."), or pairs several doses with several frequencies ("1 tab bid and
 * 1 tab at bedtime"); a daily cap stands in only when no frequency at all is written.
 */
function resolvePerDay(normalized: string, caps: CapsReading, dose: DoseReading, freq: FrequencyReading): { perDay: NumberRange | null; warnings: SigWarning[] } {
  const freqWarnings = (perDay: NumberRange | null) => freq.warnings.filter((w) => perDay === null || w.code !== "sig.no-frequency");
  if (SEQUENTIAL.test(normalized) && (dose.mentions > 1 || freq.mentions > 1)) {
    const hasSequential = freq.warnings.some((w) => w.code === SEQUENTIAL_WARNING.code);
    return { perDay: null, warnings: [...(hasSequential ? [] : [SEQUENTIAL_WARNING]), ...freq.warnings] };
  }
  if (dose.mentions > 1 && freq.explicitMentions > 0 && freq.mentions > 1 && freq.perDay !== null) {
    const warning: SigWarning = { code: "sig.ambiguous-frequency", message: "The sig text gives several doses with several frequencies; no frequency was used." };
    return { perDay: null, warnings: [warning, ...freq.warnings] };
  }
  if (freq.perDay === null && freq.mentions === 0) {
    const perDay = perDayFromCaps(caps.caps, dose.dose);
    if (perDay !== null) {
      const warning: SigWarning = { code: "sig.frequency-from-cap", message: `No frequency was written; the stated daily maximum gives at most ${perDay.max} administrations per day.` };
      return { perDay, warnings: [warning, ...freqWarnings(perDay)] };
    }
  }
  return { perDay: freq.perDay, warnings: freqWarnings(freq.perDay) };
}

/**
 * Parses a prescription sig. Pure and total: never throws, returns null parts with warnings
 * for what it cannot read, never a guess. Numbers are finite and >= 0, `min <= max`.
 */
export function parseSig(input: string): ParsedSig {
  const text = typeof input === "string" ? input.trim() : "";
  if (text === "") return emptyResult(text, { code: "sig.empty", message: "There is no sig text." });
  if (text.length > MAX_SIG_CHARS) {
    return emptyResult(text, { code: "sig.too-long", message: `The sig text is longer than ${MAX_SIG_CHARS} characters and was not read.` });
  }
  const normalized = normalizeSig(withoutDispenseFields(text));
  const capsReading = readCaps(normalized);
  const doseReading = readDose(capsReading.rest);
  const freq = readFrequency(doseReading.rest);
  const routeReading = readRoute(normalized);
  const single = resolvePerDay(normalized, capsReading, doseReading, freq);
  const parts = doseReading.dose === null || single.perDay === null ? readParts(normalized, doseReading) : null;
  const { perDay, warnings: perDayWarnings } = parts === null ? single : { perDay: null, warnings: [] };
  const impliedTransdermal = routeReading.warnings.length === 0 && doseReading.dose?.unit === "patch";
  const route = routeReading.route ?? (impliedTransdermal ? "transdermal" : null);
  return {
    text,
    dose: parts === null ? doseReading.dose : null,
    doseAlternate: parts === null ? doseReading.alternate : null,
    administrationsPerDay: perDay,
    dosePerDay: parts,
    bothSides: doseReading.bothSides,
    asNeeded: readAsNeeded(normalized),
    route,
    patchChangeHours: patchChangeHours(route, doseReading.dose, normalized, perDay),
    everyOtherDay: freq.everyOtherDay,
    atBedtime: freq.atBedtime,
    caps: capsReading.caps,
    warnings: parts === null ? [...capsReading.warnings, ...doseReading.warnings, ...routeReading.warnings, ...perDayWarnings] : [...capsReading.warnings, ...routeReading.warnings],
  };
}
