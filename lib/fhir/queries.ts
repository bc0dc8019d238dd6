/**
 * The searches that load one patient's record, as relative FHIR URLs, filtered on the
 * server (FHIR R4 search.html). Every value is percent-encoded: a proxy that collapses `//`
 * would turn an unencoded `code=http://loinc.org|72514-3` into zero results, silently.
 * Commas between token values stay literal: in FHIR search a comma means OR.
 */
import { addDays } from "@/lib/domain/dates";
import {
  LOINC_SYSTEM,
  OBSERVATION_CATEGORY_SYSTEM,
  OBSERVATION_CODES_BY_CATEGORY,
  PAIN_PLAN_CATEGORY_CODE,
  READINESS_OBSERVATION_CODES,
} from "./observation-codes";

/** The parts of the record, one per search family (Observations may take several searches). */
export type SearchKey = "medicationRequests" | "observations" | "conditions" | "carePlans";

export const SEARCH_KEYS: readonly SearchKey[] = ["medicationRequests", "observations", "conditions", "carePlans"];

export interface SearchSpec {
  key: SearchKey;
  /** The resource type searched (for permission messages). */
  resourceType: "MedicationRequest" | "Observation" | "Condition" | "CarePlan";
  /** Relative URL, e.g. `MedicationRequest?patient=123&_include=MedicationRequest%3Amedication&_count=200`. */
  url: string;
}

/**
 * How far back Observations are read: two years. A data-retrieval bound, not a clinical
 * threshold: it covers the 12-month windows the readiness rules look at (CDC 2022 Rec 10:
 * urine drug testing at least annually; HHS 2019: reassess function and mood before and
 * during a taper) with room for a trend. The rules apply their own windows.
 */
export const DEFAULT_OBSERVATION_LOOKBACK_DAYS = 730;

export interface QueryOptions {
  /** Reference instant; the Observation lookback counts back from it. */
  asOf: Date;
  lookbackDays: number;
  /** `_count` asked of the server per page. */
  pageSize: number;
  /** The EHR rejects Observation searches without `category` (Epic): one search per category. */
  observationCategoryRequired: boolean;
}

type Param = readonly [name: string, value: string];

/** `name=value&...` with the name and every value percent-encoded; `values` joined by literal commas (OR). */
export function encodeQuery(params: readonly Param[]): string {
  return params.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join("&");
}

/** A token search value `system|code`, OR-joined: each item encoded, commas kept. */
export function encodeTokens(system: string, codes: readonly string[]): string {
  return codes.map((code) => encodeURIComponent(`${system}|${code}`)).join(",");
}

/** `YYYY-MM-DD` (UTC) of `asOf` minus `days`. */
export function lookbackDate(asOf: Date, days: number): string {
  return addDays(asOf.toISOString().slice(0, 10), -days);
}

function observationSearch(patientId: string, codes: readonly string[], options: QueryOptions, category?: string): SearchSpec {
  const params: Param[] = [["patient", patientId]];
  if (category) params.push(["category", `${OBSERVATION_CATEGORY_SYSTEM}|${category}`]);
  const head = encodeQuery(params);
  const tail = encodeQuery([
    ["date", `ge${lookbackDate(options.asOf, options.lookbackDays)}`],
    ["_sort", "-date"],
    ["_count", String(options.pageSize)],
  ]);
  return { key: "observations", resourceType: "Observation", url: `Observation?${head}&code=${encodeTokens(LOINC_SYSTEM, codes)}&${tail}` };
}

/**
 * The searches for one patient, to run in parallel (one round trip each):
 * - MedicationRequest for the patient with `_include=MedicationRequest:medication` (the
 *   referenced Medication resources arrive in the same pages). No status or date filter:
 *   the MME engine decides what is current, and readiness needs the earliest opioid order.
 * - Observation by the readiness LOINC codes, newest first, within the lookback; one search
 *   per category when the EHR requires `category`.
 * - Condition, active and historical (no clinical-status filter).
 * - CarePlan with category LOINC 80764-4 (earlier pain treatment plans).
 */
export function buildPatientSearches(patientId: string, options: QueryOptions): SearchSpec[] {
  const count = String(options.pageSize);
  const observations = options.observationCategoryRequired
    ? OBSERVATION_CODES_BY_CATEGORY.map((c) => observationSearch(patientId, c.codes, options, c.category))
    : [observationSearch(patientId, READINESS_OBSERVATION_CODES, options)];
  return [
    {
      key: "medicationRequests",
      resourceType: "MedicationRequest",
      url: `MedicationRequest?${encodeQuery([["patient", patientId], ["_include", "MedicationRequest:medication"], ["_count", count]])}`,
    },
    ...observations,
    { key: "conditions", resourceType: "Condition", url: `Condition?${encodeQuery([["patient", patientId], ["_count", count]])}` },
    {
      key: "carePlans",
      resourceType: "CarePlan",
      url: `CarePlan?${encodeQuery([["patient", patientId]])}&category=${encodeTokens(LOINC_SYSTEM, [PAIN_PLAN_CATEGORY_CODE])}&${encodeQuery([["_count", count]])}`,
    },
  ];
}
