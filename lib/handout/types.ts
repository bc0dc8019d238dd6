/**
 * The patient handout as plain data (issue 22 "The handout", issue 17 item 4): one model, built
 * by build.ts in English or Spanish, rendered by the Handout screen, the print view, "copy as
 * text" and the `plan --format handout` command, so they never say different things.
 */
import type { IsoDate, TaperPlan } from "@/lib/domain";

export type HandoutLanguage = "en" | "es";
export const HANDOUT_LANGUAGES: readonly HandoutLanguage[] = ["en", "es"];

/** The clinic's contact from the health system's configuration (config `clinic`). */
export interface ClinicContact {
  name: string | null;
  /** The number patients call about their taper, as it should be dialled ("(555) 010-0100"). */
  phone: string | null;
  /** A number for nights and weekends, when different. */
  afterHoursPhone: string | null;
}

export interface HandoutInput {
  plan: TaperPlan;
  language: HandoutLanguage;
  /** From the Patient resource; null when it could not be read (the handout leaves a line to write it). */
  patient: { name: string | null; birthDate: IsoDate | null } | null;
  /** The clinician's name (the practitioner in context, or typed on the handout screen). */
  clinician: string | null;
  clinic: ClinicContact | null;
  /** The first follow-up visit agreed with the patient. */
  nextVisit: IsoDate | null;
}

/** A calendar row: a step of the plan (its instructions word for word), or a "no change" row inside a long step. */
export interface HandoutRow {
  /** The plan step this row shows; null for a "no change" row inside a step kept several intervals. */
  stepIndex: number | null;
  from: string;
  doses: string[];
  /** The step keeps the same dose as before (a pause, or a "no change" row). */
  noChange: boolean;
  /** Said before the doses of a step that keeps the dose before it (a pause): "No change: keep taking the same dose." */
  note: string | null;
}

/** "Name: Ana Lopez": a labelled fact at the top of the handout; `value` null leaves a line to write on. */
export interface HandoutFact {
  label: string;
  value: string | null;
  /** A part of `value` that must never be split across lines (a phone number): shown and printed whole. */
  keepTogether?: string;
}

export interface HandoutSection {
  heading: string;
  lines: string[];
}

export interface Handout {
  language: HandoutLanguage;
  title: string;
  /** Patient, date of birth, clinician, clinic phone. */
  facts: HandoutFact[];
  /** "Start: March 1, 2025 · Your next visit: March 8, 2025". */
  dates: HandoutFact[];
  calendarHeading: string;
  calendarHead: [string, string];
  rows: HandoutRow[];
  sections: HandoutSection[];
}
