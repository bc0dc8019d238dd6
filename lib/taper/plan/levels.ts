/**
 * The doses that can be given in one administration of a product, made of real units:
 * whole tablets/capsules of the strengths that exist for the product family (catalog
 * `productFamily`, narrowed to the same unit and the same "12 HR"/"24 HR" release duration),
 * combinations of existing patch strengths, or measured volumes of the same oral liquid.
 * Each amount is built with the fewest units (a pharmacist's choice), up to a configured
 * number of units per administration (never fewer than the patient takes now).
 */
import type { OpioidProduct, RegimenItem } from "@/lib/domain";
import { formulationOf, productFamily } from "@/lib/mme/catalog";
import type { TaperEngineConfig } from "../config";
import type { ProductKind } from "./product-kind";

export interface UnitOption {
  rxnorm: string | null;
  display: string;
  /** mg per tablet/capsule; mcg/h per patch; mg per mL for liquids. */
  strength: number;
}

export interface LevelComponent {
  unit: UnitOption;
  /** Units per administration: tablets, patches, or mL for liquids. */
  count: number;
}

export interface Level {
  /** Amount per administration: mg (oral, liquid) or mcg/h worn (patch). */
  amount: number;
  components: LevelComponent[];
}

/** Amounts are compared in 1/1000 of their unit, which is exact for every catalog strength. */
const SCALE = 1000;
const scaled = (x: number): number => Math.round(x * SCALE);

/** Ascending levels from the smallest real dose up to the patient's current dose per administration. */
export function levelsFor(item: RegimenItem, kind: ProductKind, config: TaperEngineConfig): Level[] {
  const strength = item.product.ingredients[0]?.value ?? 0;
  const current: UnitOption = { rxnorm: item.product.rxnorm, display: item.product.name, strength };
  const startCount = kind === "patch" ? (item.patchesWorn ?? item.unitsPerAdministration) : item.unitsPerAdministration;
  const start: Level = { amount: startCount * strength, components: [{ unit: current, count: startCount }] };
  if (kind === "liquid") return liquidLevels(start, current, config.liquidStepMl);
  const units = familyUnits(item.product, current);
  const maxUnits = Math.max(kind === "patch" ? config.maxPatchesWorn : config.maxUnitsPerAdministration, Math.ceil(startCount));
  // Combination products (e.g. acetaminophen/oxycodone) never use more tablets than now, so the
  // non-opioid dose does not rise as the opioid falls.
  const unitCap = item.product.otherIngredients.length > 0 ? Math.max(1, Math.floor(startCount)) : maxUnits;
  const built = combinations(units, unitCap, start.amount);
  built.set(scaled(start.amount), built.get(scaled(start.amount)) ?? start);
  return mergeNearDuplicates([...built.values()].sort((a, b) => a.amount - b.amount), config.levelMergeFraction);
}

/**
 * Drops a level that is within `fraction` below a higher kept level: 50 + 12 mcg/h ("62",
 * really 62.5: the "12" patch delivers 12.5 mcg/h) next to a 62.5 patch, or 4.84 mg next to
 * 4.88 mg, are the same dose for the patient and would make a step that changes nothing.
 */
function mergeNearDuplicates(ascending: Level[], fraction: number): Level[] {
  const kept: Level[] = [];
  for (let i = ascending.length - 1; i >= 0; i--) {
    const level = ascending[i];
    const higher = kept[kept.length - 1];
    if (level === undefined) continue;
    if (higher !== undefined && level.amount >= higher.amount * (1 - fraction)) continue;
    kept.push(level);
  }
  return kept.reverse();
}

function liquidLevels(start: Level, unit: UnitOption, stepMl: number): Level[] {
  const startMl = start.components[0]?.count ?? 0;
  const levels: Level[] = [];
  for (let n = 1; n * stepMl < startMl - 1e-9; n++) {
    const ml = n * stepMl;
    levels.push({ amount: ml * unit.strength, components: [{ unit, count: ml }] });
  }
  levels.push(start);
  return levels;
}

/** Breadth-first over the number of units, so the first combination found for an amount uses the fewest units. */
function combinations(units: UnitOption[], maxUnits: number, maxAmount: number): Map<number, Level> {
  const found = new Map<number, Level>();
  let frontier: Level[] = [{ amount: 0, components: [] }];
  for (let n = 1; n <= maxUnits; n++) {
    const next: Level[] = [];
    for (const base of frontier) {
      for (const unit of units) {
        const amount = base.amount + unit.strength;
        const key = scaled(amount);
        if (key > scaled(maxAmount) || found.has(key)) continue;
        const level = { amount: key / SCALE, components: addUnit(base.components, unit) };
        found.set(key, level);
        next.push(level);
      }
    }
    frontier = next;
  }
  return found;
}

function addUnit(components: LevelComponent[], unit: UnitOption): LevelComponent[] {
  const existing = components.find((c) => c.unit.strength === unit.strength);
  const rest = components.filter((c) => c !== existing);
  return [...rest, { unit, count: (existing?.count ?? 0) + 1 }].sort((a, b) => b.unit.strength - a.unit.strength);
}

const RELEASE_DURATION = /\b(\d+) HR\b/i;

/**
 * Distinct strengths of the product's family with the same unit and release duration,
 * the generic (SCD) row preferred for display. The patient's own product is always one.
 */
export function familyUnits(product: OpioidProduct, current: UnitOption): UnitOption[] {
  const ingredient = product.ingredients[0];
  if (ingredient === undefined) return [current];
  const duration = RELEASE_DURATION.exec(product.name)?.[1] ?? null;
  const family = productFamily(ingredient.ingredient, product.doseForm, product.release, product.otherIngredients, formulationOf(product.name)).filter(
    (p) => p.unit === product.unit && (RELEASE_DURATION.exec(p.name)?.[1] ?? null) === duration,
  );
  const byStrength = new Map<number, UnitOption>([[scaled(current.strength), current]]);
  for (const p of family) {
    const strength = p.ingredients[0]?.value;
    if (strength === undefined || strength <= 0) continue;
    const key = scaled(strength);
    const existing = byStrength.get(key);
    if (existing === undefined || (existing !== current && existing.display.includes("[") && !p.name.includes("["))) {
      byStrength.set(key, { rxnorm: p.rxnorm, display: p.name, strength });
    }
  }
  return [...byStrength.values()].sort((a, b) => a.strength - b.strength);
}
