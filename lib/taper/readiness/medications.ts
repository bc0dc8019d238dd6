/**
 * Medication orders for readiness: each MedicationRequest's medication and currency come from the
 * one reading every consumer shares (lib/mme `readOrderIdentities`: the same status, intent, date,
 * supply and timing-bound rules as the MME, and the same resolution of referenced or contained
 * Medications); readiness classifies the medication (benzodiazepine, other CNS depressant,
 * naloxone, buprenorphine for OUD, methadone).
 */
import type { CodeableConcept, Coding, Medication, MedicationRequest } from "fhir/r4";
import type { Evidence, IsoDate } from "@/lib/domain";
import { isRxNormSystem } from "@/lib/domain/code-systems";
import { readOrderIdentities } from "@/lib/mme";
import { naloxoneByRxnormCode, productByRxnorm } from "@/lib/mme/catalog";
import {
  BENZODIAZEPINES, BUPRENORPHINE_OUD, type MedicationClass, type MedicationCodeList, METHADONE, NALOXONE, NALTREXONE, OTHER_CNS_DEPRESSANTS,
} from "../codes/medications";
import { codingInMedicationSet } from "../codes/valuesets";
import { codings, conceptText, conceptTexts, dayOf } from "./fhir";

export type Currency = "current" | "stale" | "not-active";

export interface MedicationOrder {
  reference: string;
  status: string;
  authoredOn: IsoDate | null;
  concept: CodeableConcept | undefined;
  text: string;
  /** At the readiness as-of date, by the shared rule (a status "unknown" order counts as current: it may be active). */
  currency: Currency;
}

export interface ClassifiedOrder extends MedicationOrder {
  classes: Array<{ cls: MedicationClass; byName: boolean }>;
}

/** Every MedicationRequest with its medication resolved, its currency at `asOf`, and its class (a code first, else the name, flagged). */
export function resolveOrders(requests: readonly MedicationRequest[], medications: readonly Medication[], asOf: IsoDate, lookbackDays: number): ClassifiedOrder[] {
  const identities = readOrderIdentities(requests, { asOf, lookbackDays, medications });
  return requests.map((mr, i) => {
    const id = identities[i];
    const concept: CodeableConcept | undefined = id === undefined || (id.codings.length === 0 && id.names.length === 0) ? undefined : toConcept(id.codings, id.names);
    const order: MedicationOrder = {
      reference: `MedicationRequest/${mr.id ?? "(no id)"}`,
      status: mr.status,
      authoredOn: dayOf(mr.authoredOn),
      concept,
      text: conceptText(concept),
      currency: id === undefined ? "not-active" : id.currency.state === "not-current" ? (id.currency.reason === "mme.excluded.stale" ? "stale" : "not-active") : "current",
    };
    return { ...order, classes: classify(concept, conceptTexts(concept)) };
  });
}

function toConcept(list: ReadonlyArray<{ system: string | undefined; code: string | undefined; display: string | undefined }>, names: readonly string[]): CodeableConcept {
  const coding = list.map((c) => ({ ...(c.system === undefined ? {} : { system: c.system }), ...(c.code === undefined ? {} : { code: c.code }), ...(c.display === undefined ? {} : { display: c.display }) }));
  return names[0] === undefined ? { coding } : { coding, text: names[0] };
}

const LISTS: Array<[MedicationClass, MedicationCodeList]> = [
  ["benzodiazepine", BENZODIAZEPINES], ["cns-depressant", OTHER_CNS_DEPRESSANTS], ["naloxone", NALOXONE],
  ["buprenorphine-oud", BUPRENORPHINE_OUD], ["methadone", METHADONE], ["naltrexone", NALTREXONE],
];

/**
 * Classifications already made, by what they depend on (each RxNorm coding's system and code, and the
 * texts): a population run meets the same few thousand products millions of times. Bounded: cleared
 * when full, so memory stays flat whatever the input.
 */
const CLASSIFIED = new Map<string, ClassifiedOrder["classes"]>();
const CLASSIFIED_MAX_ENTRIES = 20_000;

/** Classes by code (value sets, catalog) first; else by a name in the text or any coding's display, flagged. */
function classify(concept: CodeableConcept | undefined, texts: string[]): ClassifiedOrder["classes"] {
  const coded = codings(concept).filter((c) => isRxNormSystem(c.system) && c.code !== undefined);
  const key = JSON.stringify([coded.map((c) => [c.system ?? "", c.code ?? ""]), texts]);
  const known = CLASSIFIED.get(key);
  if (known !== undefined) return known.map((c) => ({ ...c }));
  const classes = classifyCoded(coded, texts);
  if (CLASSIFIED.size >= CLASSIFIED_MAX_ENTRIES) CLASSIFIED.clear();
  CLASSIFIED.set(key, classes.map((c) => ({ ...c })));
  return classes;
}

function classifyCoded(coded: readonly Coding[], texts: readonly string[]): ClassifiedOrder["classes"] {
  const byCode = new Set<MedicationClass>();
  for (const c of coded) for (const cls of catalogClasses(c.code ?? "")) byCode.add(cls);
  for (const [cls, list] of LISTS) if (coded.some((c) => list.valueSets.some((id) => codingInMedicationSet(c, id)))) byCode.add(cls);
  const out: ClassifiedOrder["classes"] = [...byCode].map((cls) => ({ cls, byName: false }));
  const lowers = texts.map((t) => t.toLowerCase());
  for (const [cls, list] of LISTS) {
    if (byCode.has(cls)) continue;
    if (lowers.some((lower) => nameMatches(lower, list) || (cls === "buprenorphine-oud" && isBupOudText(lower)))) out.push({ cls, byName: true });
  }
  return out;
}

function catalogClasses(code: string): MedicationClass[] {
  if (naloxoneByRxnormCode(code) !== null) return ["naloxone"];
  const product = productByRxnorm(code);
  if (product === null) return [];
  const ingredient = product.ingredients[0]?.ingredient;
  if (ingredient === "methadone") return ["methadone"];
  const oudForm = product.doseForm === "sublingual" || product.otherIngredients.includes("naloxone");
  return ingredient === "buprenorphine" && oudForm ? ["buprenorphine-oud"] : [];
}

/**
 * Each list's names as one whole-word pattern, compiled once: `\\b(?:(?:a)|(?:b))\\b` matches exactly
 * where one of `\\ba\\b`, `\\bb\\b` would (a RegExp per name and per order was most of the readiness
 * time on a large record). Null when the list has no names.
 */
const NAME_PATTERNS = new WeakMap<MedicationCodeList, { names: RegExp | null; exclude: RegExp | null }>();

function wholeWords(names: readonly string[]): RegExp | null {
  return names.length === 0 ? null : new RegExp(`\\b(?:${names.map((n) => `(?:${n})`).join("|")})\\b`);
}

function namePatterns(list: MedicationCodeList): { names: RegExp | null; exclude: RegExp | null } {
  let patterns = NAME_PATTERNS.get(list);
  if (patterns === undefined) {
    patterns = { names: wholeWords(list.names), exclude: wholeWords(list.excludeNames ?? []) };
    NAME_PATTERNS.set(list, patterns);
  }
  return patterns;
}

function nameMatches(lower: string, list: MedicationCodeList): boolean {
  const { names, exclude } = namePatterns(list);
  if (exclude !== null && exclude.test(lower)) return false;
  return names !== null && names.test(lower);
}

function isBupOudText(lower: string): boolean {
  return /\bbuprenorphine\b/.test(lower) && (/\bnaloxone\b/.test(lower) || /\bsublingual\b/.test(lower));
}

/**
 * The order's currency at the readiness as-of date, decided once by the shared rule in
 * `resolveOrders` (the as-of date and lookback given here are those it was decided with).
 */
export function currency(order: MedicationOrder, _asOf?: IsoDate, _lookbackDays?: number): Currency {
  return order.currency;
}

/** Evidence for an order, saying when it was identified by name and any remark (stale...). */
export function orderEvidence(order: ClassifiedOrder, cls: MedicationClass, note?: string): Evidence {
  const byName = order.classes.find((c) => c.cls === cls)?.byName === true;
  const remarks = [
    byName ? "identified by ingredient name in the text; no code matched" : null,
    `status ${order.status}`,
    note ?? null,
  ].filter((r): r is string => r !== null);
  const evidence: Evidence = { reference: order.reference, label: order.text || "(no medication text)", value: remarks.join("; ") };
  if (order.authoredOn !== null) evidence.date = order.authoredOn;
  return evidence;
}
