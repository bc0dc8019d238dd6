/**
 * Plausibility bounds (issue 13 item 2): an order whose reading falls outside them is "needs
 * review" (not computable, `mme.implausible`) with the reason, never counted. They are data-
 * quality limits, not clinical thresholds: wide enough that real prescriptions pass, narrow
 * enough to catch the errors seen in EHR data (a dose in mcg for a mg product or the reverse,
 * thousands of tablets per dose, a mass dose written in the acetaminophen amount of a combination
 * tablet: 325 mg of a 5/325 tablet read as 65 tablets, a patch rate in mg/h read as mcg/h).
 * Source and rationale per bound: docs/clinical-sources.md, "Plausibility bounds" (product
 * decision, checked against the labelled doses of the opioids in data/rxnorm-opioids.tsv).
 */
import type { ProductUnit } from "@/lib/domain";

export interface UnitBounds {
  /** Fewest product units per administration (a quarter tablet; 0.1 mL of a concentrate). */
  min: number;
  /** Most product units per administration. */
  max: number;
}

/**
 * Product units per administration. Tablets/capsules: up to 10 (methadone 5 mg tablets at 40 mg
 * a dose is 8; an opioid label's usual maximum is 1-2); mL: 0.1 to 60 (oxycodone 1 mg/mL at
 * 30 mg is 30 mL); patches worn at once: up to 6 (fentanyl 300 mcg/h as 3 x 100 needs 3); sprays,
 * films, lozenges: up to 4 per administration (fentanyl nasal: 1 spray in each nostril is 2).
 */
export const UNITS_PER_ADMINISTRATION: Readonly<Record<ProductUnit, UnitBounds>> = {
  tablet: { min: 0.25, max: 10 },
  capsule: { min: 1, max: 10 },
  mL: { min: 0.1, max: 60 },
  patch: { min: 0.5, max: 6 },
  spray: { min: 1, max: 4 },
  film: { min: 0.5, max: 4 },
  lozenge: { min: 1, max: 4 },
  unit: { min: 0.5, max: 4 },
};

/** Most administrations a day: every hour (an outpatient opioid order more frequent than hourly is a data error). */
export const MAX_ADMINISTRATIONS_PER_DAY = 24;

/** Fewest administrations a day that still make a daily dose: once a month (1/31). */
export const MIN_ADMINISTRATIONS_PER_DAY = 1 / 31;

/**
 * Transdermal fentanyl rate per patch, mcg/h: the marketed strengths are 12 to 100 mcg/h
 * (data/rxnorm-opioids.tsv); a rate outside 5-200 is a unit error (mg/h read as mcg/h or the reverse).
 */
export const PATCH_MCG_PER_HOUR = { min: 5, max: 200 } as const;

/**
 * Most MME a day from one order. High-dose palliative regimens reach a few thousand MME a day;
 * above 5,000 from a single order, a unit error is far more likely than a real order.
 */
export const MAX_ORDER_MME_PER_DAY = 5000;

/**
 * Relative difference under which two readings of the same fact agree (a dose in mg and in
 * tablets, 3 a day from "tid" and from "every 8 hours"): 2 %, the rounding of labelled salt
 * strengths (e.g. 4.8355 mg oxycodone HCl written "5 mg").
 */
export const READING_TOLERANCE = 0.02;

/**
 * A fill that supplies more per day than the order allows, beyond this share, disagrees with the
 * order (25 %: pharmacies round quantities up to whole packs; a larger excess means the quantity
 * and the sig describe different doses).
 */
export const DISPENSE_EXCESS_TOLERANCE = 0.25;

/** True when two positive numbers agree within READING_TOLERANCE. */
export function agreeWithin(a: number, b: number): boolean {
  return Math.abs(a - b) <= READING_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}
