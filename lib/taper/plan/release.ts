/**
 * Release-specific facts the ladder needs:
 * - an extended-release product keeps its labelled interval: "12 HR" products twice a day,
 *   "24 HR" products once a day; an ER product whose name gives no duration is treated as a
 *   12-hour product (never spaced to once a day on a guess). Methadone is long-acting by its
 *   half-life, not by its formulation: its tablets may be taken less often, down to once a day.
 * - at its lowest strength an ER product switches to the immediate-release tablets of the same
 *   opioid (VA PBM Academic Detailing "Opioid Taper Decision Tool", 2016: once the lowest
 *   long-acting dose is reached, continue the taper on a short-acting form; docs/clinical-sources.md
 *   "Taper plan") or stops; it is never spaced to once a day or every other day (issue 20).
 */
import type { OpioidProduct } from "@/lib/domain";
import { productFamily } from "@/lib/mme/catalog";
import { isMarketed } from "./marketed";

const RELEASE_HOURS = /\b(\d+) HR\b/i;

/** An ER/LA oral product whose interval the plan must keep (methadone excepted). */
export function keepsLabelledInterval(product: OpioidProduct): boolean {
  return product.release === "ER/LA" && product.ingredients[0]?.ingredient !== "methadone" && product.doseForm === "oral-solid";
}

/** Administrations a day the label gives an ER product: 1 for "24 HR", otherwise 2. */
export function labelledPerDay(product: OpioidProduct): number {
  return Number(RELEASE_HOURS.exec(product.name)?.[1]) === 24 ? 1 : 2;
}

/**
 * The immediate-release tablet (or capsule) family of the same opioid, marketed, as a
 * representative product: single-ingredient when one is marketed, otherwise combined with
 * acetaminophen (hydrocodone: every marketed immediate-release hydrocodone is a combination);
 * null when none is marketed.
 */
export function immediateReleaseOf(product: OpioidProduct): OpioidProduct | null {
  const ingredient = product.ingredients[0]?.ingredient;
  if (ingredient === undefined) return null;
  for (const others of [[], ["acetaminophen"]]) {
    const family = productFamily(ingredient, "oral-solid", "IR", others, null).filter((p) => isMarketed(p) && !/Disintegrating/i.test(p.doseFormName));
    const tablets = family.filter((p) => p.unit === "tablet");
    const pick = (tablets.length > 0 ? tablets : family).find((p) => !p.name.includes("[")) ?? tablets[0] ?? family[0];
    if (pick !== undefined) return pick;
  }
  return null;
}
