/**
 * Issue 21 item 5: urine drug tests by class, expected versus found for each prescribed
 * opioid, presumptive results read, unreadable results shown as unreadable, a real window.
 * CDC 2022 Rec 10 (draft l.3454-3459): "a positive 'opiates' immunoassay detects morphine,
 * which might reflect patient use of morphine, codeine, or heroin, but does not detect
 * synthetic opioids and might not detect semisynthetic opioids"; l.3443-3446: explain
 * expected results (presence of prescribed medication, absence of drugs not reported).
 */
import { describe, expect, it } from "vitest";
import type { FindingOf } from "@/lib/domain";
import { assessReadiness } from "@/lib/taper";
import { inputs, loinc, observation, order, rxnorm } from "./records";

const AS_OF = "2025-03-01";
const SCREEN_DAY = "2025-02-20";
const opiatesScreen = (value: object, day = SCREEN_DAY) => observation([loinc("19295-5", "Opiates [Presence] in Urine by Screen method")], day, value);
const MORPHINE_ER = rxnorm("891881", "12 HR morphine sulfate 15 MG Extended Release Oral Tablet");
const TRAMADOL = rxnorm("835603", "tramadol hydrochloride 50 MG Oral Tablet");
const OXYCODONE = rxnorm("1049683", "oxycodone hydrochloride 10 MG Oral Tablet");

function screens(resources: object[]): FindingOf<"caution.drug-screen"> {
  const f = assessReadiness(inputs(AS_OF, resources), AS_OF).findings.find((x): x is FindingOf<"caution.drug-screen"> => x.id === "caution.drug-screen");
  if (f === undefined) throw new Error("no drug screen finding");
  return f;
}

describe("expected versus found, per prescribed opioid", () => {
  it("morphine prescribed, opiates screen negative: the prescribed opioid was not detected (unexpected)", () => {
    const f = screens([order([MORPHINE_ER], { authoredOn: "2025-02-01" }), opiatesScreen({ valueString: "NEG" })]);
    expect(f.outcome).toBe("unexpected");
    expect(f.evidence[0]?.value).toBe("negative; morphine prescribed but not detected");
  });
  it("tramadol prescribed, opiates screen positive: tramadol does not cross-react, so opiates were not prescribed (unexpected)", () => {
    const f = screens([order([TRAMADOL], { periodHours: 6 }), opiatesScreen({ valueString: "POS" })]);
    expect(f.outcome).toBe("unexpected");
    expect(f.evidence[0]?.value).toBe("presumptive positive (screen): confirm with specific testing; no opiate is prescribed");
  });
  it("oxycodone prescribed, opiates screen negative: expected (the class screen may miss oxycodone), and says an oxycodone assay is needed", () => {
    const f = screens([order([OXYCODONE], { periodHours: 6 }), opiatesScreen({ valueString: "NEG" })]);
    expect(f.outcome).toBe("as-expected");
    expect(f.evidence[0]?.value).toContain("the opiates screen may not detect it");
  });
  it("oxycodone prescribed, oxycodone assay positive and its metabolite oxymorphone positive: expected", () => {
    const f = screens([
      order([OXYCODONE], { periodHours: 6 }),
      observation([loinc("19642-8", "oxyCODONE [Presence] in Urine by Screen method")], SCREEN_DAY, { valueString: "Positive" }),
      observation([loinc("17395-5", "oxyMORphone [Presence] in Urine by Confirmatory method")], SCREEN_DAY, { valueString: "Detected" }),
    ]);
    expect(f.outcome).toBe("as-expected");
  });
  it("fentanyl not prescribed, fentanyl screen positive: unexpected", () => {
    const f = screens([order([OXYCODONE], { periodHours: 6 }), observation([loinc("59673-4", "fentaNYL [Presence] in Urine by Screen method")], SCREEN_DAY, { valueString: "POS" })]);
    expect(f.outcome).toBe("unexpected");
  });
  it("compares a sample with what was prescribed on its day: a negative morphine-era screen before morphine started is not 'not detected'", () => {
    const f = screens([order([MORPHINE_ER], { authoredOn: "2025-02-25" }), opiatesScreen({ valueString: "NEG" }, "2025-01-10")]);
    expect(f.outcome).toBe("as-expected");
  });
});

describe("reading results", () => {
  it.each<[string, object, string]>([
    ["'Presumptive Positive' is read (a screen needing confirmation)", { valueString: "Presumptive Positive" }, "presumptive positive (screen): confirm with specific testing"],
    ["a coded 'Detected' answer is positive", { valueCodeableConcept: { coding: [{ system: "http://snomed.info/sct", code: "260373001", display: "Detected" }] } }, "presumptive positive (screen): confirm with specific testing"],
    ["the interpretation NEG alone is read", { interpretation: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", code: "NEG" }] }] }, "negative"],
    ["'Inconclusive' is unreadable, not 'nothing unexpected'", { valueString: "Inconclusive" }, "result not readable"],
    ["a value POS with an interpretation NEG disagree: unreadable", { valueString: "POS", interpretation: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", code: "NEG" }] }] }, "result not readable"],
    ["a bare amount on a screen (cut-off unknown) is unreadable", { valueQuantity: { value: 150, unit: "ng/mL" } }, "result not readable"],
  ])("%s", (_name, value, reading) => {
    const f = screens([order([rxnorm("857005", "acetaminophen 325 MG / hydrocodone bitartrate 7.5 MG Oral Tablet")], { periodHours: 6 }), opiatesScreen(value)]);
    expect(f.evidence[0]?.value?.split(";")[0]).toBe(reading);
  });
  it("an unreadable result makes the outcome 'unreadable' (status unknown), never 'as expected'", () => {
    const f = screens([order([OXYCODONE], { periodHours: 6 }), opiatesScreen({ valueString: "see lab report" })]);
    expect([f.outcome, f.status]).toEqual(["unreadable", "unknown"]);
  });
});

describe("the window", () => {
  it("a screen older than 365 days does not count: no recent screen", () => {
    const f = screens([order([OXYCODONE], { periodHours: 6 }), opiatesScreen({ valueString: "POS" }, "2024-02-01")]);
    expect(f.outcome).toBe("none-recent");
    expect(f.sentence).toContain("last 365 days");
  });
  it("cut-off codes are not results", () => {
    const f = screens([order([OXYCODONE], { periodHours: 6 }), observation([loinc("19299-7", "Opiates cutoff [Mass/volume] in Urine for Screen method")], SCREEN_DAY, { valueQuantity: { value: 300, unit: "ng/mL" } })]);
    expect(f.outcome).toBe("none-recent");
  });
});
