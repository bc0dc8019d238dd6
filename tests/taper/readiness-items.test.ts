/**
 * Issue 21 items 1, 3, 4, 6, 7 and 8: worked examples, each with the guideline passage.
 */
import { describe, expect, it } from "vitest";
import type { Finding, FindingId, FindingOf, ReadinessResult } from "@/lib/domain";
import { assessReadiness } from "@/lib/taper";
import { condition, icd10, inputs, loinc, observation, order, rxnorm, snomed } from "./records";

const AS_OF = "2025-03-01";
function find<Id extends FindingId>(r: ReadinessResult, id: Id): FindingOf<Id> {
  const f = r.findings.find((x): x is FindingOf<Id> & Finding => x.id === id);
  if (f === undefined) throw new Error(`no finding ${id}`);
  return f;
}
const OXYCODONE = order([rxnorm("1049683", "oxycodone hydrochloride 10 MG Oral Tablet")], { periodHours: 6 });
const NARCAN = rxnorm("1725064", "naloxone hydrochloride 40 MG/ML Nasal Spray [Narcan]");

describe("item 1: cautions say what they do to the plan", () => {
  // CDC 2022 Rec 12: "offer or arrange treatment with evidence-based medications ... detoxification on its own ... is not recommended"
  it("active OUD, pregnancy, cancer, palliative care and sickle cell disease each block, with what to do instead", () => {
    const r = assessReadiness(inputs(AS_OF, [
      OXYCODONE,
      condition([icd10("F11.20")], { clinicalStatus: "active" }),
      condition([icd10("Z34.01")], { clinicalStatus: "active", onset: "2025-01-15" }),
      condition([icd10("C50.911")], { clinicalStatus: "active" }),
      condition([icd10("Z51.5")], { clinicalStatus: "active" }),
      condition([icd10("D57.00")], { clinicalStatus: "active" }),
    ]), AS_OF);
    expect(r.gates.filter((g) => g.kind === "blocks").map((g) => g.findingId)).toEqual(["caution.oud", "caution.pregnancy", "caution.cancer", "caution.palliative", "caution.sickle-cell"]);
    for (const g of r.gates) if (g.kind === "blocks") expect(g.instead.length).toBeGreaterThan(20);
  });
  it("the mere absence of conditions never gates", () => {
    expect(assessReadiness(inputs(AS_OF, [OXYCODONE]), AS_OF).gates).toEqual([]);
  });
});

describe("item 3: suicide and overdose history", () => {
  // CDC 2022 draft l.2613-2615: "consider arranging for consultation with a behavioral health specialist before
  // initiating a taper in patients ... who are at high suicide risk, or with suicidal ideation"
  it("a suicide attempt recorded as resolved within the 5-year window counts, and asks for consultation before planning", () => {
    const r = assessReadiness(inputs(AS_OF, [OXYCODONE, condition([snomed("82313006", "Suicide attempt")], { clinicalStatus: "resolved", onset: "2023-06-01" })]), AS_OF);
    const f = find(r, "caution.suicide-risk");
    expect(f.outcome).toBe("positive");
    expect(f.planEffect.kind).toBe("requires-confirmation");
  });
  it("an intentional opioid overdose months before a PHQ-9 item 9 of 0 is still suicide risk, not 'not found'", () => {
    const r = assessReadiness(inputs(AS_OF, [
      OXYCODONE,
      condition([icd10("T40.2X2A", "Poisoning by other opioids, intentional self-harm")], { clinicalStatus: "resolved", onset: "2024-09-01" }),
      observation([loinc("44260-8")], "2025-02-01", { valueInteger: 0 }),
    ]), AS_OF);
    expect(find(r, "caution.suicide-risk").outcome).toBe("positive");
    expect(find(r, "reason.overdose").outcome).toBe("recorded");
  });
  it("an attempt older than the stated window does not count (the window is in the citation)", () => {
    const r = assessReadiness(inputs(AS_OF, [OXYCODONE, condition([snomed("82313006")], { clinicalStatus: "resolved", onset: "2015-01-01" }), observation([loinc("44260-8")], "2025-02-01", { valueInteger: 0 })]), AS_OF);
    const f = find(r, "caution.suicide-risk");
    expect(f.outcome).toBe("negative");
    expect(f.citations.map((c) => c.section).join(" ")).toContain("5 years");
  });
  it("PHQ-9 item 9 read from inside its panel (44249-1)", () => {
    // item 9 = 2 ("more than half the days"); the total is 14
    const panel = observation([loinc("44249-1", "PHQ-9 quick depression assessment panel")], "2025-02-10", {}, {
      component: [{ code: { coding: [loinc("44260-8")] }, valueInteger: 2 }, { code: { coding: [loinc("44261-6")] }, valueInteger: 14 }],
    });
    const r = assessReadiness(inputs(AS_OF, [OXYCODONE, panel]), AS_OF);
    expect(find(r, "caution.suicide-risk").evidence[0]).toMatchObject({ label: "at or above 1: PHQ-9 item 9", value: "2 (component of a panel)" });
    expect(find(r, "caution.depression").outcome).toBe("positive");
  });
});

describe("item 4: naloxone per CDC 2022 Rec 8", () => {
  // Rec 8 (draft l.3023-3028): offer naloxone to patients with a history of overdose, a history of substance use
  // disorder, ... and patients at risk of returning to a dose to which they have lost tolerance (patients tapering)
  it("a cancelled naloxone order is not 'on file': offer naloxone", () => {
    const r = assessReadiness(inputs(AS_OF, [OXYCODONE, order([NARCAN], { status: "cancelled", authoredOn: "2024-11-01" })]), AS_OF);
    const f = find(r, "caution.naloxone");
    expect([f.outcome, f.title]).toEqual(["offer", "Offer naloxone"]);
  });
  it("a completed naloxone order within the window is on file, with the order as evidence", () => {
    const r = assessReadiness(inputs(AS_OF, [OXYCODONE, order([NARCAN], { status: "completed", authoredOn: "2024-11-01" })]), AS_OF);
    const f = find(r, "caution.naloxone");
    expect(f.outcome).toBe("on-file");
    expect(f.evidence[0]?.label).toContain("Narcan");
  });
  it("no current opioid but a past overdose: offer naloxone (whatever the MME)", () => {
    const r = assessReadiness(inputs(AS_OF, [condition([snomed("295193008", "Fentanyl overdose")], { clinicalStatus: "resolved", onset: "2024-05-01" })]), AS_OF);
    expect(find(r, "caution.naloxone").outcome).toBe("offer");
  });
  it("no current opioid but an alcohol use disorder: offer naloxone", () => {
    const r = assessReadiness(inputs(AS_OF, [condition([icd10("F10.20")], { clinicalStatus: "active" })]), AS_OF);
    expect(find(r, "caution.naloxone").outcome).toBe("offer");
  });
  it("no opioid, no overdose, no substance use disorder: 'no risk factor recorded', said without a double negative", () => {
    const f = find(assessReadiness(inputs(AS_OF, []), AS_OF), "caution.naloxone");
    expect([f.outcome, f.status, f.title]).toEqual(["no-risk-found", "not-found", "No naloxone risk factor recorded"]);
  });
  it("buprenorphine/naloxone (Suboxone) is not rescue naloxone", () => {
    const r = assessReadiness(inputs(AS_OF, [OXYCODONE, order([rxnorm("1010600", "buprenorphine 2 MG / naloxone 0.5 MG Sublingual Film")], { periodHours: 24 })]), AS_OF);
    expect(find(r, "caution.naloxone").outcome).toBe("offer");
  });
});

describe("item 6: sedatives", () => {
  // CDC 2022 Rec 11: particular caution with benzodiazepines; consider the risks of other CNS depressants (gabapentin, pregabalin...)
  it("a brand name in a second coding's display is found ('Lyrica 75 mg capsule')", () => {
    const lyrica = order([{ system: "http://hospital.example/formulary", code: "F-991" }, { system: "http://hospital.example/ndc-like", code: "0071-1015", display: "Lyrica 75 mg capsule" }], { periodHours: 12 });
    const f = find(assessReadiness(inputs(AS_OF, [OXYCODONE, lyrica]), AS_OF), "reason.cns-depressants");
    expect(f.outcome).toBe("current");
    expect(f.evidence[0]?.value).toContain("identified by ingredient name");
  });
  it("a clonazepam order by its RxNorm code (IG benzodiazepine value set) is current", () => {
    const f = find(assessReadiness(inputs(AS_OF, [OXYCODONE, order([rxnorm("197527", "clonazepam 0.5 MG Oral Tablet")], { periodHours: 12 })]), AS_OF), "reason.cns-depressants");
    expect(f.outcome).toBe("current");
  });
});

describe("item 7: improvement against the start of opioid therapy", () => {
  // CDC 2022 draft l.2536-2554 item 3 ("opioids have not meaningfully reduced pain or improved function"); CDC pocket guide: >= 30 % on the PEG
  it("PEG 8 before the first opioid order, 6.4 now: (8 - 6.4) / 8 = 20 % < 30 %: pain and function not meaningfully improved", () => {
    const peg = (day: string, mean: number) => observation([loinc("91147-9", "Mean score [PEG]")], day, { valueQuantity: { value: mean } });
    const r = assessReadiness(inputs(AS_OF, [order([rxnorm("1049683")], { periodHours: 6, authoredOn: "2024-02-01", status: "completed" }), OXYCODONE, peg("2024-01-20", 8), peg("2025-02-15", 6.4)]), AS_OF);
    const f = find(r, "reason.no-meaningful-improvement");
    expect([f.outcome, f.title]).toEqual(["not-improved", "Pain and function not meaningfully improved"]);
    expect(f.evidence.at(-1)?.value).toBe("improved 20 % (baseline 2024-01-20 to latest 2025-02-15)");
  });
  it("no score at or before the start: cannot tell, with the reason", () => {
    const r = assessReadiness(inputs(AS_OF, [OXYCODONE, observation([loinc("91147-9")], "2025-02-15", { valueQuantity: { value: 6 } })]), AS_OF);
    const f = find(r, "reason.no-meaningful-improvement");
    expect(f.outcome).toBe("cannot-tell");
    expect(f.sentence).toContain("at or before the start of opioid therapy (2025-02-01)");
  });
});

describe("item 8: wording and scope", () => {
  // CDC 2022 draft l.2454-2458: dosage thresholds must not be used to force tapers; 2536-2554 item 4: long use with an unclear benefit-risk balance
  it("the 50/90 bands and long-term use are context, not reasons to taper", () => {
    const r = assessReadiness(inputs(AS_OF, [order([rxnorm("1049683")], { periodHours: 4 }), order([rxnorm("1049683")], { status: "completed", authoredOn: "2022-01-01" })]), AS_OF);
    for (const id of ["context.mme-50", "context.mme-90", "context.long-term-use"] as const) expect(find(r, id).category).toBe("context");
    expect(r.findings.filter((f) => f.category === "reason").map((f) => f.id)).not.toEqual(expect.arrayContaining(["context.mme-50"]));
    expect(find(r, "context.long-term-use").sentence).toContain("Long use alone is not a reason to taper");
  });
});
