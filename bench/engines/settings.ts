/** Settings passed to the engine benchmark worker (JSON in argv), checked on arrival. */
import type { RunPlan } from "../stats";

export interface WorkerSettings {
  sizes: number[];
  /** Sizes at or above this use `bigPlan` (fewer runs). */
  bigSize: number;
  plan: RunPlan;
  bigPlan: RunPlan;
  maxOpioids: number;
  taperBatch: number;
  /** Dosage lines of the one-order benchmark (`bigPlan` runs). */
  dosageLines: number;
}

function isPlan(v: unknown): v is RunPlan {
  return typeof v === "object" && v !== null && "warmups" in v && "runs" in v && Number.isInteger(v.warmups) && Number.isInteger(v.runs);
}

export function isWorkerSettings(v: unknown): v is WorkerSettings {
  if (typeof v !== "object" || v === null) return false;
  if (!("sizes" in v) || !Array.isArray(v.sizes) || !v.sizes.every((n) => Number.isInteger(n) && n > 0)) return false;
  if (!("plan" in v) || !isPlan(v.plan) || !("bigPlan" in v) || !isPlan(v.bigPlan)) return false;
  return "bigSize" in v && Number.isInteger(v.bigSize) && "maxOpioids" in v && Number.isInteger(v.maxOpioids) && "taperBatch" in v && Number.isInteger(v.taperBatch) && "dosageLines" in v && Number.isInteger(v.dosageLines);
}
