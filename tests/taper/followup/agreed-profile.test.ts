/**
 * Issue 17.1 with issue 15: a plan agreed with the patient is written `active` / intent `plan` with
 * the HL7 PainTreatmentCarePlan profile, and is still read back as the plan in effect; a revision
 * of it (follow-up) follows the same profile and validates against its StructureDefinition.
 */
import type { CarePlan } from "fhir/r4";
import { describe, expect, it } from "vitest";
import { buildCarePlan, PAIN_TREATMENT_CAREPLAN_PROFILE, readTaperCarePlans, type CarePlanRevision } from "@/lib/careplan";
import { validateCarePlan } from "@/lib/fhir/careplan";
import { planInEffect } from "@/lib/taper/followup/in-effect";
import { makeConfirmations, makeReadiness } from "../../careplan/fixtures";
import { nextUuid, PATIENT, planFor, taking } from "./support";

const OXY_ER_20 = "1049599";

/** The agreed CarePlan as the server returns it: its id, and meta.versionId beside the declared profile. */
function savedAgreed(id: string, created: string, revision?: CarePlanRevision): CarePlan {
  const { plan, mme } = planFor([taking(OXY_ER_20, 1, 2)], "2025-01-06");
  const cp = buildCarePlan(plan, {
    patientRef: `Patient/${PATIENT}`, authorRef: "Practitioner/dr", created, identifier: { system: "urn:ietf:rfc:3986", value: nextUuid() }, mme,
    readiness: makeReadiness(), confirmations: makeConfirmations(), agreed: true, ...(revision ? { revision } : {}),
  });
  return { ...cp, id, meta: { ...cp.meta, versionId: "1", lastUpdated: created } };
}

describe("an agreed (active / plan / PainTreatmentCarePlan) CarePlan and its revision", () => {
  const first = savedAgreed("cp-1", "2025-01-06T10:00:00Z");
  const revision = savedAgreed("cp-2", "2025-02-10T10:00:00Z", {
    replaces: "CarePlan/cp-1", replacedSummary: "CarePlan/cp-1 created 2025-01-06", record: { kind: "pause", reason: "withdrawal at step 1", pauseIntervals: 1 },
  });

  it("is read back as the plan in effect", () => {
    const { plans, ignored } = readTaperCarePlans([first]);
    expect(ignored).toEqual([]);
    const inEffect = planInEffect(plans);
    expect(inEffect.kind).toBe("plan");
    expect(inEffect.kind === "plan" && inEffect.plan).toMatchObject({ reference: "CarePlan/cp-1", fhirStatus: "active", intent: "plan" });
  });

  it("its revision replaces it as the plan in effect, with the same profile", () => {
    expect(revision).toMatchObject({ status: "active", intent: "plan", replaces: [{ reference: "CarePlan/cp-1" }] });
    expect(revision.meta?.profile).toEqual([PAIN_TREATMENT_CAREPLAN_PROFILE]);
    const inEffect = planInEffect(readTaperCarePlans([first, revision]).plans);
    expect(inEffect.kind === "plan" && inEffect.plan.reference).toBe("CarePlan/cp-2");
  });

  it.each([["the first plan", first], ["the revision", revision]])("%s validates against the PainTreatmentCarePlan StructureDefinition", async (_name, cp) => {
    const v = await validateCarePlan(cp);
    expect(v.issues.filter((i) => i.severity === "error")).toEqual([]);
  });
});
