import { describe, expect, it } from "vitest";
import type { CarePlanActivity } from "fhir/r4";
import { buildCarePlan, isPlanAgreed, referenceType } from "@/lib/careplan";
import { CONFIRMATION_IDS } from "@/lib/domain";
import { dailyAmount } from "@/lib/careplan/activities";
import type { StepProduct } from "@/lib/domain";
import { FENTANYL_25, OXY_5, PROPOSAL_UUID, makeContext, makeMme, makePlan, oxy } from "./fixtures";

const medication = (a: CarePlanActivity[]) => a.filter((x) => x.detail?.kind === "MedicationRequest");

describe("buildCarePlan: header fields", () => {
  const cp = buildCarePlan(makePlan(), makeContext());

  it("is a draft proposal with the CPG and US Core categories in one concept", () => {
    expect(cp.resourceType).toBe("CarePlan");
    expect(cp.status).toBe("draft");
    expect(cp.intent).toBe("proposal");
    expect(cp.category).toEqual([
      {
        coding: [
          { system: "http://loinc.org", code: "80764-4", display: "Pain medicine Plan of care note" },
          { system: "http://hl7.org/fhir/us/core/CodeSystem/careplan-category", code: "assess-plan", display: "Assessment and Plan of Treatment" },
        ],
        text: "Pain medicine Plan of care note",
      },
    ]);
  });

  it("a plan not agreed with the patient does not claim the PainTreatmentCarePlan profile (it allows only active|completed)", () => {
    expect(cp.meta).toBeUndefined();
    expect(cp.title).toMatch(/^Opioid taper proposal \(draft\): /);
    expect(cp.description).toContain("Draft for clinician review");
  });

  it("a plan agreed with the patient is in effect: active, intent plan, profile declared, created, author (issue 17.1)", () => {
    const agreed = buildCarePlan(makePlan(), makeContext({ agreed: true, intent: "proposal" }));
    expect(agreed.status).toBe("active");
    expect(agreed.intent).toBe("plan");
    expect(agreed.meta).toEqual({ profile: ["http://hl7.org/fhir/us/cdc-opioid-cpg/StructureDefinition/PainTreatmentCarePlan"] });
    expect(agreed.created).toBe("2025-03-01T10:00:00Z");
    expect(agreed.author).toEqual({ reference: "Practitioner/dr1" });
    expect(agreed.title).toMatch(/^Opioid taper plan \(agreed with the patient\): /);
    expect(agreed.description).toContain("Agreed with the patient; not a medication order.");
    expect(agreed.text?.div).toContain("FHIR CarePlan status: active; intent: plan; profile: HL7 CDC opioid CPG PainTreatmentCarePlan.");
  });

  it("isPlanAgreed: every confirmation and a follow-up date; one missing is not agreement", () => {
    const all = { checked: Object.fromEntries(CONFIRMATION_IDS.map((id) => [id, true])), followUpDate: "2025-03-29" };
    expect(isPlanAgreed(all)).toBe(true);
    expect(isPlanAgreed({ ...all, followUpDate: null })).toBe(false);
    expect(isPlanAgreed({ ...all, checked: { ...all.checked, "confirm.naloxone-offered": false } })).toBe(false);
  });

  it("uses intent plan when the issuer accepts only that", () => {
    expect(buildCarePlan(makePlan(), makeContext({ intent: "plan" })).intent).toBe("plan");
  });

  it("carries subject, encounter, author, created, identifier from the context", () => {
    expect(cp.subject).toEqual({ reference: "Patient/p1" });
    expect(cp.encounter).toEqual({ reference: "Encounter/e1" });
    expect(cp.author).toEqual({ reference: "Practitioner/dr1" });
    expect(cp.created).toBe("2025-03-01T10:00:00Z");
    expect(cp.identifier).toEqual([{ system: "urn:ietf:rfc:3986", value: PROPOSAL_UUID }]);
  });

  it("omits encounter and author when unknown", () => {
    const { encounterRef: _e, authorRef: _a, ...rest } = makeContext();
    const bare = buildCarePlan(makePlan(), rest);
    expect(bare.encounter).toBeUndefined();
    expect(bare.author).toBeUndefined();
    expect(Object.keys(bare)).not.toContain("encounter");
  });

  it("leaves out a fhirUser that CarePlan.author cannot reference, and says so in a note", () => {
    const withPerson = buildCarePlan(makePlan(), makeContext({ authorRef: "https://ehr.example/fhir/Person/u9" }));
    expect(withPerson.author).toBeUndefined();
    expect(withPerson.note?.some((n) => n.text.includes("Person is not an accepted author type"))).toBe(true);
    expect(buildCarePlan(makePlan(), makeContext({ authorRef: "https://ehr.example/fhir/Practitioner/7" })).author).toEqual({ reference: "https://ehr.example/fhir/Practitioner/7" });
  });

  it("has the taper period, a title and a description", () => {
    expect(cp.period).toEqual({ start: "2025-03-03", end: "2025-07-21" });
    expect(cp.title).toBe("Opioid taper proposal (draft): 45 MME/day to discontinuation");
    expect(cp.description).toContain("from 45 MME/day to discontinuation");
    expect(cp.description).toContain("25 % of the starting dose per step");
    expect(cp.description).toContain("every 4 weeks");
    expect(cp.description).toContain("2025-03-03 to 2025-07-21, 5 steps after the starting dose");
  });

  it("references the supporting resources once each: the orders the MME read (a stale one too), then the findings' evidence", () => {
    expect(cp.supportingInfo).toEqual([{ reference: "MedicationRequest/mr-oxy" }, { reference: "MedicationRequest/mr-old" }, { reference: "MedicationRequest/mr-lz" }]);
    const notOpioid = makeMme();
    const stale = notOpioid.orders[1];
    if (stale === undefined) throw new Error("fixture changed");
    notOpioid.orders.push({ ...stale, medicationRequest: "MedicationRequest/mr-lisinopril", reason: "mme.excluded.not-an-opioid" });
    const refs = buildCarePlan(makePlan(), makeContext({ mme: notOpioid })).supportingInfo?.map((r) => r.reference);
    expect(refs).not.toContain("MedicationRequest/mr-lisinopril");
    expect(new Set(refs).size).toBe(refs?.length);
  });

  it("is deterministic: the same inputs give the same resource", () => {
    expect(buildCarePlan(makePlan(), makeContext())).toEqual(cp);
  });

  it("has a generated narrative", () => {
    expect(cp.text?.status).toBe("generated");
    expect(cp.text?.div.startsWith('<div xmlns="http://www.w3.org/1999/xhtml">')).toBe(true);
  });
});

describe("buildCarePlan: activities", () => {
  const plan = makePlan();
  const cp = buildCarePlan(plan, makeContext());
  const activities = cp.activity ?? [];

  it("has one medication activity per step and product, then follow-ups, then monitoring", () => {
    // 6 steps x 1 product = 6; follow-ups: 2 in the plan + the agreed 2025-03-10 = 3; monitoring: 3.
    expect(activities).toHaveLength(6 + 3 + 3);
    expect(medication(activities)).toHaveLength(6);
    expect(activities.slice(6, 9).map((a) => a.detail?.kind)).toEqual(["Appointment", "Appointment", "Appointment"]);
    expect(activities.slice(9).map((a) => a.detail?.description)).toEqual(plan.monitoring);
  });

  it("codes each medication step with RxNorm, a daily amount, an inclusive period, not-started and a description", () => {
    const step1 = medication(activities)[1]?.detail;
    expect(step1?.status).toBe("not-started");
    expect(step1?.productCodeableConcept).toEqual({
      coding: [{ system: "http://www.nlm.nih.gov/research/umls/rxnorm", code: OXY_5, display: "oxycodone 5 mg tablet" }],
      text: "oxycodone 5 mg tablet",
    });
    // 7.5 mg x 3 per day = 22.5 mg
    expect(step1?.dailyAmount).toEqual({ value: 22.5, unit: "mg", system: "http://unitsofmeasure.org", code: "mg" });
    // engine end 2025-04-28 is exclusive: the FHIR Period ends the day before
    expect(step1?.scheduledPeriod).toEqual({ start: "2025-03-31", end: "2025-04-27" });
    expect(step1?.description).toBe(
      "Step 1, Reduce (2025-03-31 to 2025-04-27): oxycodone 7.5 mg every 8 hours (33.8 MME/day). Total for this step: 33.8 MME/day. Dispense: 126 tablet oxycodone 5 mg tablet.",
    );
  });

  it("writes the stop step with a zero amount and a one-day period", () => {
    const stop = medication(activities)[5]?.detail;
    expect(stop?.dailyAmount?.value).toBe(0);
    expect(stop?.scheduledPeriod).toEqual({ start: "2025-07-21", end: "2025-07-21" });
    expect(stop?.description).toContain("Stop");
  });

  it("adds the agreed first follow-up before the plan's follow-ups, coded as a follow-up encounter", () => {
    const first = activities[6]?.detail;
    expect(first?.scheduledPeriod).toEqual({ start: "2025-03-10", end: "2025-03-10" });
    expect(first?.code?.coding?.[0]).toEqual({ system: "http://snomed.info/sct", code: "390906007", display: "Follow-up encounter" });
    expect(activities[7]?.detail?.description).toBe("Follow-up visit on 2025-03-31: first dose change");
  });

  it("does not add the agreed date twice when the plan already has it", () => {
    const ctx = makeContext();
    const same = buildCarePlan(plan, { ...ctx, confirmations: { ...ctx.confirmations, followUpDate: "2025-03-31" } });
    expect((same.activity ?? []).filter((a) => a.detail?.kind === "Appointment")).toHaveLength(2);
  });

  it("writes a product without an RxNorm code as text only", () => {
    const p = makePlan();
    const first = p.steps[0];
    if (!first) throw new Error("fixture");
    first.products = [{ ...oxy(10, 3), rxnorm: null, display: "compounded oxycodone" }];
    const detail = medication(buildCarePlan(p, makeContext()).activity ?? [])[0]?.detail;
    expect(detail?.productCodeableConcept).toEqual({ text: "compounded oxycodone" });
  });
});

describe("dailyAmount", () => {
  const base = oxy(25, 1 / 3);
  const asUnit = (p: StepProduct, amountUnit: "mg" | "mL" | "mcg/h"): StepProduct => ({ ...p, amountUnit, doses: p.doses.map((d) => ({ ...d, amountUnit })) });
  const patch: StepProduct = { ...asUnit(base, "mcg/h"), key: FENTANYL_25, rxnorm: FENTANYL_25, display: "fentanyl 25 mcg/h patch" };
  it.each([
    // dose x administrations/day
    ["oxycodone 10 mg x 3/day", oxy(10, 3), { value: 30, unit: "mg", code: "mg" }],
    ["oxycodone 7.5 mg x 3/day", oxy(7.5, 3), { value: 22.5, unit: "mg", code: "mg" }],
    // 0.1 x 3 = 0.30000000000000004 in binary: rounded to 4 decimals
    ["liquid 0.1 mL x 3/day", asUnit(oxy(0.1, 3), "mL"), { value: 0.3, unit: "mL", code: "mL" }],
    // a day split between two doses: 10 mg twice and 7.5 mg once = 27.5 mg
    ["split day 10 + 10 + 7.5 mg", { ...oxy(10, 2), doses: [...oxy(10, 2).doses, ...oxy(7.5, 1).doses] }, { value: 27.5, unit: "mg", code: "mg" }],
    // a patch is a rate: 25 mcg/h worn, whatever the change interval (every 72 h = 1/3 per day)
    ["fentanyl 25 mcg/h every 72 h", patch, { value: 25, unit: "mcg/h", code: "ug/h" }],
  ])("%s", (_name, product, expected) => {
    expect(dailyAmount(product)).toEqual({ ...expected, system: "http://unitsofmeasure.org" });
  });

  it("is 0 for a stopped product and left out for doses in different units", () => {
    expect(dailyAmount(oxy(0, 0))?.value).toBe(0);
    expect(dailyAmount({ ...oxy(10, 2), doses: [...oxy(10, 2).doses, ...asUnit(oxy(7.5, 1), "mL").doses] })).toBeUndefined();
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, -1])("is left out (unknown) for dose %s", (dose) => {
    expect(dailyAmount(oxy(dose, 3))).toBeUndefined();
  });
});

describe("buildCarePlan: notes", () => {
  const notes = (buildCarePlan(makePlan(), makeContext()).note ?? []).map((n) => n.text);

  it("records the factor table, the MME per order and the flagged assumptions", () => {
    expect(notes[0]).toContain("MME conversion-factor table: cdc-2022 (CDC 2022 Clinical Practice Guideline");
    expect(notes[0]).toContain("state complete, total 45 MME/day");
    expect(notes[1]).toBe(
      "MME per order:\n- oxycodone 5 mg tablet [MedicationRequest/mr-oxy]: 45 MME/day, counted\n" +
        "- oxycodone 5 mg tablet [MedicationRequest/mr-old]: no MME, excluded (Ended more than 120 days ago.)",
    );
    expect(notes[2]).toBe("Assumptions flagged by the MME engine:\n- oxycodone 5 mg tablet: The dose had no unit; read as tablets. (mme.assume.unitless-dose)");
  });

  it("records the confirmations and the plan's warnings, each stamped with created", () => {
    expect(notes.some((t) => t.includes("- Naloxone offered: confirmed") && t.includes("- Opioid use disorder assessed: not confirmed"))).toBe(true);
    expect(notes.some((t) => t.startsWith("Plan warnings:\n- Step 1 uses half tablets"))).toBe(true);
    const cp = buildCarePlan(makePlan(), makeContext());
    expect(cp.note?.every((n) => n.time === "2025-03-01T10:00:00Z")).toBe(true);
  });

  it("says 'at least' and lists the reasons when the MME is incomplete", () => {
    const mme = { ...makeMme(), state: "incomplete" as const, complete: false, incompleteReasons: ["1 order could not be computed"] };
    const texts = (buildCarePlan(makePlan(), makeContext({ mme })).note ?? []).map((n) => n.text);
    expect(texts[0]).toContain("state incomplete, total at least 45 MME/day");
    expect(texts).toContain("MME incomplete:\n- 1 order could not be computed");
  });
});

describe("referenceType", () => {
  it.each([
    ["Practitioner/1", "Practitioner"],
    ["https://ehr.example/fhir/PractitionerRole/abc", "PractitionerRole"],
    ["https://ehr.example/fhir/Practitioner/abc/_history/3", "Practitioner"],
    ["not-a-reference", null],
    ["urn:uuid:1234", null],
  ])("%s -> %s", (ref, type) => {
    expect(referenceType(ref)).toBe(type);
  });
});
