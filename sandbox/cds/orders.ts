/**
 * Draft opioid orders the sandbox's "Sign order" screen can send (CDS Hooks order-sign
 * `context.draftOrders`). RxNorm codes from the product catalog (lib/mme/catalog); the MME of
 * each is shown by the service, not computed here.
 */
import type { MedicationRequest } from "fhir/r4";
import { RXNORM_SYSTEM, UCUM_SYSTEM } from "@/lib/domain/code-systems";

export interface DraftChoice {
  id: string;
  label: string;
  code: string;
  display: string;
  dose: { value: number; unit: string };
  perDay: { frequency: number; period: number; periodUnit: "d" | "h" };
  sig: string;
}

export const DRAFT_CHOICES: readonly DraftChoice[] = [
  { id: "oxycodone-10-q6h", label: "Oxycodone 10 mg tablet, 1 every 6 hours", code: "1049683", display: "oxycodone hydrochloride 10 MG Oral Tablet", dose: { value: 1, unit: "tablet" }, perDay: { frequency: 1, period: 6, periodUnit: "h" }, sig: "Take 1 tablet by mouth every 6 hours" },
  { id: "morphine-er-30-q12h", label: "Morphine ER 30 mg tablet, 1 every 12 hours", code: "891888", display: "12 HR morphine sulfate 30 MG Extended Release Oral Tablet", dose: { value: 1, unit: "tablet" }, perDay: { frequency: 1, period: 12, periodUnit: "h" }, sig: "Take 1 tablet by mouth every 12 hours" },
  { id: "fentanyl-50-q72h", label: "Fentanyl 50 mcg/h patch, 1 every 72 hours", code: "245135", display: "72 HR fentanyl 0.05 MG/HR Transdermal System", dose: { value: 1, unit: "patch" }, perDay: { frequency: 1, period: 72, periodUnit: "h" }, sig: "Apply 1 patch every 72 hours" },
];

/** The draft MedicationRequest for a choice (status draft, as an EHR sends it at order-sign). */
export function draftOrder(choice: DraftChoice, patientId: string, practitionerId: string | null, today: string): MedicationRequest {
  return {
    resourceType: "MedicationRequest",
    id: `sandbox-draft-${choice.id}`,
    status: "draft",
    intent: "order",
    medicationCodeableConcept: { coding: [{ system: RXNORM_SYSTEM, code: choice.code, display: choice.display }], text: choice.display },
    subject: { reference: `Patient/${patientId}` },
    ...(practitionerId ? { requester: { reference: `Practitioner/${practitionerId}` } } : {}),
    authoredOn: today,
    dosageInstruction: [{
      text: choice.sig,
      timing: { repeat: { frequency: choice.perDay.frequency, period: choice.perDay.period, periodUnit: choice.perDay.periodUnit } },
      doseAndRate: [{ doseQuantity: { value: choice.dose.value, unit: choice.dose.unit } }],
    }],
    dispenseRequest: { expectedSupplyDuration: { value: 30, unit: "days", system: UCUM_SYSTEM, code: "d" } },
  };
}
