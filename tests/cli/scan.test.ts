/**
 * The first-pass line scan (cli/shared/scan.ts) must read resourceType, subject (and, for the
 * types filed by id, id) exactly as JSON.parse + the loader's factsOf read them: a property
 * test over generated lines with keys in any order, repeated keys, nested look-alike keys,
 * escaped keys and values, whitespace and a byte order mark.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scanLine } from "@/cli/shared/scan";
import { factsOf } from "@/lib/fhir/load";

const scan = (text: string) => {
  const buf = Buffer.from(text, "utf8");
  return scanLine(buf, 0, buf.length);
};

/** A JSON string literal, sometimes with every character escaped (`\u0073ubject`). */
const literal = (s: string, escapeAll: boolean): string =>
  escapeAll ? `"${[...s].map((ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`).join("")}"` : JSON.stringify(s);

const keyArb = fc.constantFrom("resourceType", "id", "subject", "patient", "status", "note", "contained", "reference", "extension");
const refArb = fc.oneof(fc.constantFrom("Patient/1", "Patient/2", "https://ehr.example/fhir/Patient/3/_history/2", "urn:uuid:4", "Group/g"), fc.string());
const scalarArb = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom("MedicationRequest", "Patient", "Medication", 'a "quoted" \\ text'));

/** A value: scalars, reference objects, and nested objects/arrays holding the same keys (which must not count). */
const valueArb: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    scalarArb,
    fc.record({ reference: fc.oneof(refArb, fc.integer()), display: fc.string() }, { requiredKeys: [] }),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(keyArb, tie("value"), { maxKeys: 3 }),
  ),
})).value;

/** A top-level member list (keys may repeat, as raw JSON allows; JSON.parse keeps the last). */
const lineArb = fc
  .tuple(
    fc.array(fc.tuple(keyArb, fc.oneof(valueArb, refArb.map((r) => ({ reference: r }))), fc.boolean()), { maxLength: 8 }),
    fc.constantFrom("MedicationRequest", "Patient", "Medication", "Observation"),
    fc.boolean(),
    fc.constantFrom("", " ", "\t", "  "),
  )
  .map(([members, type, bom, ws]) => {
    const all: Array<[string, unknown, boolean]> = [["resourceType", type, false], ...members];
    const body = all.map(([k, v, esc]) => `${ws}${literal(k, esc)}${ws}:${ws}${JSON.stringify(v)}`).join(",");
    return `${bom ? "\uFEFF" : ""}${ws}{${body}}${ws}`;
  });

describe("scanLine reads what JSON.parse reads", () => {
  it("for any generated line: resourceType and subject, and id for the types filed by id", () => {
    fc.assert(
      fc.property(lineArb, (text) => {
        const want = factsOf(JSON.parse(text.replace(/^\uFEFF/, "")));
        const got = scan(text);
        expect(got.resourceType).toBe(want.resourceType);
        expect(got.subject).toBe(want.subject);
        if (want.resourceType === "Patient" || want.resourceType === "Medication") expect(got.id).toBe(want.id);
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['{"resourceType":"MedicationRequest","id":"a","subject":{"reference":"Patient/1"},"note":[{"text":"x"}]}', "MedicationRequest", "Patient/1"],
    ['{"subject":{"display":"x","reference":"Patient/9"},"resourceType":"MedicationRequest"}', "MedicationRequest", "Patient/9"],
    ['{"resourceType":"MedicationRequest","subject":{"reference":"Patient/1"},"subject":{"reference":"Patient/2"}}', "MedicationRequest", "Patient/2"],
    ['{"resourceType":"MedicationRequest","contained":[{"resourceType":"Medication","subject":{"reference":"Patient/7"}}],"subject":{"reference":"Patient/1"}}', "MedicationRequest", "Patient/1"],
    ['{"resourceType":"Observation","patient":{"reference":"Patient/5"}}', "Observation", "Patient/5"],
    ['{"resourceType":"MedicationRequest","\\u0073ubject":{"reference":"Patient\\/8"}}', "MedicationRequest", "Patient/8"],
  ])("worked example %#", (text, type, subject) => {
    expect(scan(text)).toMatchObject({ resourceType: type, subject });
  });

  it("recovers the subject of a truncated line when it was written before the cut, and nothing from what is not an object", () => {
    expect(scan('{"resourceType":"MedicationRequest","subject":{"reference":"Patient/1"},"dosageInstr').subject).toBe("Patient/1");
    expect(scan('{"resourceType":"MedicationRequest","id":"x",')).toEqual({ resourceType: "MedicationRequest", id: "x", subject: null });
    expect(scan("not json at all")).toEqual({ resourceType: null, id: null, subject: null });
  });
});
