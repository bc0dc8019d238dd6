/**
 * The naloxone card: readiness found no naloxone order (`caution.no-naloxone` present, which
 * the engine reports only when the patient has a current opioid). Offering naloxone is CDC
 * 2022 Recommendation 8; the card is a warning when a risk factor the recommendation names
 * is present in the same readiness result (at or above 50 MME/day, benzodiazepines or other
 * CNS depressants, an overdose, opioid use disorder), otherwise information.
 * Its suggestion creates a draft naloxone MedicationRequest for the clinician to sign.
 */
import type { MedicationRequest } from "fhir/r4";
import { RXNORM_SYSTEM } from "@/lib/domain/code-systems";
import type { CdsAssessment } from "../assess";
import type { CdsEvaluationInput } from "../inputs";
import { OVERRIDE_REASONS, sourceFromCitations } from "../sources";
import { md, summaryText } from "../text";
import type { CdsCard } from "../types";
import { findingById, isPresent } from "./common";

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

const RISK_FINDINGS = ["reason.mme-50", "reason.cns-depressants", "reason.overdose", "caution.oud"] as const;

export function naloxoneCard(input: CdsEvaluationInput, a: CdsAssessment, requester: string | undefined): CdsCard | null {
  const finding = findingById(a.readiness, "caution.no-naloxone");
  if (finding?.status !== "present") return null;
  const risks = RISK_FINDINGS.filter((id) => isPresent(a.readiness, id)).flatMap((id) => {
    const f = findingById(a.readiness, id);
    return f === undefined ? [] : [f.title];
  });
  const riskText = risks.length > 0 ? `Risk factors in this record: ${risks.map(md).join("; ")}.` : "";
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
