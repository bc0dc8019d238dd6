/**
 * Issue 21 item 2 (value sets) and item 8 (scope): conditions are matched against the CDC
 * opioid CDS IG's value sets (lib/domain/valuesets.generated.ts, data/valuesets/), SNOMED CT
 * exactly as the expansion lists it, ICD-10-CM by the codes and ranges the sets list with
 * their descendants, never by a letter prefix; a local code is recognised by its words and
 * says so.
 */
import { describe, expect, it } from "vitest";
import type { Finding, FindingId, FindingOf } from "@/lib/domain";
import { CONDITION_VALUE_SETS, MEDICATION_VALUE_SETS } from "@/lib/domain/valuesets.generated";
import { assessReadiness } from "@/lib/taper";
import { codingInConditionSet, codingInMedicationSet } from "@/lib/taper/codes/valuesets";
import { condition, icd10, inputs, order, rxnorm, snomed } from "./records";

const AS_OF = "2025-03-01";
function find<Id extends FindingId>(findings: readonly Finding[], id: Id): FindingOf<Id> {
  const f = findings.find((x): x is FindingOf<Id> & Finding => x.id === id);
  if (f === undefined) throw new Error(`no finding ${id}`);
  return f;
}
const oxycodone = order([rxnorm("1049683", "oxycodone hydrochloride 10 MG Oral Tablet")], { periodHours: 6 });

describe("condition value sets (ICD-10-CM by listed codes and ranges, SNOMED CT as expanded)", () => {
  it.each<[string, { system: string; code: string }, keyof typeof CONDITION_VALUE_SETS, boolean]>([
    // IG opioid-misuse-disorders: heroin dependence and a fentanyl overdose are SNOMED CT descendants the old short list missed
    ["heroin dependence (SNOMED 231477003, in the IG expansion)", snomed("231477003"), "opioid-use-disorder", true],
    ["fentanyl overdose (SNOMED 295193008)", snomed("295193008"), "opioid-overdose", true],
    ["opioid withdrawal is opioid-related, not a use disorder", snomed("87132004"), "opioid-use-disorder", false],
    ["opioid dependence in remission (F11.21)", icd10("F11.21"), "opioid-use-disorder-in-remission", true],
    // ICD-10-CM intent: T40.2X1A accidental poisoning counts, T40.2X5A adverse effect does not
    ["T40.2X1A accidental poisoning by other opioids", icd10("T40.2X1A"), "opioid-overdose", true],
    ["T40.2X5A adverse effect of other opioids", icd10("T40.2X5A"), "opioid-overdose", false],
    ["T40.412A intentional fentanyl poisoning", icd10("T40.412A"), "intentional-overdose", true],
    // cancer: C00-C96 by range, but C44 (skin basal cell) amended out; D3A excluded by the IG
    ["C34.90 lung cancer", icd10("C34.90"), "cancer", true],
    ["C44.91 basal cell carcinoma of skin", icd10("C44.91"), "cancer", false],
    ["G89.3 neoplasm related pain", icd10("G89.3"), "cancer", true],
    ["D3A.010 benign carcinoid (IG exclusion)", icd10("D3A.010"), "cancer", false],
    ["C4A.9 Merkel cell carcinoma (a C code outside C44: still cancer)", icd10("C4A.9"), "cancer", true],
    // sickle cell: D57.1 disease in (the IG's compose excluded it), D57.3 trait out
    ["D57.1 sickle-cell disease without crisis", icd10("D57.1"), "sickle-cell-disease", true],
    ["D57.3 sickle-cell trait", icd10("D57.3"), "sickle-cell-disease", false],
    // pregnancy: O ranges, not the letter O: postpartum O90.3 and delivery O80 are not a current pregnancy
    ["O26.891 other pregnancy-related condition, first trimester", icd10("O26.891"), "pregnancy", true],
    ["O90.3 peripartum cardiomyopathy (puerperium)", icd10("O90.3"), "pregnancy", false],
    ["O80 encounter for full-term delivery", icd10("O80"), "pregnancy", false],
    ["Z34.00 supervision of normal first pregnancy", icd10("Z34.00"), "pregnancy", true],
    // substance use disorder: F10-F19 without F17 (nicotine)
    ["F10.20 alcohol dependence", icd10("F10.20"), "substance-use-disorder", true],
    ["F17.210 nicotine dependence", icd10("F17.210"), "substance-use-disorder", false],
    // sleep-disordered breathing: G47.33, not narcolepsy G47.41
    ["G47.33 obstructive sleep apnea", icd10("G47.33"), "sleep-disordered-breathing", true],
    ["G47.411 narcolepsy", icd10("G47.411"), "sleep-disordered-breathing", false],
    // mental health: bipolar disorder and PTSD were in no list
    ["F31.9 bipolar disorder", icd10("F31.9"), "mood-disorder", true],
    ["PTSD (SNOMED 47505003, as Synthea records it)", snomed("47505003"), "anxiety-or-ptsd", true],
    ["T14.91XA suicide attempt", icd10("T14.91XA"), "suicide-attempt-or-ideation", true],
  ])("%s", (_name, coding, set, expected) => {
    expect(codingInConditionSet(coding, set)).toBe(expected);
  });

  it("accepts the dotted and undotted spellings and the ICD-10-CM OID", () => {
    expect(codingInConditionSet({ system: "urn:oid:2.16.840.1.113883.6.90", code: "F1120" }, "opioid-use-disorder")).toBe(true);
    expect(codingInConditionSet({ system: "http://hl7.org/fhir/sid/icd-10-cm", code: "f11.20" }, "opioid-use-disorder")).toBe(true);
  });

  it("keeps every value set's sources (IG canonical URL and expansion date, amendments with reasons)", () => {
    expect(CONDITION_VALUE_SETS["opioid-use-disorder"].sources[0]).toContain("http://fhir.org/guides/cdc/opioid-cds/ValueSet/opioid-misuse-disorders");
    expect(CONDITION_VALUE_SETS.cancer.sources.join(" ")).toContain("C44");
    for (const vs of Object.values(CONDITION_VALUE_SETS)) expect(vs.sources.length).toBeGreaterThan(0);
  });
});

describe("medication value sets", () => {
  it("naloxone on file means rescue naloxone: buprenorphine/naloxone (Suboxone) is in the IG's naloxone set but not in ours", () => {
    expect(codingInMedicationSet(rxnorm("1725064"), "naloxone-rescue")).toBe(true); // Narcan 4 mg nasal spray
    expect(codingInMedicationSet(rxnorm("1010600"), "naloxone-rescue")).toBe(false); // buprenorphine 2 mg / naloxone 0.5 mg film
    expect(codingInMedicationSet(rxnorm("1010600"), "buprenorphine-oud-formulations")).toBe(true);
  });
  it("CNS depressants: the IG's stimulants (phentermine) are not sedatives", () => {
    expect(MEDICATION_VALUE_SETS["other-cns-depressants"].sources.join(" ")).toContain("phentermine");
    expect(codingInMedicationSet(rxnorm("197527"), "benzodiazepines")).toBe(true); // clonazepam 0.5 mg tablet
  });
});

describe("findings from value sets (issue 21 items 2 and 8, worked examples)", () => {
  it("heroin dependence in SNOMED CT is opioid use disorder: no taper, offer medication treatment (CDC 2022 Rec 12)", () => {
    const r = assessReadiness(inputs(AS_OF, [oxycodone, condition([snomed("231477003", "Dependence on diamorphine")], { clinicalStatus: "active" })]), AS_OF);
    const f = find(r.findings, "caution.oud");
    expect(f.outcome).toBe("active");
    expect(f.planEffect.kind).toBe("blocks");
  });
  it("opioid use disorder in remission asks for confirmation instead of blocking", () => {
    const r = assessReadiness(inputs(AS_OF, [oxycodone, condition([icd10("F11.21", "Opioid dependence, in remission")], { clinicalStatus: "active" })]), AS_OF);
    expect(find(r.findings, "caution.oud").outcome).toBe("in-remission");
    expect(r.gates.find((g) => g.findingId === "caution.oud")?.kind).toBe("requires-confirmation");
  });
  it("a postpartum O code is not a current pregnancy (the old rule took any O code)", () => {
    const r = assessReadiness(inputs(AS_OF, [oxycodone, condition([icd10("O90.89", "Other complications of the puerperium")], { clinicalStatus: "active", onset: "2025-01-10" })]), AS_OF);
    expect(find(r.findings, "caution.pregnancy").outcome).toBe("none-recorded");
  });
  it("a current pregnancy blocks the taper and asks for obstetric input (CDC 2022 draft l.2436-2438)", () => {
    const r = assessReadiness(inputs(AS_OF, [oxycodone, condition([icd10("Z34.02", "Supervision of normal first pregnancy, second trimester")], { clinicalStatus: "active", onset: "2025-01-10" })]), AS_OF);
    const f = find(r.findings, "caution.pregnancy");
    expect(f.planEffect).toEqual({ kind: "blocks", instead: expect.stringContaining("obstetric") });
  });
  it("a basal cell carcinoma of the skin is not cancer pain; a lung cancer is", () => {
    const skin = assessReadiness(inputs(AS_OF, [oxycodone, condition([icd10("C44.91", "Basal cell carcinoma of skin, unspecified")], { clinicalStatus: "active" })]), AS_OF);
    expect(find(skin.findings, "caution.cancer").outcome).toBe("none-recorded");
    const lung = assessReadiness(inputs(AS_OF, [oxycodone, condition([icd10("C34.90", "Malignant neoplasm of unspecified part of bronchus or lung")], { clinicalStatus: "active" })]), AS_OF);
    expect(find(lung.findings, "caution.cancer").planEffect.kind).toBe("blocks");
  });
  it("sickle cell disease blocks the taper (outside the guideline's scope, CDC 2022 draft l.301-304, 420-424)", () => {
    const r = assessReadiness(inputs(AS_OF, [oxycodone, condition([icd10("D57.1", "Sickle-cell disease without crisis")], { clinicalStatus: "active" })]), AS_OF);
    const f = find(r.findings, "caution.sickle-cell");
    expect([f.outcome, f.planEffect.kind]).toEqual(["recorded", "blocks"]);
  });
  it("a local code named 'Malignant neoplasm of pancreas' is recognised by its words and asks for confirmation rather than blocking", () => {
    const r = assessReadiness(inputs(AS_OF, [oxycodone, condition([{ system: "http://hospital.example/codes", code: "ONC-17", display: "Malignant neoplasm of pancreas" }], { clinicalStatus: "active" })]), AS_OF);
    const f = find(r.findings, "caution.cancer");
    expect(f.outcome).toBe("active");
    expect(f.planEffect.kind).toBe("requires-confirmation");
    expect(f.evidence[0]?.value).toContain("identified by its name");
  });
  it("recurrent major depression coded with a SNOMED CT descendant outside the list is still found, by its words", () => {
    const r = assessReadiness(inputs(AS_OF, [oxycodone, condition([snomed("66344007", "Recurrent major depression (disorder)")], { clinicalStatus: "active" })]), AS_OF);
    expect(find(r.findings, "caution.depression").outcome).toBe("positive");
  });
  it("bipolar disorder and PTSD are mental-health cautions (CDC 2022 draft l.3192-3208)", () => {
    const r = assessReadiness(inputs(AS_OF, [oxycodone, condition([icd10("F31.9")], { clinicalStatus: "active" }), condition([snomed("47505003", "Posttraumatic stress disorder")], { clinicalStatus: "active" })]), AS_OF);
    expect([find(r.findings, "caution.depression").outcome, find(r.findings, "caution.anxiety").outcome]).toEqual(["positive", "positive"]);
  });
  it("naltrexone is recognised: it blocks opioid analgesics and treats opioid use disorder; without a diagnosis it asks for assessment", () => {
    const r = assessReadiness(inputs(AS_OF, [oxycodone, order([{ system: "http://hospital.example/rx", code: "N-50", display: "Naltrexone 50 mg tablet" }], { periodHours: 24 })]), AS_OF);
    const f = find(r.findings, "caution.oud");
    expect(f.outcome).toBe("possible");
    expect(f.sentence).toContain("Naltrexone");
    expect(f.planEffect.kind).toBe("requires-confirmation");
  });
});
