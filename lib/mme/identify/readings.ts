/**
 * Every independent reading of "which product is this order" (issue 13 item 1; ARCHITECTURE
 * "Trust by agreement"): each RxNorm coding (the catalog), each NDC coding (the CDC 2018 NDC
 * table), the referenced Medication (its code, its ingredient strengths), and every name the EHR
 * writes (coding displays of any system, including vendor codes; `text`; the reference's
 * display). Each reading claims an opioid (with or without a strength), naloxone, another drug,
 * or nothing. lib/mme/identify/agree.ts decides whether they agree. Reads unparsed JSON.
 */
import type { DoseFormFamily, OpioidIngredient, OpioidProduct, ValueSource } from "@/lib/domain";
import { isNdcSystem, isRxNormSystem } from "@/lib/domain/code-systems";
import { lookupRxnorm } from "@/lib/mme/catalog";
import type { NdcLookup } from "@/lib/mme/ndc";
import { arr, at, text, type JsonObject } from "@/lib/mme/read/json";
import { medicationFormText, medicationIngredients } from "./medication";
import { productFromName, readProductName } from "./name";
import { readDoseForm } from "./vocabulary";

export type ProductClaim =
  /** `key`: the ingredients sorted and joined, to compare claims without allocating. */
  | { kind: "opioid"; ingredients: OpioidIngredient[]; key: string; product: OpioidProduct | null; doseForm: DoseFormFamily | null; formStated: boolean; note: string | null }
  | { kind: "naloxone" }
  /** Names a drug that is not an opioid; `strengthStated` when it names it with a strength (a specific other product). */
  | { kind: "other"; strengthStated: boolean }
  /** An opioid the engine has no ingredient for (propoxyphene in the NDC table). */
  | { kind: "unsupported-opioid"; name: string };

export interface ProductReading {
  source: ValueSource;
  /** Where the reading comes from, for the ledger: `RxNorm 1049621`, `name "oxyCODONE 5 mg tablet"`. */
  where: string;
  claim: ProductClaim;
}


function opioid(ingredients: readonly OpioidIngredient[], product: OpioidProduct | null, doseForm: DoseFormFamily | null, formStated: boolean, note: string | null = null): ProductClaim {
  return { kind: "opioid", ingredients: [...ingredients], key: [...ingredients].sort().join("+"), product, doseForm, formStated, note };
}

/**
 * Readings depend only on the code or the name: they are built once and shared (bounded caches;
 * readings are never mutated). Most orders of a record repeat a few products.
 */
const MAX_CACHED = 4096;
const byRxnorm = new Map<string, ProductReading | null>();
const byName = new Map<string, ProductReading>();

function cached<V>(cache: Map<string, V>, key: string, build: () => V): V {
  const hit = cache.get(key);
  if (hit !== undefined || cache.has(key)) return hit as V;
  const value = build();
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, value);
  return value;
}

function fromRxnorm(code: string): ProductReading | null {
  return cached(byRxnorm, code, () => buildRxnorm(code));
}

function buildRxnorm(code: string): ProductReading | null {
  const hit = lookupRxnorm(code);
  const where = `RxNorm ${code}`;
  if (hit === null) return null;
  if (hit.kind === "naloxone") return { source: "rxnorm-catalog", where, claim: { kind: "naloxone" } };
  if (hit.kind === "product") return { source: "rxnorm-catalog", where, claim: opioid(hit.product.ingredients.map((i) => i.ingredient), hit.product, hit.product.doseForm, true) };
  const { entry } = hit;
  return { source: "rxnorm-catalog", where, claim: opioid(entry.ingredients, null, entry.doseForm, entry.doseForm !== null, `RxNorm ${code} names ${entry.name} without a strength`) };
}

function fromNdc(code: string, lookup: NdcLookup): ProductReading | null {
  const match = lookup(code);
  if (match === null) return null;
  const where = `NDC ${match.ndc}`;
  const product = match.product;
  if (product !== null) return { source: "ndc-table", where, claim: opioid(product.ingredients.map((i) => i.ingredient), product, product.doseForm, true) };
  if (match.ingredient !== null) return { source: "ndc-table", where, claim: opioid([match.ingredient], null, null, false, `NDC ${match.ndc} gives no strength`) };
  return { source: "ndc-table", where, claim: { kind: "unsupported-opioid", name: `${match.row.productName} (${match.row.drug})` } };
}

/** A name as a reading (any product name: a display, a text, a reference's display). */
export function fromName(name: string): ProductReading {
  return cached(byName, name, () => buildName(name, `name "${name}"`));
}

function buildName(name: string, where: string): ProductReading {
  const reading = readProductName(name);
  if (reading.opioids.length > 0) {
    const built = productFromName(name, reading);
    const note = reading.strengthProblem === null ? null : `the name's strength cannot be read: ${reading.strengthProblem}`;
    const claim = opioid(reading.opioids, built?.product ?? null, reading.form?.doseForm ?? null, reading.form !== null, note);
    return { source: "name-parse", where, claim };
  }
  if (reading.naloxone) return { source: "name-parse", where, claim: { kind: "naloxone" } };
  return { source: "name-parse", where, claim: { kind: "other", strengthStated: reading.statesStrength } };
}

function codingReading(system: string, code: string, ndcLookup: NdcLookup | undefined): ProductReading | null {
  if (isRxNormSystem(system)) return fromRxnorm(code);
  if (isNdcSystem(system) && ndcLookup !== undefined) return fromNdc(code, ndcLookup);
  return null;
}

/**
 * Adds the readings of one CodeableConcept, given as raw JSON (codes, then each distinct name),
 * to `out`. Hot path (every order): reads the codings in place, without building views.
 */
export function conceptReadings(value: unknown, ndcLookup: NdcLookup | undefined, out: ProductReading[], names: string[]): void {
  const codingList = arr(at(value, "coding"));
  for (const c of codingList) {
    const system = text(at(c, "system"));
    const code = text(at(c, "code"));
    if (system === undefined || code === undefined) continue;
    const reading = codingReading(system, code, ndcLookup);
    if (reading !== null) out.push(reading);
  }
  for (const c of codingList) addName(text(at(c, "display")), out, names);
  addName(text(at(value, "text")), out, names);
}

/** Adds a name reading unless the same text was read already. */
export function addName(name: string | undefined, out: ProductReading[], names: string[]): void {
  if (name === undefined || names.includes(name)) return;
  names.push(name);
  out.push(fromName(name));
}

/** The reading of a Medication's `ingredient[]` strengths (and its `form`), or null when it lists no ingredient. */
export function medicationIngredientReading(med: JsonObject, label: string): ProductReading | null {
  const ingredients = medicationIngredients(med);
  if (ingredients === null) return null;
  const where = `${label} ingredients`;
  const opioids = [...ingredients.strengths.map((s) => s.ingredient), ...ingredients.unstrengthened];
  if (opioids.length === 0) {
    return { source: "medication-resource", where, claim: ingredients.naloxone ? { kind: "naloxone" } : { kind: "other", strengthStated: true } };
  }
  const formText = medicationFormText(med);
  const form = formText === undefined ? null : readDoseForm(formText);
  if (ingredients.unstrengthened.length > 0) return { source: "medication-resource", where, claim: opioid(opioids, null, form?.doseForm ?? null, form !== null, `${label} lists ${ingredients.unstrengthened.join(", ")} without a readable strength`) };
  const per = ingredients.strengths[0]?.per;
  const inferred = per === "hour" ? ({ doseForm: "transdermal", unit: "patch", doseFormName: "Transdermal System", release: "ER/LA" } as const) : per === "mL" ? ({ doseForm: "oral-liquid", unit: "mL", doseFormName: "Oral Solution", release: "IR" } as const) : ({ doseForm: "oral-solid", unit: "tablet", doseFormName: "Oral Tablet", release: "IR" } as const);
  const chosen = form ?? inferred;
  const product: OpioidProduct = {
    rxnorm: null,
    name: label,
    ingredients: ingredients.strengths,
    otherIngredients: ingredients.others,
    doseForm: chosen.doseForm,
    doseFormName: chosen.doseFormName,
    release: chosen.release,
    unit: per === "mL" ? "mL" : chosen.unit === "mL" ? inferred.unit : chosen.unit,
    source: "medication-resource",
  };
  const note = form === null ? `${label} states no dose form: ${inferred.doseFormName.toLowerCase()} assumed from its strength` : null;
  return { source: "medication-resource", where, claim: opioid(opioids, product, chosen.doseForm, form !== null, note) };
}

/** The readings of a Medication resource: its code (codes and names) and its ingredients. */
export function medicationReadings(med: JsonObject, label: string, ndcLookup: NdcLookup | undefined, out: ProductReading[], names: string[]): void {
  const code = at(med, "code");
  if (code !== undefined) conceptReadings(code, ndcLookup, out, names);
  const ingredients = medicationIngredientReading(med, label);
  if (ingredients !== null) out.push(ingredients);
}

