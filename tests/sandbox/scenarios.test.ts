/**
 * The scenario patients: valid FHIR where meant to be, malformed where meant to be, dated
 * relative to the start day, and their hand-computed MME (docs/qa.md) equal to what the MME
 * engine computes through the app's own parser (lib/fhir/parse -> lib/mme calculateMme).
 */
import { validateResource } from "@medplum/core";
import type { Condition, Medication, MedicationRequest, Observation, Patient } from "fhir/r4";
import { describe, expect, it } from "vitest";
import type { UnreadableResource } from "@/lib/domain";
import { parseResource } from "@/lib/fhir/parse";
import { calculateMme } from "@/lib/mme";
import { assessReadiness } from "@/lib/taper";
import { productByRxnorm } from "@/lib/mme/catalog";
import { ensureDefinitions } from "@/sandbox/fhir/definitions";
import { isMedplumResource } from "@/sandbox/fhir/resources";
import { buildScenarioResources, clockFor, SCENARIOS, type Scenario } from "@/sandbox/scenarios";

const AS_OF = new Date("2026-03-15T12:00:00Z");
const clock = clockFor(AS_OF);

/** The record as the app reads it: every resource through lib/fhir/parse. */
function parsedRecord(scenario: Scenario) {
  const medicationRequests: MedicationRequest[] = [];
  const medications: Medication[] = [];
  const observations: Observation[] = [];
  const conditions: Condition[] = [];
  const unreadable: UnreadableResource[] = [];
  let patient: Patient | undefined;
  for (const raw of scenario.build(clock)) {
    if (!isMedplumResource(raw)) continue;
    const parsed = parseResource(raw);
    if (!parsed.ok) {
      if (raw.resourceType === "MedicationRequest") unreadable.push(parsed.unreadable);
      continue;
    }
    const r = parsed.resource;
    if (r.resourceType === "MedicationRequest") medicationRequests.push(r);
    else if (r.resourceType === "Medication") medications.push(r);
    else if (r.resourceType === "Observation") observations.push(r);
    else if (r.resourceType === "Condition") conditions.push(r);
    else if (r.resourceType === "Patient") patient = r;
  }
  return { medicationRequests, medications, observations, conditions, unreadable, ...(patient ? { patient } : {}) };
}

describe("scenario expectations agree with the MME engine", () => {
  it.each(SCENARIOS.map((s) => [s.name, s] as const))("%s", (_name, scenario) => {
    const { medicationRequests, medications, unreadable } = parsedRecord(scenario);
    const result = calculateMme({ medicationRequests, medications, unreadable, asOf: clock.date(0) });
    // The arithmetic is written out in scenario.expected.arithmetic (CDC 2022 factors).
    expect(result.totalMmePerDay).toBeCloseTo(scenario.expected.mmePerDay, 6);
    expect(result.state).toBe(scenario.expected.completeness);
  });
});

describe("scenario expectations agree with the readiness engine", () => {
  it.each(SCENARIOS.map((s) => [s.name, s] as const))("%s", (_name, scenario) => {
    const record = parsedRecord(scenario);
    const mme = calculateMme({ medicationRequests: record.medicationRequests, medications: record.medications, unreadable: record.unreadable, asOf: clock.date(0) });
    const readiness = assessReadiness({ ...record, mme, unavailable: {} }, clock.date(0));
    const present = readiness.findings.filter((f) => f.status === "present").map((f) => f.id);
    for (const id of scenario.expected.findingIds.present) expect(present).toContain(id);
    for (const id of scenario.expected.findingIds.absent) expect(present).not.toContain(id);
    // a scenario whose plan is held has a blocking gate, and the others have none from their record's death
    if (scenario.expected.planHeld) expect(readiness.gates.some((g) => g.kind === "blocks")).toBe(true);
    expect(present.includes("caution.deceased")).toBe(scenario.id === "otp-deceased");
  });
});

describe("scenario records", () => {
  ensureDefinitions();
  const all = buildScenarioResources(clock);

  it("have unique, stable ids starting with their patient id", () => {
    const ids = all.map((r) => (isMedplumResource(r) ? `${r.resourceType}/${r.id ?? ""}` : "?"));
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of SCENARIOS) {
      const own = s.build(clock).filter(isMedplumResource);
      expect(own.every((r) => r.id?.startsWith(s.id))).toBe(true);
      expect(own.some((r) => r.resourceType === "Patient" && r.id === s.id)).toBe(true);
    }
  });

  it("are valid FHIR R4, except the deliberately malformed resources", () => {
    const invalid: string[] = [];
    for (const r of all) {
      if (!isMedplumResource(r)) continue;
      try {
        validateResource(r);
      } catch {
        invalid.push(`${r.resourceType}/${r.id ?? ""}`);
      }
    }
    expect(invalid.sort()).toEqual([
      "Condition/otp-malformed-cond-string-code",
      "MedicationRequest/otp-malformed-mr-dosage-object",
      "MedicationRequest/otp-malformed-mr-dose-string",
      "Observation/otp-malformed-pain-string",
    ]);
  });

  it("use opioid RxNorm codes that the catalog knows", () => {
    const codes = all.flatMap((r) => {
      if (!isMedplumResource(r) || (r.resourceType !== "MedicationRequest" && r.resourceType !== "Medication")) return [];
      const cc = r.resourceType === "Medication" ? r.code : r.medicationCodeableConcept;
      return cc?.coding?.map((c) => c.code ?? "") ?? [];
    });
    const opioidLike = ["1860151", "1860129", "1049621", "1049683", "1049221", "245134", "857002", "857005", "856999", "864706", "835603", "891881", "891888", "892582", "1010604", "1310197"];
    for (const code of opioidLike) {
      expect(codes).toContain(code);
      expect(productByRxnorm(code)).not.toBeNull();
    }
  });

  it("are dated relative to the start day (the recent start is always 6 weeks old)", () => {
    const later = clockFor(new Date("2031-07-01T00:00:00Z"));
    const first = (c: typeof clock) => {
      const mr = SCENARIOS.find((s) => s.id === "otp-recent-start")?.build(c).find((r) => isMedplumResource(r) && r.id === "otp-recent-start-mr-1");
      return isMedplumResource(mr) && mr.resourceType === "MedicationRequest" ? mr.authoredOn : undefined;
    };
    expect(first(clock)).toBe("2026-02-01T10:00:00Z");
    expect(first(later)).toBe("2031-05-20T10:00:00Z");
  });

  it("make the heavy record heavy: 149 MedicationRequests and over 3,000 Observations", () => {
    const heavy = SCENARIOS.find((s) => s.id === "otp-heavy-record")?.build(clock).filter(isMedplumResource) ?? [];
    expect(heavy.filter((r) => r.resourceType === "MedicationRequest")).toHaveLength(149);
    expect(heavy.filter((r) => r.resourceType === "Observation").length).toBeGreaterThanOrEqual(3000);
  });
});
