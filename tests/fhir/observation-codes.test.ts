/**
 * The Observation codes the app asks the EHR for (lib/fhir/observation-codes.ts, server-side filter) and
 * the codes the readiness rules and trends read (lib/taper/codes/loinc.ts) are two lists that must match:
 * a code the rules read but the searches never ask for is a finding that silently never fires. This test
 * ties them (issue 14.4); every LOINC code exported by lib/taper/codes/loinc.ts is collected, so a code
 * added there without being searched for fails here.
 */
import { describe, expect, it } from "vitest";
import { OBSERVATION_CODES_BY_CATEGORY, READINESS_OBSERVATION_CODES, URINE_DRUG_SCREEN_CODES } from "@/lib/fhir/observation-codes";
import { LOINC_SYSTEM } from "@/lib/domain/code-systems";
import * as readinessLoinc from "@/lib/taper/codes/loinc";
import { urineDrugTest } from "@/lib/taper/codes/valuesets";

const LOINC_CODE = /^\d{1,7}-\d$/;

/** Every string that looks like a LOINC code, anywhere in an exported value (arrays, records). */
function loincCodesIn(value: unknown): string[] {
  if (typeof value === "string") return LOINC_CODE.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(loincCodesIn);
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(loincCodesIn);
  return [];
}

/** Scores read by the rules and trends (lib/taper/codes/loinc.ts); urine drug tests are read through the value sets. */
const readCodes = new Set(Object.values(readinessLoinc).flatMap(loincCodesIn));
const drugCodes = new Set<string>(URINE_DRUG_SCREEN_CODES);
const searchedCodes = new Set<string>(READINESS_OBSERVATION_CODES.filter((c) => !drugCodes.has(c)));

describe("Observation codes searched vs read", () => {
  it("the readiness rules read codes (sanity: the collection found them)", () => {
    expect(readCodes.size).toBeGreaterThan(10);
  });

  it("every code the readiness rules and trends read is searched for, and nothing else is", () => {
    expect([...readCodes].filter((c) => !searchedCodes.has(c)).sort()).toEqual([]);
    expect([...searchedCodes].filter((c) => !readCodes.has(c)).sort()).toEqual([]);
  });

  it("every urine drug test searched for is one the readiness rules recognise (value sets), and there are some", () => {
    expect(drugCodes.size).toBeGreaterThan(20);
    expect([...drugCodes].filter((code) => urineDrugTest({ system: LOINC_SYSTEM, code }) === null)).toEqual([]);
    expect([...drugCodes].every((c) => READINESS_OBSERVATION_CODES.includes(c))).toBe(true);
  });

  it("the per-category searches (EHRs that require a category) together cover every code", () => {
    const byCategory = new Set(OBSERVATION_CODES_BY_CATEGORY.flatMap((c) => [...c.codes]));
    expect(READINESS_OBSERVATION_CODES.filter((c) => !byCategory.has(c))).toEqual([]);
  });
});
