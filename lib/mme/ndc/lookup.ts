/** NDC forms and the lookup over an NDC table (see index.ts). */
import type { OpioidProduct } from "@/lib/domain";
import { readRow, type RowProduct } from "./product";
import type { NdcMatch, NdcTable, NdcTableProduct } from "./types";

/** The FHIR identifier system for NDC codes (one definition: lib/domain/code-systems). */
export { NDC_SYSTEM } from "@/lib/domain/code-systems";

const DIGITS = /^\d+$/;
const SEPARATORS = /[\s-]+/;

/** Padding of each dashed 10-digit layout to 5-4-2. */
const SEGMENT_WIDTHS = [5, 4, 2] as const;

function padSegments(parts: readonly string[]): string | null {
  if (parts.length !== 3 || !parts.every((p) => DIGITS.test(p))) return null;
  const lengths = parts.map((p) => p.length).join("-");
  if (!["5-4-2", "4-4-2", "5-3-2", "5-4-1"].includes(lengths)) return null;
  return parts.map((p, i) => p.padStart(SEGMENT_WIDTHS[i] ?? p.length, "0")).join("");
}

/**
 * The 11-digit (5-4-2, no dashes) forms an NDC as written may stand for: one for an 11-digit or
 * dashed code, up to three for an undashed 10-digit code, none for anything else.
 */
export function ndcCandidates(code: string): string[] {
  const trimmed = code.trim();
  if (trimmed.includes("-")) {
    const padded = padSegments(trimmed.split(SEPARATORS));
    return padded === null ? [] : [padded];
  }
  const digits = trimmed.replace(/\s+/g, "");
  if (!DIGITS.test(digits)) return [];
  if (digits.length === 11) return [digits];
  if (digits.length !== 10) return [];
  return [`0${digits}`, `${digits.slice(0, 5)}0${digits.slice(5)}`, `${digits.slice(0, 9)}0${digits.slice(9)}`];
}

function productName(row: NdcTableProduct): string {
  const strength = row.strengthPerUnit === null ? "" : ` ${row.strengthPerUnit} ${row.uom ?? ""}`.trimEnd();
  return `${row.productName} (${row.genericName})${strength} ${row.masterForm}`;
}

function toMatch(ndc: string, row: NdcTableProduct, read: RowProduct): NdcMatch {
  const base = { ndc, ingredient: read.ingredient, dataFileFactor: row.mmeConversionFactor, factorUnit: row.uom, row };
  if (read.ingredient === null) return { ...base, product: null, gap: "ndc.ingredient-not-supported" };
  if (read.strength === null) return { ...base, product: null, gap: "ndc.no-strength" };
  const product: OpioidProduct = {
    rxnorm: null,
    ndc,
    name: productName(row),
    ingredients: [read.strength],
    otherIngredients: read.otherIngredients,
    doseForm: read.form.doseForm,
    doseFormName: row.masterForm,
    release: row.longShortActing === "LA" ? "ER/LA" : "IR",
    unit: read.form.unit,
    source: "ndc-table",
  };
  return { ...base, product, gap: null };
}

export type NdcLookup = (code: string) => NdcMatch | null;

/**
 * A lookup over a table (the generated CDC 2018 table, or a test table). Builds its index once;
 * each call is a few map look-ups. Returns null for codes not in the table, malformed codes and
 * undashed 10-digit codes that match more than one product. Pure; never throws.
 */
export function makeNdcLookup(table: NdcTable): NdcLookup {
  const byNdc = new Map<string, NdcTableProduct>();
  for (const row of table.products) for (const ndc of row.ndcs) byNdc.set(ndc, row);
  const readCache = new Map<NdcTableProduct, RowProduct>();
  const readOnce = (row: NdcTableProduct): RowProduct => {
    const cached = readCache.get(row);
    if (cached !== undefined) return cached;
    const read = readRow(row);
    readCache.set(row, read);
    return read;
  };
  return (code) => {
    if (typeof code !== "string") return null;
    const hits = ndcCandidates(code).flatMap((ndc) => {
      const row = byNdc.get(ndc);
      return row === undefined ? [] : [{ ndc, row }];
    });
    const [first] = hits;
    if (first === undefined || hits.some((h) => h.row !== first.row)) return null;
    return toMatch(first.ndc, first.row, readOnce(first.row));
  };
}
