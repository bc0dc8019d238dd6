/**
 * A dose Quantity -> an amount of the product: countable units (tablets, patches, sprays...),
 * mL of a solution, or, for a dose written as a mass, the opioid mass (kept exact) with its
 * equivalent in product units. The only unit reading is `readQuantityUnit` (lib/mme/units).
 *
 * Conventions (CDC MME IG, OMTKLogic.GetDailyDose): a dose in mg/mcg is the amount of the
 * opioid ingredient, even for a combination tablet; a dose with no unit at all is one unit of
 * the product (the public sandbox's Synthea data), flagged.
 */
import type { OpioidProduct, ProductUnit } from "@/lib/domain";
import type { QuantityView } from "@/lib/mme/read/json";
import { assume, fail, num, ok, type Notes, type Step } from "@/lib/mme/notes";
import { readQuantityUnit, type DoseUnit } from "@/lib/mme/units";

export interface DoseAmount {
  /** Product units (tablet, capsule, patch, spray, film, lozenge, or mL for solutions). */
  units: number;
  /** The opioid mass in mg when the dose was written as a mass; null otherwise. */
  massMg: number | null;
}

/** Which written count units fit which product unit ("each"/"1" fits any countable product). */
const COUNTS_FITTING: Readonly<Record<ProductUnit, readonly ProductUnit[]>> = {
  tablet: ["tablet", "capsule", "unit"],
  capsule: ["tablet", "capsule", "unit"],
  patch: ["patch", "unit"],
  film: ["film", "unit"],
  spray: ["spray", "unit"],
  lozenge: ["lozenge", "tablet", "unit"],
  unit: ["tablet", "capsule", "patch", "film", "spray", "lozenge", "unit"],
  mL: [],
};

const UNIT_WORD: Readonly<Record<ProductUnit, string>> = {
  tablet: "tablet", capsule: "capsule", patch: "patch", film: "film", spray: "spray", lozenge: "lozenge", unit: "unit", mL: "mL",
};

/** The single opioid strength of a product, or null for multi-opioid products. */
function singleStrength(product: OpioidProduct) {
  return product.ingredients.length === 1 ? (product.ingredients[0] ?? null) : null;
}

/** A dose Quantity as the engine reads it (from JSON, or built from the sig text). */
export type DoseQuantity = Pick<QuantityView, "unit" | "code"> & { value: number | null; invalid?: boolean };

function writtenOf(q: DoseQuantity, value: number): string {
  return `${num(value)} ${q.unit ?? q.code ?? ""}`.trim();
}

/** Counts of a product's units a mass dose may stand for when it is read as the other ingredient's amount. */
const PLAUSIBLE_COUNTS = [0.5, 1, 1.5, 2, 3, 4] as const;
const MG_IN_NAME = /(\d+(?:\.\d+)?)(?:\s*-\s*(\d+(?:\.\d+)?))?\s*MG\b/gi;

/** The mg strengths a combination product's name states besides its opioid's ("300-30 MG", "acetaminophen 325 MG / ..."). */
function otherStrengthsMg(product: OpioidProduct, opioidMg: number): number[] {
  const out: number[] = [];
  for (const m of product.name.matchAll(MG_IN_NAME)) {
    for (const text of [m[1], m[2]]) {
      const v = text === undefined ? NaN : Number(text);
      if (Number.isFinite(v) && v > 0 && Math.abs(v - opioidMg) > 1e-9 * Math.max(v, opioidMg)) out.push(v);
    }
  }
  return out;
}

/**
 * A mass dose of a combination product that is also a plausible count of units by the other
 * ingredient's strength (300 mg of acetaminophen/codeine 300/30: 1 tablet of acetaminophen, or
 * 10 tablets of codeine) cannot be told apart: the sentence saying so, or null.
 */
function ambiguousMass(product: OpioidProduct, mg: number, opioidMg: number, written: string): string | null {
  if (product.otherIngredients.length === 0) return null;
  for (const other of otherStrengthsMg(product, opioidMg)) {
    const count = PLAUSIBLE_COUNTS.find((k) => Math.abs(mg - k * other) <= 1e-6 * mg);
    if (count === undefined) continue;
    const unit = UNIT_WORD[product.unit];
    return `The dose ${written} could be the ${product.otherIngredients.join("/")} amount of ${num(count)} ${unit}${count === 1 ? "" : "s"} (${num(other)} mg each) or the opioid amount of ${num(mg / opioidMg)} ${unit}s: it cannot be told which.`;
  }
  return null;
}

function fromMass(product: OpioidProduct, mg: number, q: DoseQuantity, value: number, notes: Notes): Step<DoseAmount> {
  const s = singleStrength(product);
  if (s === null || s.per === "hour") {
    return fail("mme.unknown-dose-unit", `A dose of ${writtenOf(q, value)} cannot be read for ${product.name}: the mass of which ingredient, or of how many patches, is not stated.`);
  }
  const strengthMg = s.unit === "mg" ? s.value : s.value / 1000;
  const ambiguous = ambiguousMass(product, mg, strengthMg, writtenOf(q, value));
  if (ambiguous !== null) return fail("mme.conflicting-dose", ambiguous);
  if (product.otherIngredients.length > 0) {
    const per = s.per === "mL" ? "mL" : UNIT_WORD[product.unit];
    assume(notes, "mme.assume.mass-is-opioid", `The dose ${writtenOf(q, value)} is read as the amount of ${s.ingredient} (CDC MME IG convention), not of ${product.otherIngredients.join("/")}; each ${per} holds ${num(strengthMg)} mg ${s.ingredient}.`);
  }
  return ok({ units: mg / strengthMg, massMg: mg });
}

function fromUnit(product: OpioidProduct, q: DoseQuantity, value: number, unit: DoseUnit, notes: Notes): Step<DoseAmount> {
  const unitWord = UNIT_WORD[product.unit];
  switch (unit.kind) {
    case "count":
      return COUNTS_FITTING[product.unit].includes(unit.unit)
        ? ok({ units: value, massMg: null })
        : fail("mme.unknown-dose-unit", `The dose is written in ${writtenOf(q, value)} but ${product.name} is dosed in ${unitWord}s.`);
    case "volume":
      return product.unit === "mL"
        ? ok({ units: value * unit.mlPerUnit, massMg: null })
        : fail("mme.unknown-dose-unit", `The dose is a volume (${writtenOf(q, value)}) but ${product.name} is not a liquid.`);
    case "mass":
      return fromMass(product, value * unit.mgPerUnit, q, value, notes);
    case "rate": {
      const s = singleStrength(product);
      if (product.doseForm !== "transdermal" || s === null || s.per !== "hour") {
        return fail("mme.unknown-dose-unit", `The dose is a rate (${writtenOf(q, value)}) but ${product.name} is not a patch.`);
      }
      return ok({ units: (value * unit.mcgPerHourPerUnit) / s.value, massMg: null });
    }
  }
}

/**
 * Reads a dose Quantity for a product. `what` names it in sentences ("dose", "maximum dose").
 * Fails with `mme.missing-dose` (no value), `mme.invalid-value` (zero, negative, not finite)
 * or `mme.unknown-dose-unit`.
 */
export function readDoseQuantity(product: OpioidProduct, q: DoseQuantity, notes: Notes, what = "dose"): Step<DoseAmount> {
  const value = q.value;
  if (q.invalid === true) return fail("mme.invalid-value", `The ${what} value is not a number.`);
  if (value === null) return fail("mme.missing-dose", `The ${what} has a unit but no value.`);
  if (!Number.isFinite(value) || value <= 0) return fail("mme.invalid-value", `The ${what} value ${String(value)} is not a positive number.`);
  const reading = readQuantityUnit(q);
  if (reading.kind === "unknown") {
    return fail("mme.unknown-dose-unit", `The ${what} unit "${reading.text}" is not one this calculator reads; it was not guessed.`);
  }
  if (reading.kind === "none") {
    const unitWord = UNIT_WORD[product.unit];
    assume(notes, "mme.assume.unitless-dose", `The ${what} (${num(value)}) has no unit: read as ${num(value)} ${unitWord}${value === 1 ? "" : "s"} of ${product.name}.`);
    return ok({ units: value, massMg: null });
  }
  return fromUnit(product, q, value, reading.unit, notes);
}
