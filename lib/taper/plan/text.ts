/** Plain-language dose and schedule text: "oxycodone 10 mg (1 x 10 mg tablet) every 8 hours". */
import type { OpioidProduct } from "@/lib/domain";
import { fmt } from "../format";
import type { DoseGroup } from "./ladder";
import type { ProductKind } from "./product-kind";

/** "oxycodone", "acetaminophen/hydrocodone", "morphine ER", "fentanyl patch". */
export function productLabel(product: OpioidProduct, kind: ProductKind): string {
  const opioid = product.ingredients[0]?.ingredient ?? product.name;
  const others = product.otherIngredients;
  const base = others.length > 0 ? `${opioid}/${others.join("/")}` : opioid;
  if (kind === "patch") return `${base} patch`;
  if (kind === "liquid") return `${base} oral liquid`;
  return product.release === "ER/LA" && product.ingredients[0]?.ingredient !== "methadone" ? `${base} ER` : base;
}

/** "every 8 hours", "once a day", "every other day", "every 72 hours". */
export function frequencyText(perDay: number): string {
  if (perDay === 1) return "once a day";
  if (perDay === 0.5) return "every other day";
  const hours = 24 / perDay;
  return `every ${fmt(hours)} hours`;
}

/** Schedule text of one dose group; `split` when the day's doses are divided between two real doses. */
export function groupText(label: string, kind: ProductKind, group: DoseGroup, totalPerDay: number, split: boolean): string {
  const units = group.level.components
    .map((c) => (kind === "liquid" ? `${fmt(c.count, 2)} mL of ${fmt(c.unit.strength, 2)} mg/mL` : `${fmt(c.count, 2)} x ${fmt(c.unit.strength, 2)} ${kind === "patch" ? "mcg/h patch" : "mg"}`))
    .join(" + ");
  const frequency = frequencyText(totalPerDay);
  if (kind === "patch") return `${label} ${fmt(group.level.amount, 2)} mcg/h (${units}), changed ${frequency}`;
  const dose = `${label} ${fmt(group.level.amount, 2)} mg (${units})`;
  return split ? `${dose} for ${fmt(group.perDay)} of the ${fmt(totalPerDay)} doses a day, ${frequency}` : `${dose} ${frequency}`;
}
