/**
 * Cards straight from readiness findings: an opioid with a benzodiazepine or other CNS
 * depressant (`reason.cns-depressants`, CDC 2022 Recommendation 11), and opioid use disorder
 * or its treatment (`caution.oud`, Recommendation 12: continue or offer buprenorphine or
 * methadone; these cards never suggest a taper). The finding's own sentence and evidence
 * are the card's detail, so the card and the app say the same thing.
 */
import type { CdsAssessment } from "../assess";
import type { CdsEvaluationInput } from "../inputs";
import { OVERRIDE_REASONS, sourceFromCitations } from "../sources";
import { summaryText } from "../text";
import type { CdsCard } from "../types";
import { evidenceLines, findingById, isOpioidOrder } from "./common";

/** The patient will have a current opioid (an order on the ledger, draft orders counted as signed). */
export function hasCurrentOpioid(a: CdsAssessment): boolean {
  return a.mme.state !== "complete" || a.mme.orders.some(isOpioidOrder);
}

export function cnsDepressantCard(input: CdsEvaluationInput, a: CdsAssessment): CdsCard | null {
  const finding = findingById(a.readiness, "reason.cns-depressants");
  if (finding?.outcome !== "current" || !a.mme.orders.some(isOpioidOrder)) return null;
  return {
    uuid: input.idFor("card:cns-depressants"),
    summary: summaryText("Opioid with a benzodiazepine or other CNS depressant: higher overdose risk (CDC 2022 Recommendation 11)"),
    detail: [finding.sentence, "", ...evidenceLines(finding)].join("\n"),
    indicator: "warning",
    source: sourceFromCitations(finding.citations),
    overrideReasons: [OVERRIDE_REASONS.coordinated, OVERRIDE_REASONS.benefitsOutweighRisks, OVERRIDE_REASONS.palliative],
  };
}

export function oudCard(input: CdsEvaluationInput, a: CdsAssessment): CdsCard | null {
  const finding = findingById(a.readiness, "caution.oud");
  if (finding?.status !== "present") return null;
  return {
    uuid: input.idFor("card:oud"),
    summary: summaryText("Opioid use disorder or its treatment on file: continue or offer buprenorphine or methadone; do not taper it"),
    detail: [finding.sentence, "", ...evidenceLines(finding)].join("\n"),
    indicator: "info",
    source: sourceFromCitations(finding.citations),
    overrideReasons: [OVERRIDE_REASONS.seenBySpecialist, OVERRIDE_REASONS.doseIncorrect],
  };
}
