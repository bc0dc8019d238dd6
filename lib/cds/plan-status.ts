/**
 * Whether a taper plan is in effect and how the patient is doing on it, for the patient-view
 * card: the follow-up engine's result (lib/careplan `followUpFromCarePlans` -> lib/taper
 * followup: the plan in effect through `replaces`, and on-track / faster-than-planned /
 * slower-than-planned / paused / above-start / unknown / no-plan, never guessed from an
 * incomplete MME). This module only adds what the engine cannot know: whether the CarePlans
 * could be read at all.
 */
import type { CarePlan } from "fhir/r4";
import type { FollowUpResult, IsoDate, MmeResult } from "@/lib/domain";
import { followUpFromCarePlans } from "@/lib/careplan";
import type { PartState } from "./inputs";

export type TaperPlanStatus =
  | { kind: "unavailable"; reason: string }
  | { kind: "assessed"; followUp: FollowUpResult; carePlansIncomplete: string | null };

export function taperPlanStatus(carePlans: readonly CarePlan[], part: PartState, mme: MmeResult, asOf: IsoDate): TaperPlanStatus {
  if (part.state === "unavailable") return { kind: "unavailable", reason: part.reason };
  const followUp = followUpFromCarePlans(carePlans, mme, asOf);
  return { kind: "assessed", followUp, carePlansIncomplete: part.state === "incomplete" ? part.reason : null };
}

/** A plan of this app is in effect (whatever the patient's progress on it). */
export function hasPlanInEffect(status: TaperPlanStatus): boolean {
  return status.kind === "assessed" && status.followUp.carePlan !== null;
}

/** A few words for the card summary. */
export function planWords(status: TaperPlanStatus): string {
  if (status.kind === "unavailable") return "taper plan unknown";
  const f = status.followUp;
  if (f.status === "no-plan") return status.carePlansIncomplete === null ? "no taper plan" : "taper plan unknown";
  return `taper plan: ${f.status.replace(/-/g, " ")}`;
}

/** Sentences for the card detail: the engine's own summary and reasons. */
export function describePlanStatus(status: TaperPlanStatus): string[] {
  if (status.kind === "unavailable") return [`Whether a taper plan is in effect is unknown (${status.reason}).`];
  const f = status.followUp;
  const lines = [f.summary, ...f.reasons, ...(f.question === null ? [] : [f.question])].filter((s) => s !== "");
  if (f.status === "no-plan" && status.carePlansIncomplete !== null) lines.push(`Not every care plan could be read (${status.carePlansIncomplete}).`);
  return lines;
}
