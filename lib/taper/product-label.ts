/**
 * A short label for a dispensable product, e.g. "oxycodone ER 30 mg tablet", built from the
 * catalog (ingredient, strength, release, unit) for the Plan screen's dispense list and the handout;
 * the full RxNorm name stays available as the element's title. Falls back to the given display.
 * (It read the catalog from app/ before: issue 14.5 keeps catalog knowledge in the engines.)
 */
import { productByRxnorm } from "@/lib/mme/catalog";

export function shortProductLabel(rxnorm: string | null, display: string): string {
  const p = rxnorm ? productByRxnorm(rxnorm) : null;
  const s = p?.ingredients[0];
  if (!p || !s || p.ingredients.length !== 1) return display;
  const strength = s.per === "hour" ? `${s.value} mcg/h` : s.per === "mL" ? `${s.value} ${s.unit}/mL` : `${s.value} ${s.unit}`;
  const others = p.otherIngredients.length > 0 ? `${p.otherIngredients.join("/")}/` : "";
  return `${others}${s.ingredient}${p.release === "ER/LA" && p.unit !== "patch" && s.ingredient !== "methadone" ? " ER" : ""} ${strength} ${p.unit === "mL" ? "solution" : p.unit}`;
}
