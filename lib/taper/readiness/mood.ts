/**
 * Depression, anxiety and suicidality (CDC 2022 draft l.2604-2617, 2442-2444: behavioral-health
 * support before tapering; consultation for serious mental illness or suicide risk).
 * Evidence: PHQ-9 total (44261-6 or the teen version 89204-2 that Synthea emits), PHQ-2
 * total, GAD-7 total, PHQ-9 item 9, and conditions. Thresholds are [U] named defaults.
 * Present when any evidence is positive; not found only with a recent negative screen and
 * readable conditions; otherwise unknown (missing data is never "no problem").
 */
import type { Evidence, Finding, IsoDate } from "@/lib/domain";
import { CITE, instrumentScoring } from "../citations";
import { ANXIETY, type ConditionCodeList, DEPRESSION, SUICIDALITY } from "../codes/conditions";
import { GAD7_TOTAL, PHQ2_TOTAL, PHQ9_ITEM9, PHQ9_TOTAL } from "../codes/loinc";
import type { ReadinessConfig } from "../config";
import { daysBetween } from "../dates";
import { finding, type FindingDraft, matchingConditions, unavailableEvidence } from "./finding";
import { type Reading, readingEvidence, readings } from "./scores";
import type { ReadinessInputs } from "./types";

interface Screen {
  codes: readonly string[];
  label: string;
  /** Positive at or above this value. */
  threshold: number;
}

function latestRecent(inputs: ReadinessInputs, screen: Screen, asOf: IsoDate, config: ReadinessConfig): Reading | null {
  const series = readings(inputs.observations, screen.codes, screen.label, asOf);
  const latest = series[series.length - 1];
  return latest !== undefined && (daysBetween(latest.day, asOf) ?? Infinity) <= config.recentScreenDays ? latest : null;
}

function screenedFinding(
  inputs: ReadinessInputs, draft: FindingDraft, screens: Screen[], list: ConditionCodeList, asOf: IsoDate, config: ReadinessConfig,
  text: { present: string; notFound: string; noScreen: string },
): Finding {
  const latest = screens.map((s) => ({ s, r: latestRecent(inputs, s, asOf, config) }));
  const positive: Evidence[] = latest.flatMap(({ s, r }) => (r !== null && r.value >= s.threshold ? [readingEvidence(r, `at or above ${s.threshold}`)] : []));
  const conditions = matchingConditions(inputs, list, asOf, { activeOnly: true }).map((m) => m.evidence);
  if (positive.length + conditions.length > 0) return finding(draft, "present", text.present, [...positive, ...conditions]);
  const negative = latest.flatMap(({ r }) => (r === null ? [] : [readingEvidence(r, "below threshold")]));
  const gaps: Evidence[] = [];
  if (inputs.unavailable.observations !== undefined) gaps.push(unavailableEvidence("observations", inputs.unavailable.observations));
  else if (negative.length === 0) gaps.push({ label: screens.map((s) => s.label).join(" / "), value: `none in the last ${config.recentScreenDays} days` });
  if (inputs.unavailable.conditions !== undefined) gaps.push(unavailableEvidence("conditions", inputs.unavailable.conditions));
  if (gaps.length > 0) return finding(draft, "unknown", text.noScreen, [...negative, ...gaps]);
  return finding(draft, "not-found", text.notFound, negative);
}

/** Depression, anxiety and suicidality findings. */
export function moodFindings(inputs: ReadinessInputs, asOf: IsoDate, config: ReadinessConfig): Finding[] {
  const scoring = instrumentScoring(`PHQ-9 >= ${config.phq9Threshold}, PHQ-2 >= ${config.phq2Threshold}, GAD-7 >= ${config.gad7Threshold}, PHQ-9 item 9 >= 1`);
  return [
    screenedFinding(inputs, { id: "caution.depression", category: "caution", title: "Depression", citations: [CITE.mentalHealth, scoring] },
      [{ codes: PHQ9_TOTAL, label: "PHQ-9 total", threshold: config.phq9Threshold }, { codes: PHQ2_TOTAL, label: "PHQ-2 total", threshold: config.phq2Threshold }],
      DEPRESSION, asOf, config, {
        present: "Depression is recorded or screened positive: arrange behavioral-health support before and during the taper; depressive symptoms predict taper dropout.",
        notFound: "Recent depression screening is below the threshold and no depression is recorded. Screen again during the taper.",
        noScreen: "Depression could not be assessed from the chart: screen with the PHQ-9 (or PHQ-2) before starting.",
      }),
    screenedFinding(inputs, { id: "caution.anxiety", category: "caution", title: "Anxiety", citations: [CITE.mentalHealth, scoring] },
      [{ codes: GAD7_TOTAL, label: "GAD-7 total", threshold: config.gad7Threshold }],
      ANXIETY, asOf, config, {
        present: "Anxiety is recorded or screened positive: arrange support; anxiety can worsen during a taper and is also a withdrawal symptom.",
        notFound: "Recent GAD-7 is below the threshold and no anxiety disorder is recorded.",
        noScreen: "Anxiety could not be assessed from the chart: screen with the GAD-7 before starting.",
      }),
    screenedFinding(inputs, { id: "caution.suicidality", category: "caution", title: "Suicidal thoughts", citations: [CITE.mentalHealth, CITE.rapidRisks, scoring] },
      [{ codes: PHQ9_ITEM9, label: "PHQ-9 item 9", threshold: 1 }],
      SUICIDALITY, asOf, config, {
        present: "Suicidal thoughts or an attempt are recorded: arrange behavioral-health consultation before tapering, and ask at every follow-up.",
        notFound: "The most recent PHQ-9 item 9 is 0 and no suicidality is recorded. Ask again at every follow-up.",
        noScreen: "Suicidality could not be assessed from the chart (no recent PHQ-9 item 9): ask directly before starting.",
      }),
  ];
}
