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
  /** The code (or text) that gave the number, as written. */
  code: string;
  via: TimingCodeVia;
}
