/**
 * Reasons to consider tapering, read from the data where possible (CDC 2022 draft
 * l.2536-2554, adopted from HHS 2019): dose bands, no meaningful improvement in pain and
 * function, long-term use, other CNS depressants, overdose or serious events, risk conditions.
 */
import type { Citation, Finding, IsoDate, MmeResult } from "@/lib/domain";
import { CITE, HHS_2019 } from "../citations";
import { OPIOID_OVERDOSE, SLEEP_APNEA } from "../codes/conditions";
import type { ReadinessConfig } from "../config";
import { fmt } from "../format";
import { conditionFinding, finding, type FindingDraft, unavailableEvidence } from "./finding";
import { type ClassifiedOrder, currency, orderEvidence } from "./medications";
import type { ReadinessInputs } from "./types";

/** Informational MME bands (50, 90): present, not found, or unknown when the total is unknown or a floor below the band. */
export function mmeBandFindings(inputs: ReadinessInputs, config: ReadinessConfig): Finding[] {
  const bands: Array<{ limit: number; id: string; citation: Citation }> = [
    { limit: config.mmeBandLow, id: "reason.mme-50", citation: CITE.mme50 },
    { limit: config.mmeBandHigh, id: "reason.mme-90", citation: CITE.mme90 },
  ];
  return bands.map(({ limit, id, citation }) => bandFinding(inputs.mme, limit, { id, category: "reason", title: `Dose at or above ${limit} MME/day`, citations: [citation, CITE.noThresholdTriggers] }));
}

function bandFinding(mme: MmeResult, limit: number, draft: FindingDraft): Finding {
  const total = mme.totalMmePerDay;
  if (total === null) {
    return finding(draft, "unknown", "The current dose could not be computed: the medication list could not be read.", mme.incompleteReasons.map((r) => ({ label: "Why", value: r })));
  }
  const floor = mme.state === "complete" ? "" : "at least ";
  const evidence = [{ label: "Current total", value: `${floor}${fmt(total)} MME/day (factor table ${mme.factorTableId})`, date: mme.asOf }];
  if (total >= limit) {
    return finding(draft, "present", `${fmt(total)} MME/day${floor === "" ? "" : " at least"}: an informational band, not a trigger. Reassess benefits and risks, consider more frequent follow-up and naloxone; a threshold must never force a rapid taper.`, evidence);
  }
  if (mme.state !== "complete") return finding(draft, "unknown", `At least ${fmt(total)} MME/day, but some orders could not be computed, so the band is unknown.`, evidence);
  return finding(draft, "not-found", `${fmt(total)} MME/day, below ${limit}.`, evidence);
}

/** Current benzodiazepine or other CNS depressant orders; only stale ones make it unknown. */
export function cnsDepressantFinding(inputs: ReadinessInputs, orders: ClassifiedOrder[], asOf: IsoDate, lookbackDays: number): Finding {
  const draft = { id: "reason.cns-depressants", category: "reason" as const, title: "Benzodiazepines or other CNS depressants", citations: [CITE.cnsRec11, CITE.benzodiazepines, HHS_2019] };
  if (inputs.unavailable.medications !== undefined) {
    return finding(draft, "unknown", `Could not be checked: medications are not available (${inputs.unavailable.medications}).`, [unavailableEvidence("medications", inputs.unavailable.medications)]);
  }
  const matches = orders.flatMap((o) => o.classes.filter((c) => c.cls === "benzodiazepine" || c.cls === "cns-depressant").map((c) => ({ o, cls: c.cls })));
  const current = matches.filter(({ o }) => currency(o, asOf, lookbackDays) === "current");
  const stale = matches.filter(({ o }) => currency(o, asOf, lookbackDays) === "stale");
  if (current.length > 0) {
    return finding(draft, "present", "Taken with opioids, these raise the risk of overdose. Coordinate with their prescribers; if both need reducing, tapering the opioid first may be safer, and benzodiazepines must themselves be tapered gradually. Offer naloxone.",
      [...current.map(({ o, cls }) => orderEvidence(o, cls)), ...stale.map(({ o, cls }) => orderEvidence(o, cls, "stale: not counted as current"))]);
  }
  if (stale.length > 0) {
    return finding(draft, "unknown", `Only old "active" orders were found (authored more than ${lookbackDays} days ago): confirm whether the patient still takes them.`,
      stale.map(({ o, cls }) => orderEvidence(o, cls, "stale: not counted as current")));
  }
  return finding(draft, "not-found", "No current benzodiazepine or other CNS depressant order in this record (check the PDMP for prescriptions from elsewhere).", [{ label: "Medication orders checked", value: String(orders.length) }]);
}

/** A recorded opioid overdose or poisoning, at any time. */
export function overdoseFinding(inputs: ReadinessInputs, asOf: IsoDate): Finding {
  return conditionFinding(inputs, {
    id: "reason.overdose", category: "reason", title: "Overdose or serious opioid event", citations: [CITE.overdoseEvent, CITE.rapidForSafety, CITE.naloxone],
  }, OPIOID_OVERDOSE, asOf, {
    present: "An opioid overdose or poisoning is recorded: reconsider the dose; a faster taper may be justified for safety. Offer naloxone and assess for opioid use disorder.",
    notFound: "No opioid overdose or poisoning recorded in this chart.",
  }, { activeOnly: false });
}

/** Active sleep-disordered breathing. */
export function sleepApneaFinding(inputs: ReadinessInputs, asOf: IsoDate): Finding {
  return conditionFinding(inputs, {
    id: "reason.sleep-apnea", category: "reason", title: "Sleep-disordered breathing", citations: [CITE.riskConditions, CITE.naloxone],
  }, SLEEP_APNEA, asOf, {
    present: "Sleep apnea raises the risk of opioid-induced respiratory depression: a reason to consider a lower dose, and to offer naloxone.",
    notFound: "No sleep apnea recorded (other risk conditions such as lung, liver or kidney disease, fall risk or advanced age are not checked here).",
  }, { activeOnly: true });
}
