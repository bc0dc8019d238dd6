/**
 * `Timing.code` -> administrations per day, used when `timing.repeat` has no frequency
 * (EHRs such as Epic often send only the code: BID, Q6H...).
 *
 * Source: FHIR R4 value set TimingAbbreviation (http://hl7.org/fhir/ValueSet/timing-abbreviation),
 * codes of http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation with their definitions
 * ("BID: two times a day at institution specified time", "Q4H: every 4 hours ...", "WK: weekly",
 * "MO: monthly"). The code system's other codes (JB, JE, JH... holidays and business days) are
 * not frequencies and give null. MO is read as once per 30 days, the month of the CDC
 * opioid-mme-r4 MMECalculator's ToDaily.
 *
 * Pitfall handled: codes from other systems (or none) and free `display`/`text` are common
 * ("Q12H", "every 12 hours", "twice daily"); they are read with the sig-text frequency reader.
 * Codings that disagree give null: unknown beats wrong.
 */
import { normalizeSig, readFrequency } from "@/lib/mme/sig";

export const GTS_ABBREVIATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation";
/** Older canonical URLs of the same code system seen in the wild (FHIR DSTU2/STU3). */
const GTS_SYSTEMS = new Set([
  GTS_ABBREVIATION_SYSTEM,
  "http://hl7.org/fhir/v3/GTSAbbreviation",
  "http://hl7.org/fhir/timing-abbreviation",
  "urn:oid:2.16.840.1.113883.5.1022",
]);

const DAYS_PER_WEEK = 7;
const DAYS_PER_MONTH = 30;

/** Administrations per day for each frequency code of the TimingAbbreviation value set. */
export const GTS_ADMINISTRATIONS_PER_DAY: Readonly<Record<string, number>> = {
  QD: 1,
  QOD: 0.5,
  BID: 2,
  TID: 3,
  QID: 4,
  AM: 1,
  PM: 1,
  BED: 1,
  Q1H: 24,
  Q2H: 12,
  Q3H: 8,
  Q4H: 6,
  Q6H: 4,
  Q8H: 3,
  WK: 1 / DAYS_PER_WEEK,
  MO: 1 / DAYS_PER_MONTH,
};

type Reading = TimingCodeFrequency | null;

function fromText(text: string | undefined, via: TimingCodeFrequency["via"]): Reading {
  if (text === undefined || text.trim() === "") return null;
  const perDay = readFrequency(normalizeSig(text)).perDay;
  return perDay === null ? null : { perDay: perDay.max, minPerDay: perDay.min, code: text.trim(), via };
}

function fromCoding(coding: CodingLike): Reading[] {
  const code = coding.code?.trim();
  const isGts = coding.system !== undefined && GTS_SYSTEMS.has(coding.system);
  if (isGts && code !== undefined) {
    const perDay = GTS_ADMINISTRATIONS_PER_DAY[code.toUpperCase()];
    if (perDay !== undefined) return [{ perDay, minPerDay: perDay, code, via: "gts-code" }];
  }
  return [fromText(code, "code-text"), fromText(coding.display, "display")];
}

/** Every reading of a `Timing.code`: each coding (GTS code, other code, display) and the text. */
export function timingCodeReadings(code: CodeableConceptLike | null | undefined): TimingCodeFrequency[] {
  if (code === null || code === undefined) return [];
  return [...(code.coding ?? []).flatMap(fromCoding), fromText(code.text, "text")].filter((r): r is TimingCodeFrequency => r !== null);
}

/**
 * Administrations per day from a `Timing.code`, or null when the code gives none or its parts
 * disagree. The result is the maximum the code allows ("Q4-6H" -> 6). Pure; never throws.
 */
export function administrationsPerDayFromTimingCode(code: CodeableConceptLike | null | undefined): Reading {
  const readings = timingCodeReadings(code);
  const [first] = readings;
  if (first === undefined) return null;
  const agree = readings.every((r) => Math.abs(r.perDay - first.perDay) < 1e-9);
  return agree ? first : null;
}

/**
 * Structural subsets of FHIR R4 Coding / CodeableConcept, so callers can pass
 * `fhir4.CodeableConcept` (or anything shaped like it) without lib/mme importing FHIR types.
 */
export interface CodingLike {
  system?: string | undefined;
  code?: string | undefined;
  display?: string | undefined;
}

export interface CodeableConceptLike {
  coding?: readonly CodingLike[] | undefined;
  text?: string | undefined;
}

/** How a timing code was read. */
export type TimingCodeVia =
  /** A code of http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation found in our table. */
  | "gts-code"
  /** A code string from another (or no) system, read with the sig-text frequency reader ("Q12H"). */
  | "code-text"
  /** `coding.display`, read with the sig-text frequency reader. */
  | "display"
  /** `CodeableConcept.text`, read with the sig-text frequency reader. */
  | "text";

export interface TimingCodeFrequency {
  /** Administrations per day, the maximum the code allows (finite, > 0). */
  perDay: number;
  /** The least the code allows ("Q4-6H": 4). */
  minPerDay: number;
  /** The code (or text) that gave the number, as written. */
  code: string;
  via: TimingCodeVia;
}
