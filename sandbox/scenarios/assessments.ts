/**
 * Questionnaire scores and lab screens that make a scenario real: PEG (pain, enjoyment,
 * general activity), pain intensity, PHQ-9 (with item 9), GAD-7, urine drug screens.
 * LOINC codes from clinical-sources.md section 5; urine screens as `valueString` "Positive"/"Negative"
 * (HL7 CDC opioid CPG convention: starts with pos/neg).
 */
import type { Coding, Observation } from "fhir/r4";
import { roundTo } from "@/lib/domain/numbers";
import { observation, score, type Clock } from "./builders";
import { LOINC, OBS, PHQ_ANSWERS } from "./codes";

export interface PegScore {
  daysAgo: number;
  pain: number;
  enjoyment: number;
  activity: number;
}

/** PEG panel (91148-7, three components) plus its mean score (91147-9) for each visit. */
export function pegSeries(patientId: string, clock: Clock, scores: readonly PegScore[]): Observation[] {
  return scores.flatMap((s, i) => {
    const mean = roundTo((s.pain + s.enjoyment + s.activity) / 3, 1);
    const component = [
      { code: { coding: [OBS.pegPain] }, ...score(s.pain) },
      { code: { coding: [OBS.pegEnjoyment] }, ...score(s.enjoyment) },
      { code: { coding: [OBS.pegActivity] }, ...score(s.activity) },
    ];
    return [
      observation({ id: `${patientId}-peg-${i + 1}`, patientId, code: OBS.pegPanel, category: "survey", daysAgo: s.daysAgo, value: { component }, clock }),
      observation({ id: `${patientId}-peg-mean-${i + 1}`, patientId, code: OBS.pegMean, category: "survey", daysAgo: s.daysAgo, value: score(mean), clock }),
    ];
  });
}

/** Pain intensity 0-10 (72514-3, vital-signs, like Synthea). */
export function painSeries(patientId: string, clock: Clock, values: readonly (readonly [daysAgo: number, value: number])[]): Observation[] {
  return values.map(([daysAgo, value], i) =>
    observation({ id: `${patientId}-pain-${i + 1}`, patientId, code: OBS.pain, category: "vital-signs", daysAgo, value: score(value), clock }),
  );
}

/** PHQ-9 total (44261-6) and item 9 (44260-8, LOINC answer with its ordinal value). */
export function phq9(patientId: string, clock: Clock, n: number, daysAgo: number, total: number, item9: 0 | 1 | 2 | 3): Observation[] {
  const answer = PHQ_ANSWERS[item9];
  const coding: Coding = {
    system: LOINC,
    code: answer.code,
    display: answer.display,
    extension: [{ url: "http://hl7.org/fhir/StructureDefinition/ordinalValue", valueDecimal: answer.score }],
  };
  return [
    observation({ id: `${patientId}-phq9-${n}`, patientId, code: OBS.phq9Total, category: "survey", daysAgo, value: score(total), clock }),
    observation({
      id: `${patientId}-phq9-item9-${n}`,
      patientId,
      code: OBS.phq9Item9,
      category: "survey",
      daysAgo,
      value: { valueCodeableConcept: { coding: [coding], text: answer.display } },
      clock,
    }),
  ];
}

/** GAD-7 total score (70274-6). */
export function gad7(patientId: string, clock: Clock, n: number, daysAgo: number, total: number): Observation {
  return observation({ id: `${patientId}-gad7-${n}`, patientId, code: OBS.gad7Total, category: "survey", daysAgo, value: score(total), clock });
}

/** Urine drug screen results of one collection. */
export function urineScreen(patientId: string, clock: Clock, daysAgo: number, results: readonly (readonly [code: Coding, positive: boolean])[]): Observation[] {
  return results.map(([code, positive], i) =>
    observation({
      id: `${patientId}-uds-${daysAgo}-${i + 1}`,
      patientId,
      code,
      category: "laboratory",
      daysAgo,
      value: { valueString: positive ? "Positive" : "Negative" },
      clock,
    }),
  );
}
