/**
 * The doses that can be given in one administration of a product, made of real units:
 * whole tablets/capsules of the marketed strengths of the product family (catalog
 * `productFamily`, same unit, same "12 HR"/"24 HR" release duration, kept only when the CDC NDC
 * compilation lists the strength: marketed.ts), combinations of marketed patch strengths, or
 * measured volumes of the same oral liquid. Each amount is built with the fewest units (a
 * pharmacist's choice), up to a configured number of units per administration.
 * The patient's own product is a unit of the starting dose only: a strength the compilation
 * does not list is never used to build a later dose.
 */
import type { OpioidProduct, RegimenItem } from "@/lib/domain";
import { formulationOf, productFamily } from "@/lib/mme/catalog";
import type { TaperEngineConfig } from "../config";
import { isMarketed } from "./marketed";
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

/** The patient's current dose per administration, as a level of the current product. */
export function startLevel(item: RegimenItem, kind: ProductKind): Level {
  const units = item.startUnits ?? [{ product: item.product, count: kind === "patch" ? (item.patchesWorn ?? item.unitsPerAdministration) : item.unitsPerAdministration }];
  const components = units
    .map((u): LevelComponent => ({ unit: { rxnorm: u.product.rxnorm, display: u.product.name, strength: u.product.ingredients[0]?.value ?? 0 }, count: u.count }))
    .sort((a, b) => b.unit.strength - a.unit.strength);
  return { amount: components.reduce((sum, c) => sum + c.count * c.unit.strength, 0), components };
}

/**
 * Ascending levels up to `maxAmount` (included when `inclusive`) made of the product family's
 * marketed units, with at most `maxUnits` units per administration. Near-duplicates are merged.
 */
export function levelsBelow(product: OpioidProduct, kind: ProductKind, maxAmount: number, maxUnits: number, config: TaperEngineConfig, inclusive = false): Level[] {
  const within = (amount: number): boolean => (inclusive ? scaled(amount) <= scaled(maxAmount) : scaled(amount) < scaled(maxAmount));
  if (kind === "liquid") return liquidLevels(product, maxAmount, config.liquidStepMl).filter((l) => within(l.amount));
  const units = marketedUnits(product);
  const built = [...combinations(units, maxUnits, maxAmount).values()].filter((l) => within(l.amount));
  return mergeNearDuplicates(built.sort((a, b) => a.amount - b.amount), config.levelMergeFraction);
}

/** Most units per administration for an item: the configured maximum, never fewer than now; combination products never more than now. */
export function unitCapFor(item: RegimenItem, kind: ProductKind, config: TaperEngineConfig): number {
  const now = startLevel(item, kind).components.reduce((n, c) => n + c.count, 0);
  const max = Math.max(kind === "patch" ? config.maxPatchesWorn : config.maxUnitsPerAdministration, Math.ceil(now));
  // Combination products (e.g. acetaminophen/oxycodone) never use more tablets than now, so the
  // non-opioid dose does not rise as the opioid falls.
  return item.product.otherIngredients.length > 0 ? Math.max(1, Math.floor(now)) : max;
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

/** Volumes in `stepMl` steps of the same concentration (never another concentration: 10-fold errors). */
function liquidLevels(product: OpioidProduct, maxAmount: number, stepMl: number): Level[] {
  if (!isMarketed(product)) return [];
  const strength = product.ingredients[0]?.value ?? 0;
  const unit: UnitOption = { rxnorm: product.rxnorm, display: product.name, strength };
  const levels: Level[] = [];
  for (let n = 1; n * stepMl * strength <= maxAmount + 1e-9; n++) {
    const ml = n * stepMl;
    levels.push({ amount: ml * strength, components: [{ unit, count: ml }] });
  }
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
 * Distinct marketed strengths of the product's family with the same unit and release
 * duration, the generic (SCD) row preferred for display. Ascending.
 */
export function marketedUnits(product: OpioidProduct): UnitOption[] {
  const ingredient = product.ingredients[0];
  if (ingredient === undefined) return [];
  const duration = RELEASE_DURATION.exec(product.name)?.[1] ?? null;
  const family = productFamily(ingredient.ingredient, product.doseForm, product.release, product.otherIngredients, formulationOf(product.name)).filter(
    (p) => p.unit === product.unit && (RELEASE_DURATION.exec(p.name)?.[1] ?? null) === duration && isMarketed(p),
  );
  // per strength: a generic (SCD) name before a brand, and for a combination product the same
  // non-opioid amount as the patient's product (10/325 stays 10/325, never 10/300)
  const rank = (name: string): number => (name.includes("[") ? 2 : 0) + (otherAmounts(name) === otherAmounts(product.name) ? 0 : 1);
  const byStrength = new Map<number, UnitOption>();
  for (const p of family) {
    const strength = p.ingredients[0]?.value;
    if (strength === undefined || strength <= 0) continue;
    const key = scaled(strength);
    const existing = byStrength.get(key);
    if (existing === undefined || rank(p.name) < rank(existing.display)) byStrength.set(key, { rxnorm: p.rxnorm, display: p.name, strength });
  }
  return [...byStrength.values()].sort((a, b) => a.strength - b.strength);
}

/** The amounts of a name's non-opioid ingredients ("acetaminophen 325 MG / ..." -> "325"). */
function otherAmounts(name: string): string {
  return [...name.matchAll(/(acetaminophen|ibuprofen|aspirin|celecoxib)\s+(\d+(?:\.\d+)?)\s*MG/gi)].map((m) => m[2]).join("/");
}
