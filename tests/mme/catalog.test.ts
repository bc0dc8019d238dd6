import { describe, expect, it } from "vitest";
import { RXNORM_NALOXONE_PRODUCTS, RXNORM_OPIOID_PRODUCTS } from "@/lib/mme/catalog/rxnorm-products.generated";

describe("generated RxNorm catalog", () => {
  it("holds every TSV row: 428 opioid products and 17 naloxone products", () => {
    expect(RXNORM_OPIOID_PRODUCTS.length + RXNORM_NALOXONE_PRODUCTS.length).toBe(445);
    expect(RXNORM_NALOXONE_PRODUCTS.length).toBe(17);
  });

  it.each([
    // rxcui, ingredient, strength value, unit, per  (spot checks from docs/clinical-sources.md section 4)
    ["1049621", "oxycodone", 5, "mg", "unit"],
    ["1049221", "oxycodone", 5, "mg", "unit"],
    ["857005", "hydrocodone", 7.5, "mg", "unit"],
    ["1860154", "oxycodone", 15, "mg", "unit"],
    ["245134", "fentanyl", 25, "mcg", "hour"],
    ["864718", "methadone", 5, "mg", "unit"],
    ["1049604", "oxycodone", 1, "mg", "mL"],
    ["724614", "oxycodone", 2.44, "mg", "unit"], // HCl 2.25 + terephthalate 0.19 summed in the TSV
  ])("%s is %s %s %s per %s", (rxcui, ingredient, value, unit, per) => {
    const p = RXNORM_OPIOID_PRODUCTS.find((r) => r.rxnorm === rxcui);
    expect(p?.ingredients).toEqual([{ ingredient, value, unit, per }]);
  });

  it("reads 'Abuse-Deterrent' and 'Matrix Delivery' as formulations, not ingredients", () => {
    const ad = RXNORM_OPIOID_PRODUCTS.find((r) => r.rxnorm === "1860154");
    expect(ad?.otherIngredients).toEqual([]);
    expect(ad?.formulation).toBe("abuse-deterrent");
    expect(RXNORM_OPIOID_PRODUCTS.find((r) => r.rxnorm === "1946529")?.formulation).toBe("matrix-delivery");
    expect(RXNORM_OPIOID_PRODUCTS.find((r) => r.rxnorm === "1049621")?.formulation).toBeNull();
  });

  it("keeps non-opioid ingredients of combination products", () => {
    expect(RXNORM_OPIOID_PRODUCTS.find((r) => r.rxnorm === "1049221")?.otherIngredients).toEqual(["acetaminophen"]);
    expect(RXNORM_OPIOID_PRODUCTS.find((r) => r.rxnorm === "1010604")?.otherIngredients).toEqual(["naloxone"]);
  });
});
