import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadNdcLookup, makeNdcLookup, ndcCandidates, type NdcTable } from "@/lib/mme/ndc";
import { NDC_TABLE } from "@/lib/mme/ndc/ndc-table.generated";

const lookup = makeNdcLookup(NDC_TABLE);

describe("ndcCandidates: NDC forms -> 11-digit 5-4-2", () => {
  it.each([
    ["00590012765", ["00590012765"]], // 11 digits
    ["00590-0127-65", ["00590012765"]], // 5-4-2 dashed
    ["0590-0127-65", ["00590012765"]], // 4-4-2 dashed: labeler padded
    ["50458-033-05", ["50458003305"]], // 5-3-2 dashed: product padded
    ["12496-1208-1", ["12496120801"]], // 5-4-1 dashed: package padded
    [" 00590 0127 65 ", ["00590012765"]], // spaces are dropped; 11 digits remain
    ["5045803305", ["05045803305", "50458003305", "50458033005"]], // undashed 10 digits: every layout
    ["123", []],
    ["00590-127-6", []],
    ["abcde-fghi-jk", []],
  ])("%j -> %j", (code, expected) => {
    expect(ndcCandidates(code)).toEqual(expected);
  });
});

describe("makeNdcLookup over the CDC 2018 table", () => {
  it.each([
    // code as written, ingredient, strength value/unit/per, dose form, unit, release, data-file factor
    ["00590012765", "oxycodone", 5, "mg", "unit", "oral-solid", "tablet", "IR", 1.5], // Percocet 5/325
    ["00590-0127-65", "oxycodone", 5, "mg", "unit", "oral-solid", "tablet", "IR", 1.5],
    ["0590-0127-65", "oxycodone", 5, "mg", "unit", "oral-solid", "tablet", "IR", 1.5],
    ["10544-0591-20", "oxycodone", 10, "mg", "unit", "oral-solid", "tablet", "ER/LA", 1.5], // OxyContin 10
    ["00034-0514-10", "morphine", 15, "mg", "unit", "oral-solid", "tablet", "ER/LA", 1], // MS Contin 15
    ["00044102202", "hydromorphone", 2, "mg", "unit", "oral-solid", "tablet", "IR", 4], // Dilaudid 2
    ["50458-0861-01", "tapentadol", 100, "mg", "unit", "oral-solid", "tablet", "ER/LA", 0.4], // Nucynta ER 100
    ["00121077204", "hydrocodone", 0.5, "mg", "mL", "oral-liquid", "mL", "IR", 1], // hydrocodone/APAP solution
    ["50458-033-05", "fentanyl", 25, "mcg", "hour", "transdermal", "patch", "ER/LA", 7.2], // Duragesic 25, 5-3-2 form
    ["20482000110", "fentanyl", 100, "mcg", "unit", "sublingual", "spray", "IR", 0.18], // Subsys: "oral spray" 0.18
    ["13913000901", "fentanyl", 100, "mcg", "unit", "nasal", "spray", "IR", 0.16], // Lazanda nasal 0.16
    ["63459054128", "fentanyl", 100, "mcg", "unit", "buccal", "tablet", "IR", 0.13], // Fentora buccal tablet
    ["42358010032", "fentanyl", 100, "mcg", "unit", "sublingual", "tablet", "IR", 0.13], // Abstral SL tablet
    ["00074246024", "fentanyl", 200, "mcg", "unit", "oral-transmucosal", "lozenge", "IR", 0.13], // Actiq
    ["00037520030", "fentanyl", 200, "mcg", "unit", "buccal", "film", "IR", 0.18], // Onsolis buccal film
    ["00054309036", "butorphanol", 10, "mg", "mL", "nasal", "mL", "IR", 7], // butorphanol nasal spray, per mL
    ["00054017613", "buprenorphine", 2, "mg", "unit", "sublingual", "tablet", "ER/LA", null], // no factor in the file
    ["35356060504", "buprenorphine", 10, "mcg", "hour", "transdermal", "patch", "ER/LA", null], // Butrans 10
  ])("%s -> %s %d %s/%s %s %s %s, factor %s", (code, ingredient, value, unit, per, doseForm, productUnit, release, factor) => {
    const m = lookup(code);
    expect(m?.ingredient).toBe(ingredient);
    expect(m?.product?.ingredients).toEqual([{ ingredient, value, unit, per }]);
    expect([m?.product?.doseForm, m?.product?.unit, m?.product?.release]).toEqual([doseForm, productUnit, release]);
    expect(m?.dataFileFactor).toBe(factor);
    expect(m?.product?.source).toBe("ndc-table");
    expect(m?.product?.rxnorm).toBeNull();
    expect(m?.product?.ndc).toBe(m?.ndc);
    expect(m?.ndc).toMatch(/^\d{11}$/);
  });

  it("names the non-opioid ingredients of combination products", () => {
    expect(lookup("00590012765")?.product?.otherIngredients).toEqual(["acetaminophen"]);
    expect(lookup("00054018813")?.product?.otherIngredients).toEqual(["naloxone"]);
    expect(lookup("00044102202")?.product?.otherIngredients).toEqual([]);
  });

  it("identifies a product without a strength as buprenorphine, with no product (Sublocade)", () => {
    expect(lookup("12496-0100-01")).toMatchObject({ ingredient: "buprenorphine", product: null, gap: "ndc.no-strength" });
  });

  it("does not turn propoxyphene (withdrawn 2010, not in OPIOID_INGREDIENTS) into a product", () => {
    expect(lookup("00047069240")).toMatchObject({ ingredient: null, product: null, gap: "ndc.ingredient-not-supported", dataFileFactor: 0.23 });
  });

  it.each([
    ["not in the table", "99999-9999-99"],
    ["malformed", "oxycodone"],
    ["empty", ""],
    ["an undashed 10-digit code whose layouts match two products", "0058003001"],
  ])("returns null for %s", (_label, code) => {
    expect(lookup(code)).toBeNull();
  });

  it("resolves an undashed 10-digit code when only one layout exists", () => {
    expect(lookup("5045803305")?.ndc).toBe("50458003305");
  });

  it("works over any table (a one-row test table)", () => {
    const table: NdcTable = {
      source: "test",
      products: [{
        productName: "X", genericName: "Methadone Hydrochloride", masterForm: "Tablet", drug: "Methadone", longShortActing: "LA",
        deaClassCode: "2", strengthPerUnit: 10, uom: "MG", mmeConversionFactor: 3, ndcs: ["12345678901"],
      }],
    };
    expect(makeNdcLookup(table)("12345-6789-01")?.product?.ingredients).toEqual([{ ingredient: "methadone", value: 10, unit: "mg", per: "unit" }]);
  });
});

describe("the NDC table stays out of the engine path", () => {
  it("loads lazily through loadNdcLookup", async () => {
    const lazy = await loadNdcLookup();
    expect(lazy("00590-0127-65")?.product?.name).toBe(lookup("00590012765")?.product?.name);
  });

  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sources(path);
      return /\.(ts|tsx)$/.test(name) && !name.endsWith(".generated.ts") ? [path] : [];
    });
  }

  it("no file under lib/ or app/ imports ndc-table.generated statically (only `await import(...)`)", () => {
    const staticImport = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*["'][^"']*ndc-table\.generated["']/;
    const offenders = [...sources("lib"), ...sources("app")].filter((f) => staticImport.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });
});
