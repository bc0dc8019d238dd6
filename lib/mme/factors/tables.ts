/**
 * MME conversion factors as versioned data, each with its citation
 * (docs/clinical-sources.md section 2).
 *
 * - `cdc-2022` (default): CDC Clinical Practice Guideline for Prescribing Opioids for Pain,
 *   2022, MME conversion table (read in the public-comment draft p.203 and in the CDC MME
 *   IG CodeSystem v3.0.0): hydromorphone 5, methadone 4.7 (single factor), tramadol 0.2,
 *   tapentadol 0.4, fentanyl patch 2.4 per mcg/h.
 * - `cdc-2016`: the 2016 clinical table ("Calculating Total Daily Dose of Opioids for Safer
 *   Dosage"): hydromorphone 4, methadone tiered 4/8/10/12, no tramadol/tapentadol.
 * - Opioids absent from the clinical table use the CDC 2018 data-file factor (research use),
 *   marked `kind: "data-file"` and flagged to the clinician.
 *
 * Deliberately NOT copied from the CDC IG CQL: the 0.0576 fallback fentanyl factor (nonsense
 * for non-patch forms), the 0.33333333 patch truncation, the integer methadone tiers that leave
 * 20.5 mg/day without a factor, and buprenorphine 12.6/30 (buprenorphine is never summed).
 */
import type { Citation, FactorTableId } from "@/lib/domain";
import type { FactorDefinition, FactorKey, FactorTable } from "./types";

const CDC_2022: Citation = {
  source: "CDC 2022",
  section: "Clinical Practice Guideline for Prescribing Opioids for Pain, MME conversion factor table (MMWR Recomm Rep 2022;71(RR-3))",
  url: "https://www.cdc.gov/mmwr/volumes/71/rr/rr7103a1.htm",
};
const CDC_2016: Citation = {
  source: "CDC 2016",
  section: "Calculating Total Daily Dose of Opioids for Safer Dosage (clinical table), as reproduced in the CDC MME IG ConversionFactors.cql",
  url: "https://www.cdc.gov/drugoverdose/pdf/calculating_total_daily_dose-a.pdf",
};
const CDC_DATA_FILE_2018: Citation = {
  source: "CDC data file 2018",
  section: "CDC Oral Morphine Milligram Equivalents, Sept 2018, Summary Table (research use)",
};

function single(label: string, factor: number, citation: Citation, note?: string): FactorDefinition {
  const def: FactorDefinition = { label, amountUnit: "mg/d", rule: { type: "single", factor }, kind: "clinical", citation };
  return note === undefined ? def : { ...def, note };
}

const FENTANYL_PATCH = (citation: Citation): FactorDefinition => ({
  label: "Fentanyl transdermal (per mcg/h, all patches worn at once)",
  amountUnit: "mcg/h",
  rule: { type: "single", factor: 2.4 },
  kind: "clinical",
  citation,
  note: "25 mcg/h x 24 h = 0.6 mg/day parenteral = 60 mg oral morphine; the change interval does not alter the MME.",
});

const TRAMADOL_TAPENTADOL_NOTE =
  "CDC 2022: also a norepinephrine (tapentadol) or serotonin and norepinephrine (tramadol) reuptake inhibitor; unclear whether overdose risk rises with dose as for pure mu-agonists.";

const shared = (c: Citation): Partial<Record<FactorKey, FactorDefinition>> => ({
  codeine: single("Codeine", 0.15, c),
  hydrocodone: single("Hydrocodone", 1, c),
  morphine: single("Morphine", 1, c),
  oxycodone: single("Oxycodone", 1.5, c),
  oxymorphone: single("Oxymorphone", 3, c),
  "fentanyl-transdermal": FENTANYL_PATCH(c),
});

export const CDC_2022_TABLE: FactorTable = {
  id: "cdc-2022",
  title: "CDC 2022 clinical conversion factors",
  effectiveDate: "2022-11-04",
  citation: CDC_2022,
  factors: {
    ...shared(CDC_2022),
    hydromorphone: single("Hydromorphone", 5, CDC_2022),
    methadone: single("Methadone (any daily dose)", 4.7, CDC_2022, "CDC 2022: extra caution with methadone (long, variable half-life)."),
    tapentadol: single("Tapentadol", 0.4, CDC_2022, TRAMADOL_TAPENTADOL_NOTE),
    tramadol: single("Tramadol", 0.2, CDC_2022, TRAMADOL_TAPENTADOL_NOTE),
  },
};

/**
 * Methadone, CDC 2016: 1-20 mg/day x4, 21-40 x8, 41-60 x10, 61-80 x12. The printed rows are
 * integer ranges with gaps (20.5 mg/day matches none: the CDC CQL then returns no factor).
 * Doses are continuous, so the rows are read as half-open intervals on the daily dose:
 * (0, 20] -> 4, (20, 40] -> 8, (40, 60] -> 10, (60, inf) -> 12. Every integer dose keeps the
 * printed factor (20 -> 4, 21 -> 8) and no dose is left without one (20.5 -> 8, the higher
 * row, never the lower). Above 80 mg/day the table stops; 12 is extended and flagged.
 */
export const METHADONE_2016_TIERS = [
  { upToMgPerDay: 20, factor: 4 },
  { upToMgPerDay: 40, factor: 8 },
  { upToMgPerDay: 60, factor: 10 },
  { upToMgPerDay: null, factor: 12 },
] as const;

export const CDC_2016_TABLE: FactorTable = {
  id: "cdc-2016",
  title: "CDC 2016 clinical conversion factors",
  effectiveDate: "2016-03-18",
  citation: CDC_2016,
  factors: {
    ...shared(CDC_2016),
    hydromorphone: single("Hydromorphone", 4, CDC_2016),
    methadone: {
      label: "Methadone (tiered on the total daily dose)",
      amountUnit: "mg/d",
      rule: { type: "tiered", tiers: METHADONE_2016_TIERS, tableEndsAtMgPerDay: 80 },
      kind: "clinical",
      citation: CDC_2016,
    },
  },
};

function dataFile(label: string, factor: number, amountUnit: FactorDefinition["amountUnit"] = "mg/d"): FactorDefinition {
  return { label, amountUnit, rule: { type: "single", factor }, kind: "data-file", citation: CDC_DATA_FILE_2018 };
}

/**
 * Factors found only in the CDC 2018 data file (used when the clinical table has none).
 * Fentanyl per-mcg factors apply to the mcg of fentanyl taken per day.
 */
export const DATA_FILE_FACTORS: Partial<Record<FactorKey, FactorDefinition>> = {
  meperidine: dataFile("Meperidine", 0.1),
  levorphanol: dataFile("Levorphanol", 11),
  levomethadyl: dataFile("Levomethadyl acetate", 8),
  pentazocine: dataFile("Pentazocine", 0.37),
  butorphanol: dataFile("Butorphanol", 7),
  dihydrocodeine: dataFile("Dihydrocodeine", 0.25),
  opium: dataFile("Opium", 1),
  tapentadol: dataFile("Tapentadol", 0.4),
  tramadol: dataFile("Tramadol", 0.1),
  "fentanyl-buccal-sublingual-tablet-lozenge": dataFile("Fentanyl buccal/sublingual tablet or lozenge (per mcg)", 0.13, "mcg/d"),
  "fentanyl-film-oral-spray": dataFile("Fentanyl buccal film or oral spray (per mcg)", 0.18, "mcg/d"),
  "fentanyl-nasal-spray": dataFile("Fentanyl nasal spray (per mcg)", 0.16, "mcg/d"),
};

export const FACTOR_TABLES: Readonly<Record<FactorTableId, FactorTable>> = {
  "cdc-2022": CDC_2022_TABLE,
  "cdc-2016": CDC_2016_TABLE,
};

export const DEFAULT_FACTOR_TABLE_ID: FactorTableId = "cdc-2022";
