/**
 * The generated NDC table against the CDC 2018 data file it comes from: the test re-reads the
 * xlsx itself (independently of the generator) and compares every opioid row.
 */
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { makeNdcLookup } from "@/lib/mme/ndc";
import { NDC_TABLE } from "@/lib/mme/ndc/ndc-table.generated";

const XLSX = "data/cdc/CDC_Oral_Morphine_Milligram_Equivalents_Sept_2018.xlsx";

interface SheetRow {
  ndc: string;
  cells: Array<string | number | null>;
}

function cell(v: ExcelJS.CellValue): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number") return v;
  return String(v);
}

let sheet: SheetRow[] = [];

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(XLSX);
  const ws = wb.getWorksheet("Opioids");
  const rows: SheetRow[] = [];
  ws?.eachRow((row, i) => {
    if (i === 1) return;
    const cells = [];
    for (let c = 1; c <= 12; c++) cells.push(cell(row.getCell(c).value));
    rows.push({ ndc: String(cells[0]), cells });
  });
  sheet = rows;
});

describe("ndc-table.generated.ts vs the CDC 2018 data file", () => {
  it("holds every opioid NDC of the file once: 14,549 NDCs in 874 groups", () => {
    const ndcs = NDC_TABLE.products.flatMap((p) => p.ndcs);
    expect(sheet.length).toBe(14549);
    expect(ndcs.length).toBe(14549);
    expect(new Set(ndcs).size).toBe(14549);
    expect(NDC_TABLE.products.length).toBe(874);
  });

  it("gives, for every NDC of the sheet, the row's product name, form, drug, strength, unit and factor", () => {
    const lookup = makeNdcLookup(NDC_TABLE);
    const mismatches: string[] = [];
    for (const { ndc, cells } of sheet) {
      const [, , prod, gen, form, , drug, la, dea, strength, uom, factor] = cells;
      const row = lookup(ndc)?.row;
      const expected = [prod, gen, form, drug, la, dea, strength, uom, factor].map((v) => (typeof v === "string" ? v.trim() : v));
      const actual = row === undefined ? null : [row.productName, row.genericName, row.masterForm, row.drug, row.longShortActing, row.deaClassCode, row.strengthPerUnit, row.uom, row.mmeConversionFactor];
      if (JSON.stringify(actual) !== JSON.stringify(expected)) mismatches.push(`${ndc}: ${JSON.stringify(actual)} != ${JSON.stringify(expected)}`);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it("keeps the 225 buprenorphine NDCs, all without a factor (the engine excludes them by ingredient)", () => {
    const lookup = makeNdcLookup(NDC_TABLE);
    const bup = sheet.filter((r) => r.cells[6] === "Buprenorphine");
    expect(bup.length).toBe(225);
    for (const r of bup) {
      const m = lookup(r.ndc);
      expect(m?.ingredient).toBe("buprenorphine");
      expect(m?.dataFileFactor).toBeNull();
    }
  });

  it("gives every non-buprenorphine NDC a factor", () => {
    expect(sheet.filter((r) => r.cells[6] !== "Buprenorphine" && typeof r.cells[11] !== "number")).toEqual([]);
  });
});
