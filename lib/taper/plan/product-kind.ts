/**
 * Which products the plan engine can build real doses for, and how.
 * - `oral`: tablets and capsules (IR or ER/LA), whole units only: no tablet is split or crushed
 *   (half tablets are out of scope: ER/LA tablets must never be split, and for IR tablets the
 *   scored strengths are not in the catalog);
 * - `liquid`: oral solutions, measured in `liquidStepMl` steps, same concentration throughout
 *   (switching concentrations is a known source of 10-fold errors);
 * - `patch`: fentanyl transdermal systems, combinations of the existing patch strengths.
 * Everything else (buccal/sublingual/nasal fentanyl, injections, multi-opioid products) is
 * not tapered by this tool and says why.
 */
import type { OpioidProduct } from "@/lib/domain";

export type ProductKind = "oral" | "liquid" | "patch";

export type TaperSupport = { kind: ProductKind } | { kind: "unsupported"; reason: string };

/** How the engine builds doses for a product, or why it cannot. */
export function tapersAs(product: OpioidProduct): TaperSupport {
  const ingredient = product.ingredients[0];
  if (product.ingredients.length !== 1 || ingredient === undefined) {
    return { kind: "unsupported", reason: "products with more than one opioid ingredient are not tapered by this tool" };
  }
  if (ingredient.ingredient === "buprenorphine") {
    return { kind: "unsupported", reason: "buprenorphine is never tapered by this tool" };
  }
  if (product.doseForm === "oral-solid" && ingredient.per === "unit" && ingredient.unit === "mg" && (product.unit === "tablet" || product.unit === "capsule")) {
    return { kind: "oral" };
  }
  if (product.doseForm === "oral-liquid" && ingredient.per === "mL" && ingredient.unit === "mg") return { kind: "liquid" };
  if (product.doseForm === "transdermal" && ingredient.ingredient === "fentanyl" && ingredient.per === "hour") return { kind: "patch" };
  return {
    kind: "unsupported",
    reason: `${product.doseFormName || product.doseForm} products cannot be built into taper steps by this tool`,
  };
}
