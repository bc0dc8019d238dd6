/**
 * Depression, anxiety and suicide risk (CDC 2022 draft l.2604-2617: behavioral-health
 * support before tapering, consultation before tapering at high suicide risk or with suicidal
 * ideation; l.3192-3208: mental health conditions). Evidence: PHQ-9 total (44261-6, or the
 * teen version 89204-2 Synthea emits), PHQ-2 total, GAD-7 total, PHQ-9 item 9 (alone or inside
 * its panel), and conditions. For suicide risk, an attempt, an intentional overdose or
 * suicidal ideation recorded within `eventHistoryDays` counts whatever its clinical status
 * (resolved still records the event). Thresholds are [U] named defaults.
 * Positive when any evidence is; negative only with a recent negative screen and readable
 * conditions; otherwise not assessed (missing data is never "no problem").
 */
import type { Evidence, Finding, FindingOf, IsoDate } from "@/lib/domain";
import { CITE, instrumentScoring, productDecision } from "../citations";
import { ANXIETY, type ConditionCodeList, DEPRESSION, INTENTIONAL_OVERDOSE, SUICIDALITY } from "../codes/conditions";
import { GAD7_TOTAL, PHQ2_TOTAL, PHQ9_ITEM9, PHQ9_TOTAL } from "../codes/loinc";
import type { ReadinessConfig } from "../config";
import { daysBetween } from "../dates";
import { finding, type FindingDraft, matchingConditions, unavailableEvidence } from "./finding";
import { type Reading, readingEvidence, readings } from "./scores";
import type { ReadinessInputs } from "./types";

type MoodId = "caution.depression" | "caution.anxiety" | "caution.suicide-risk";

interface Screen {
  codes: readonly string[];
  label: string;
  /** Positive at or above this value. */
  threshold: number;
}

interface MoodRule {
  screens: Screen[];
  /** Active conditions that count. */
  active: ConditionCodeList[];
  /** Conditions that record an event: they count at any clinical status within the event window. */
  events: ConditionCodeList[];
  positive: { title: string; sentence: string; confirm?: string };
  negative: { title: string; sentence: string };
  notAssessed: { title: string; sentence: string };
}

function latestRecent(inputs: ReadinessInputs, screen: Screen, asOf: IsoDate, config: ReadinessConfig): Reading | null {
  const series = readings(inputs.observations, screen.codes, screen.label, asOf);
  const latest = series[series.length - 1];
  return latest !== undefined && (daysBetween(latest.day, asOf) ?? Infinity) <= config.recentScreenDays ? latest : null;
}

function moodFinding<Id extends MoodId>(inputs: ReadinessInputs, draft: FindingDraft<Id>, rule: MoodRule, asOf: IsoDate, config: ReadinessConfig): FindingOf<Id> {
  const latest = rule.screens.map((s) => ({ s, r: latestRecent(inputs, s, asOf, config) }));
  const positive: Evidence[] = latest.flatMap(({ s, r }) => (r !== null && r.value >= s.threshold ? [readingEvidence(r, `at or above ${s.threshold}`)] : []));
  const conditions = [
    ...rule.active.flatMap((list) => matchingConditions(inputs, list, asOf, { activeOnly: true })),
    ...rule.events.flatMap((list) => matchingConditions(inputs, list, asOf, { activeOnly: false, maxAgeDays: config.eventHistoryDays })),
  ];
  const conditionEvidence = [...new Map(conditions.map((m) => [m.evidence.reference, m.evidence])).values()];
  const base = { ...draft };
  if (positive.length + conditionEvidence.length > 0) {
    const effect = rule.positive.confirm === undefined ? undefined : { kind: "requires-confirmation" as const, confirm: rule.positive.confirm };
    return finding(base, "positive", { title: rule.positive.title, sentence: rule.positive.sentence, ...(effect === undefined ? {} : { planEffect: effect }) }, [...positive, ...conditionEvidence]);
  }
  const negative = latest.flatMap(({ r }) => (r === null ? [] : [readingEvidence(r, "below threshold")]));
  const gaps: Evidence[] = [];
  if (inputs.unavailable.observations !== undefined) gaps.push(unavailableEvidence("observations", inputs.unavailable.observations));
  else if (negative.length === 0) gaps.push({ label: rule.screens.map((s) => s.label).join(" / "), value: `none in the last ${config.recentScreenDays} days` });
  if (inputs.unavailable.conditions !== undefined) gaps.push(unavailableEvidence("conditions", inputs.unavailable.conditions));
  if (gaps.length > 0) return finding(base, "not-assessed", rule.notAssessed, [...negative, ...gaps]);
  return finding(base, "negative", rule.negative, negative);
}

/** Depression, anxiety and suicide-risk findings. */
export function moodFindings(inputs: ReadinessInputs, asOf: IsoDate, config: ReadinessConfig): Finding[] {
  const scoring = instrumentScoring(`PHQ-9 >= ${config.phq9Threshold}, PHQ-2 >= ${config.phq2Threshold}, GAD-7 >= ${config.gad7Threshold}, PHQ-9 item 9 >= 1`);
  const years = Math.round(config.eventHistoryDays / 365);
  const window = productDecision(`suicide attempts, intentional overdoses and overdoses count for ${years} years whatever their clinical status (no source gives a window)`);
  return [
    moodFinding(inputs, { id: "caution.depression", category: "caution", label: "Depression", citations: [CITE.mentalHealth, CITE.mentalHealthConditions, scoring] }, {
      screens: [{ codes: PHQ9_TOTAL, label: "PHQ-9 total", threshold: config.phq9Threshold }, { codes: PHQ2_TOTAL, label: "PHQ-2 total", threshold: config.phq2Threshold }],
      active: [DEPRESSION], events: [],
      positive: { title: "Depression recorded or screened positive", sentence: "Depression is recorded or screened positive: arrange behavioral-health support before and during the taper; depressive symptoms predict taper dropout." },
      negative: { title: "Depression screen negative", sentence: "The recent depression screen is below the threshold and no depression is recorded. Screen again during the taper." },
      notAssessed: { title: "Depression not assessed", sentence: "Depression could not be assessed from the chart: screen with the PHQ-9 (or PHQ-2) before starting." },
    }, asOf, config),
    moodFinding(inputs, { id: "caution.anxiety", category: "caution", label: "Anxiety", citations: [CITE.mentalHealth, CITE.mentalHealthConditions, scoring] }, {
      screens: [{ codes: GAD7_TOTAL, label: "GAD-7 total", threshold: config.gad7Threshold }],
      active: [ANXIETY], events: [],
      positive: { title: "Anxiety recorded or screened positive", sentence: "Anxiety is recorded or screened positive: arrange support; anxiety can worsen during a taper and is also a withdrawal symptom." },
      negative: { title: "Anxiety screen negative", sentence: "The recent GAD-7 is below the threshold and no anxiety disorder is recorded." },
      notAssessed: { title: "Anxiety not assessed", sentence: "Anxiety could not be assessed from the chart: screen with the GAD-7 before starting." },
    }, asOf, config),
    moodFinding(inputs, { id: "caution.suicide-risk", category: "caution", label: "Suicide risk", citations: [CITE.mentalHealth, CITE.rapidRisks, scoring, window] }, {
      screens: [{ codes: PHQ9_ITEM9, label: "PHQ-9 item 9", threshold: 1 }],
      active: [], events: [SUICIDALITY, INTENTIONAL_OVERDOSE],
      positive: {
        title: "Suicide risk recorded",
        sentence: `Suicidal thoughts, a suicide attempt or an intentional overdose are recorded (in the last ${years} years, whatever their status): arrange behavioral-health consultation before tapering, and ask about suicidal thoughts at every follow-up.`,
        confirm: "Behavioral-health consultation arranged, and suicide risk assessed today.",
      },
      negative: { title: "Suicide risk screen negative", sentence: `The most recent PHQ-9 item 9 is 0 and no suicidal thoughts, attempt or intentional overdose are recorded in the last ${years} years. Ask again at every follow-up.` },
      notAssessed: {
        title: "Suicide risk not assessed",
        sentence: "Suicide risk could not be assessed from the chart (no recent PHQ-9 item 9, or conditions not available): ask directly before starting.",
      },
    }, asOf, config),
  ];
}
