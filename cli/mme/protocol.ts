/**
 * Messages between the `mme` command and its worker threads (structured clone), with the
 * guards that check what arrives: a batch of patients in, their results (or an error) out.
 */
import type { ItemRef } from "@/cli/shared/handles";
import type { Job, JobResult, JobSetup } from "./job";

export interface BatchRequest {
  id: number;
  jobs: Job[];
}

export type BatchResponse = { id: number; results: JobResult[] } | { id: number; error: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === "string");

function isItemRef(v: unknown): v is ItemRef {
  if (!isObject(v)) return false;
  if ("line" in v) return Array.isArray(v.line) && v.line.length === 4 && v.line.every((n) => typeof n === "number");
  return "value" in v && typeof v.origin === "string";
}

function isJob(v: unknown): v is Job {
  return isObject(v) && typeof v.ref === "string" && Array.isArray(v.items) && v.items.every(isItemRef);
}

export function isBatchRequest(v: unknown): v is BatchRequest {
  return isObject(v) && typeof v.id === "number" && Array.isArray(v.jobs) && v.jobs.every(isJob);
}

function isJobResult(v: unknown): v is JobResult {
  return isObject(v) && typeof v.json === "string" && isObject(v.summary) && Array.isArray(v.unreadableLines);
}

export function isBatchResponse(v: unknown): v is BatchResponse {
  if (!isObject(v) || typeof v.id !== "number") return false;
  return typeof v.error === "string" || (Array.isArray(v.results) && v.results.every(isJobResult));
}

export function isJobSetup(v: unknown): v is JobSetup {
  return (
    isObject(v) && Array.isArray(v.paths) && v.paths.every((p) => typeof p === "string") &&
    Array.isArray(v.medications) && v.medications.every((m) => Array.isArray(m) && m.length === 2 && typeof m[0] === "string" && isItemRef(m[1])) &&
    isObject(v.settings) && typeof v.settings.asOf === "string" && typeof v.settings.lookbackDays === "number" &&
    (v.settings.factorTableId === "cdc-2022" || v.settings.factorTableId === "cdc-2016") &&
    isObject(v.problems) && isStrings(v.problems.everyPatient) && isStrings(v.problems.unresolvedMedication)
  );
}
