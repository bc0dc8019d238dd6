/** Small readers over validated FHIR R4 resources: codes, dates, values, clinical status. */
import type { CodeableConcept, Coding, Condition, Observation, ObservationComponent } from "fhir/r4";
import type { IsoDate } from "@/lib/domain";
import { fromDayNumber, toDayNumber } from "../dates";
import { PHQ_ANSWER_SCORES } from "../codes/loinc";
import type { ConditionCodeList } from "../codes/conditions";
import { codingInConditionSet } from "../codes/valuesets";

/** All codings of a concept (none when the concept is absent). */
export function codings(concept: CodeableConcept | undefined): Coding[] {
  return concept?.coding ?? [];
}

/** The concept's text, else its first display, else its codes: for evidence labels. */
export function conceptText(concept: CodeableConcept | undefined): string {
  return conceptTexts(concept)[0] ?? codings(concept).map((c) => c.code).filter((c) => c !== undefined).join(", ");
}

/** True when a coding of `system` has one of `codes`. */
export function hasCode(concept: CodeableConcept | undefined, system: string, codes: readonly string[]): boolean {
  return codings(concept).some((c) => c.system === system && c.code !== undefined && codes.includes(c.code));
}

/** The calendar day of a FHIR date/dateTime, or null when there is no full date. */
export function dayOf(value: string | undefined): IsoDate | null {
  if (value === undefined) return null;
  const n = toDayNumber(value);
  return n === null ? null : fromDayNumber(n);
}

/** The day an observation applies to (effective, else issued). */
export function observationDay(obs: Observation): IsoDate | null {
  return dayOf(obs.effectiveDateTime ?? obs.effectivePeriod?.end ?? obs.effectivePeriod?.start ?? obs.effectiveInstant ?? obs.issued);
}

/** Final, amended or corrected results only: preliminary, cancelled and entered-in-error are not evidence. */
export function isUsableObservation(obs: Observation): boolean {
  return obs.status === "final" || obs.status === "amended" || obs.status === "corrected";
}

/** A numeric value: valueQuantity, valueInteger, or a PHQ answer code. Null when absent. */
export function numericValue(v: Observation | ObservationComponent): number | null {
  if (typeof v.valueQuantity?.value === "number" && Number.isFinite(v.valueQuantity.value)) return v.valueQuantity.value;
  if (typeof v.valueInteger === "number") return v.valueInteger;
  for (const c of codings(v.valueCodeableConcept)) {
    const score = c.code === undefined ? undefined : PHQ_ANSWER_SCORES[c.code];
    if (score !== undefined) return score;
  }
  return null;
}

/** Positive / negative reading of a drug screen result (valueString "POS"/"NEG", coded or interpreted). */
export function screenResult(obs: Observation): "positive" | "negative" | null {
  const texts = [obs.valueString, conceptText(obs.valueCodeableConcept), ...(obs.interpretation ?? []).map((i) => conceptText(i))]
    .filter((t): t is string => typeof t === "string")
    .map((t) => t.trim().toLowerCase());
  if (texts.some((t) => t.startsWith("neg") || t.startsWith("not detected") || t === "n" || t === "absent")) return "negative";
  if (texts.some((t) => t.startsWith("pos") || t.startsWith("detected") || t === "a" || t === "present")) return "positive";
  return null;
}

/** Every text a concept carries: its text and each coding's display. */
export function conceptTexts(concept: CodeableConcept | undefined): string[] {
  return [concept?.text, ...codings(concept).map((c) => c.display)].filter((t): t is string => typeof t === "string" && t.trim() !== "");
}

/**
 * How a concept matches a condition list: by a code of one of its value sets (SNOMED CT
 * exactly, ICD-10-CM by the codes and ranges listed: lib/taper/codes/valuesets.ts), else by
 * the words of its text or any display (a second reading, said so), else not.
 */
export function matchesConditionList(concept: CodeableConcept | undefined, list: ConditionCodeList): "code" | "name" | null {
  const texts = conceptTexts(concept);
  if (list.notByDisplay !== undefined && texts.some((t) => list.notByDisplay?.test(t) === true)) return null;
  if (codings(concept).some((c) => list.valueSets.some((id) => codingInConditionSet(c, id)))) return "code";
  const { names, notNames } = list;
  if (names === null || !texts.some((t) => names.test(t))) return null;
  return notNames !== undefined && texts.some((t) => notNames.test(t)) ? null : "name";
}

export type ConditionState = "active" | "inactive" | "refuted";

/** clinicalStatus active/recurrence/relapse, or no status and no abatement; refuted or entered-in-error are never evidence. */
export function conditionState(condition: Condition, asOf: IsoDate): ConditionState {
  const verification = codings(condition.verificationStatus).map((c) => c.code);
  if (verification.includes("refuted") || verification.includes("entered-in-error")) return "refuted";
  const clinical = codings(condition.clinicalStatus).map((c) => c.code);
  if (clinical.some((c) => c === "active" || c === "recurrence" || c === "relapse")) return "active";
  if (clinical.length > 0) return "inactive";
  const abated = dayOf(condition.abatementDateTime ?? condition.abatementPeriod?.end);
  return abated !== null && abated <= asOf ? "inactive" : condition.abatementString !== undefined ? "inactive" : "active";
}

/** Onset (or recorded) day of a condition, for evidence and age checks. */
export function conditionDay(condition: Condition): IsoDate | null {
  return dayOf(condition.onsetDateTime ?? condition.onsetPeriod?.start ?? condition.recordedDate);
}
