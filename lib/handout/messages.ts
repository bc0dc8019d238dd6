/** The shape of a handout message catalog: one per language (messages-en.ts, messages-es.ts), read by a clinical reviewer. */
import type { PatientInstruction, TaperInterval } from "@/lib/domain";
import type { HandoutSection } from "./types";

export interface HandoutMessages {
  /** BCP 47 locale for dates and numbers (Intl): "en-US", "es-US". */
  locale: string;
  title: string;
  patient: string;
  birthDate: string;
  clinician: string;
  clinicPhone: string;
  afterHoursPhone: string;
  start: string;
  nextVisit: string;
  calendarHeading: string;
  calendarHead: [string, string];
  /** The row of a step with no opioid left. */
  noMoreOpioid: string;
  /** A row inside a step kept several intervals: "No change this month: keep taking the same dose." */
  noChange: (interval: TaperInterval) => string;
  /** What to say under a step that keeps the dose before it (a pause). */
  sameDose: string;
  /**
   * The sections after the calendar: withdrawal and what helps, alcohol and sedatives, naloxone,
   * leftover medicine, when to call (with the clinic's number; `phone` null leaves a line to write it).
   */
  sections: (phone: string | null, afterHoursPhone: string | null) => HandoutSection[];
  /**
   * One step's instruction from the planner's structured data; null means "use the planner's
   * own English words" (`StepProduct.patientText`), which the English catalog always does.
   */
  instruction: (i: PatientInstruction) => string | null;
  /** When a step has no structured instruction (read back from a saved plan): the English words, marked. */
  untranslated: (englishText: string) => string;
}
