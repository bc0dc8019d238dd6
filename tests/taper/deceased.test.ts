/** Readiness: a death recorded in the chart blocks the plan (issue 19.4), through the plan gates. */
import type { Patient } from "fhir/r4";
import { describe, expect, it } from "vitest";
import { calculateMme } from "@/lib/mme";
import { assessReadiness, type ReadinessInputs } from "@/lib/taper";

const AS_OF = "2026-03-15";

function inputs(extra: Partial<ReadinessInputs>): ReadinessInputs {
  return { mme: calculateMme({ medicationRequests: [], medications: [], asOf: AS_OF }), medicationRequests: [], medications: [], observations: [], conditions: [], unavailable: {}, ...extra };
}
const patient = (p: Partial<Patient>): Patient => ({ resourceType: "Patient", id: "p1", ...p });

describe("caution.deceased", () => {
  it.each<[string, Partial<Patient>, string]>([
    ["deceasedDateTime", { deceasedDateTime: "2026-03-03T04:00:00Z" }, "Date of death recorded"],
    ["deceasedBoolean true", { deceasedBoolean: true }, "Recorded as deceased"],
  ])("%s: present, blocks the plan with what to do instead", (_name, p, evidence) => {
    const r = assessReadiness(inputs({ patient: patient(p) }), AS_OF);
    const f = r.findings.find((x) => x.id === "caution.deceased");
    expect(f).toMatchObject({ outcome: "recorded", status: "present", category: "caution", planEffect: { kind: "blocks" } });
    expect(f?.evidence[0]).toMatchObject({ reference: "Patient/p1", label: evidence });
    expect(r.gates).toContainEqual(expect.objectContaining({ findingId: "caution.deceased", kind: "blocks", instead: expect.stringMatching(/Do not plan a taper/) }));
  });

  it("deceasedBoolean false or nothing: not recorded, no gate", () => {
    for (const p of [{ deceasedBoolean: false }, {}]) {
      const r = assessReadiness(inputs({ patient: patient(p) }), AS_OF);
      expect(r.findings.find((x) => x.id === "caution.deceased")).toMatchObject({ outcome: "not-recorded", status: "not-found" });
      expect(r.gates.some((g) => g.findingId === "caution.deceased")).toBe(false);
    }
  });

  it("patient not read: unknown with the reason, and the plan is not held for it", () => {
    const r = assessReadiness(inputs({ patientUnavailable: "The EHR did not grant permission to read the patient's details." }), AS_OF);
    const f = r.findings.find((x) => x.id === "caution.deceased");
    expect(f).toMatchObject({ outcome: "unknown", status: "unknown", planEffect: { kind: "informs" } });
    expect(f?.sentence).toContain("did not grant permission");
    expect(r.gates.some((g) => g.findingId === "caution.deceased")).toBe(false);
  });
});
