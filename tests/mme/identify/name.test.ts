/**
 * The product-name reading, one of the independent readings of an order's product (issue 13):
 * every name shape EHRs write, with the strength it must give (or none, with the reason), and
 * the property that every RxNorm name in the catalog reads to the catalog's own strength.
 * Names below are written for this project in the shapes of the vendor samples
 * (tests/fixtures/ehr-samples and the vendor samples the team studied): Epic display names with a brand in parentheses
 * and "X-Y MG per tablet", Medi-Span all-caps names with form codes, Oracle Health (Cerner)
 * names with the product inside parentheses and a unit after each strength, concentrations.
 */
import { describe, expect, it } from "vitest";
import { allCatalogProducts } from "@/lib/mme/catalog";
import { productFromName, readProductName, sameStrengths } from "@/lib/mme/identify";

const strengthOf = (name: string) => readProductName(name).strengths?.map((s) => [s.ingredient, s.value, s.unit, s.per]) ?? null;

describe("every catalog name reads to the catalog's own product (445 RxNorm names)", () => {
  it.each(allCatalogProducts().map((p) => [p.name, p] as const))("%s", (name, p) => {
    const built = productFromName(name, readProductName(name));
    expect(built).not.toBeNull();
    expect(sameStrengths(built?.product.ingredients ?? [], p.ingredients)).toBe(true);
    // the form family (tablet/capsule/liquid/patch/film/spray) is read from the name too
    expect(built?.product.doseForm).toBe(p.doseForm);
  });
});

describe("Epic display names", () => {
  it.each([
    // the opioid's strength is the one in the same position as its name: 5 of "5-325", not 325
    ["HYDROcodone-acetaminophen (NORCO) 5-325 MG per tablet", [["hydrocodone", 5, "mg", "unit"]], ["acetaminophen"]],
    ["oxyCODONE-acetaminophen (PERCOCET) 10-325 mg tablet", [["oxycodone", 10, "mg", "unit"]], ["acetaminophen"]],
    // the opioid second: 30 mg codeine, not 300; "#3" in the brand is not a strength
    ["acetaminophen-codeine (TYLENOL #3) 300-30 mg per tablet", [["codeine", 30, "mg", "unit"]], ["acetaminophen"]],
    ["traMADol (ULTRAM) 50 mg tablet", [["tramadol", 50, "mg", "unit"]], []],
    ["oxyCODONE (OXYCONTIN) 10 mg 12 hr tablet", [["oxycodone", 10, "mg", "unit"]], []],
    ["fentaNYL (DURAGESIC) 25 mcg/hr 72 hr patch", [["fentanyl", 25, "mcg", "hour"]], []],
  ] as const)("%s", (name, strengths, others) => {
    expect(strengthOf(name)).toEqual(strengths);
    expect(readProductName(name).others).toEqual(others);
  });
});

describe("Medi-Span all-caps names (Epic's pharmacy names)", () => {
  it.each([
    // 4.8355 mg oxycodone HCl + 325 mg aspirin: 4.8355, not 325 (read as 325 it was ~67x too high)
    ["OXYCODONE-ASPIRIN 4.8355-325 MG OR TABS", [["oxycodone", 4.8355, "mg", "unit"]], "oral-solid", "IR"],
    ["HYDROCODONE-ACETAMINOPHEN 7.5-325 MG PO TABS", [["hydrocodone", 7.5, "mg", "unit"]], "oral-solid", "IR"],
    ["MORPHINE SULFATE ER 15 MG PO TBCR", [["morphine", 15, "mg", "unit"]], "oral-solid", "ER/LA"],
    ["FENTANYL 50 MCG/HR TD PT72", [["fentanyl", 50, "mcg", "hour"]], "transdermal", "ER/LA"],
    // 5 mg per 5 mL is 1 mg per mL (read as 5 mg/mL it was 5x too high)
    ["OXYCODONE HCL 5 MG/5ML PO SOLN", [["oxycodone", 1, "mg", "mL"]], "oral-liquid", "IR"],
    ["METHADONE HCL 10 MG/ML PO CONC", [["methadone", 10, "mg", "mL"]], "oral-liquid", "IR"],
  ] as const)("%s", (name, strengths, doseForm, release) => {
    expect(strengthOf(name)).toEqual(strengths);
    const built = productFromName(name, readProductName(name));
    expect(built?.product.doseForm).toBe(doseForm);
    expect(built?.product.release).toBe(release);
  });
});

describe("Oracle Health (Cerner) names: the product inside parentheses, a unit after each strength", () => {
  it.each([
    ["oxyCODONE (oxyCODONE 5 mg oral tablet)", [["oxycodone", 5, "mg", "unit"]]],
    ["HYDROcodone-acetaminophen (HYDROcodone-acetaminophen 5 mg-325 mg oral tablet)", [["hydrocodone", 5, "mg", "unit"]]],
    ["acetaminophen-HYDROcodone (acetaminophen-hydrocodone 325 mg-7.5 mg oral tablet)", [["hydrocodone", 7.5, "mg", "unit"]]],
    ["fentaNYL (fentaNYL 12 mcg/hr transdermal film, extended release)", [["fentanyl", 12, "mcg", "hour"]]],
    // a rate per 24 h is per hour / 24: 0.3 mg/24 hr = 12.5 mcg/h (the Catapres shape, for fentanyl)
    ["fentaNYL (fentaNYL 0.3 mg/24 hr transdermal film, extended release)", [["fentanyl", 12.5, "mcg", "hour"]]],
  ] as const)("%s", (name, strengths) => {
    expect(strengthOf(name)).toEqual(strengths);
  });
});

describe("concentrations: A mg / B mL, restated (C mg/mL)", () => {
  it.each([
    ["oxyCODONE 5 mg/5 mL solution", 1],
    ["morphine 100 mg/5 mL (20 mg/mL) oral solution", 20],
    ["HYDROcodone-acetaminophen 7.5-325 mg/15 mL solution", 0.5],
  ] as const)("%s -> %s mg/mL", (name, mgPerMl) => {
    const s = readProductName(name).strengths?.[0];
    expect(s?.per).toBe("mL");
    expect(s?.value).toBeCloseTo(mgPerMl, 12);
  });

  it("a restatement that disagrees leaves the strength unknown, with both in the reason", () => {
    const r = readProductName("morphine 100 mg/5 mL (10 mg/mL) oral solution");
    expect(r.strengths).toBeNull();
    expect(r.strengthProblem).toContain("two different strengths");
  });

  it("per-actuation strengths are per unit (a spray): fentanyl 100 mcg/actuation", () => {
    const built = productFromName("fentaNYL (LAZANDA) 100 mcg/actuation nasal spray", readProductName("fentaNYL (LAZANDA) 100 mcg/actuation nasal spray"));
    expect(built?.product.ingredients).toEqual([{ ingredient: "fentanyl", value: 0.1, unit: "mg", per: "unit" }]);
    expect(built?.product.unit).toBe("spray");
  });

  it("a per-mL nasal spray is dosed in mL, not sprays (the mg per spray is not stated)", () => {
    const built = productFromName("butorphanol 10 mg/mL nasal spray", readProductName("butorphanol 10 mg/mL nasal spray"));
    expect(built?.product.unit).toBe("mL");
  });
});

describe("no strength, with the reason, rather than a guess", () => {
  it.each([
    // PDMP: strengths without a unit
    ["OXYCODONE-ACETAMINOPHEN 5-325", "without a unit"],
    // one number for two ingredients: whose?
    ["HYDROcodone-acetaminophen 5 mg tablet", "1 strength for 2 ingredients"],
  ])("%s: %s", (name, why) => {
    const r = readProductName(name);
    expect(r.opioids.length).toBe(1);
    expect(r.strengths).toBeNull();
    expect(r.strengthProblem).toContain(why);
  });

  it("a text name without any number names the opioid only", () => {
    const r = readProductName("oxycodone (oxycodone extended release)");
    expect(r.opioids).toEqual(["oxycodone"]);
    expect(r.statesStrength).toBe(false);
    expect(r.strengthProblem).toBeNull();
  });
});
