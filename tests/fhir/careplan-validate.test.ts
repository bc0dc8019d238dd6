import { readFileSync, statSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildCarePlan } from "@/lib/careplan";
import { validateCarePlan, validateCarePlanR4 } from "@/lib/fhir/careplan";
import { makeContext, makePlan } from "../careplan/fixtures";

const EXAMPLES = "tests/fixtures/cdc-ig-tests";
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, "utf8"));
const igExample = () => readJson(`${EXAMPLES}/hl7-cdc-opioid-cpg/input/examples/CarePlan-pain-treatment.json`);
/** The built CarePlan as plain JSON (what is sent), to break in tests. */
const built = (): Record<string, unknown> => JSON.parse(JSON.stringify(buildCarePlan(makePlan(), makeContext())));

describe("validateCarePlanR4 (FHIR R4 via @medplum/core and the generated definitions)", () => {
  it("passes the HL7 CDC opioid CPG PainTreatmentCarePlan example", async () => {
    expect(await validateCarePlanR4(igExample())).toEqual({ ok: true, issues: [] });
  });

  it("the IG example declares PainTreatmentCarePlan and is validated against the profile: the control for issue 17.1", async () => {
    const ex = igExample();
    expect(JSON.stringify(ex)).toContain("StructureDefinition/PainTreatmentCarePlan");
    // the same example made a draft: the profile's own invariant and cardinality catch it
    const v = await validateCarePlanR4({ ...(ex as object), status: "draft", created: undefined });
    expect(v.issues.map((i) => [i.code, i.path])).toEqual(expect.arrayContaining([["careplan.profile.invariant", "CarePlan.status"], ["careplan.profile.structure", "CarePlan.created"]]));
  });

  it("passes the CDC opioid CDS CarePlan example", async () => {
    const v = await validateCarePlanR4(readJson(`${EXAMPLES}/opioid-cds-r4/input/examples/careplan-example-opioidcds.json`));
    expect(v.ok).toBe(true);
  });

  it("fails the IG example's project rules: no identifier, no narrative (it was not written by this app)", async () => {
    const v = await validateCarePlan(igExample());
    expect(v.ok).toBe(false);
    expect(v.issues.map((i) => i.code)).toEqual(expect.arrayContaining(["careplan.rule.identifier", "careplan.rule.narrative"]));
  });
});

describe("validateCarePlan on the built CarePlan", () => {
  it("passes with no issue at all", async () => {
    expect(await validateCarePlan(buildCarePlan(makePlan(), makeContext()))).toEqual({ ok: true, issues: [] });
  });

  it("passes with intent plan", async () => {
    expect((await validateCarePlan(buildCarePlan(makePlan(), makeContext({ intent: "plan" })))).ok).toBe(true);
  });

  it("an agreed plan validates against the PainTreatmentCarePlan StructureDefinition with no issue at all (issue 17.1)", async () => {
    const cp = buildCarePlan(makePlan(), makeContext({ agreed: true }));
    expect(cp.meta?.profile).toEqual(["http://hl7.org/fhir/us/cdc-opioid-cpg/StructureDefinition/PainTreatmentCarePlan"]);
    expect(await validateCarePlan(cp)).toEqual({ ok: true, issues: [] });
  });
});

/** The agreed CarePlan as plain JSON, to break against the profile. */
const agreedBuilt = (): Record<string, unknown> => JSON.parse(JSON.stringify(buildCarePlan(makePlan(), makeContext({ agreed: true }))));

describe("an agreed plan broken against the PainTreatmentCarePlan profile fails, by the profile's own rules", () => {
  it.each<[string, Break, string, string, string]>([
    ["status draft: the profile invariant", (cp) => (cp.status = "draft"), "careplan.profile.invariant", "CarePlan.status", "pt-careplan-status-allowed"],
    ["status on-hold: the profile invariant", (cp) => (cp.status = "on-hold"), "careplan.profile.invariant", "CarePlan.status", "pt-careplan-status-allowed"],
    ["no created (1..1 in the profile)", (cp) => delete cp.created, "careplan.profile.structure", "CarePlan.created", "is required but missing (profile PainTreatmentCarePlan)"],
    ["category outside the pain-treatment-plan value set (required binding)", (cp) => (cp.category = [{ coding: [{ system: "http://hl7.org/fhir/us/core/CodeSystem/careplan-category", code: "assess-plan" }] }]), "careplan.profile.code-invalid", "CarePlan.category[0]", "pain-treatment-plan"],
    ["active without intent plan (project rule)", (cp) => (cp.intent = "proposal"), "careplan.rule.intent", "CarePlan.intent", 'intent "plan"'],
    ["active without the profile declared (project rule)", (cp) => delete cp.meta, "careplan.rule.profile", "CarePlan.meta.profile", "must declare"],
  ])("%s", async (_name, breakIt, code, path, message) => {
    const cp = agreedBuilt();
    breakIt(cp);
    const v = await validateCarePlan(cp);
    expect(v.ok).toBe(false);
    const issue = v.issues.find((i) => i.code === code && i.path === path);
    expect(issue, JSON.stringify(v.issues, null, 1)).toBeDefined();
    expect(issue?.message).toContain(message);
  });

  it("a draft that claims the profile fails (the profile allows only active or completed)", async () => {
    const cp = built();
    cp.meta = { profile: ["http://hl7.org/fhir/us/cdc-opioid-cpg/StructureDefinition/PainTreatmentCarePlan"] };
    const v = await validateCarePlan(cp);
    expect(v.issues.map((i) => i.code)).toEqual(expect.arrayContaining(["careplan.profile.invariant", "careplan.rule.profile"]));
  });

  it("a profile the app does not have is a warning, not a pass or a crash", async () => {
    const cp = built();
    cp.meta = { profile: ["http://example.org/StructureDefinition/other"] };
    const v = await validateCarePlan(cp);
    expect(v.ok).toBe(true);
    expect(v.issues).toEqual([expect.objectContaining({ severity: "warning", code: "careplan.fhir.profile-unknown" })]);
  });
});

type Break = (cp: Record<string, unknown>) => void;
function setIn(obj: unknown, path: (string | number)[], value: unknown): void {
  let cur: unknown = obj;
  for (const key of path.slice(0, -1)) {
    if (typeof cur !== "object" || cur === null) throw new Error(`no ${String(key)} in fixture`);
    cur = Reflect.get(cur, key);
  }
  if (typeof cur !== "object" || cur === null) throw new Error("fixture path");
  Reflect.set(cur, path[path.length - 1] ?? "", value);
}

describe("broken CarePlans fail with readable messages", () => {
  it.each<[string, Break, string, string, string]>([
    ["missing status", (cp) => delete cp.status, "careplan.fhir.structure", "CarePlan.status", "CarePlan.status: is required but missing"],
    ["status from STU3 ('proposed')", (cp) => (cp.status = "proposed"), "careplan.terminology.code-invalid", "CarePlan.status", '"proposed" is not a code of http://hl7.org/fhir/ValueSet/request-status (allowed: active, completed, draft, entered-in-error, on-hold, revoked, unknown)'],
    ["unknown activity kind", (cp) => setIn(cp, ["activity", 0, "detail", "kind"], "Prescription"), "careplan.terminology.code-invalid", "CarePlan.activity[0].detail.kind", '"Prescription" is not a code'],
    ["status of the wrong type", (cp) => (cp.status = 5), "careplan.fhir.structure", "CarePlan.status", "Invalid JSON type: expected string, but got number"],
    ["subject as a string", (cp) => (cp.subject = "Patient/p1"), "careplan.fhir.structure", "CarePlan.subject", "CarePlan.subject: expected Reference (a JSON object), got a string"],
    ["daily amount as a bare number", (cp) => setIn(cp, ["activity", 1, "detail", "dailyAmount"], 22.5), "careplan.fhir.structure", "CarePlan.activity[1].detail.dailyAmount", "expected Quantity (a JSON object), got a number"],
    ["created not a dateTime", (cp) => (cp.created = "March 1st"), "careplan.fhir.structure", "CarePlan.created", "CarePlan.created: Invalid dateTime format"],
    ["unknown property", (cp) => (cp.proposedBy = "app"), "careplan.fhir.structure", "CarePlan.proposedBy", 'has an unknown property "proposedBy"'],
    ["reference and detail in one activity (cpl-3)", (cp) => setIn(cp, ["activity", 0, "reference"], { reference: "MedicationRequest/1" }), "careplan.fhir.invariant", "CarePlan.activity[0]", "cpl-3"],
    ["bad category", (cp) => (cp.category = [{ coding: [{ system: "http://loinc.org", code: "18776-5" }] }]), "careplan.rule.category-pain-plan", "CarePlan.category", "LOINC 80764-4"],
    ["missing identifier", (cp) => delete cp.identifier, "careplan.rule.identifier", "CarePlan.identifier", "identifier with system and value is required"],
    ["identifier not a urn:uuid", (cp) => setIn(cp, ["identifier", 0, "value"], "12345"), "careplan.rule.identifier-uuid", "CarePlan.identifier[0].value", "urn:uuid"],
    ["invalid XHTML", (cp) => setIn(cp, ["text", "div"], '<div xmlns="http://www.w3.org/1999/xhtml"><table><tr><td>x</table></div>'), "careplan.narrative.xhtml", "CarePlan.text.div", "closing tag </table> does not match <td>"],
    ["narrative without a table", (cp) => setIn(cp, ["text", "div"], '<div xmlns="http://www.w3.org/1999/xhtml"><p>x</p></div>'), "careplan.rule.narrative-schedule", "CarePlan.text.div", "schedule as a table"],
    ["narrative not generated", (cp) => setIn(cp, ["text", "status"], "extensions"), "careplan.rule.narrative-status", "CarePlan.text.status", 'text.status must be "generated"'],
    ["negative daily amount", (cp) => setIn(cp, ["activity", 1, "detail", "dailyAmount", "value"], -5), "careplan.rule.amount", "CarePlan.activity[1].detail.dailyAmount.value", "finite number >= 0, got -5"],
    ["non-finite daily amount", (cp) => setIn(cp, ["activity", 1, "detail", "dailyAmount", "value"], Number.POSITIVE_INFINITY), "careplan.rule.amount", "CarePlan.activity[1].detail.dailyAmount.value", "got Infinity"],
    ["step period ending before it starts", (cp) => setIn(cp, ["activity", 1, "detail", "scheduledPeriod"], { start: "2025-05-01", end: "2025-04-01" }), "careplan.rule.period-order", "CarePlan.activity[1].detail.scheduledPeriod", "ends (2025-04-01) before it starts (2025-05-01)"],
    ["subject not a patient", (cp) => (cp.subject = { reference: "Group/g1" }), "careplan.rule.subject", "CarePlan.subject", "Patient/<id>"],
    ["active without the profile", (cp) => (cp.status = "active"), "careplan.rule.profile", "CarePlan.meta.profile", "must declare"],
    ["on-hold: neither a draft nor a plan in effect", (cp) => (cp.status = "on-hold"), "careplan.rule.status", "CarePlan.status", 'status must be "active" (agreed with the patient) or "draft"'],
  ])("%s", async (_name, breakIt, code, path, message) => {
    const cp = built();
    breakIt(cp);
    const v = await validateCarePlan(cp);
    expect(v.ok).toBe(false);
    const issue = v.issues.find((i) => i.code === code && i.path === path);
    expect(issue, JSON.stringify(v.issues, null, 1)).toBeDefined();
    expect(issue?.severity).toBe("error");
    expect(issue?.message).toContain(message);
  });

  it("reports a string where an object belongs once, not once per character", async () => {
    const cp = built();
    cp.subject = "Patient/p1";
    const v = await validateCarePlan(cp);
    expect(v.issues.filter((i) => i.source === "fhir-r4" && i.path.startsWith("CarePlan.subject"))).toHaveLength(1);
  });

  it("warns (without failing) when a medication step has no RxNorm code", async () => {
    const cp = built();
    setIn(cp, ["activity", 0, "detail", "productCodeableConcept"], { text: "compounded" });
    const v = await validateCarePlan(cp);
    expect(v.ok).toBe(true);
    expect(v.issues).toEqual([expect.objectContaining({ severity: "warning", code: "careplan.rule.product-rxnorm", path: "CarePlan.activity[0].detail.productCodeableConcept" })]);
  });

  it.each<[unknown]>([[null], [42], ["CarePlan"], [[]], [{}], [{ resourceType: "Patient" }]])("rejects %j as not a CarePlan, without throwing", async (value) => {
    const v = await validateCarePlan(value);
    expect(v.ok).toBe(false);
    expect(v.issues[0]?.code).toBe("careplan.fhir.resource-type");
  });

  it("never throws, whatever the JSON", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const cp = { ...built(), activity: [{ detail: value }], note: value };
        const v = await validateCarePlan(cp);
        expect(typeof v.ok).toBe("boolean");
        // no check crashed (a crash would be turned into careplan.fhir.exception)
        expect(v.issues.filter((i) => i.code === "careplan.fhir.exception")).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe("generated definitions", () => {
  it("stay small enough to load in the browser at save time (< 300 KB raw)", () => {
    expect(statSync("lib/fhir/careplan/careplan-definitions.generated.ts").size).toBeLessThan(300_000);
  });
});
