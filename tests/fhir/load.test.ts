/**
 * The one loader (lib/fhir/load): raw resources -> typed buckets, Bundles and NDJSON lines,
 * grouping by patient. Every way a resource can fail to be read ends as a stated problem.
 */
import { describe, expect, it } from "vitest";
import {
  bundleEntries,
  fileBundle,
  loadPatient,
  loadResources,
  normalizeReference,
  parseNdjsonLine,
  patientIdOf,
  PatientGroups,
  unreadableOrders,
  type SourcedResource,
} from "@/lib/fhir/load";
import { medication, medicationRequest, observation, PATIENT } from "./support/resources";

const line = (value: unknown, origin = "MedicationRequest.ndjson:1"): SourcedResource => ({ text: JSON.stringify(value), value: null, origin });

describe("references", () => {
  it.each([
    ["Patient/123", "Patient/123"],
    ["https://ehr.example/fhir/Patient/123", "Patient/123"],
    ["Patient/123/_history/2", "Patient/123"],
    [" Medication/m-1 ", "Medication/m-1"],
    ["urn:uuid:0b8e", "urn:uuid:0b8e"],
    ["#med1", "#med1"],
  ])("%s -> %s", (ref, normalized) => {
    expect(normalizeReference(ref)).toBe(normalized);
  });

  it("tells the patient of a reference, and no patient for other types", () => {
    expect(patientIdOf("https://ehr.example/fhir/Patient/a-1/_history/3")).toBe("a-1");
    expect(patientIdOf("Group/g1")).toBeNull();
    expect(patientIdOf("urn:uuid:abc")).toBeNull();
  });
});

describe("loadResources: typed buckets", () => {
  it("files expected types, ignores others, and reads a typeless resource as the first expected type (unreadable, never dropped)", () => {
    const r = loadResources([medicationRequest("mr-1"), medication("m-1"), observation("o-1"), { id: "x" }], { expected: ["MedicationRequest", "Medication"], patientId: PATIENT });
    expect(r.medicationRequests.map((m) => m.id)).toEqual(["mr-1"]);
    expect(r.medications.map((m) => m.id)).toEqual(["m-1"]);
    expect(r.observations).toEqual([]);
    expect(r.unreadable).toHaveLength(1);
    expect(r.unreadable[0]?.issues.join(" ")).toContain("expected MedicationRequest");
    expect(unreadableOrders(r.unreadable)).toHaveLength(1);
  });

  it("refuses a resource of another patient and files a duplicate once", () => {
    const seen = new Set<string>();
    const r = loadResources([medicationRequest("mr-1"), medicationRequest("mr-1"), medicationRequest("mr-2", "someone-else")], { expected: ["MedicationRequest"], patientId: PATIENT, seen });
    expect(r.medicationRequests.map((m) => m.id)).toEqual(["mr-1"]);
    expect(r.unreadable.map((u) => u.reference)).toEqual(["MedicationRequest/mr-2"]);
    expect(r.unreadable[0]?.issues[0]).toContain("different patient");
  });

  it("keeps only orders and unknown types for the MME engine", () => {
    const r = loadResources([{ ...medicationRequest("bad"), status: "sort-of" }, { ...observation("o-bad"), status: 5 }, { id: "no-type" }], { expected: ["MedicationRequest", "Observation"], patientId: null });
    expect(r.unreadable.map((u) => u.resourceType)).toEqual(["MedicationRequest", "Observation", null]);
    expect(unreadableOrders(r.unreadable).map((u) => u.resourceType)).toEqual(["MedicationRequest", null]);
  });
});

describe("NDJSON lines and Bundles", () => {
  it("strips a byte order mark; anything else that is not JSON is an issue", () => {
    expect(parseNdjsonLine(`\uFEFF${JSON.stringify(medication("m-1"))}`)).toMatchObject({ ok: true, raw: { id: "m-1" } });
    const truncated = parseNdjsonLine('{"resourceType":"MedicationRequest","id":"x",');
    expect(truncated.ok).toBe(false);
    if (!truncated.ok) expect(truncated.issue).toMatch(/^not JSON \(/);
  });

  it("reads a Bundle's entries with their fullUrl and position; refuses what is no Bundle", () => {
    const read = bundleEntries({ resourceType: "Bundle", type: "collection", entry: [{ fullUrl: "urn:uuid:1", resource: medication("m-1") }, { fullUrl: "urn:uuid:2" }] });
    expect(read).toMatchObject({ ok: true, emptyEntries: 1, entries: [{ fullUrl: "urn:uuid:1", origin: "#entry[0]" }] });
    expect(bundleEntries({ resourceType: "Patient", id: "p" })).toMatchObject({ ok: false });
  });
});

describe("PatientGroups + loadPatient", () => {
  it("groups a transaction bundle's urn:uuid, absolute and relative subjects under one patient, in order of first appearance", () => {
    const groups = new PatientGroups<SourcedResource>(new Set(["MedicationRequest"]));
    const bundle = {
      resourceType: "Bundle", type: "transaction",
      entry: [
        { fullUrl: "urn:uuid:p-b", resource: { resourceType: "Patient", id: "b" } },
        { resource: medicationRequest("mr-a", "a") },
        { resource: { ...medicationRequest("mr-b1"), subject: { reference: "urn:uuid:p-b" } } },
        { resource: { ...medicationRequest("mr-b2"), subject: { reference: "https://ehr.example/fhir/Patient/b/_history/1" } } },
        { resource: { ...medicationRequest("mr-orphan"), subject: undefined } },
        { resource: observation("o-1") },
      ],
    };
    const filed = fileBundle(groups, bundle, "in.json", (value, origin): SourcedResource => ({ text: null, value, origin }));
    expect(filed.ok && filed.unattributed).toEqual([{ origin: "in.json#entry[4]", resourceType: "MedicationRequest", id: "mr-orphan", issues: ["subject: missing, so the patient is unknown"] }]);
    const all = [...groups.patients()].map((g) => ({ ref: g.ref, n: g.items.length }));
    expect(all).toEqual([{ ref: "Patient/b", n: 3 }, { ref: "Patient/a", n: 1 }]);
  });

  it("parses one patient's lines: the Patient, orders, referenced Medications; a broken line or Medication is unreadable with where it came from", () => {
    const groups = new PatientGroups<SourcedResource>(new Set(["MedicationRequest"]));
    const medLine = line(medication("m-1"), "Medication.ndjson:1");
    const brokenMed: SourcedResource = { text: '{"resourceType":"Medication","id":"m-2"', value: null, origin: "Medication.ndjson:2" };
    groups.file({ resourceType: "Medication", id: "m-1", subject: null, fullUrl: null }, medLine);
    groups.file({ resourceType: "Medication", id: "m-2", subject: null, fullUrl: null }, brokenMed);
    const items: SourcedResource[] = [
      line({ resourceType: "Patient", id: PATIENT }, "Patient.ndjson:1"),
      line(medicationRequest("mr-1", PATIENT, { medicationCodeableConcept: undefined, medicationReference: { reference: "https://ehr.example/fhir/Medication/m-1" } })),
      line(medicationRequest("mr-2", PATIENT, { medicationCodeableConcept: undefined, medicationReference: { reference: "Medication/m-2" } }), "MedicationRequest.ndjson:2"),
      { text: '{"resourceType":"MedicationRequest","subject":{"reference":"Patient/pat-1"}', value: null, origin: "MedicationRequest.ndjson:3" },
      line({ ...medicationRequest("mr-4"), status: 5 }, "MedicationRequest.ndjson:4"),
    ];
    const p = loadPatient(items, (ref) => groups.medication(ref), ["MedicationRequest"]);
    expect(p.patient?.id).toBe(PATIENT);
    expect(p.medicationRequests.map((m) => m.id)).toEqual(["mr-1", "mr-2"]);
    expect(p.medications.map((m) => m.id)).toEqual(["m-1"]);
    const issues = p.unreadable.map((u) => `${u.resourceType ?? "?"} ${u.issues[0] ?? ""}`);
    expect(issues).toHaveLength(3);
    expect(issues[0]).toMatch(/^\? MedicationRequest\.ndjson:3: not JSON/);
    expect(issues[1]).toMatch(/^MedicationRequest MedicationRequest\.ndjson:4: status/);
    expect(issues[2]).toMatch(/^\? Medication\.ndjson:2: not JSON/);
  });
});
