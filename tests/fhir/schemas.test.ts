/**
 * lib/fhir parsing: real examples parse (HL7 CDC opioid CPG profile examples, the public
 * sandbox's Synthea bundles); what the engines use is strict; extra fields are kept;
 * parseResource never throws and reports paths without values.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isParsedResourceType, parseResource, parseResourceAs } from "@/lib/fhir/parse";

const HL7_EXAMPLES = "tests/fixtures/cdc-ig-tests/hl7-cdc-opioid-cpg/input/examples";
const SANDBOX = "tests/fixtures/sandbox-patients";

const validMr = {
  resourceType: "MedicationRequest",
  id: "mr1",
  status: "active",
  intent: "order",
  subject: { reference: "Patient/p1" },
  authoredOn: "2025-05-01T10:00:00-05:00",
  medicationCodeableConcept: { coding: [{ system: "http://www.nlm.nih.gov/research/umls/rxnorm", code: "1049621" }] },
  dosageInstruction: [{ timing: { repeat: { frequency: 1, period: 6, periodUnit: "h" } }, doseAndRate: [{ doseQuantity: { value: 1, unit: "tablet" } }] }],
};

describe("real examples parse", () => {
  const files = readdirSync(HL7_EXAMPLES).filter((f) => /^(MedicationRequest|Medication|Observation|Condition|CarePlan|Patient)-/.test(f));
  it("finds the HL7 examples", () => {
    expect(files.length).toBeGreaterThan(30);
  });
  it.each(files)("%s", (file) => {
    const r = parseResource(JSON.parse(readFileSync(join(HL7_EXAMPLES, file), "utf8")));
    expect(r.ok ? "ok" : r.unreadable.issues).toBe("ok");
  });

  it("every resource of a type we read in the 12 Synthea bundles parses", () => {
    let count = 0;
    for (const file of readdirSync(SANDBOX).filter((f) => f.endsWith(".json"))) {
      const bundle = parseResourceAs("Bundle", JSON.parse(readFileSync(join(SANDBOX, file), "utf8")));
      expect(bundle.ok).toBe(true);
      if (!bundle.ok) continue;
      for (const entry of bundle.resource.entry ?? []) {
        if (!isParsedResourceType(entry.resource?.resourceType)) continue;
        const r = parseResource(entry.resource);
        expect(r.ok ? "ok" : r.unreadable.issues).toBe("ok");
        count += 1;
      }
    }
    expect(count).toBeGreaterThan(1000);
  });
});

describe("strict on what the engines use", () => {
  it.each([
    ["status outside the value set", { status: "paused" }, "status"],
    ["intent missing", { intent: undefined }, "intent"],
    ["subject missing", { subject: undefined }, "subject"],
    ["authoredOn not a dateTime", { authoredOn: "yesterday" }, "authoredOn"],
    ["dose value a string", { dosageInstruction: [{ doseAndRate: [{ doseQuantity: { value: "1" } }] }] }, "dosageInstruction.0.doseAndRate.0.doseQuantity.value"],
    ["periodUnit not UnitsOfTime", { dosageInstruction: [{ timing: { repeat: { period: 6, periodUnit: "hours" } } }] }, "dosageInstruction.0.timing.repeat.periodUnit"],
    ["frequency zero", { dosageInstruction: [{ timing: { repeat: { frequency: 0, period: 1, periodUnit: "d" } } }] }, "dosageInstruction.0.timing.repeat.frequency"],
    ["malformed contained Medication", { contained: [{ resourceType: "Medication", status: "bogus" }] }, "contained.0"],
  ])("%s -> unreadable at %s", (_label, change, path) => {
    const r = parseResourceAs("MedicationRequest", { ...validMr, ...change });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.unreadable.issues.some((i) => i.startsWith(path))).toBe(true);
      expect(r.unreadable).toMatchObject({ resourceType: "MedicationRequest", id: "mr1", reference: "MedicationRequest/mr1" });
    }
  });

  it("validation messages carry paths, not values (no patient data)", () => {
    const r = parseResourceAs("MedicationRequest", { ...validMr, status: "SECRET-VALUE-123" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.unreadable.issues.join(" ")).not.toContain("SECRET-VALUE-123");
  });

  it("an unreadable resource keeps a display for the clinician", () => {
    const r = parseResource({ ...validMr, status: 7, medicationCodeableConcept: { text: "Oxycodone 5 MG Oral Tablet" } });
    expect(!r.ok && r.unreadable.display).toBe("Oxycodone 5 MG Oral Tablet");
  });
});

describe("lenient on the rest", () => {
  it("keeps unknown fields, extensions and primitive extensions", () => {
    const raw = { ...validMr, _authoredOn: { extension: [{ url: "x" }] }, extension: [{ url: "http://example.org/x", valueString: "y" }], futureField: { a: 1 } };
    const r = parseResourceAs("MedicationRequest", raw);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.resource.extension).toEqual(raw.extension);
      expect(Object.entries(r.resource).find(([k]) => k === "futureField")?.[1]).toEqual({ a: 1 });
    }
  });

  it("keeps contained resources of other types, validates contained Medications", () => {
    const r = parseResourceAs("MedicationRequest", { ...validMr, contained: [{ resourceType: "Practitioner", id: "pr" }, { resourceType: "Medication", id: "m", code: { text: "x" } }] });
    expect(r.ok && r.resource.contained?.length).toBe(2);
  });

  it("a Bundle with a malformed entry is still readable; the entry fails on its own", () => {
    const bundle = { resourceType: "Bundle", type: "searchset", entry: [{ resource: validMr }, { resource: { ...validMr, status: "bogus" } }] };
    const r = parseResourceAs("Bundle", bundle);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.resource.entry?.map((e) => parseResource(e.resource).ok)).toEqual([true, false]);
  });
});

describe("dispatch and totality", () => {
  it.each([
    [null, "not a JSON object"],
    ["text", "not a JSON object"],
    [{}, "resourceType: missing"],
    [{ resourceType: "Encounter" }, "resourceType: Encounter is not read by this app"],
  ])("%o -> %s", (raw, issue) => {
    const r = parseResource(raw);
    expect(!r.ok && r.unreadable.issues).toEqual([issue]);
  });

  it("parseResourceAs refuses another type", () => {
    const r = parseResourceAs("Observation", validMr);
    expect(!r.ok && r.unreadable.issues[0]).toBe("resourceType: expected Observation, got MedicationRequest");
  });

  it.each(["Patient", "Observation", "Condition", "CarePlan", "OperationOutcome", "Medication"] as const)("minimal valid %s", (type) => {
    const minimal = {
      Patient: { resourceType: "Patient", id: "p", birthDate: "1970-01-01", gender: "female" },
      Observation: { resourceType: "Observation", status: "final", code: { text: "pain" }, valueQuantity: { value: 5.61, code: "{score}" } },
      Condition: { resourceType: "Condition", subject: { reference: "Patient/p" }, code: { text: "x" } },
      CarePlan: { resourceType: "CarePlan", status: "active", intent: "plan", subject: { reference: "Patient/p" } },
      OperationOutcome: { resourceType: "OperationOutcome", issue: [{ severity: "error", code: "forbidden", diagnostics: "no" }] },
      Medication: { resourceType: "Medication", id: "m" },
    }[type];
    expect(parseResourceAs(type, minimal).ok).toBe(true);
  });

  it("never throws, whatever the input", () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.object().map((o) => ({ resourceType: "MedicationRequest", ...o }))), (raw) => {
        const r = parseResource(raw);
        expect(typeof r.ok).toBe("boolean");
      }),
      { numRuns: 500 },
    );
  });
});
