/** A factor table as the UI shows it: id, title, source, and one row per factor. */
import type { Citation, FactorKind, FactorTableId } from "@/lib/domain";
import { DATA_FILE_FACTORS, FACTOR_TABLES } from "./tables";
import type { FactorDefinition } from "./types";

export interface FactorRowDescription {
  label: string;
  /** e.g. "1.5 per mg/day", "4 (<= 20 mg/day), 8 (<= 40), 10 (<= 60), 12 (above)". */
  factorText: string;
  kind: FactorKind;
  citation: Citation;
  note: string | null;
}

export interface FactorTableDescription {
  id: FactorTableId;
  title: string;
  effectiveDate: string;
  citation: Citation;
  rows: FactorRowDescription[];
}

const UNIT_TEXT = { "mg/d": "per mg/day", "mcg/h": "per mcg/h", "mcg/d": "per mcg/day" } as const;

function factorText(def: FactorDefinition): string {
  if (def.rule.type === "single") return `${def.rule.factor} ${UNIT_TEXT[def.amountUnit]}`;
  let previous = 0;
  const parts = def.rule.tiers.map((t) => {
    const text = t.upToMgPerDay === null ? `${t.factor} (above ${previous} mg/day)` : `${t.factor} (above ${previous} up to ${t.upToMgPerDay} mg/day)`;
    previous = t.upToMgPerDay ?? previous;
    return text;
  });
  return parts.join(", ");
}

function row(def: FactorDefinition): FactorRowDescription {
  return { label: def.label, factorText: factorText(def), kind: def.kind, citation: def.citation, note: def.note ?? null };
}

/**
 * Describes a factor table for display: the clinical rows, then the data-file rows used for
 * opioids the clinical table lacks (flagged `data-file`).
 */
export function describeFactorTable(id: FactorTableId): FactorTableDescription {
  const table = FACTOR_TABLES[id];
  const clinical = Object.values(table.factors).map(row);
  const extra = Object.entries(DATA_FILE_FACTORS)
    .filter(([key]) => !(key in table.factors))
    .map(([, def]) => row(def));
  return { id, title: table.title, effectiveDate: table.effectiveDate, citation: table.citation, rows: [...clinical, ...extra] };
}
