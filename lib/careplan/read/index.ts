/**
 * Reading back the taper CarePlans this app wrote (issue "Follow-up visits"): recognition,
 * the staircase, the rate and the revision record. The follow-up engine (lib/taper/followup)
 * works on what this returns; `followUpFromCarePlans` (../followup.ts) joins the two.
 */
import type { CarePlan } from "fhir/r4";
import type { IgnoredCarePlan, SavedTaperPlan } from "@/lib/domain";
import { hasPainPlanCategory } from "./recognize";
import { readSavedPlan } from "./saved-plan";

export { appIdentifier, hasPainPlanCategory, isAppTaperCarePlan, LEGACY_TITLE_PREFIX, notAppTaperPlanReason } from "./recognize";
export { carePlanReference, readSavedPlan, type SavedPlanReading } from "./saved-plan";
export { readStaircase } from "./staircase";
export { readRateText, readStepText } from "./legacy-text";

/**
 * This app's taper plans among `carePlans`, and the others with the reason each is not
 * taken. Only pain-plan CarePlans (LOINC 80764-4) of other apps are listed as ignored: a
 * chart's unrelated care plans are not this app's business.
 */
export function readTaperCarePlans(carePlans: readonly CarePlan[]): { plans: SavedTaperPlan[]; ignored: IgnoredCarePlan[] } {
  const plans: SavedTaperPlan[] = [];
  const ignored: IgnoredCarePlan[] = [];
  for (const cp of carePlans) {
    const read = readSavedPlan(cp);
    if (read.ok) plans.push(read.plan);
    else if (read.ignored.reason !== "not-this-app" || hasPainPlanCategory(cp)) ignored.push(read.ignored);
  }
  return { plans, ignored };
}
