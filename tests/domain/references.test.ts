/** Literal references (lib/domain/references): the one parser; every reader of references agrees with it. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseReference } from "@/lib/domain/references";
import { referenceType } from "@/lib/careplan";
import { parseFhirUser } from "@/lib/smart/launch-context";
import { normalizeReference } from "@/lib/fhir/load";

describe("parseReference", () => {
  it.each([
    ["Patient/123", "Patient/123"],
    [" Practitioner/abc-1.2 ", "Practitioner/abc-1.2"],
    ["https://ehr.example.org/fhir/R4/Practitioner/e3Ff.x", "Practitioner/e3Ff.x"],
    ["Medication/m1/_history/2", "Medication/m1"],
    ["https://ehr.example.org/fhir/Medication/m1/_history/7", "Medication/m1"],
    ["Patient/123?_format=json", "Patient/123"],
  ])("%s -> %s", (ref, relative) => {
    expect(parseReference(ref)?.relative).toBe(relative);
  });

  it.each([
    "#med1", // contained
    "urn:uuid:9a1b2c3d-0000-4000-8000-000000000001", // a Bundle's fullUrl: resolved by the caller
    "urn:oid:1.2.3",
    "Patient", // no id
    "patient/123", // not a resource-type name
    "Patient/has space",
    "Patient/" + "x".repeat(65), // longer than a FHIR id
    "",
  ])("%s is not a typed literal reference", (ref) => {
    expect(parseReference(ref)).toBeNull();
  });
});

const TYPES = ["Patient", "Practitioner", "PractitionerRole", "Medication", "Organization"];
const reference = fc.record({
  base: fc.constantFrom("", "https://ehr.example.org/fhir/", "https://ehr.example.org/fhir/R4/api/"),
  type: fc.constantFrom(...TYPES),
  id: fc.stringMatching(/^[A-Za-z0-9\-.]{1,64}$/),
  history: fc.option(fc.integer({ min: 1, max: 99 }), { nil: undefined }),
}).map(({ base, type, id, history }) => ({ ref: `${base}${type}/${id}${history === undefined ? "" : `/_history/${history}`}`, type, id }));

describe("every reader of references agrees with parseReference", () => {
  it("the CarePlan author check, the launch context's fhirUser and the loader's patient grouping (lib/fhir/load)", () => {
    fc.assert(
      fc.property(reference, ({ ref, type, id }) => {
        expect(parseReference(ref)).toEqual({ resourceType: type, id, relative: `${type}/${id}` });
        expect(referenceType(ref)).toBe(type);
        expect(normalizeReference(ref)).toBe(`${type}/${id}`);
        const user = parseFhirUser(ref);
        if (["Patient", "Practitioner", "PractitionerRole"].includes(type)) expect(user?.reference).toBe(`${type}/${id}`);
        else expect(user).toBeNull();
      }),
      { numRuns: 1000 },
    );
  });
});
