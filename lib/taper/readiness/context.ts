/**
 * Context for the plan, not reasons to taper: the total MME/day against the informational
 * 50 and 90 bands (CDC 2022 draft l.2272-2291, 2705; thresholds must never trigger or force a
 * taper, l.2454-2458). How long opioids have been used is in history.ts.
 */
import type { Citation, Finding, FindingOf, MmeResult } from "@/lib/domain";
import { CITE } from "../citations";
import type { ReadinessConfig } from "../config";
import { fmt } from "../format";
import { finding, type FindingDraft } from "./finding";
import type { ReadinessInputs } from "./types";

type BandId = "context.mme-50" | "context.mme-90";

/** The informational bands: at or above, below, or unknown when the total is unknown or a floor below the band. */
export function mmeBandFindings(inputs: ReadinessInputs, config: ReadinessConfig): Finding[] {
  const draft = <Id extends BandId>(id: Id, limit: number, citation: Citation): FindingDraft<Id> => ({ id, category: "context", label: `${limit} MME/day band`, citations: [citation, CITE.noThresholdTriggers] });
  return [
    bandFinding(inputs.mme, config.mmeBandLow, draft("context.mme-50", config.mmeBandLow, CITE.mme50)),
    bandFinding(inputs.mme, config.mmeBandHigh, draft("context.mme-90", config.mmeBandHigh, CITE.mme90)),
  ];
}

function bandFinding<Id extends BandId>(mme: MmeResult, limit: number, draft: FindingDraft<Id>): FindingOf<Id> {
  const total = mme.totalMmePerDay;
  if (total === null) {
    return finding(draft, "unknown", {
      title: `${limit} MME/day band: dose unknown`,
      sentence: "The current dose could not be computed: the medication list could not be read.",
    }, mme.incompleteReasons.map((r) => ({ label: "Why", value: r })));
  }
  const floor = mme.state === "complete" ? "" : "at least ";
  const evidence = [{ label: "Current total", value: `${floor}${fmt(total)} MME/day (factor table ${mme.factorTableId})`, date: mme.asOf }];
  if (total >= limit) {
    return finding(draft, "at-or-above", {
      title: `At or above ${limit} MME/day`,
      sentence: `${floor === "" ? "" : "At least "}${fmt(total)} MME/day: an informational band, not a reason to taper by itself. Reassess benefits and risks, consider more frequent follow-up and naloxone; a threshold must never force a rapid taper.`,
    }, evidence);
  }
  if (mme.state !== "complete") {
    return finding(draft, "unknown", { title: `${limit} MME/day band: total is a floor`, sentence: `At least ${fmt(total)} MME/day, but some orders could not be computed, so whether the dose reaches ${limit} MME/day is unknown.` }, evidence);
  }
  return finding(draft, "below", { title: `Below ${limit} MME/day`, sentence: `${fmt(total)} MME/day, below ${limit}.` }, evidence);
}
