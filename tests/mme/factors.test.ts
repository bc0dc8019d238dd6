/**
 * Factor tables: values and citations, the CDC 2016 methadone tiers as half-open intervals
 * (tested at and around every boundary), the informational 50/90 bands, and the UI description.
 */
import { describe, expect, it } from "vitest";
import { CDC_2016_TABLE, CDC_2022_TABLE, DATA_FILE_FACTORS, describeFactorTable, formatMme, describeTotal } from "@/lib/mme";
import { resolveFactor } from "@/lib/mme/factors/lookup";
import { mg, one, order, perDay, run, codes } from "./builders";

const METHADONE_10MG_TAB = "864706";
const METHADONE_5MG_PER_ML = "864826";

describe("CDC 2022 clinical table", () => {
  it.each([
    ["codeine", 0.15], ["hydrocodone", 1], ["hydromorphone", 5], ["methadone", 4.7], ["morphine", 1],
    ["oxycodone", 1.5], ["oxymorphone", 3], ["tapentadol", 0.4], ["tramadol", 0.2], ["fentanyl-transdermal", 2.4],
  ] as const)("%s = %s, clinical, cited", (key, factor) => {
    const f = resolveFactor("cdc-2022", key, 10);
    expect(f?.factor).toBe(factor);
    expect(f?.kind).toBe("clinical");
    expect(f?.citation.source).toBe("CDC 2022");
  });

  it("has no buprenorphine and no sufentanil factor", () => {
    expect(Object.keys(CDC_2022_TABLE.factors)).not.toContain("buprenorphine");
    expect(resolveFactor("cdc-2022", "sufentanil", 1)).toBeNull();
    expect(resolveFactor("cdc-2022", "benzhydrocodone", 1)).toBeNull();
  });
});

describe("CDC 2016 clinical table", () => {
  it("hydromorphone 4; no tramadol/tapentadol in the clinical table (the data file's 0.1 / 0.4 are used, flagged)", () => {
    expect(CDC_2016_TABLE.factors.hydromorphone?.rule).toEqual({ type: "single", factor: 4 });
    expect(CDC_2016_TABLE.factors.tramadol).toBeUndefined();
    expect(resolveFactor("cdc-2016", "tramadol", 100)).toMatchObject({ factor: 0.1, kind: "data-file" });
    expect(resolveFactor("cdc-2016", "tapentadol", 100)).toMatchObject({ factor: 0.4, kind: "data-file" });
  });

  // Half-open intervals on the continuous daily dose: (0,20] x4, (20,40] x8, (40,60] x10, (60,inf) x12.
  it.each([
    [1, 4], [19.9, 4], [20, 4], [20.5, 8], [21, 8], [40, 8], [40.5, 10], [41, 10], [60, 10], [60.5, 12], [61, 12], [80, 12], [120, 12],
  ])("methadone %s mg/day -> factor %s (no gap between printed rows)", (mgPerDay, factor) => {
    expect(resolveFactor("cdc-2016", "methadone", mgPerDay)?.factor).toBe(factor);
  });

  it.each([
    // mg/day (as one order: a mg dose once a day), 2016 MME = dose x tier factor
    [20, 80], // 20 x 4
    [20.5, 164], // 20.5 x 8: the CDC CQL returns null here
    [21, 168], // 21 x 8
  ])("methadone order of %s mg/day under cdc-2016 = %s MME/day", (dose, expected) => {
    const o = one(order(METHADONE_10MG_TAB, perDay(mg(dose), 1)), { factorTableId: "cdc-2016" });
    expect(o.status).toBe("counted");
    expect(o.mmePerDay).toBeCloseTo(expected, 9);
  });

  it("above 80 mg/day the last factor (12) is extended and flagged", () => {
    const o = one(order(METHADONE_10MG_TAB, perDay(mg(45), 2)), { factorTableId: "cdc-2016" });
    expect(o.mmePerDay).toBeCloseTo(90 * 12, 9);
    expect(codes(o)).toContain("mme.factor.beyond-table");
  });

  it("the tier is chosen on the patient's total methadone: two 15 mg/day orders (30 mg/day) get x8, not x4", () => {
    // 15 mg/day tablets + 15 mg/day solution = 30 mg/day -> tier (20,40] -> 8: 15 x 8 + 15 x 8 = 240 (per-order tiers would give 120)
    const r = run([order(METHADONE_10MG_TAB, perDay(mg(15), 1)), order(METHADONE_5MG_PER_ML, perDay(mg(15), 1))], { factorTableId: "cdc-2016" });
    expect(r.totalMmePerDay).toBeCloseTo(240, 9);
    expect(r.orders.every((o) => codes(o).includes("mme.factor.methadone-total"))).toBe(true);
  });

  it("cdc-2022 methadone is 4.7 at any dose: 20.5 mg/day = 96.35", () => {
    expect(one(order(METHADONE_10MG_TAB, perDay(mg(20.5), 1))).mmePerDay).toBeCloseTo(96.35, 9);
  });
});

describe("CDC 2018 data-file factors (opioids missing from the clinical tables)", () => {
  it.each([
    ["meperidine", 0.1], ["levorphanol", 11], ["pentazocine", 0.37], ["butorphanol", 7], ["dihydrocodeine", 0.25], ["opium", 1],
    ["fentanyl-buccal-sublingual-tablet-lozenge", 0.13], ["fentanyl-film-oral-spray", 0.18], ["fentanyl-nasal-spray", 0.16],
  ] as const)("%s = %s, kind data-file", (key, factor) => {
    expect(DATA_FILE_FACTORS[key]?.rule).toEqual({ type: "single", factor });
    expect(resolveFactor("cdc-2022", key, 1)).toMatchObject({ factor, kind: "data-file" });
  });

  it("meperidine 50 mg q4h (Synthea 861467) = 300 mg/day x 0.1 = 30, flagged as a data-file factor", () => {
    const o = one(order("861467", perDay({ value: 1 }, 6)));
    expect(o.mmePerDay).toBeCloseTo(30, 9);
    expect(o.ingredients[0]?.factorKind).toBe("data-file");
    expect(codes(o)).toContain("mme.factor.data-file");
  });
});

describe("informational bands (CDC 2022: points to reassess, not triggers)", () => {
  // oxycodone 5 mg IR tablet (1049621): daily mg as a mass dose once a day; MME = mg x 1.5
  it.each([
    [49.9, false, false],
    [50, true, false],
    [89.9, true, false],
    [90, true, true],
  ])("total %s MME/day -> >=50 %s, >=90 %s", (total, at50, at90) => {
    // oxycodone 30 mg tablets: e.g. 59.933 mg (about 2 tablets) x 1.5 = 89.9
    const r = run([order("1049618", perDay(mg(total / 1.5), 1))]);
    expect(r.totalMmePerDay).toBeCloseTo(total, 9);
    expect(r.bands).toEqual({ atOrAbove50: at50, atOrAbove90: at90 });
  });
});

describe("describeFactorTable and display rounding", () => {
  it("describes cdc-2016 with tier text and data-file rows, each cited", () => {
    const d = describeFactorTable("cdc-2016");
    expect(d.id).toBe("cdc-2016");
    expect(d.rows.find((r) => r.label.startsWith("Methadone"))?.factorText).toBe("4 (above 0 up to 20 mg/day), 8 (above 20 up to 40 mg/day), 10 (above 40 up to 60 mg/day), 12 (above 60 mg/day)");
    expect(d.rows.find((r) => r.label === "Tramadol")?.kind).toBe("data-file");
    expect(d.rows.every((r) => r.citation.source.length > 0)).toBe(true);
  });

  it("describes cdc-2022 without duplicating tramadol from the data file", () => {
    const rows = describeFactorTable("cdc-2022").rows.filter((r) => r.label === "Tramadol");
    expect(rows).toHaveLength(1);
    expect(rows[0]?.factorText).toBe("0.2 per mg/day");
  });

  it.each([
    [179.9999982, "180"], [30.000000000000004, "30"], [0.05, "0.1"], [12.34, "12.3"], [null, "—"],
  ])("formatMme(%s) = %s", (n, text) => {
    expect(formatMme(n)).toBe(text);
  });

  it("describes an incomplete total as a floor", () => {
    expect(describeTotal({ state: "incomplete", totalMmePerDay: 45 })).toBe("at least 45 MME/day");
    expect(describeTotal({ state: "unknown", totalMmePerDay: null })).toBe("unknown");
  });
});
