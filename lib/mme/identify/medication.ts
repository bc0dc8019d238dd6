/**
 * The Medication resource an order names (`medicationReference`): contained ("#id") or supplied
 * with the orders ("Medication/id", an absolute URL ending in it, a bundle's "urn:uuid:id"),
 * and the opioid strengths its `ingredient[]` states (the Ratio's denominator decides per
 * tablet, per mL or per hour). Reads unparsed JSON; never throws.
 */
import type { IngredientStrength, OpioidIngredient } from "@/lib/domain";
import { parseReference } from "@/lib/domain/references";
import { lookupRxnorm } from "@/lib/mme/catalog";
import { arr, at, concept, obj, quantity, str, text, type ConceptView, type JsonObject } from "@/lib/mme/read/json";
import { readQuantityUnit } from "@/lib/mme/units";
import { ingredientsNamed, namesNaloxone } from "./vocabulary";

function isMedication(value: unknown): value is JsonObject {
  return at(value, "resourceType") === "Medication";
}

/** Supplied Medications indexed by every form a reference to them may take (non-Medications are skipped). */
export function indexMedications(medications: readonly unknown[]): ReadonlyMap<string, JsonObject> {
  const index = new Map<string, JsonObject>();
  for (const m of arr(medications)) {
    const id = text(at(m, "id"));
    if (!isMedication(m) || id === undefined) continue;
    index.set(`Medication/${id}`, m);
    index.set(`urn:uuid:${id}`, m);
  }
  return index;
}

/** The Medication an order references, or null (no reference, not supplied, not a Medication). */
export function findMedication(order: unknown, index: ReadonlyMap<string, JsonObject>): JsonObject | null {
  const reference = at(order, "medicationReference");
  if (reference === undefined) return null;
  const ref = text(at(reference, "reference"));
  if (ref === undefined) return null;
  if (ref.startsWith("#")) {
    const id = ref.slice(1);
    for (const c of arr(at(order, "contained"))) if (isMedication(c) && at(c, "id") === id) return c;
    return null;
  }
  const parsed = parseReference(ref);
  return index.get(ref) ?? (parsed?.resourceType === "Medication" ? index.get(parsed.relative) : undefined) ?? null;
}

/** What one `Medication.ingredient` entry is: an opioid, naloxone, or another ingredient (named). */
function ingredientOf(item: unknown): { kind: "opioid"; ingredient: OpioidIngredient } | { kind: "naloxone" } | { kind: "other"; name: string } {
  const c = concept(at(item, "itemCodeableConcept"));
  for (const coding of c?.coding ?? []) {
    const hit = lookupRxnorm(coding.code ?? "");
    const only = hit?.kind === "ingredient-level" && hit.entry.ingredients.length === 1 ? hit.entry.ingredients[0] : undefined;
    if (only !== undefined) return { kind: "opioid", ingredient: only };
    if (hit?.kind === "naloxone") return { kind: "naloxone" };
  }
  const name = conceptLabel(c) ?? text(at(at(item, "itemReference"), "display")) ?? "";
  if (namesNaloxone(name)) return { kind: "naloxone" };
  const found = ingredientsNamed(name)[0];
  return found === undefined ? { kind: "other", name: name.toLowerCase() } : { kind: "opioid", ingredient: found };
}

/** A strength Ratio (mass per count, per volume, per hour; or a rate) as an IngredientStrength, or null. */
function strengthOf(ingredient: OpioidIngredient, ratio: unknown): IngredientStrength | null {
  const numerator = quantity(at(ratio, "numerator"));
  const value = numerator?.value ?? null;
  if (numerator === null || value === null || !(value > 0)) return null;
  const denominatorRaw = at(ratio, "denominator");
  const denominator = quantity(denominatorRaw);
  const denomValue = denominator === null ? 1 : (denominator.value ?? 1);
  if (!(denomValue > 0)) return null;
  const top = readQuantityUnit(numerator);
  if (top.kind === "known" && top.unit.kind === "rate") return { ingredient, value: (value * top.unit.mcgPerHourPerUnit) / denomValue, unit: "mcg", per: "hour" };
  if (top.kind !== "known" || top.unit.kind !== "mass") return null;
  const mg = (value * top.unit.mgPerUnit) / denomValue;
  const bottom = denominator === null ? ({ kind: "none" } as const) : readQuantityUnit(denominator);
  if (bottom.kind === "known" && bottom.unit.kind === "volume") return { ingredient, value: mg / bottom.unit.mlPerUnit, unit: "mg", per: "mL" };
  if (bottom.kind === "none" || (bottom.kind === "known" && bottom.unit.kind === "count")) return { ingredient, value: mg, unit: "mg", per: "unit" };
  const hours = denominator?.code === "h" || denominator?.unit === "h" || denominator?.unit === "hr";
  return hours ? { ingredient, value: mg * 1000, unit: "mcg", per: "hour" } : null;
}

export interface MedicationIngredients {
  /** Opioid strengths stated, one per opioid ingredient. */
  strengths: IngredientStrength[];
  /** Opioid ingredients listed without a readable strength. */
  unstrengthened: OpioidIngredient[];
  others: string[];
  naloxone: boolean;
}

/** The ingredients a Medication lists; null when it lists none. */
export function medicationIngredients(med: JsonObject): MedicationIngredients | null {
  const items = arr(at(med, "ingredient"));
  if (items.length === 0) return null;
  const out: MedicationIngredients = { strengths: [], unstrengthened: [], others: [], naloxone: false };
  for (const item of items) {
    if (obj(item) === null) continue;
    const what = ingredientOf(item);
    if (what.kind === "naloxone") out.naloxone = true;
    if (what.kind !== "opioid") {
      if (what.kind === "other" && what.name !== "") out.others.push(what.name);
      continue;
    }
    const strength = strengthOf(what.ingredient, at(item, "strength"));
    if (strength === null) out.unstrengthened.push(what.ingredient);
    else out.strengths.push(strength);
  }
  return out;
}

/** Display of a raw CodeableConcept: its text, else the first coding display, else the first code (no views built). */
export function rawConceptLabel(value: unknown): string | undefined {
  const t = text(at(value, "text"));
  if (t !== undefined) return t;
  const list = arr(at(value, "coding"));
  for (const c of list) {
    const d = text(at(c, "display"));
    if (d !== undefined) return d;
  }
  for (const c of list) {
    const code = text(at(c, "code"));
    if (code !== undefined) return code;
  }
  return undefined;
}

/** Display of a concept: its text, else the first coding display, else the first code. */
export function conceptLabel(c: ConceptView | null): string | undefined {
  if (c === null) return undefined;
  return c.text ?? c.coding.find((x) => x.display !== undefined)?.display ?? c.coding.find((x) => x.code !== undefined)?.code;
}

/** The Medication's label for sentences. */
export function medicationLabel(med: JsonObject): string {
  return conceptLabel(concept(at(med, "code"))) ?? `Medication/${str(at(med, "id")) ?? "(contained)"}`;
}

/** The form text of a Medication (`form.text` or a coding display), or undefined. */
export function medicationFormText(med: JsonObject): string | undefined {
  return conceptLabel(concept(at(med, "form")));
}

