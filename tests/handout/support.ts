import type { MedicationRequest } from "fhir/r4";
import type { TaperOptions, TaperPlan } from "@/lib/domain";
import { buildHandout, type ClinicContact, type Handout, type HandoutLanguage } from "@/lib/handout";
import { defaultTaperOptions, proposeTaperPlan, regimenFromMme } from "@/lib/taper";
import { AS_OF, run } from "../mme/builders";

export function planFor(orders: MedicationRequest[], overrides: Partial<TaperOptions> = {}): TaperPlan {
  const mme = run(orders);
  const regimen = regimenFromMme(mme);
  const outcome = proposeTaperPlan(regimen, { ...defaultTaperOptions({ longTermUse: true }, regimen, AS_OF), ...overrides }, AS_OF);
  if (!outcome.ok) throw new Error(outcome.refusal.message);
  return outcome.plan;
}

export const CLINIC: ClinicContact = { name: "Maple Street Clinic", phone: "(555) 010-0100", afterHoursPhone: "(555) 010-0199" };

export function handoutOf(plan: TaperPlan, language: HandoutLanguage = "en", clinic: ClinicContact | null = CLINIC): Handout {
  return buildHandout({
    plan, language, clinic, clinician: "Dr. Alice Prescott", nextVisit: "2025-07-01",
    patient: { name: "Ana Lopez", birthDate: "1961-04-09" },
  });
}
