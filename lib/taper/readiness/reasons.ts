/**
 * Reasons to consider tapering, read from the data where possible (CDC 2022 draft
 * l.2536-2554, adopted from HHS 2019): other CNS depressants, an overdose or serious event,
 * risk conditions. The dose bands are context (context.ts), not reasons.
 */
import type { FindingOf, IsoDate } from "@/lib/domain";
import { CITE, HHS_2019, productDecision } from "../citations";
import { OPIOID_OVERDOSE, SLEEP_APNEA } from "../codes/conditions";
import type { ReadinessConfig } from "../config";
import { conditionCheck, finding, unavailableEvidence } from "./finding";
import { type ClassifiedOrder, currency, orderEvidence } from "./medications";
import type { ReadinessInputs } from "./types";

/** Current benzodiazepine or other CNS depressant orders; only stale ones make it unknown. */
export function cnsDepressantFinding(inputs: ReadinessInputs, orders: ClassifiedOrder[], asOf: IsoDate, lookbackDays: number): FindingOf<"reason.cns-depressants"> {
  const draft = { id: "reason.cns-depressants" as const, category: "reason" as const, label: "Benzodiazepines and other sedatives", citations: [CITE.cnsRec11, CITE.benzodiazepines, HHS_2019] };
  if (inputs.unavailable.medications !== undefined) {
    return finding(draft, "unknown", {
      title: "Sedatives: could not be checked",
      sentence: `Medication orders are not available (${inputs.unavailable.medications}), so benzodiazepines and other sedatives could not be checked. Ask the patient and check the PDMP.`,
    }, [unavailableEvidence("medications", inputs.unavailable.medications)]);
  }
  const matches = orders.flatMap((o) => o.classes.filter((c) => c.cls === "benzodiazepine" || c.cls === "cns-depressant").map((c) => ({ o, cls: c.cls })));
  const current = matches.filter(({ o }) => currency(o, asOf, lookbackDays) === "current");
  const stale = matches.filter(({ o }) => currency(o, asOf, lookbackDays) === "stale");
  const staleEvidence = stale.map(({ o, cls }) => orderEvidence(o, cls, "old order: not counted as current"));
  if (current.length > 0) {
    return finding(draft, "current", {
      title: "Benzodiazepine or other sedative prescribed",
      sentence: "Taken with opioids, these raise the risk of overdose. Coordinate with their prescribers; if both need reducing, tapering the opioid first may be safer, and benzodiazepines must themselves be tapered gradually. Offer naloxone.",
    }, [...current.map(({ o, cls }) => orderEvidence(o, cls)), ...staleEvidence]);
  }
  if (stale.length > 0) {
    return finding(draft, "only-stale", {
      title: "Only old sedative orders",
      sentence: `Only old "active" sedative orders were found (authored more than ${lookbackDays} days ago): confirm whether the patient still takes them.`,
    }, staleEvidence);
  }
  return finding(draft, "none-current", {
    title: "No current sedative order",
    sentence: "No current benzodiazepine or other sedative order is in this record (check the PDMP for prescriptions from elsewhere).",
  }, [{ label: "Medication orders checked", value: String(orders.length) }]);
}

/** An opioid overdose or poisoning recorded within `eventHistoryDays`, whatever its clinical status (a resolved overdose still happened). */
export function overdoseFinding(inputs: ReadinessInputs, asOf: IsoDate, config: ReadinessConfig): FindingOf<"reason.overdose"> {
  const years = Math.round(config.eventHistoryDays / 365);
  const window = productDecision(`overdoses count for ${years} years whatever their clinical status (no source gives a window)`);
  const draft = { id: "reason.overdose" as const, category: "reason" as const, label: "Opioid overdose", citations: [CITE.overdoseEvent, CITE.rapidForSafety, CITE.naloxone, window] };
  const check = conditionCheck(inputs, OPIOID_OVERDOSE, asOf, { activeOnly: false, maxAgeDays: config.eventHistoryDays });
  if (check.kind === "found") {
    return finding(draft, "recorded", {
      title: "Opioid overdose recorded",
      sentence: `An opioid overdose or poisoning is recorded in the last ${years} years: reconsider the dose; a faster taper may be justified for safety. Offer naloxone and assess for opioid use disorder.`,
    }, check.evidence);
  }
  if (check.kind === "unavailable") {
    return finding(draft, "unknown", { title: "Overdose history: could not be checked", sentence: `Conditions are not available (${check.reason}): ask the patient about past overdoses.` }, check.evidence);
  }
  return finding(draft, "none-recorded", { title: "No opioid overdose recorded", sentence: `No opioid overdose or poisoning is recorded in the last ${years} years.` }, check.evidence);
}

/** Active sleep-disordered breathing. */
export function sleepApneaFinding(inputs: ReadinessInputs, asOf: IsoDate): FindingOf<"reason.sleep-apnea"> {
  const draft = { id: "reason.sleep-apnea" as const, category: "reason" as const, label: "Sleep-disordered breathing", citations: [CITE.riskConditions, CITE.naloxone] };
  const check = conditionCheck(inputs, SLEEP_APNEA, asOf, { activeOnly: true });
  if (check.kind === "found") {
    return finding(draft, "recorded", {
      title: "Sleep apnea recorded",
      sentence: "Sleep apnea raises the risk of opioid-induced respiratory depression: a reason to consider a lower dose, and to offer naloxone.",
    }, check.evidence);
  }
  if (check.kind === "unavailable") {
    return finding(draft, "unknown", { title: "Sleep apnea: could not be checked", sentence: `Conditions are not available (${check.reason}): ask about snoring, witnessed apneas and daytime sleepiness.` }, check.evidence);
  }
  return finding(draft, "none-recorded", {
    title: "No sleep apnea recorded",
    sentence: "No sleep apnea is recorded (other risk conditions such as lung, liver or kidney disease, fall risk or advanced age are not checked here).",
  }, check.evidence);
}
