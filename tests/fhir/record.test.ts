import { describe, expect, it } from "vitest";
import { loadPatientRecord, startPatientRecord, type LoadOptions } from "@/lib/fhir/record";
import { BASE, bundle, FakeTransport, ok, status } from "./support/fake-transport";
import { carePlan, condition, medication, medicationRequest, observation, PATIENT } from "./support/resources";

const OPTIONS: LoadOptions = {
  asOf: new Date("2025-06-30T00:00:00Z"),
  maxPages: 5,
  pageSize: 50,
  observationCategoryRequired: false,
  retry: { sleep: async () => {} },
};

function happyEhr(): FakeTransport {
  return new FakeTransport()
    .on("/MedicationRequest?", ok({
      resourceType: "Bundle", type: "searchset",
      entry: [
        { resource: medicationRequest("mr-1", PATIENT, { medicationReference: { reference: "Medication/med-1" }, medicationCodeableConcept: undefined }), search: { mode: "match" } },
        { resource: medication("med-1"), search: { mode: "include" } },
      ],
    }))
    .on("/Observation?", ok(bundle([observation("obs-1")])))
    .on("/Condition?", ok(bundle([condition("c-1")])))
    .on("/CarePlan?", ok(bundle([carePlan("cp-1")])));
}

describe("loadPatientRecord", () => {
  it("reads every part of the record, typed, with the included Medication", async () => {
    const r = await loadPatientRecord(happyEhr(), PATIENT, OPTIONS);
    expect(r.medicationRequests.map((m) => m.id)).toEqual(["mr-1"]);
    expect(r.medications.map((m) => m.id)).toEqual(["med-1"]);
    expect(r.observations.map((o) => o.id)).toEqual(["obs-1"]);
    expect(r.conditions.map((c) => c.id)).toEqual(["c-1"]);
    expect(r.carePlans.map((c) => c.id)).toEqual(["cp-1"]);
    expect(r.unreadable).toEqual([]);
    expect(r.medicationListState).toBe("complete");
    expect(Object.values(r.searches).map((s) => s.state)).toEqual(["complete", "complete", "complete", "complete"]);
  });

  it("sends all searches in one parallel round (every request starts before any answer)", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const t = new FakeTransport().on(() => true, async () => {
      await gate;
      return ok(bundle([]));
    });
    const pending = loadPatientRecord(t, PATIENT, OPTIONS);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(t.requests.map((u) => new URL(u).pathname)).toEqual(["/fhir/MedicationRequest", "/fhir/Observation", "/fhir/Condition", "/fhir/CarePlan"]);
    release();
    await pending;
  });

  it("a resource that fails validation becomes an UnreadableResource, not a silent drop", async () => {
    const bad = { resourceType: "MedicationRequest", id: "mr-bad", status: "sort-of", intent: "order", subject: { reference: `Patient/${PATIENT}` }, medicationCodeableConcept: { text: "Oxycodone 10 mg" } };
    const t = new FakeTransport().on("/MedicationRequest?", ok(bundle([medicationRequest("mr-ok"), bad, { id: "no-type" }]))).on(() => true, ok(bundle([])));
    const r = await loadPatientRecord(t, PATIENT, OPTIONS);
    expect(r.medicationRequests.map((m) => m.id)).toEqual(["mr-ok"]);
    expect(r.unreadable).toHaveLength(2);
    expect(r.unreadable[0]).toMatchObject({ resourceType: "MedicationRequest", id: "mr-bad", reference: "MedicationRequest/mr-bad", display: "Oxycodone 10 mg" });
    expect(r.unreadable[0]?.issues.join(" ")).toContain("status");
    expect(r.unreadable[1]).toMatchObject({ resourceType: null, id: "no-type" });
  });

  it("refuses a resource whose subject is another patient (as unreadable, never counted)", async () => {
    const t = new FakeTransport().on("/MedicationRequest?", ok(bundle([medicationRequest("mine"), medicationRequest("theirs", "pat-2")]))).on(() => true, ok(bundle([])));
    const r = await loadPatientRecord(t, PATIENT, OPTIONS);
    expect(r.medicationRequests.map((m) => m.id)).toEqual(["mine"]);
    expect(r.unreadable).toMatchObject([{ reference: "MedicationRequest/theirs", issues: ["subject: refers to a different patient than the one the app was opened for"] }]);
  });

  it("a FHIR 500 on the MedicationRequest search makes the medication list unknown; other parts still load", async () => {
    const t = new FakeTransport().on("/MedicationRequest?", status(500)).on("/Observation?", ok(bundle([observation("o")]))).on(() => true, ok(bundle([])));
    const r = await loadPatientRecord(t, PATIENT, OPTIONS);
    expect(r.medicationListState).toBe("unknown");
    expect(r.searches.medicationRequests).toMatchObject({ state: "failed", issue: { code: "fhir.server-error", status: 500 } });
    expect(r.searches.medicationRequests.sentence).toContain("The MME is unknown");
    expect(r.searches.medicationRequests.sentence).not.toContain("Patient/123");
    expect(r.observations).toHaveLength(1);
    expect(r.searches.observations.state).toBe("complete");
  });

  it("a failed second page of orders is unknown too (not a shorter list)", async () => {
    const t = new FakeTransport()
      .on("page=2", { status: 503, body: null, headers: {} })
      .on("/MedicationRequest?", ok(bundle([medicationRequest("a")], `${BASE}/MedicationRequest?page=2`)))
      .on(() => true, ok(bundle([])));
    const r = await loadPatientRecord(t, PATIENT, OPTIONS);
    expect(r.medicationListState).toBe("unknown");
    expect(r.searches.medicationRequests.issue?.code).toBe("fhir.unavailable");
  });

  it("a truncated medication list is incomplete, with the sentence", async () => {
    let n = 0;
    const t = new FakeTransport()
      .on("/MedicationRequest", () => ok(bundle([medicationRequest(`m${++n}`)], `${BASE}/MedicationRequest?page=${n + 1}`)))
      .on(() => true, ok(bundle([])));
    const r = await loadPatientRecord(t, PATIENT, { ...OPTIONS, maxPages: 2 });
    expect(r.medicationListState).toBe("incomplete");
    expect(r.medicationRequests).toHaveLength(2);
    expect(r.searches.medicationRequests.sentence).toMatch(/^Record truncated/);
  });

  it("a 403 on Conditions names the missing permission; the MME is unaffected", async () => {
    const t = happyEhr();
    const forbidden = new FakeTransport().on("/Condition?", status(403)).on(() => true, (req, url) => t.request({ ...req, url }));
    const r = await loadPatientRecord(forbidden, PATIENT, OPTIONS);
    expect(r.searches.conditions.issue).toMatchObject({ code: "fhir.forbidden", action: "contact-admin" });
    expect(r.searches.conditions.issue?.message).toContain("patient/Condition.rs");
    expect(r.medicationListState).toBe("complete");
  });

  it("a 401 is a session-expired issue on the search", async () => {
    const t = new FakeTransport().on(() => true, { status: 401, body: null, headers: {} });
    const r = await loadPatientRecord(t, PATIENT, OPTIONS);
    expect(r.searches.medicationRequests.issue?.code).toBe("session.expired");
    expect(r.medicationListState).toBe("unknown");
  });

  it("skips a search the grant does not allow and says so (no request sent)", async () => {
    const t = happyEhr();
    const r = await loadPatientRecord(t, PATIENT, { ...OPTIONS, allowed: { conditions: false } });
    expect(r.searches.conditions).toMatchObject({ state: "not-granted", issue: { code: "fhir.not-granted" } });
    expect(t.requests.some((u) => u.includes("/Condition?"))).toBe(false);
  });

  it("Epic category quirk: three Observation searches, duplicates merged, one failure fails the family", async () => {
    const pain = observation("pain-1");
    const t = new FakeTransport()
      .on("%7Csurvey", ok(bundle([pain])))
      .on("%7Cvital-signs", ok(bundle([pain])))
      .on("%7Claboratory", status(500))
      .on(() => true, ok(bundle([])));
    const r = await loadPatientRecord(t, PATIENT, { ...OPTIONS, observationCategoryRequired: true });
    expect(r.observations.map((o) => o.id)).toEqual(["pain-1"]);
    expect(r.searches.observations.state).toBe("failed");
    expect(r.searches.observations.pages).toBe(2);
  });

  it("ignores (and counts) resources a search was not asked for", async () => {
    const t = new FakeTransport().on("/Condition?", ok(bundle([condition("c"), { resourceType: "Patient", id: PATIENT }]))).on(() => true, ok(bundle([])));
    const r = await loadPatientRecord(t, PATIENT, OPTIONS);
    expect(r.searches.conditions.ignored).toBe(1);
    expect(r.unreadable).toEqual([]);
  });
});

describe("startPatientRecord", () => {
  it("hands over the medication orders (all the MME needs) before the Observation pages are in", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const t = new FakeTransport()
      .on("/MedicationRequest?", ok(bundle([medicationRequest("mr-1")])))
      .on("/Observation?", async () => {
        await gate;
        return ok(bundle([observation("obs-1")]));
      })
      .on(() => true, ok(bundle([])));
    const staged = startPatientRecord(t, PATIENT, OPTIONS);
    const meds = await staged.medications;
    expect(meds.medicationRequests.map((m) => m.id)).toEqual(["mr-1"]);
    expect(meds.medicationListState).toBe("complete");
    let recordDone = false;
    void staged.record.then(() => (recordDone = true));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(recordDone).toBe(false);
    release();
    const record = await staged.record;
    expect(record.observations.map((o) => o.id)).toEqual(["obs-1"]);
    // the part handed over earlier is not changed by the rest of the record
    expect(meds.medicationRequests).toHaveLength(1);
    expect(meds.unreadable).toEqual([]);
  });

  it("a failed medication search makes the early part unknown too (never a lower MME)", async () => {
    const t = new FakeTransport().on("/MedicationRequest?", status(500)).on(() => true, ok(bundle([])));
    const meds = await startPatientRecord(t, PATIENT, OPTIONS).medications;
    expect(meds.medicationListState).toBe("unknown");
    expect(meds.search.state).toBe("failed");
  });
});
