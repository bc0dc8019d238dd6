/**
 * `medicationReference` -> a contained or supplied Medication -> a product: its `code` first
 * (same rules as medicationCodeableConcept), else its `ingredient[].strength` (source
 * `medication-resource`). FHIR pitfalls: the reference may be "#id" (contained),
 * "Medication/id", an absolute URL, or a bundle's "urn:uuid:..."; the strength Ratio's
 * denominator decides per tablet / per mL / per hour.
 */
import type { IngredientStrength, OpioidIngredient, OpioidProduct } from "@/lib/domain";
import type { Medication, MedicationIngredient, MedicationRequest, Ratio, Resource } from "fhir/r4";
import { lookupRxnorm } from "@/lib/mme/catalog";
import { readQuantityUnit } from "@/lib/mme/units";
import { conceptName, identifyConcept } from "./concept";
import { readDoseForm } from "./name";
import { findIngredient, namesNaloxone } from "./name";
import type { NdcLookup } from "@/lib/mme/ndc";
import type { Identification } from "./types";

/** Type guard for contained resources (lib/fhir validates contained Medications with the Medication schema). */
function isMedication(resource: Resource): resource is Medication {
  return "resourceType" in resource && resource.resourceType === "Medication";
}

/** Supplied Medications indexed by every form a reference to them may take. */
export function indexMedications(medications: readonly Medication[]): ReadonlyMap<string, Medication> {
  const index = new Map<string, Medication>();
  for (const m of medications) {
    if (m.id === undefined) continue;
    index.set(`Medication/${m.id}`, m);
    index.set(`urn:uuid:${m.id}`, m);
  }
  return index;
}

export function findMedication(mr: MedicationRequest, index: ReadonlyMap<string, Medication>): Medication | null {
  const ref = mr.medicationReference?.reference?.trim();
  if (ref === undefined || ref === "") return null;
  if (ref.startsWith("#")) return (mr.contained ?? []).filter(isMedication).find((m) => m.id === ref.slice(1)) ?? null;
  const relative = /(Medication\/[^/]+)(?:\/_history\/[^/]+)?$/.exec(ref)?.[1];
  return index.get(ref) ?? (relative === undefined ? undefined : index.get(relative)) ?? null;
}

function ingredientOf(item: MedicationIngredient): OpioidIngredient | "naloxone" | null {
  for (const coding of item.itemCodeableConcept?.coding ?? []) {
    const hit = lookupRxnorm(coding.code ?? "");
    if (hit?.kind === "ingredient-level" && hit.entry.ingredients.length === 1) return hit.entry.ingredients[0] ?? null;
    if (hit?.kind === "naloxone") return "naloxone";
  }
  const name = conceptName(item.itemCodeableConcept);
  if (namesNaloxone(name)) return "naloxone";
  return findIngredient(name)?.ingredient ?? null;
}

function strengthOf(ingredient: OpioidIngredient, ratio: Ratio | undefined): IngredientStrength | null {
  const value = ratio?.numerator?.value;
  const denominator = ratio?.denominator;
  if (ratio?.numerator === undefined || value === undefined || !(value > 0)) return null;
  const num = readQuantityUnit(ratio.numerator);
  const denomValue = denominator?.value ?? 1;
  if (!(denomValue > 0)) return null;
  const den = denominator === undefined ? { kind: "none" as const } : readQuantityUnit(denominator);
  if (num.kind === "known" && num.unit.kind === "rate") return { ingredient, value: (value * num.unit.mcgPerHourPerUnit) / denomValue, unit: "mcg", per: "hour" };
  if (num.kind !== "known" || num.unit.kind !== "mass") return null;
  const mg = (value * num.unit.mgPerUnit) / denomValue;
  if (den.kind === "known" && den.unit.kind === "volume") return { ingredient, value: mg / den.unit.mlPerUnit, unit: "mg", per: "mL" };
  if (den.kind === "none" || (den.kind === "known" && den.unit.kind === "count")) return { ingredient, value: mg, unit: "mg", per: "unit" };
  const hours = denominator?.code === "h" || denominator?.unit === "h" || denominator?.unit === "hr";
  return hours ? { ingredient, value: mg * 1000, unit: "mcg", per: "hour" } : null;
}

/** Builds a product from Medication.ingredient[]; null when no ingredient is an opioid. */
function fromIngredients(med: Medication, label: string): Identification | null {
  const strengths: IngredientStrength[] = [];
  const missing: OpioidIngredient[] = [];
  const others: string[] = [];
  let naloxone = false;
  for (const item of med.ingredient ?? []) {
    const ingredient = ingredientOf(item);
    if (ingredient === "naloxone") naloxone = true;
    if (ingredient === null || ingredient === "naloxone") {
      others.push(conceptName(item.itemCodeableConcept).toLowerCase());
      continue;
    }
    const strength = strengthOf(ingredient, item.strength);
    if (strength === null) missing.push(ingredient);
    else strengths.push(strength);
  }
  if (strengths.length === 0 && missing.length === 0) return naloxone ? { kind: "naloxone", name: label } : null;
  const formText = med.form === undefined ? "" : conceptName(med.form);
  const form = readDoseForm(formText);
  if (missing.length > 0) {
    return { kind: "opioid-without-strength", name: label, ingredients: [...strengths.map((s) => s.ingredient), ...missing], doseForm: form?.doseForm ?? null, source: "medication-resource", assumptions: [] };
  }
  return productFrom(med, label, strengths, others, form);
}

function productFrom(med: Medication, label: string, strengths: IngredientStrength[], others: string[], form: ReturnType<typeof readDoseForm>): Identification {
  const per = strengths[0]?.per;
  const inferred =
    form ??
    (per === "hour"
      ? { doseForm: "transdermal" as const, unit: "patch" as const, doseFormName: "Transdermal System", release: "ER/LA" as const }
      : per === "mL"
        ? { doseForm: "oral-liquid" as const, unit: "mL" as const, doseFormName: "Oral Solution", release: "IR" as const }
        : { doseForm: "oral-solid" as const, unit: "tablet" as const, doseFormName: "Oral Tablet", release: "IR" as const });
  const product: OpioidProduct = { rxnorm: null, name: label, ingredients: strengths, otherIngredients: others, ...inferred, source: "medication-resource" };
  const assumptions = [{ code: "mme.assume.medication-ingredients", message: `Strength read from the ingredients of ${med.id === undefined ? "the Medication" : `Medication/${med.id}`}.` }];
  if (form === null) assumptions.push({ code: "mme.assume.form-inferred", message: `The Medication states no dose form: ${inferred.doseFormName.toLowerCase()} assumed from its strength.` });
  return { kind: "product", product, source: "medication-resource", assumptions, discrepancies: [] };
}

/** Identifies the Medication a MedicationRequest references. */
export function identifyMedication(med: Medication, ndcLookup: NdcLookup | undefined): Identification {
  const label = med.code === undefined ? `Medication/${med.id ?? "(contained)"}` : conceptName(med.code);
  const byCode = med.code === undefined ? null : identifyConcept(med.code, ndcLookup);
  if (byCode?.kind === "product") return byCode;
  const byIngredients = fromIngredients(med, label);
  if (byIngredients !== null && byIngredients.kind !== "naloxone") return byIngredients;
  if (byCode !== null && byCode.kind !== "unidentified") return byCode;
  return byIngredients ?? byCode ?? { kind: "unidentified", name: label, message: `${label} names no code and no ingredient.` };
}
