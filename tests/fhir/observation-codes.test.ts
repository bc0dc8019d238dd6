/**
 * The Observation codes the app asks the EHR for (lib/fhir/observation-codes.ts, server-side filter) and
 * the codes the readiness rules and trends read (lib/taper/codes/loinc.ts) are two lists that must match:
 * a code the rules read but the searches never ask for is a finding that silently never fires. This test
 * ties them (issue 14.4); every LOINC code exported by lib/taper/codes/loinc.ts is collected, so a code
 * added there without being searched for fails here.
 */
import { describe, expect, it } from "vitest";
import { OBSERVATION_CODES_BY_CATEGORY, READINESS_OBSERVATION_CODES, URINE_DRUG_SCREEN_CODES } from "@/lib/fhir/observation-codes";
import * as readinessLoinc from "@/lib/taper/codes/loinc";

const LOINC_CODE = /^\d{1,7}-\d$/;

/** Every string that looks like a LOINC code, anywhere in an exported value (arrays, records). */
function loincCodesIn(value: unknown): string[] {
  if (typeof value === "string") return LOINC_CODE.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(loincCodesIn);
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(loincCodesIn);
  return [];
}

const readCodes = new Set(Object.values(readinessLoinc).flatMap(loincCodesIn));
const searchedCodes = new Set<string>(READINESS_OBSERVATION_CODES);

describe("Observation codes searched vs read", () => {
  it("the readiness rules read codes (sanity: the collection found them)", () => {
    expect(readCodes.size).toBeGreaterThan(20);
  });

  it("every code the readiness rules and trends read is searched for, and nothing else is", () => {
    expect([...readCodes].filter((c) => !searchedCodes.has(c)).sort()).toEqual([]);
    expect([...searchedCodes].filter((c) => !readCodes.has(c)).sort()).toEqual([]);
  });

  it("the urine drug screens searched for are exactly the classes' codes", () => {
    expect([...URINE_DRUG_SCREEN_CODES].sort()).toEqual(Object.values(readinessLoinc.URINE_DRUG_SCREENS).flat().sort());
  });

  it("the per-category searches (EHRs that require a category) together cover every code", () => {
    const byCategory = new Set(OBSERVATION_CODES_BY_CATEGORY.flatMap((c) => [...c.codes]));
    expect([...searchedCodes].filter((c) => !byCategory.has(c))).toEqual([]);
  });
});
