/**
 * The naloxone card: readiness says to offer naloxone (`caution.naloxone` outcome `offer`: no
 * naloxone on file and a risk factor in the chart, a current opioid being one; CDC 2022
 * Recommendation 8). The card is a warning when the same readiness result also has one of the
 * higher-risk outcomes the recommendation names (at or above 50 MME/day, a current
 * benzodiazepine or other CNS depressant, an overdose, opioid use disorder), otherwise
 * information.
 * Its suggestion creates a draft naloxone MedicationRequest for the clinician to sign.
 */
import type { MedicationRequest } from "fhir/r4";
import { RXNORM_SYSTEM } from "@/lib/domain/code-systems";
import type { CdsAssessment } from "../assess";
import type { CdsEvaluationInput } from "../inputs";
import { OVERRIDE_REASONS, sourceFromCitations } from "../sources";
import { summaryText } from "../text";
import type { CdsCard } from "../types";
import { findingById, outcomeOf } from "./common";

/**
 * RxNorm 1725059 "naloxone hydrochloride 40 MG/ML Nasal Spray" (the 4 mg per 0.1 mL device):
 * a member of the CDC IG value set `naloxone-medications` (clinical.md section 4; the
 * product catalog lib/mme/catalog lists it as an opioid antagonist).
 */
export const NALOXONE_NASAL_4MG = {
  system: RXNORM_SYSTEM,
  code: "1725059",
  display: "naloxone hydrochloride 40 MG/ML Nasal Spray",
} as const;

/** The draft order the suggestion creates: one 2-device pack, used as the package directs. */
export function naloxoneDraft(patientId: string, requester: string | undefined): MedicationRequest {
  return {
    resourceType: "MedicationRequest",
    status: "draft",
    intent: "order",
    medicationCodeableConcept: { coding: [{ ...NALOXONE_NASAL_4MG }], text: "Naloxone 4 mg nasal spray" },
    subject: { reference: `Patient/${patientId}` },
    ...(requester !== undefined ? { requester: { reference: requester } } : {}),
    dosageInstruction: [{ text: "For suspected opioid overdose: 1 spray in one nostril; use as the package directs and call 911.", asNeededBoolean: true }],
    dispenseRequest: { quantity: { value: 2, unit: "device" }, numberOfRepeatsAllowed: 1 },
  };
}

/** The higher-risk outcomes of the same readiness result, named for the detail. */
function higherRisks(a: CdsAssessment): string[] {
  const r = a.readiness;
  const oud = outcomeOf(r, "caution.oud");
  return [
    outcomeOf(r, "context.mme-50") === "at-or-above" ? "dose at or above 50 MME/day" : null,
    outcomeOf(r, "reason.cns-depressants") === "current" ? "a current benzodiazepine or other CNS depressant" : null,
    outcomeOf(r, "reason.overdose") === "recorded" ? "an overdose or poisoning on record" : null,
    oud === "active" || oud === "on-treatment" || oud === "in-remission" ? "opioid use disorder" : null,
  ].filter((s): s is string => s !== null);
}

export function naloxoneCard(input: CdsEvaluationInput, a: CdsAssessment, requester: string | undefined): CdsCard | null {
  const finding = findingById(a.readiness, "caution.naloxone");
  if (finding?.outcome !== "offer") return null;
  const risks = higherRisks(a);
  const riskText = risks.length > 0 ? `Higher risk: ${risks.join("; ")}.` : "";
  return {
    uuid: input.idFor("card:naloxone"),
    summary: summaryText("No naloxone on file: offer naloxone with opioids (CDC 2022 Recommendation 8)"),
    detail: [finding.sentence, riskText].filter((s) => s !== "").join("\n\n"),
    indicator: risks.length > 0 ? "warning" : "info",
    source: sourceFromCitations(finding.citations),
    suggestions: [{
      label: "Order naloxone 4 mg nasal spray",
      uuid: input.idFor("suggestion:naloxone"),
      isRecommended: true,
      actions: [{ type: "create", description: "Draft order: naloxone 4 mg nasal spray, 2 devices", resource: naloxoneDraft(input.record.patientId, requester) }],
    }],
    selectionBehavior: "at-most-one",
    overrideReasons: [OVERRIDE_REASONS.hasNaloxone, OVERRIDE_REASONS.declinedNaloxone, OVERRIDE_REASONS.palliative],
  };
}
