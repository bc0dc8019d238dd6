/** Type guards for values read back from sessionStorage (written by this app, but maybe an older version). */
import { CONFIRMATION_IDS, type Confirmations, type TaperOptions } from "@/lib/domain";
import { FINDING_IDS } from "@/lib/taper";

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isTaperOptions(v: unknown): v is TaperOptions {
  if (!isObject(v) || !isObject(v.interval) || !isObject(v.target)) return false;
  const unit = v.interval.unit;
  const basis = v.basis;
  const kind = v.target.kind;
  return (
    typeof v.ratePercent === "number" && Number.isFinite(v.ratePercent) &&
    (unit === "day" || unit === "week" || unit === "month") && typeof v.interval.count === "number" &&
    (basis === "original" || basis === "current" || basis === "two-phase") &&
    (kind === "discontinue" || (kind === "mme" && typeof v.target.mmePerDay === "number")) &&
    (v.productOrder === null || (Array.isArray(v.productOrder) && v.productOrder.every((k) => typeof k === "string"))) &&
    typeof v.startDate === "string" && ISO_DATE.test(v.startDate) &&
    Array.isArray(v.pauses) && v.pauses.every((p) => isObject(p) && typeof p.atStep === "number" && typeof p.intervals === "number") &&
    (v.rapidTaper === null || (isObject(v.rapidTaper) && typeof v.rapidTaper.reason === "string")) &&
    isObject(v.duration) && ["one-year-or-more", "less-than-a-year", "unknown"].includes(String(v.duration.value)) && (v.duration.source === "record" || v.duration.source === "clinician") &&
    isObject(v.actualUse) && Object.values(v.actualUse).every(isActualUse) &&
    (v.erAtLowest === "switch-to-ir" || v.erAtLowest === "stop") &&
    (v.methadoneFaster === null || (isObject(v.methadoneFaster) && typeof v.methadoneFaster.reason === "string")) &&
    Array.isArray(v.gateDecisions) && v.gateDecisions.every((d) => isObject(d) && FINDING_IDS.some((f) => f === d.findingId) && (d.kind === "override" || d.kind === "confirmed") && typeof d.reason === "string")
  );
}

function isActualUse(v: unknown): boolean {
  return isObject(v) && typeof v.dosesPerDay === "number" && Number.isInteger(v.dosesPerDay) && v.dosesPerDay >= 0 &&
    (v.source === "entered" || v.source === "prescribed-supply") && typeof v.detail === "string";
}

export function isConfirmations(v: unknown): v is Confirmations {
  if (!isObject(v) || !isObject(v.checked)) return false;
  const checked = v.checked;
  return (
    Object.entries(checked).every(([k, b]) => CONFIRMATION_IDS.some((id) => id === k) && typeof b === "boolean") &&
    (v.followUpDate === null || (typeof v.followUpDate === "string" && ISO_DATE.test(v.followUpDate))) &&
    (v.note === undefined || typeof v.note === "string")
  );
}

export interface ProposalRecord {
  /** `urn:uuid:...`, reused while the proposal's content is unchanged (retries never duplicate). */
  identifier: string;
  /** Content fingerprint the identifier belongs to. */
  fingerprint: string;
  /** CarePlan id once saved (or null when the server did not return one). */
  savedId: string | null;
  saved: boolean;
}

export function isProposalRecord(v: unknown): v is ProposalRecord | null {
  if (v === null) return true;
  return isObject(v) && typeof v.identifier === "string" && typeof v.fingerprint === "string" && (v.savedId === null || typeof v.savedId === "string") && typeof v.saved === "boolean";
}
