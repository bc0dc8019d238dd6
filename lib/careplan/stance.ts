/**
 * What the CarePlan claims to be: a plan agreed with the patient is a plan in effect, written as
 * HL7 CDC opioid CPG PainTreatmentCarePlan says (status `active`, intent `plan`, the profile in
 * meta.profile); a plan not agreed (e.g. downloaded before the checklist is complete, or printed by
 * the `plan` command without `--agreed`) stays a `draft` proposal that does not claim the profile,
 * whose status invariant allows only active|completed. docs/clinical-sources.md section 3.
 */
import type { CarePlan } from "fhir/r4";
import { CONFIRMATION_IDS, type Confirmations } from "@/lib/domain";
import { PAIN_TREATMENT_CAREPLAN_PROFILE } from "./codes";
import type { CarePlanContext } from "./types";

export interface CarePlanStance {
  status: CarePlan["status"];
  intent: CarePlan["intent"];
  /** The profile declared in meta.profile, or null. */
  profile: string | null;
}

/** Status, intent and profile for this context. */
export function carePlanStance(context: Pick<CarePlanContext, "agreed" | "intent">): CarePlanStance {
  if (context.agreed === true) return { status: "active", intent: "plan", profile: PAIN_TREATMENT_CAREPLAN_PROFILE };
  return { status: "draft", intent: context.intent ?? "proposal", profile: null };
}

/**
 * The plan is agreed with the patient: every confirmation of the checklist is checked and a first
 * follow-up date is set (the condition to save it to the chart).
 */
export function isPlanAgreed(c: Confirmations): boolean {
  return CONFIRMATION_IDS.every((id) => c.checked[id] === true) && c.followUpDate !== null;
}
