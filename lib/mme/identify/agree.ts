/**
 * Do the product readings of an order agree? (issue 13 item 1; anti-pattern 11 "first coding
 * wins" is not repeated.) Every reading that names an opioid must name the same opioid
 * ingredients; every reading that states a strength must state the same strength (within
 * SAME_STRENGTH, the rounding of salt strengths); stated dose-form families must match; no
 * reading may name naloxone or another specific drug instead. Agreement -> the product (from the
 * most specific source: RxNorm catalog, NDC table, Medication resource, name) and the readings
 * that confirmed it. Disagreement -> a conflict whose message shows both readings.
 */
import type { DoseFormFamily, IngredientStrength, OpioidIngredient, OpioidProduct, ValueSource } from "@/lib/domain";
import type { ProductClaim, ProductReading } from "./readings";

/** Relative difference under which two strengths are the same product (salt strengths are rounded in names). */
export const SAME_STRENGTH = 0.02;

export type Identity =
  | {
      kind: "opioid";
      name: string;
      ingredients: OpioidIngredient[];
      /** null when no reading states the strength. */
      product: OpioidProduct | null;
      doseForm: DoseFormFamily | null;
      source: ValueSource | null;
      readings: ProductReading[];
      /** Remarks shown to the clinician (a name whose strength could not be read, a release that differs...). */
      remarks: string[];
    }
  | { kind: "conflict"; name: string; ingredients: OpioidIngredient[]; message: string; readings: ProductReading[] }
  | { kind: "naloxone"; name: string; readings: ProductReading[] }
  | { kind: "not-opioid"; name: string; message: string; readings: ProductReading[] }
  | { kind: "unidentified"; name: string; message: string; readings: ProductReading[] };

type OpioidClaim = Extract<ProductClaim, { kind: "opioid" }>;
interface OpioidReading extends ProductReading {
  claim: OpioidClaim;
}

const SOURCE_RANK: Readonly<Record<ValueSource, number>> = {
  "rxnorm-catalog": 0, "ndc-table": 1, "medication-resource": 2, "name-parse": 3,
  structured: 9, "timing-code": 9, "sig-text": 9, "dispense-estimate": 9,
};

/** Coarse form families: readings in different families describe different products (and factors). */
function family(form: DoseFormFamily): string {
  return form === "buccal" || form === "sublingual" || form === "oral-transmucosal" ? "transmucosal" : form;
}

function mgOf(s: IngredientStrength): number {
  return s.unit === "mg" ? s.value : s.value / 1000;
}

export function sameStrengths(a: readonly IngredientStrength[], b: readonly IngredientStrength[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x) => b.some((y) => y.ingredient === x.ingredient && y.per === x.per && Math.abs(mgOf(x) - mgOf(y)) <= SAME_STRENGTH * Math.max(mgOf(x), mgOf(y))));
}

export function describeStrengths(p: OpioidProduct): string {
  return p.ingredients
    .map((s) => `${s.ingredient} ${Math.round(s.value * 10000) / 10000} ${s.unit}${s.per === "unit" ? ` per ${p.unit}` : s.per === "mL" ? "/mL" : "/h"}`)
    .join(" + ");
}

function isOpioid(r: ProductReading): r is OpioidReading {
  return r.claim.kind === "opioid";
}

function ingredientKey(r: OpioidReading): string {
  return r.claim.key;
}

function conflict(name: string, ingredients: OpioidIngredient[], readings: ProductReading[], message: string): Identity {
  return { kind: "conflict", name, ingredients, message, readings };
}

/** The first disagreement among opioid readings, in words; null when they agree. */
function disagreement(opioids: readonly OpioidReading[], all: readonly ProductReading[]): string | null {
  const [first] = opioids;
  if (first === undefined) return null;
  const other = opioids.find((r) => ingredientKey(r) !== ingredientKey(first));
  if (other !== undefined) return `${first.where} names ${first.claim.ingredients.join(" + ")} but ${other.where} names ${other.claim.ingredients.join(" + ")}.`;
  const naloxone = all.find((r) => r.claim.kind === "naloxone");
  if (naloxone !== undefined) return `${first.where} names ${first.claim.ingredients.join(" + ")} but ${naloxone.where} names naloxone.`;
  const foreign = all.find((r) => (r.claim.kind === "other" && r.claim.strengthStated) || r.claim.kind === "unsupported-opioid");
  if (foreign !== undefined) return `${first.where} names ${first.claim.ingredients.join(" + ")} but ${foreign.where} names another drug.`;
  const withProduct = opioids.filter((r) => r.claim.product !== null);
  const [base] = withProduct;
  for (const r of withProduct) {
    if (base === undefined || base.claim.product === null || r.claim.product === null) continue;
    if (!sameStrengths(base.claim.product.ingredients, r.claim.product.ingredients)) {
      return `${base.where} says ${describeStrengths(base.claim.product)} but ${r.where} says ${describeStrengths(r.claim.product)}.`;
    }
  }
  const formed = opioids.filter((r) => r.claim.formStated && r.claim.doseForm !== null);
  const [formBase] = formed;
  const formOther = formed.find((r) => formBase?.claim.doseForm != null && r.claim.doseForm != null && family(r.claim.doseForm) !== family(formBase.claim.doseForm));
  if (formBase !== undefined && formOther !== undefined) return `${formBase.where} is a ${formBase.claim.doseForm} product but ${formOther.where} is a ${formOther.claim.doseForm} product.`;
  return null;
}

function opioidIdentity(name: string, opioids: OpioidReading[], all: ProductReading[]): Identity {
  const ranked = [...opioids].sort((a, b) => SOURCE_RANK[a.source] - SOURCE_RANK[b.source]);
  const chosen = ranked.find((r) => r.claim.product !== null) ?? ranked[0];
  const ingredients = chosen?.claim.ingredients ?? [];
  const product = chosen?.claim.product ?? null;
  const remarks: string[] = [];
  for (const r of all) if (r.claim.kind === "opioid" && r.claim.note !== null && (product === null || r !== chosen)) remarks.push(`${r.where}: ${r.claim.note}.`);
  return {
    kind: "opioid",
    name: product?.name ?? name,
    ingredients,
    product,
    doseForm: product?.doseForm ?? chosen?.claim.doseForm ?? null,
    source: chosen?.source ?? null,
    readings: all,
    remarks,
  };
}

/**
 * The identity of an order from all its product readings. `name` labels it in sentences;
 * `named` says whether the order carries any name at all (a code alone, unknown to the catalog,
 * may be an opioid: unidentified, never "not an opioid").
 */
export function agree(readings: ProductReading[], name: string, named: boolean): Identity {
  const opioids = readings.filter(isOpioid);
  if (opioids.length > 0) {
    const problem = disagreement(opioids, readings);
    if (problem !== null) return conflict(name, opioids[0]?.claim.ingredients ?? [], readings, `The order's product readings disagree: ${problem}`);
    return opioidIdentity(name, opioids, readings);
  }
  const unsupported = readings.find((r) => r.claim.kind === "unsupported-opioid");
  if (unsupported?.claim.kind === "unsupported-opioid") return { kind: "unidentified", name, message: `${unsupported.where} is ${unsupported.claim.name}, an opioid this calculator has no factor for.`, readings };
  if (readings.some((r) => r.claim.kind === "naloxone")) return { kind: "naloxone", name, readings };
  if (named) return { kind: "not-opioid", name, message: `${name}: not an opioid analgesic (its codes and names match no opioid product).`, readings };
  return { kind: "unidentified", name, message: `The medication could not be identified (${name}): no code is in the app's opioid catalog and the order gives no name, so it may be an opioid.`, readings };
}
