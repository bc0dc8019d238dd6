/**
 * A FHIR CarePlan -> the app's saved taper plan (lib/domain SavedTaperPlan), or the reason it
 * is not one. Reads both forms: the profile form (meta.profile declared, active/plan, issue
 * "go-live") and the earlier draft/proposal form without a profile; reads the rate from the
 * `taper-rate` extension, else from the version-1 description; the staircase as
 * staircase.ts says. Pure; never throws.
 */
import type { CarePlan } from "fhir/r4";
import type { IgnoredCarePlan, RevisionRecord, SavedTaperPlan, SavedTaperRate } from "@/lib/domain";
import { extensionsOf, readRateExtension, readRevisionExtension, TAPER_RATE_EXTENSION, TAPER_REVISION_EXTENSION } from "../extensions";
import { readRateText } from "./legacy-text";
import { appIdentifier, notAppTaperPlanReason } from "./recognize";
import { readStaircase } from "./staircase";

export type SavedPlanReading = { ok: true; plan: SavedTaperPlan } | { ok: false; ignored: IgnoredCarePlan };

/** `CarePlan/<id>`, or the identifier when the resource has no id (a plan not yet saved). */
export function carePlanReference(cp: CarePlan): string {
  return cp.id !== undefined ? `CarePlan/${cp.id}` : (appIdentifier(cp) ?? "CarePlan (no id)");
}

function rateOf(cp: CarePlan): SavedTaperRate | null {
  const exts = extensionsOf(cp.extension, TAPER_RATE_EXTENSION);
  const ext = exts.length === 1 ? exts[0] : undefined;
  if (ext !== undefined) return readRateExtension(ext);
  return exts.length === 0 ? readRateText(cp.description) : null;
}

function revisionOf(cp: CarePlan): RevisionRecord | null {
  const exts = extensionsOf(cp.extension, TAPER_REVISION_EXTENSION);
  const ext = exts.length === 1 ? exts[0] : undefined;
  return ext === undefined ? null : readRevisionExtension(ext);
}

export function readSavedPlan(cp: CarePlan): SavedPlanReading {
  const reference = carePlanReference(cp);
  const notOurs = notAppTaperPlanReason(cp);
  const identifier = appIdentifier(cp);
  if (notOurs !== null || identifier === null) {
    return { ok: false, ignored: { reference, reason: "not-this-app", sentence: `${reference} is not a taper plan written by this app: ${notOurs ?? "no identifier"}.` } };
  }
  if (cp.status === "entered-in-error") {
    return { ok: false, ignored: { reference, reason: "entered-in-error", sentence: `${reference} was entered in error: it is not a plan.` } };
  }
  return {
    ok: true,
    plan: {
      reference,
      identifier,
      fhirStatus: cp.status,
      intent: cp.intent,
      created: cp.created ?? cp.meta?.lastUpdated ?? null,
      title: cp.title ?? null,
      replaces: (cp.replaces ?? []).flatMap((r) => (r.reference !== undefined ? [r.reference] : [])),
      revision: revisionOf(cp),
      rate: rateOf(cp),
      staircase: readStaircase(cp),
      form: (cp.meta?.profile ?? []).length > 0 ? "profile" : "legacy",
    },
  };
}
