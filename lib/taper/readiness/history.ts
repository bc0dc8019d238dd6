/**
 * Findings over the patient's history: how long opioids have been used (earliest opioid
 * order), and whether pain and function improved meaningfully.
 *
 * Improvement rule (CDC pocket guide: at least 30 % on the PEG scale; clinical-sources.md 1.3 item 3):
 * - scale: PEG when it has a usable series, else the 0-10 pain score (decimals kept as sent);
 * - latest = the most recent score on or before `asOf`; it must be within `recentScoreDays`;
 * - baseline = the earliest score within `improvementWindowDays` before the latest, on an
 *   earlier day;
 * - improvement = (baseline - latest) / baseline x 100; below 30 % is "not meaningfully improved".
 */
import type { Evidence, Finding, IsoDate } from "@/lib/domain";
import { productByRxnorm } from "@/lib/mme/catalog";
import { CDC_POCKET_GUIDE_PEG, CITE } from "../citations";
import { PAIN_0_10 } from "../codes/loinc";
import { isRxNormSystem } from "@/lib/domain/code-systems";
import type { ReadinessConfig } from "../config";
import { daysBetween } from "../dates";
import { fmt } from "../format";
import { codings, dayOf } from "./fhir";
import { finding, unavailableEvidence } from "./finding";
import { pegReadings, type Reading, readingEvidence, readings } from "./scores";
import type { ReadinessInputs } from "./types";

export interface LongTermUse {
  finding: Finding;
  longTermUse: boolean | null;
  earliest: IsoDate | null;
}

/** Earliest opioid analgesic order (buprenorphine aside) in the MME engine's orders and the raw requests. */
export function earliestOpioidOrder(inputs: ReadinessInputs, asOf: IsoDate): { day: IsoDate; reference: string; display: string } | null {
  const candidates: Array<{ day: IsoDate; reference: string; display: string }> = [];
  for (const o of inputs.mme.orders) {
    const day = dayOf(o.authoredOn ?? undefined);
    const opioid = o.product !== null && !o.product.ingredients.some((i) => i.ingredient === "buprenorphine");
    if (opioid && day !== null && day <= asOf && o.fhirStatus !== "entered-in-error") candidates.push({ day, reference: o.medicationRequest, display: o.display });
  }
  for (const mr of inputs.medicationRequests) {
    const day = dayOf(mr.authoredOn);
    const product = codings(mr.medicationCodeableConcept).filter((c) => isRxNormSystem(c.system)).map((c) => productByRxnorm(c.code ?? "")).find((p) => p !== null);
    if (product !== undefined && product !== null && day !== null && day <= asOf && mr.status !== "entered-in-error" && product.ingredients[0]?.ingredient !== "buprenorphine") {
      candidates.push({ day, reference: `MedicationRequest/${mr.id ?? "(no id)"}`, display: product.name });
    }
  }
  return candidates.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))[0] ?? null;
}

/** Long-term use from the earliest opioid order: 1 year or more selects the monthly default rate. */
export function longTermUseFinding(inputs: ReadinessInputs, asOf: IsoDate, config: ReadinessConfig): LongTermUse {
  const draft = { id: "reason.long-term-use", category: "reason" as const, title: "Long-term opioid use", citations: [CITE.rateMonthly, CITE.longerUseLongerTaper, CITE.whenToTaper] };
  if (inputs.unavailable.medications !== undefined) {
    return { finding: finding(draft, "unknown", `How long opioids have been used is unknown (medications not available: ${inputs.unavailable.medications}); the slower default rate (10 % per month) applies.`, [unavailableEvidence("medications", inputs.unavailable.medications)]), longTermUse: null, earliest: null };
  }
  const earliest = earliestOpioidOrder(inputs, asOf);
  if (earliest === null) {
    return { finding: finding(draft, "unknown", "No dated opioid order in this record: how long opioids have been used is unknown; the slower default rate (10 % per month) applies. Ask the patient and check the PDMP.", []), longTermUse: null, earliest: null };
  }
  const days = daysBetween(earliest.day, asOf) ?? 0;
  const evidence: Evidence[] = [{ reference: earliest.reference, label: `Earliest opioid order: ${earliest.display}`, value: `${fmt(days / 365.25, 1)} years before ${asOf}`, date: earliest.day }];
  if (days >= config.longTermUseDays) {
    return { finding: finding(draft, "present", `Opioid orders since ${earliest.day} (1 year or more): taper about 10 % of the original dose per month or slower; longer use usually needs a longer taper.`, evidence), longTermUse: true, earliest: earliest.day };
  }
  return { finding: finding(draft, "not-found", `Earliest opioid order in this record is ${earliest.day} (less than a year): the weekly protocol may work, but check the PDMP for earlier use elsewhere before choosing a faster rate.`, evidence), longTermUse: false, earliest: earliest.day };
}

interface Trend { baseline: Reading; latest: Reading; improvementPercent: number | null }

function trendOf(series: Reading[], asOf: IsoDate, config: ReadinessConfig): Trend | null {
  const latest = series[series.length - 1];
  if (latest === undefined || (daysBetween(latest.day, asOf) ?? Infinity) > config.recentScoreDays) return null;
  const baseline = series.find((r) => r.day < latest.day && (daysBetween(r.day, latest.day) ?? Infinity) <= config.improvementWindowDays);
  if (baseline === undefined) return null;
  return { baseline, latest, improvementPercent: baseline.value > 0 ? ((baseline.value - latest.value) / baseline.value) * 100 : null };
}

/** No meaningful (30 %) improvement in PEG or pain score, by the rule in this file's header. */
export function improvementFinding(inputs: ReadinessInputs, asOf: IsoDate, config: ReadinessConfig): Finding {
  const draft = { id: "reason.no-meaningful-improvement", category: "reason" as const, title: "Pain and function not meaningfully improved", citations: [CITE.whenToTaper, CDC_POCKET_GUIDE_PEG] };
  if (inputs.unavailable.observations !== undefined) {
    return finding(draft, "unknown", `Could not be checked: observations are not available (${inputs.unavailable.observations}).`, [unavailableEvidence("observations", inputs.unavailable.observations)]);
  }
  const peg = pegReadings(inputs.observations, asOf);
  const pain = readings(inputs.observations, PAIN_0_10, "Pain 0-10", asOf);
  const pegTrend = trendOf(peg, asOf, config);
  const trend = pegTrend ?? trendOf(pain, asOf, config);
  const missing: Evidence[] = pegTrend === null ? [{ label: "PEG", value: peg.length === 0 ? "no PEG score on file" : `no usable PEG series (latest within ${config.recentScoreDays} days and an earlier score within ${config.improvementWindowDays} days of it)` }] : [];
  if (trend === null) {
    return finding(draft, "unknown", `No usable series of PEG or 0-10 pain scores (a score in the last ${config.recentScoreDays} days and an earlier one to compare): record a PEG score now and at follow-up.`,
      [...missing, { label: "Pain 0-10", value: pain.length === 0 ? "none on file" : `${pain.length} scores, latest ${pain[pain.length - 1]?.day ?? "?"}` }]);
  }
  const scale = pegTrend === null ? "0-10 pain score" : "PEG score";
  const evidence = [...missing, readingEvidence(trend.baseline, "Baseline (earliest in the window)"), readingEvidence(trend.latest, "Latest")];
  if (trend.improvementPercent === null) return finding(draft, "unknown", `The baseline ${scale} is 0, so improvement cannot be measured.`, evidence);
  const change = trend.improvementPercent >= 0 ? `improved ${fmt(trend.improvementPercent)} %` : `worsened ${fmt(-trend.improvementPercent)} %`;
  evidence.push({ label: "Change", value: `${change} (baseline ${trend.baseline.day} to latest ${trend.latest.day})` });
  if (trend.improvementPercent >= config.meaningfulImprovementPercent) {
    return finding(draft, "not-found", `The ${scale} ${change} from ${fmt(trend.baseline.value, 2)} to ${fmt(trend.latest.value, 2)}: at least ${config.meaningfulImprovementPercent} %, a meaningful improvement.`, evidence);
  }
  return finding(draft, "present", `The ${scale} ${change} from ${fmt(trend.baseline.value, 2)} to ${fmt(trend.latest.value, 2)}, less than the ${config.meaningfulImprovementPercent} % that counts as meaningful: discuss whether opioids still help.`, evidence);
}
