/**
 * One home for opioid use disorder codes: every code by which readiness recognises OUD (its
 * condition list, lib/taper/codes/conditions.ts, through the vendored CDC value sets) is also a
 * reason that makes a methadone or buprenorphine order OUD treatment for the MME engine
 * (`mme.excluded.oud-treatment`), so the two never disagree about the same patient.
 */
import { describe, expect, it } from "vitest";
import { CONDITION_VALUE_SETS } from "@/lib/domain/valuesets.generated";
import { SNOMED_SYSTEM } from "@/lib/domain/code-systems";
import { oudTreatmentSignal } from "@/lib/mme/identify/oud";

const ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
const order = (system: string, code: string) => ({ resourceType: "MedicationRequest", status: "active", intent: "order", reasonCode: [{ coding: [{ system, code }] }] });
/** "F112" -> "F11.2", "F1120" -> "F11.20": how records write ICD-10-CM codes. */
const dotted = (code: string) => `${code.slice(0, 3)}.${code.slice(3)}${code.length === 4 ? "0" : ""}`;

describe("OUD codes: readiness and the MME engine read the same value sets", () => {
  for (const id of ["opioid-use-disorder", "opioid-use-disorder-in-remission", "opioid-related-condition"] as const) {
    const set = CONDITION_VALUE_SETS[id];
    it(`every SNOMED CT code of ${id} (${set.snomed.length}) marks a methadone order as OUD treatment`, () => {
      const missed = set.snomed.filter((code) => oudTreatmentSignal(order(SNOMED_SYSTEM, code), ["methadone"]) === null);
      expect(missed).toEqual([]);
    });
    it(`every ICD-10-CM code of ${id} marks a methadone order as OUD treatment, dotted or not`, () => {
      expect(set.icd10.length).toBeGreaterThan(0);
      for (const code of set.icd10) {
        expect(oudTreatmentSignal(order(ICD10CM, code), ["methadone"]), code).not.toBeNull();
        expect(oudTreatmentSignal(order(ICD10CM, dotted(code)), ["methadone"]), dotted(code)).not.toBeNull();
      }
    });
  }
  it("a reason outside the sets (chronic pain, F11 look-alike F12) is not OUD treatment", () => {
    expect(oudTreatmentSignal(order(SNOMED_SYSTEM, "82423001"), ["methadone"])).toBeNull();
    expect(oudTreatmentSignal(order(ICD10CM, "F12.20"), ["methadone"])).toBeNull();
    expect(oudTreatmentSignal(order(ICD10CM, "G89.4"), ["methadone"])).toBeNull();
  });
});
