/**
 * Matching codings against the value sets of lib/domain/valuesets.generated.ts (the CDC
 * opioid CDS IG's expansions with the project's documented amendments; `npm run
 * generate:valuesets`). The one matcher every consumer uses.
 * - SNOMED CT and RxNorm: the code exactly (no SNOMED CT release here: a descendant is
 *   recognised only when the published expansion lists it).
 * - ICD-10-CM: a listed code or range and its descendants (ICD-10-CM codes extend their
 *   parent's characters: F11.20 descends from F11.2), minus the exclusions; for poisoning
 *   sets, the 6th character (intent) must be one the set allows.
 */
import type { Coding } from "fhir/r4";
import { isIcd10System, isLoincSystem, isRxNormSystem, isSnomedSystem } from "@/lib/domain/code-systems";
import type { ConditionValueSet, ConditionValueSetId, MedicationValueSetId, UrineDrugTest } from "@/lib/domain/valuesets";
import { CONDITION_VALUE_SETS, MEDICATION_VALUE_SETS, URINE_DRUG_TESTS } from "@/lib/domain/valuesets.generated";

/** "f11.20 " -> "F1120". */
export function normalizeIcd10(code: string): string {
  return code.trim().replace(/\./g, "").toUpperCase();
}

/** True when the normalized `code` is `rule` or descends from it, or its 3-character category lies in the range `rule` ("C00-C96"). */
export function icd10Matches(code: string, rule: string): boolean {
  const dash = rule.indexOf("-");
  if (dash > 0) {
    const category = code.slice(0, 3);
    return category >= rule.slice(0, dash) && category <= rule.slice(dash + 1);
  }
  return code.startsWith(rule);
}

function icd10InSet(code: string, vs: ConditionValueSet): boolean {
  const c = normalizeIcd10(code);
  if (!vs.icd10.some((r) => icd10Matches(c, r)) || vs.icd10Exclude.some((r) => icd10Matches(c, r))) return false;
  return vs.icd10Intent.length === 0 || vs.icd10Intent.includes(c.charAt(5));
}

const snomedSets = new Map<ConditionValueSetId, ReadonlySet<string>>();
function snomedOf(id: ConditionValueSetId): ReadonlySet<string> {
  let set = snomedSets.get(id);
  if (set === undefined) {
    set = new Set(CONDITION_VALUE_SETS[id].snomed);
    snomedSets.set(id, set);
  }
  return set;
}

/** True when the coding (SNOMED CT or ICD-10-CM) is in the condition value set. */
export function codingInConditionSet(coding: Coding, id: ConditionValueSetId): boolean {
  if (coding.code === undefined || coding.code.trim() === "") return false;
  if (isSnomedSystem(coding.system)) return snomedOf(id).has(coding.code.trim());
  if (isIcd10System(coding.system)) return icd10InSet(coding.code, CONDITION_VALUE_SETS[id]);
  return false;
}

const rxnormSets = new Map<MedicationValueSetId, ReadonlySet<string>>();
/** True when the coding is an RxNorm code of the medication value set. */
export function codingInMedicationSet(coding: Coding, id: MedicationValueSetId): boolean {
  if (!isRxNormSystem(coding.system) || coding.code === undefined) return false;
  let set = rxnormSets.get(id);
  if (set === undefined) {
    set = new Set(MEDICATION_VALUE_SETS[id].rxnorm);
    rxnormSets.set(id, set);
  }
  return set.has(coding.code.trim());
}

/** Built on first use, so a consumer that never reads drug tests (the warehouse UDF) does not carry them. */
let urineByCode: ReadonlyMap<string, UrineDrugTest> | null = null;
/** The urine drug test a LOINC coding names, or null. */
export function urineDrugTest(coding: Coding): UrineDrugTest | null {
  if (!isLoincSystem(coding.system) || coding.code === undefined) return null;
  urineByCode ??= new Map(URINE_DRUG_TESTS.map((t) => [t.code, t]));
  return urineByCode.get(coding.code.trim()) ?? null;
}

/** The value sets' titles and sources, for evidence ("codes checked: ..."). */
export function conditionSetSources(ids: readonly ConditionValueSetId[]): string {
  return ids.map((id) => CONDITION_VALUE_SETS[id].title).join("; ");
}
