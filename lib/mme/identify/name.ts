/**
 * Reads a product name as EHRs write it into its opioid ingredients, their strengths and the
 * dose form. One reading among several (issue 13): the engine cross-checks it with the codes.
 *
 * Shapes read (each with a worked example in tests/mme/identify/name.test.ts):
 * - RxNorm normalized names: "Acetaminophen 300 MG / HYDROcodone Bitartrate 5 MG [Vicodin]",
 *   "72 HR Fentanyl 0.075 MG/HR Transdermal System", "Abuse-Deterrent 12 HR oxycodone ...";
 * - Epic: hyphenated combinations whose strengths follow in the same order, brand in
 *   parentheses: "HYDROcodone-acetaminophen (NORCO) 5-325 MG per tablet" (5 mg hydrocodone);
 * - Medi-Span (all caps, form codes): "OXYCODONE-ASPIRIN 4.8355-325 MG OR TABS";
 * - Oracle Health (Cerner): the product inside parentheses, a unit after each strength:
 *   "HYDROcodone-acetaminophen (HYDROcodone-acetaminophen 5 mg-325 mg oral tablet)";
 * - concentrations "5 mg/5 mL" (1 mg/mL, not 5), "100 mg/5 mL (20 mg/mL)" (both must agree),
 *   patch rates "25 mcg/hr", "0.3 mg/24 hr" (12.5 mcg/h), per actuation "100 mcg/actuation".
 * Certain or nothing: strengths are returned only when every opioid's strength is stated with a
 * unit and maps to it without doubt ("OXYCODONE-ACETAMINOPHEN 5-325" has no unit: no strength,
 * and the reason says so). Pure; patterns compile once; readings are memoized by name.
 */
import type { IngredientStrength, OpioidIngredient, OpioidProduct } from "@/lib/domain";
import { ingredientsNamed, ingredientsOfBrands, namesExtendedRelease, namesNaloxone, readDoseForm, type FormReading } from "./vocabulary";

export interface NameReading {
  /** Opioid ingredients named (generic names, then brands), in order. */
  opioids: OpioidIngredient[];
  naloxone: boolean;
  /** Non-opioid ingredient words of a combination ("acetaminophen"). */
  others: string[];
  /** Strength of each opioid when the name states every one with certainty; else null. */
  strengths: IngredientStrength[] | null;
  /** Why `strengths` is null although the name writes numbers; null when it writes none. */
  strengthProblem: string | null;
  /** The dose form the name states, or null. */
  form: FormReading | null;
  /** The name writes a strength (a number with a mass unit). */
  statesStrength: boolean;
}

const NUM = String.raw`(?:\d+(?:\.\d+)?|\.\d+)`;
const MASS = String.raw`(?:mg|mcg|ug|µg|gm|g|milligrams?|micrograms?)`;
const PER_WORD = String.raw`(?:ml|milliliters?|millilitres?|hr|hrs|hours?|h|actuations?|actuat|act|sprays?|doses?|puffs?)`;
const ITEM = String.raw`${NUM}(?:\s*${MASS}(?![a-z]))?`;
/** A separator between list items: "-" or "/" not followed by a denominator ("/5 mL", "/hr"). */
const SEP = String.raw`\s*(?:-|\/(?!\s*${NUM}?\s*${PER_WORD}\b))\s*`;
const LIST = new RegExp(String.raw`(?<![\d.a-z])(${ITEM}(?:${SEP}${ITEM})*)(?:\s*(${MASS})(?![a-z]))?(?:\s*\/\s*(${NUM})?\s*(${PER_WORD})\b)?`, "gi");
const ITEM_PARTS = new RegExp(String.raw`(${NUM})\s*(${MASS})?`, "gi");
const HAS_MASS = new RegExp(String.raw`\d\s*${MASS}(?![a-z])`, "i");
const GROUPS = /\(([^()]*)\)|\[([^[\]]*)\]/g;
const COMPONENTS = /\s+\/\s+/;
const PREFIXES = /\b(?:abuse-deterrent|matrix delivery|\d+\s*(?:hr|hour)s?)\b/gi;
const PART_SPLIT = /\s*(?:[-/,&+]|\band\b|\bwith\b)\s*/i;
const WORD = /^[a-z][a-z.]*$/i;
/** Relative difference under which two stated strengths are the same (rounding of salt strengths). */
const SAME_STRENGTH = 0.02;

interface ListMatch {
  index: number;
  values: { value: number; unit: string | undefined }[];
  trailingUnit: string | undefined;
  perNumber: number;
  perWord: string | undefined;
}

function massMg(value: number, unit: string): number | null {
  const u = unit.toLowerCase();
  if (u === "mg" || u.startsWith("milligram")) return value;
  if (u === "mcg" || u === "ug" || u === "µg" || u.startsWith("microgram")) return value / 1000;
  if (u === "g" || u === "gm") return value * 1000;
  return null;
}

/** The first strength list with a mass unit; `unitless` reports a list of numbers written without one. */
function firstList(s: string): { list: ListMatch | null; unitless: boolean } {
  let unitless = false;
  for (const m of s.matchAll(LIST)) {
    const body = m[1] ?? "";
    const values = [...body.matchAll(ITEM_PARTS)].map((p) => ({ value: Number(p[1]), unit: p[2] }));
    const trailingUnit = m[2];
    if (!HAS_MASS.test(m[0])) {
      if (values.length > 1) unitless = true;
      continue;
    }
    const perWord = m[4]?.toLowerCase();
    return { list: { index: m.index, values, trailingUnit, perNumber: m[3] === undefined ? 1 : Number(m[3]), perWord }, unitless };
  }
  return { list: null, unitless };
}

function strengthOf(ingredient: OpioidIngredient, mg: number, list: ListMatch): IngredientStrength | null {
  const per = list.perWord;
  const denominator = list.perNumber;
  if (!(mg > 0) || !(denominator > 0)) return null;
  if (per === undefined || /^(?:act|spray|dose|puff)/.test(per)) return { ingredient, value: mg, unit: "mg", per: "unit" };
  if (per.startsWith("m")) return { ingredient, value: mg / denominator, unit: "mg", per: "mL" };
  return { ingredient, value: (mg * 1000) / denominator, unit: "mcg", per: "hour" };
}

function ingredientParts(segment: string): string[] {
  return segment.replace(PREFIXES, " ").split(PART_SPLIT).map((p) => p.trim()).filter((p) => /[a-z]/i.test(p));
}

interface Plain {
  opioids: OpioidIngredient[];
  others: string[];
  strengths: IngredientStrength[] | null;
  problem: string | null;
  statesStrength: boolean;
  /** Values of a list with no ingredient before it ("(20 mg/mL)"): a restatement of the strength. */
  bareMg: number[] | null;
  bareList: ListMatch | null;
}

/** One name without parentheses: its ingredient parts and the strengths mapped to them by position. */
function readPlain(text: string): Plain {
  const opioids = ingredientsNamed(text);
  const { list, unitless } = firstList(text);
  const parts = ingredientParts(list === null ? text : text.slice(0, list.index));
  const others = parts.filter((p) => ingredientsNamed(p).length === 0).map((p) => (p.split(/\s+/)[0] ?? "").toLowerCase()).filter((w) => WORD.test(w));
  const base = { opioids, others, strengths: null, statesStrength: list !== null, bareMg: null, bareList: null };
  if (list === null) return { ...base, problem: unitless ? "its strengths are written without a unit" : null };
  const mgs: number[] = [];
  for (let i = 0; i < list.values.length; i += 1) {
    const v = list.values[i];
    const unit = v?.unit ?? list.values.slice(i + 1).find((x) => x.unit !== undefined)?.unit ?? list.trailingUnit;
    const mg = v === undefined || unit === undefined ? null : massMg(v.value, unit);
    if (mg === null) return { ...base, problem: "a strength is written without a unit" };
    mgs.push(mg);
  }
  if (parts.length === 0) return { ...base, problem: null, bareMg: mgs, bareList: list };
  if (mgs.length !== parts.length) {
    return { ...base, problem: `it gives ${mgs.length} strength${mgs.length === 1 ? "" : "s"} for ${parts.length} ingredients, so which is the opioid's is not certain` };
  }
  const strengths: IngredientStrength[] = [];
  parts.forEach((part, i) => {
    const ingredient = ingredientsNamed(part)[0];
    const s = ingredient === undefined ? null : strengthOf(ingredient, mgs[i] ?? NaN, list);
    if (s !== null) strengths.push(s);
  });
  const mapped = strengths.length === opioids.length && strengths.every((s) => opioids.includes(s.ingredient));
  return { ...base, strengths: mapped ? strengths : null, problem: mapped ? null : "its strengths could not be matched to the opioids it names" };
}

/** RxNorm-style components "A 300 MG / B 5 MG", each with its own strength; null when the name is not of that shape. */
function readComponents(text: string): Plain | null {
  const components = text.split(COMPONENTS);
  if (components.length < 2 || !components.every((c) => HAS_MASS.test(c))) return null;
  const read = components.map(readPlain);
  const opioids = [...new Set(read.flatMap((r) => r.opioids))];
  const others = read.filter((r) => r.opioids.length === 0).flatMap((r) => r.others);
  // Two salts of one opioid ("oxycodone hydrochloride 4.5 MG / oxycodone terephthalate 0.38 MG") add up.
  const strengths: IngredientStrength[] = [];
  for (const s of read.flatMap((r) => (r.opioids.length > 0 ? (r.strengths ?? []) : []))) {
    const same = strengths.find((x) => x.ingredient === s.ingredient && x.per === s.per && x.unit === s.unit);
    if (same === undefined) strengths.push({ ...s });
    else same.value += s.value;
  }
  const complete = strengths.length === opioids.length && read.every((r) => r.opioids.length === 0 || r.strengths !== null);
  return { opioids, others, strengths: complete ? strengths : null, problem: complete ? null : "a component's strength could not be read", statesStrength: true, bareMg: null, bareList: null };
}

function sameStrengths(a: readonly IngredientStrength[], b: readonly IngredientStrength[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x) => b.some((y) => y.ingredient === x.ingredient && y.per === x.per && Math.abs(toMg(x) - toMg(y)) <= SAME_STRENGTH * Math.max(toMg(x), toMg(y))));
}

function toMg(s: IngredientStrength): number {
  return s.unit === "mg" ? s.value : s.value / 1000;
}

function describe(s: readonly IngredientStrength[]): string {
  return s.map((x) => `${x.ingredient} ${x.value} ${x.unit}${x.per === "unit" ? "" : x.per === "mL" ? "/mL" : "/h"}`).join(" + ");
}

function readName(name: string): NameReading {
  const inner: string[] = [];
  const brands: string[] = [];
  const main = name.replace(GROUPS, (_m, paren: string | undefined, bracket: string | undefined) => {
    const content = paren ?? bracket ?? "";
    if (HAS_MASS.test(content)) inner.push(content);
    else brands.push(content);
    return " ";
  });
  const readings = [readComponents(main) ?? readPlain(main), ...inner.map((t) => readComponents(t) ?? readPlain(t))];
  const opioids = [...new Set([...readings.flatMap((r) => r.opioids), ...ingredientsOfBrands(brands.join(" ")), ...ingredientsOfBrands(main)])];
  const others = [...new Set(readings.flatMap((r) => r.others))].filter((w) => !namesNaloxone(w) || opioids.length > 0);
  const stated: IngredientStrength[][] = [];
  let problem: string | null = null;
  for (const r of readings) {
    if (r.strengths !== null) stated.push(r.strengths);
    else if (r.bareMg !== null && r.bareList !== null && r.bareMg.length === 1 && opioids.length === 1 && opioids[0] !== undefined) {
      const s = strengthOf(opioids[0], r.bareMg[0] ?? NaN, r.bareList);
      if (s !== null) stated.push([s]);
    } else if (r.problem !== null) problem ??= r.problem;
  }
  const [first] = stated;
  let strengths: IngredientStrength[] | null = null;
  if (first !== undefined) {
    const conflict = stated.find((s) => !sameStrengths(s, first));
    if (conflict !== undefined) problem = `it states two different strengths (${describe(first)}; ${describe(conflict)})`;
    else if (first.length === opioids.length) {
      strengths = first;
      problem = null;
    } else problem ??= "not every opioid it names has a strength";
  }
  return {
    opioids,
    naloxone: namesNaloxone(name),
    others,
    strengths,
    strengthProblem: strengths === null ? problem : null,
    form: readDoseForm(name),
    statesStrength: readings.some((r) => r.statesStrength),
  };
}

/** Names repeat across orders: readings are memoized (bounded; the reading depends only on the name). */
const MAX_CACHED_NAMES = 4096;
const readings = new Map<string, NameReading>();

/** Reads one name. The result is shared and must not be mutated. */
export function readProductName(name: string): NameReading {
  const cached = readings.get(name);
  if (cached !== undefined) return cached;
  const reading = readName(name.replace(/\s+/g, " ").trim());
  if (readings.size >= MAX_CACHED_NAMES) readings.clear();
  readings.set(name, reading);
  return reading;
}

/**
 * The product a name describes, when it states every opioid strength; the form, when the name
 * does not state it, is inferred from the strength's denominator (per hour: a patch; per mL:
 * a liquid; per unit: an oral tablet) and `formAssumed` says so. A per-hour strength on a
 * product that is not a patch ("15 mg/12 hr tablet") is not a rate: null (not certain).
 */
export function productFromName(name: string, reading: NameReading): { product: OpioidProduct; formAssumed: boolean } | null {
  const strengths = reading.strengths;
  const per = strengths?.[0]?.per;
  if (strengths === null || strengths.length === 0 || per === undefined || strengths.some((s) => s.per !== per)) return null;
  const stated = reading.form;
  if (per === "hour" && stated !== null && stated.doseForm !== "transdermal") return null;
  const inferred: FormReading =
    per === "hour"
      ? { doseForm: "transdermal", unit: "patch", doseFormName: "Transdermal System", release: "ER/LA" }
      : per === "mL"
        ? { doseForm: "oral-liquid", unit: "mL", doseFormName: "Oral Solution", release: "IR" }
        : { doseForm: "oral-solid", unit: "tablet", doseFormName: "Oral Tablet", release: namesExtendedRelease(name) ? "ER/LA" : "IR" };
  const form = stated ?? inferred;
  // The unit a dose is counted in follows the strength: a spray of a per-mL solution is not a mL.
  const unit = per === "mL" ? "mL" : per === "unit" && form.unit === "mL" ? inferred.unit : form.unit;
  const product: OpioidProduct = {
    rxnorm: null,
    name: name.trim(),
    ingredients: strengths,
    otherIngredients: reading.others,
    doseForm: form.doseForm,
    doseFormName: form.doseFormName,
    release: form.release,
    unit,
    source: "name-parse",
  };
  return { product, formAssumed: stated === null };
}
