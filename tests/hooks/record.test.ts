// @vitest-environment happy-dom
/**
 * lib/hooks against an in-memory EHR (tests/hooks/support/memory-transport.ts): the searches, the MME,
 * readiness and trends the screens receive, for a scenario patient whose right answers are written down
 * (sandbox/scenarios: expected MME, finding ids).
 */
import { describe, expect, it } from "vitest";
import { usePatient, usePatientData } from "@/lib/hooks/usePatientRecord";
import { useClinicalView, useMme } from "@/lib/hooks/useClinicalView";
import { trendsData } from "@/lib/hooks/useTrends";
import { pegReadings } from "@/lib/taper/readiness/scores";
import { scenarioById } from "@/sandbox/scenarios";
import { MemoryTransport } from "./support/memory-transport";
import { renderHook, waitFor } from "./support/render-hook";
import { memorySession, scenarioRecord, TEST_DAY } from "./support/session";

const ASOF = new Date(`${TEST_DAY}T12:00:00Z`);
const OSCAR = "otp-oxy-benzo";

function useView(patientId: string, transport: MemoryTransport) {
  const session = memorySession(patientId, transport);
  const data = usePatientData(session, ASOF);
  const mme = useMme(data.medications, TEST_DAY);
  const patient = usePatient(session);
  const view = useClinicalView(data.record, mme, TEST_DAY, patient);
  return { data, mme, view };
}

describe("usePatientData + useMme + useClinicalView", () => {
  it("reads the record once (two keys, one round of searches, every page) and gives the scenario's MME and findings", async () => {
    const expected = scenarioById(OSCAR)?.expected;
    const transport = new MemoryTransport(scenarioRecord(OSCAR));
    const hook = await renderHook(() => useView(OSCAR, transport));
    await waitFor(() => expect(hook.current().view).not.toBeNull());
    const { mme, view } = hook.current();
    expect(mme?.state).toBe(expected?.completeness);
    expect(mme?.totalMmePerDay).toBeCloseTo(expected?.mmePerDay ?? Number.NaN, 6);
    const present = new Set(view?.readiness.findings.filter((f) => f.status === "present").map((f) => f.id));
    for (const id of expected?.findingIds.present ?? []) expect(present, id).toContain(id);
    for (const id of expected?.findingIds.absent ?? []) expect(present, id).not.toContain(id);
    // one search per resource type, paged (page size 5) to the end, never repeated by the second key;
    // and one read of the patient (deceased[x], the identity strip)
    const firstPages = transport.requests.filter((r) => !r.url.includes("_offset=")).map((r) => r.url.split("?")[0]);
    expect(firstPages.sort()).toEqual(["CarePlan", "Condition", "MedicationRequest", "Observation", `Patient/${OSCAR}`]);
    const medicationPages = transport.requests.filter((r) => r.url.startsWith("MedicationRequest") || r.url.includes("/MedicationRequest?"));
    expect(medicationPages.length).toBe(Math.ceil(transport.resources("MedicationRequest").filter((r) => JSON.stringify(r.subject).includes(OSCAR)).length / 5));
    await hook.unmount();
  });

  it("a failed medication search makes the MME unknown with the reason, never lower", async () => {
    const transport = new MemoryTransport(scenarioRecord(OSCAR)).failWith("MedicationRequest", 500);
    const hook = await renderHook(() => useView(OSCAR, transport));
    await waitFor(() => expect(hook.current().mme).not.toBeNull());
    const { data, mme } = hook.current();
    expect(mme?.state).toBe("unknown");
    expect(mme?.totalMmePerDay).toBeNull();
    expect(data.medications?.search.sentence).toMatch(/error 500.*medication orders.*MME is unknown/);
    // no automatic retry of the failed search
    expect(transport.requests.filter((r) => r.url.startsWith("MedicationRequest")).length).toBe(1);
    await hook.unmount();
  });
});

describe("usePatient", () => {
  it("reads the patient for the banner", async () => {
    const transport = new MemoryTransport(scenarioRecord(OSCAR));
    const hook = await renderHook(() => usePatient(memorySession(OSCAR, transport)));
    await waitFor(() => expect(hook.current().status).toBe("ready"));
    const state = hook.current();
    expect(state.status === "ready" ? state.patient.id : null).toBe(OSCAR);
    await hook.unmount();
  });

  it("sends nothing when the Patient read scope was not granted, and says why", async () => {
    const transport = new MemoryTransport(scenarioRecord(OSCAR));
    const granted = "launch openid fhirUser patient/MedicationRequest.rs patient/Medication.rs patient/Observation.rs patient/Condition.rs patient/CarePlan.rs patient/CarePlan.c";
    const hook = await renderHook(() => usePatient(memorySession(OSCAR, transport, granted)));
    const state = hook.current();
    expect(state.status).toBe("unavailable");
    expect(transport.requests.filter((r) => r.url.startsWith("Patient/"))).toEqual([]);
    await hook.unmount();
  });
});

describe("trendsData", () => {
  it("charts the PEG scores the readiness rules read, and the MME the engine computes now", async () => {
    const transport = new MemoryTransport(scenarioRecord(OSCAR));
    const hook = await renderHook(() => useView(OSCAR, transport));
    await waitFor(() => expect(hook.current().view).not.toBeNull());
    const { data, mme } = hook.current();
    const record = data.record;
    if (!record || !mme) throw new Error("record not loaded");
    const trends = trendsData({ requests: record.medicationRequests, medications: record.medications, observations: record.observations, asOf: TEST_DAY });
    const peg = pegReadings(record.observations, TEST_DAY).filter((r) => r.day >= trends.from);
    expect(trends.series.peg).toEqual(peg.map((r) => ({ date: r.day, value: r.value })));
    expect(trends.series.peg.length).toBeGreaterThan(0);
    expect(trends.timeline.at(-1)?.mmePerDay).toBeCloseTo(mme.totalMmePerDay ?? Number.NaN, 6);
    await hook.unmount();
  });
});
