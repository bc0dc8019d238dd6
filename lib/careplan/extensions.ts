/**
 * The machine-readable content a taper CarePlan carries so that the plan can be read back at
 * a follow-up visit (issue "Follow-up visits"): the planned staircase, the rate it was made
 * with, and, on a revision, what kind of revision it is. Written and read here only (one
 * home for the format; the definitions are in docs/careplan-format.md).
 *
 * FHIR R4 extensions (https://hl7.org/fhir/R4/extensibility.html); `Extension.url` is "a
 * logical name or a URL": these are logical names in the project's `urn:opioid-taper-planner:`
 * namespace (the same one the sandbox's tags use), stable across deployments, since every
 * deployment must read the plans every other one wrote. Complex extensions: sub-extensions
 * only, no value (invariant ext-1).
 *
 * - `taper-step` on each medication `CarePlan.activity.detail`: `index` (integer, 0 = the
 *   starting regimen), `plannedMmePerDay` (decimal: the step's total over all products, not
 *   the product's own share), `kind` (code: start | reduce | hold | pause | extend-interval | switch | stop; `hold` only in plans of an earlier planner version).
 * - `taper-rate` on the CarePlan: `ratePercent` (decimal), `intervalUnit` (code day | week |
 *   month), `intervalCount` (integer), `basis` (code original | current | two-phase),
 *   `targetMmePerDay` (decimal; 0 with `discontinue` true), `discontinue` (boolean),
 *   `rapidTaperReason` (string, only on a safety-driven rapid taper).
 * - `taper-revision` on a revision CarePlan (which also `replaces` the earlier one):
 *   `kind` (code pause | slow | resume | stop), `reason` (string), `pauseIntervals` (integer).
 */
import type { Extension } from "fhir/r4";
import type { RevisionKind, RevisionRecord, SavedTaperRate, TaperBasis, TaperIntervalUnit, TaperOptions, TaperStep, TaperStepKind } from "@/lib/domain";

const BASE = "urn:opioid-taper-planner:fhir:extension";
export const TAPER_STEP_EXTENSION = `${BASE}:taper-step`;
export const TAPER_RATE_EXTENSION = `${BASE}:taper-rate`;
export const TAPER_REVISION_EXTENSION = `${BASE}:taper-revision`;

/** Decimal places kept for MME/day (avoids binary noise such as 33.750000000000004 in the chart). */
const MME_DECIMALS = 4;
const STEP_KINDS: readonly TaperStepKind[] = ["start", "reduce", "hold", "pause", "extend-interval", "switch", "stop"];
const BASES: readonly TaperBasis[] = ["original", "current", "two-phase"];
const UNITS: readonly TaperIntervalUnit[] = ["day", "week", "month"];
const REVISIONS: readonly RevisionKind[] = ["pause", "slow", "resume", "stop"];

const round = (value: number): number => Math.round(value * 10 ** MME_DECIMALS) / 10 ** MME_DECIMALS;

export function stepExtension(step: TaperStep): Extension {
  return {
    url: TAPER_STEP_EXTENSION,
    extension: [
      { url: "index", valueInteger: step.index },
      { url: "plannedMmePerDay", valueDecimal: round(step.totalMmePerDay) },
      { url: "kind", valueCode: step.kind },
    ],
  };
}

export function rateExtension(options: TaperOptions, targetMmePerDay: number): Extension {
  const discontinue = options.target.kind === "discontinue";
  return {
    url: TAPER_RATE_EXTENSION,
    extension: [
      { url: "ratePercent", valueDecimal: options.ratePercent },
      { url: "intervalUnit", valueCode: options.interval.unit },
      { url: "intervalCount", valueInteger: options.interval.count },
      { url: "basis", valueCode: options.basis },
      { url: "targetMmePerDay", valueDecimal: discontinue ? 0 : round(targetMmePerDay) },
      { url: "discontinue", valueBoolean: discontinue },
      ...(options.rapidTaper !== null ? [{ url: "rapidTaperReason", valueString: options.rapidTaper.reason }] : []),
    ],
  };
}

export function revisionExtension(revision: RevisionRecord): Extension {
  return {
    url: TAPER_REVISION_EXTENSION,
    extension: [
      { url: "kind", valueCode: revision.kind },
      { url: "reason", valueString: revision.reason },
      ...(revision.pauseIntervals !== null ? [{ url: "pauseIntervals", valueInteger: revision.pauseIntervals }] : []),
    ],
  };
}

/** The extensions with this url (a list may carry it more than once: the caller decides what that means). */
export function extensionsOf(list: readonly Extension[] | undefined, url: string): Extension[] {
  return (list ?? []).filter((e) => e.url === url);
}

/** The single sub-extension `name`, or null when absent or repeated (repeated is not ours: never pick one). */
function sub(ext: Extension, name: string): Extension | null {
  const found = (ext.extension ?? []).filter((e) => e.url === name);
  return found.length === 1 ? (found[0] ?? null) : null;
}

function decimal(ext: Extension, name: string): number | null {
  const v = sub(ext, name)?.valueDecimal;
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

function integer(ext: Extension, name: string): number | null {
  const v = sub(ext, name)?.valueInteger;
  return typeof v === "number" && Number.isInteger(v) ? v : null;
}

function code<T extends string>(ext: Extension, name: string, allowed: readonly T[]): T | null {
  const v = sub(ext, name)?.valueCode;
  return allowed.find((a) => a === v) ?? null;
}

export interface StepExtensionReading {
  index: number;
  plannedMmePerDay: number;
  kind: TaperStepKind | null;
}

/** The `taper-step` content, or null when it is not complete and well-formed (index >= 0, MME/day finite and >= 0). */
export function readStepExtension(ext: Extension): StepExtensionReading | null {
  const index = integer(ext, "index");
  const mme = decimal(ext, "plannedMmePerDay");
  if (index === null || index < 0 || mme === null || mme < 0) return null;
  return { index, plannedMmePerDay: mme, kind: code(ext, "kind", STEP_KINDS) };
}

/** The `taper-rate` content, or null when any required part is missing or malformed. */
export function readRateExtension(ext: Extension): SavedTaperRate | null {
  const ratePercent = decimal(ext, "ratePercent");
  const unit = code(ext, "intervalUnit", UNITS);
  const count = integer(ext, "intervalCount");
  const basis = code(ext, "basis", BASES);
  const discontinue = sub(ext, "discontinue")?.valueBoolean;
  const target = decimal(ext, "targetMmePerDay");
  if (ratePercent === null || ratePercent <= 0 || unit === null || count === null || count < 1 || basis === null || typeof discontinue !== "boolean") return null;
  if (!discontinue && (target === null || target < 0)) return null;
  const reason = sub(ext, "rapidTaperReason")?.valueString;
  return {
    ratePercent,
    interval: { unit, count },
    basis,
    target: discontinue ? { kind: "discontinue" } : { kind: "mme", mmePerDay: target ?? 0 },
    rapidTaperReason: typeof reason === "string" && reason.trim() !== "" ? reason : null,
  };
}

/** The `taper-revision` content, or null when the kind or the reason is missing. */
export function readRevisionExtension(ext: Extension): RevisionRecord | null {
  const kind = code(ext, "kind", REVISIONS);
  const reason = sub(ext, "reason")?.valueString;
  if (kind === null || typeof reason !== "string" || reason.trim() === "") return null;
  const pause = integer(ext, "pauseIntervals");
  return { kind, reason, pauseIntervals: pause !== null && pause >= 1 ? pause : null };
}
