/**
 * Whether pain and function improved meaningfully on opioids (CDC 2022 draft l.2536-2554
 * item 3; CDC pocket guide: at least 30 % on the PEG scale):
 * - baseline = the latest score at or before the start of opioid therapy (the earliest
 *   opioid order, history.ts), no more than `baselineLookbackDays` before it;
 * - latest = the most recent score on or before `asOf`, within `recentScoreDays`, after the baseline;
 * - scale: PEG (pain, enjoyment of life, general activity) when both exist on it, else the
 *   0-10 pain score, and then the finding says it measures pain only, not function;
 * - improvement = (baseline - latest) / baseline x 100; below the threshold is "not improved".
 * Without a baseline, a latest score or the start date: "cannot tell", with the reason.
 */
import type { Evidence, FindingOf, IsoDate } from "@/lib/domain";
import { CDC_POCKET_GUIDE_PEG, CITE } from "../citations";
import { PAIN_0_10 } from "../codes/loinc";
import type { ReadinessConfig } from "../config";
import { daysBetween } from "../dates";
import { fmt } from "../format";
import { finding, unavailableEvidence } from "./finding";
import { pegReadings, type Reading, readingEvidence, readings } from "./scores";
import type { ReadinessInputs } from "./types";

interface Pair { baseline: Reading; latest: Reading }

/** The baseline and latest of one series, or why there is none. */
function pairOf(series: Reading[], start: IsoDate, asOf: IsoDate, config: ReadinessConfig): Pair | string {
  if (series.length === 0) return "none on file";
  const baseline = [...series].reverse().find((r) => r.day <= start && (daysBetween(r.day, start) ?? Infinity) <= config.baselineLookbackDays);
  const latest = series[series.length - 1];
  if (baseline === undefined) return `${series.length} score(s), none in the ${config.baselineLookbackDays} days up to the start of opioid therapy (${start})`;
  if (latest === undefined || latest.day <= baseline.day || (daysBetween(latest.day, asOf) ?? Infinity) > config.recentScoreDays) {
    return `a baseline on ${baseline.day}, but no score since then in the last ${config.recentScoreDays} days`;
  }
  return { baseline, latest };
}

/** Pain and function improved by at least the threshold since the start of opioid therapy, not improved, or cannot tell. */
export function improvementFinding(inputs: ReadinessInputs, start: IsoDate | null, asOf: IsoDate, config: ReadinessConfig): FindingOf<"reason.no-meaningful-improvement"> {
  const draft = { id: "reason.no-meaningful-improvement" as const, category: "reason" as const, label: "Improvement in pain and function", citations: [CITE.whenToTaper, CDC_POCKET_GUIDE_PEG] };
  const cannotTell = (why: string, evidence: Evidence[]) => finding(draft, "cannot-tell", {
    title: "Improvement: cannot tell",
    sentence: `${why} Record a PEG score now and at each follow-up, and ask the patient whether opioids still help.`,
  }, evidence);
  if (inputs.unavailable.observations !== undefined) {
    return cannotTell("Observations are not available, so pain and function scores could not be read.", [unavailableEvidence("observations", inputs.unavailable.observations)]);
  }
  if (start === null) return cannotTell("The start of opioid therapy is unknown (no dated opioid order), so there is no baseline to compare with.", []);
  const peg = pairOf(pegReadings(inputs.observations, asOf), start, asOf, config);
  const pain = pairOf(readings(inputs.observations, PAIN_0_10, "Pain 0-10", asOf), start, asOf, config);
  const startEvidence: Evidence = { label: "Start of opioid therapy (earliest opioid order)", date: start };
  if (typeof peg === "string" && typeof pain === "string") {
    const from = inputs.observationsFrom;
    const why = from !== undefined && start < from
      ? `Opioid therapy started on ${start}, before the observations read (from ${from}), so the score at the start is not in the data read.`
      : `No PEG or 0-10 pain score at or before the start of opioid therapy (${start}) to compare with a recent one.`;
    return cannotTell(why, [startEvidence, { label: "PEG", value: peg }, { label: "Pain 0-10", value: pain }]);
  }
  const pegOnly = typeof peg !== "string";
  const pair = typeof peg !== "string" ? peg : typeof pain !== "string" ? pain : null;
  if (pair === null) return cannotTell("No usable series.", [startEvidence]);
  const scale = pegOnly ? "PEG score (pain and function)" : "0-10 pain score (pain only; function was not measured)";
  const evidence: Evidence[] = [
    startEvidence, ...(pegOnly ? [] : [{ label: "PEG", value: typeof peg === "string" ? peg : "" }]),
    readingEvidence(pair.baseline, "Baseline (at or before the start)"), readingEvidence(pair.latest, "Latest"),
  ];
  if (pair.baseline.value <= 0) return cannotTell(`The baseline ${scale} is 0, so improvement cannot be measured.`, evidence);
  const percent = ((pair.baseline.value - pair.latest.value) / pair.baseline.value) * 100;
  const change = percent >= 0 ? `improved ${fmt(percent)} %` : `worsened ${fmt(-percent)} %`;
  evidence.push({ label: "Change", value: `${change} (baseline ${pair.baseline.day} to latest ${pair.latest.day})` });
  const subject = pegOnly ? "Pain and function" : "Pain";
  if (percent >= config.meaningfulImprovementPercent) {
    return finding(draft, "improved", {
      title: `${subject} improved meaningfully`,
      sentence: `The ${scale} ${change} from ${fmt(pair.baseline.value, 2)} to ${fmt(pair.latest.value, 2)} since the start of opioid therapy: at least ${config.meaningfulImprovementPercent} %, a meaningful improvement.`,
    }, evidence);
  }
  return finding(draft, "not-improved", {
    title: `${subject} not meaningfully improved`,
    sentence: `The ${scale} ${change} from ${fmt(pair.baseline.value, 2)} to ${fmt(pair.latest.value, 2)} since the start of opioid therapy, less than the ${config.meaningfulImprovementPercent} % that counts as meaningful: discuss whether opioids still help.`,
  }, evidence);
}
