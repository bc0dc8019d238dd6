/**
 * Product identification: catalog and supplement codes, Epic-style multi-coding concepts,
 * RxNorm normalized names (flagged), medicationReference (contained, supplied, urn:uuid,
 * ingredient strengths), NDC codes through the CDC 2018 table; every reading must agree
 * (a conflict is not computable, showing both readings, never "first coding wins").
 */
import type { Medication } from "fhir/r4";
import { describe, expect, it } from "vitest";
import { makeNdcLookup } from "@/lib/mme/ndc";
import { NDC_TABLE } from "@/lib/mme/ndc/ndc-table.generated";
import { productFromName, readProductName } from "@/lib/mme/identify/name";
import { productByRxnorm } from "@/lib/mme/catalog";
import { codes, every, one, order, patch, perDay, RXNORM, tab, UCUM } from "../builders";

const NDC = "http://hl7.org/fhir/sid/ndc";
const ndcLookup = makeNdcLookup(NDC_TABLE);

describe("catalog supplement (codes real data has that the TSV lacks)", () => {
  it.each([
    // code, dose q4-6h (frequency 1 / 4 h) -> MME: strength x 6/day x factor
    ["1310197", 30], // Vicodin: hydrocodone 5 mg x 6 = 30
    ["861467", 30], // meperidine 50 mg x 6 = 300 x 0.1 (data file)
    ["892495", 60], // Kadian 10 mg x 6 = 60
  ])("%s x 1 q4h -> %s", (code, expected) => {
    const o = one(order(code, every({ value: 1 }, 4)));
    expect(o.mmePerDay).toBeCloseTo(expected, 9);
    expect(o.sources.product).toBe("rxnorm-catalog");
  });

  it("productByRxnorm finds supplement products and catalog rows win over them", () => {
    expect(productByRxnorm("1310197")?.ingredients).toEqual([{ ingredient: "hydrocodone", value: 5, unit: "mg", per: "unit" }]);
    expect(productByRxnorm("856980")?.ingredients[0]?.value).toBe(10);
  });

  it("856980 (Synthea display 'Acetaminophen/Hydrocodone') is the 10/300 SCD; the display confirms the opioid, not the strength", () => {
    const o = one(order("856980", every({ value: 1 }, 6), { medicationCodeableConcept: { coding: [{ system: RXNORM, code: "856980", display: "Acetaminophen/Hydrocodone" }], text: "Acetaminophen/Hydrocodone" } }));
    // 10 mg hydrocodone x 4 a day x factor 1 = 40
    expect(o.mmePerDay).toBeCloseTo(40, 9);
    expect(o.readings.filter((r) => r.fact === "product")).toEqual([
      { fact: "product", where: "RxNorm 856980", value: "hydrocodone 10 mg per tablet (used)", agrees: true },
      { fact: "product", where: 'name "Acetaminophen/Hydrocodone"', value: "hydrocodone, no strength", agrees: true },
    ]);
  });

  it("Epic-style concept with many codings: the first full product wins over ingredient codes listed before it", () => {
    const o = one(order("7052", perDay({ value: 20, unit: "mg", system: UCUM, code: "mg" }, 1), {
      medicationCodeableConcept: { coding: ["7052", "30236", "892596", "892598"].map((code) => ({ system: RXNORM, code })), text: "MORPHINE ER 20 MG CAPSULE" },
    }));
    expect(o.product?.rxnorm).toBe("892596");
    expect(o.mmePerDay).toBe(20);
  });
});

describe("RxNorm normalized names (codes not in the catalog), flagged", () => {
  it.each([
    ["Acetaminophen 300 MG / HYDROcodone Bitartrate 5 MG [Vicodin]", "hydrocodone", 5, "mg", "unit", "oral-solid"],
    ["72 HR Fentanyl 0.075 MG/HR Transdermal System", "fentanyl", 75, "mcg", "hour", "transdermal"],
    ["1 ML Morphine Sulfate 5 MG/ML Injection", "morphine", 5, "mg", "mL", "injection"],
    ["Abuse-Deterrent 12 HR Oxycodone Hydrochloride 15 MG Extended Release Oral Tablet", "oxycodone", 15, "mg", "unit", "oral-solid"],
    ["fentanyl 0.4 MG/ACTUAT Metered Dose Nasal Spray", "fentanyl", 0.4, "mg", "unit", "nasal"],
  ])("%s", (name, ingredient, value, unit, per, doseForm) => {
    const built = productFromName(name, readProductName(name));
    expect(built?.product.ingredients).toEqual([{ ingredient, value, unit, per }]);
    expect(built?.product.doseForm).toBe(doseForm);
    expect(built?.product.source).toBe("name-parse");
  });

  it.each([
    ["Acetaminophen/Hydrocodone", ["hydrocodone"], false, null],
    ["Percocet", ["oxycodone"], false, null],
    ["Naloxone Hydrochloride 0.4 MG/ML Injectable Solution", [], true, null],
    ["24hr nicotine transdermal patch", [], false, null],
    ["Apomorphine 30 MG/3ML", [], false, null], // "morphine" only as a whole word
    ["Dihydrocodeine 16 MG", ["dihydrocodeine"], false, 16],
  ] as const)("%s -> opioids %j, naloxone %s, strength %s", (name, opioids, naloxone, strength) => {
    const r = readProductName(name);
    expect(r.opioids).toEqual(opioids);
    expect(r.naloxone).toBe(naloxone);
    expect(r.strengths?.[0]?.value ?? null).toBe(strength);
  });

  it("an order with an unknown code and a normalized display is computed and flagged 'derived from the name'", () => {
    const o = one(order("0", every({ value: 1 }, 6), { medicationCodeableConcept: { coding: [{ system: RXNORM, code: "99999990", display: "Oxycodone Hydrochloride 10 MG Oral Tablet" }] } }));
    expect(o.mmePerDay).toBeCloseTo(60, 9);
    expect(o.sources.product).toBe("name-parse");
    expect(codes(o)).toContain("mme.assume.name-parse");
  });
});

describe("medicationReference", () => {
  const oxyMedication: Medication = { resourceType: "Medication", id: "med-oxy", code: { coding: [{ system: RXNORM, code: "1049621" }] } };
  const byIngredients: Medication = {
    resourceType: "Medication",
    id: "med-ing",
    code: { text: "Compounded morphine" },
    form: { text: "Oral Tablet" },
    ingredient: [{ itemCodeableConcept: { coding: [{ system: RXNORM, code: "7052", display: "morphine" }] }, strength: { numerator: { value: 15, unit: "mg", system: UCUM, code: "mg" }, denominator: { value: 1, unit: "TAB" } } }],
  };

  it.each([
    // reference -> MME: oxycodone 5 mg x 4 x 1.5 = 30
    ["Medication/med-oxy"],
    ["urn:uuid:med-oxy"],
    ["https://ehr.example/fhir/Medication/med-oxy"],
  ])("%s resolves to a supplied Medication", (reference) => {
    const o = one(order("x", perDay(tab(1), 4), { medicationCodeableConcept: undefined, medicationReference: { reference } }), { medications: [oxyMedication] });
    expect(o.mmePerDay).toBeCloseTo(30, 9);
    expect(o.readings[0]).toEqual({ fact: "product", where: "RxNorm 1049621", value: "oxycodone 5 mg per tablet (used)", agrees: true });
  });

  it("a contained Medication (#id)", () => {
    const mr = order("x", perDay(tab(1), 4), { contained: [{ ...oxyMedication, id: "m1" }], medicationReference: { reference: "#m1" } });
    delete mr.medicationCodeableConcept;
    expect(one(mr).mmePerDay).toBeCloseTo(30, 9);
  });

  it("Medication.ingredient strengths: morphine 15 mg per tablet x 2 = 30", () => {
    const mr = order("x", perDay(tab(1), 2), { medicationReference: { reference: "Medication/med-ing" } });
    delete mr.medicationCodeableConcept;
    const o = one(mr, { medications: [byIngredients] });
    expect(o.mmePerDay).toBeCloseTo(30, 9);
    expect(o.sources.product).toBe("medication-resource");
  });

  it("an unresolved reference without a display is not computable (unknown medication)", () => {
    const mr = order("x", perDay(tab(1), 2), { medicationReference: { reference: "Medication/missing" } });
    delete mr.medicationCodeableConcept;
    expect(one(mr).reason).toBe("mme.unknown-medication");
  });
});

describe("NDC codes through the CDC 2018 table (RxNorm preferred when both are present)", () => {
  it("fentanyl 75 mcg/h patch by NDC alone -> 180, source ndc-table", () => {
    const o = one(order("x", every(patch(1), 72), { medicationCodeableConcept: { coding: [{ system: NDC, code: "00093-6902-45" }] } }), { ndcLookup });
    expect(o.mmePerDay).toBe(180);
    expect(o.sources.product).toBe("ndc-table");
  });

  it("an NDC and an RxNorm code for different strengths disagree: not computable, both readings shown (no code wins by position)", () => {
    // NDC 00093-6902-45 is a 75 mcg/h patch, RxNorm 245134 a 25 mcg/h patch: 180 or 60 MME/day?
    const o = one(order("x", every(patch(1), 72), { medicationCodeableConcept: { coding: [{ system: NDC, code: "00093690245" }, { system: RXNORM, code: "245134" }] } }), { ndcLookup });
    expect(o.status).toBe("not-computable");
    expect(o.reason).toBe("mme.conflicting-product");
    expect(o.message).toContain("25 mcg/h");
    expect(o.message).toContain("75 mcg/h");
    expect(o.mmePerDay).toBeNull();
  });

  it("an NDC and an RxNorm code of the same product agree, and both are listed as readings", () => {
    const o = one(order("x", every(patch(1), 72), { medicationCodeableConcept: { coding: [{ system: NDC, code: "00093690245" }, { system: RXNORM, code: "197696" }] } }), { ndcLookup });
    // 1 patch worn x 75 mcg/h x 2.4 = 180
    expect(o.mmePerDay).toBeCloseTo(180, 9);
    expect(o.sources.product).toBe("rxnorm-catalog");
    expect(o.readings.filter((r) => r.fact === "product").map((r) => [r.where, r.agrees])).toEqual([["NDC 00093690245", true], ["RxNorm 197696", true]]);
  });

  it("Sublocade (buprenorphine without strength in the file) is excluded as buprenorphine", () => {
    const o = one(order("x", perDay({ value: 1 }, 1), { medicationCodeableConcept: { coding: [{ system: NDC, code: "12496010001" }] } }), { ndcLookup });
    expect(o.reason).toBe("mme.excluded.buprenorphine");
  });

  it("an NDC without a loaded table and without a name cannot be identified", () => {
    const o = one(order("x", perDay(tab(1), 1), { medicationCodeableConcept: { coding: [{ system: NDC, code: "00093690245" }] } }));
    expect(o.reason).toBe("mme.unknown-medication");
  });
});
