/**
 * Medication orders for readiness: resolve each MedicationRequest's medication (code or
 * referenced/contained Medication), decide whether it is current, and classify it
 * (benzodiazepine, other CNS depressant, naloxone, buprenorphine for OUD, methadone).
 */
import type { CodeableConcept, Medication, MedicationRequest, Resource } from "fhir/r4";
import type { Evidence, IsoDate } from "@/lib/domain";
import { isRxNormSystem } from "@/lib/domain/code-systems";
import { parseReference } from "@/lib/domain/references";
import { naloxoneByRxnormCode, productByRxnorm } from "@/lib/mme/catalog";
import {
  BENZODIAZEPINES, BUPRENORPHINE_OUD, type MedicationClass, type MedicationCodeList, METHADONE, NALOXONE, NALTREXONE, OTHER_CNS_DEPRESSANTS,
} from "../codes/medications";
import { codingInMedicationSet } from "../codes/valuesets";
import { daysBetween } from "../dates";
import { codings, conceptText, conceptTexts, dayOf } from "./fhir";

export interface MedicationOrder {
  reference: string;
  status: string;
  authoredOn: IsoDate | null;
  validUntil: IsoDate | null;
  concept: CodeableConcept | undefined;
  text: string;
}

export interface ClassifiedOrder extends MedicationOrder {
  classes: Array<{ cls: MedicationClass; byName: boolean }>;
}

/** Every MedicationRequest with its medication resolved and classified (a code first, else the name, flagged). */
export function resolveOrders(requests: readonly MedicationRequest[], medications: readonly Medication[]): ClassifiedOrder[] {
  return requests.map((mr) => {
    const concept = mr.medicationCodeableConcept ?? referencedConcept(mr, medications);
    const order: MedicationOrder = {
      reference: `MedicationRequest/${mr.id ?? "(no id)"}`,
      status: mr.status,
      authoredOn: dayOf(mr.authoredOn),
      validUntil: dayOf(mr.dispenseRequest?.validityPeriod?.end),
      concept,
      text: conceptText(concept),
    };
    return { ...order, classes: classify(concept, conceptTexts(concept)) };
  });
}

function referencedConcept(mr: MedicationRequest, medications: readonly Medication[]): CodeableConcept | undefined {
  const ref = mr.medicationReference?.reference;
  if (ref === undefined) return mr.medicationReference?.display === undefined ? undefined : { text: mr.medicationReference.display };
  const contained = ref.startsWith("#") ? (mr.contained ?? []).filter(isMedication).find((r) => r.id === ref.slice(1)) : undefined;
  if (contained !== undefined) return contained.code;
  const target = parseReference(ref);
  return medications.find((m) => target?.resourceType === "Medication" && m.id === target.id)?.code ?? (mr.medicationReference?.display === undefined ? undefined : { text: mr.medicationReference.display });
}

function isMedication(resource: Resource): resource is Medication {
  return resource.resourceType === "Medication";
}

const LISTS: Array<[MedicationClass, MedicationCodeList]> = [
  ["benzodiazepine", BENZODIAZEPINES], ["cns-depressant", OTHER_CNS_DEPRESSANTS], ["naloxone", NALOXONE],
  ["buprenorphine-oud", BUPRENORPHINE_OUD], ["methadone", METHADONE], ["naltrexone", NALTREXONE],
];

/** Classes by code (value sets, catalog) first; else by a name in the text or any coding's display, flagged. */
function classify(concept: CodeableConcept | undefined, texts: string[]): ClassifiedOrder["classes"] {
  const coded = codings(concept).filter((c) => isRxNormSystem(c.system) && c.code !== undefined);
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

/** Each list's name patterns, compiled once (a RegExp per name and per order was most of the readiness time on a large record). */
const NAME_PATTERNS = new WeakMap<MedicationCodeList, { names: RegExp[]; exclude: RegExp[] }>();

function namePatterns(list: MedicationCodeList): { names: RegExp[]; exclude: RegExp[] } {
  let patterns = NAME_PATTERNS.get(list);
  if (patterns === undefined) {
    const compile = (n: string): RegExp => new RegExp(`\\b${n}\\b`);
    patterns = { names: list.names.map(compile), exclude: (list.excludeNames ?? []).map(compile) };
    NAME_PATTERNS.set(list, patterns);
  }
  return patterns;
}

function nameMatches(lower: string, list: MedicationCodeList): boolean {
  const { names, exclude } = namePatterns(list);
  if (exclude.some((re) => re.test(lower))) return false;
  return names.some((re) => re.test(lower));
}

function isBupOudText(lower: string): boolean {
  return /\bbuprenorphine\b/.test(lower) && (/\bnaloxone\b/.test(lower) || /\bsublingual\b/.test(lower));
}

export type Currency = "current" | "stale" | "not-active";

/** Active and authored within the lookback (or still valid): current. Active but older: stale (shown, not counted). */
export function currency(order: MedicationOrder, asOf: IsoDate, lookbackDays: number): Currency {
  if (order.status !== "active") return "not-active";
  if (order.validUntil !== null && order.validUntil >= asOf) return "current";
  if (order.authoredOn === null) return "current";
  const age = daysBetween(order.authoredOn, asOf);
  return age !== null && age <= lookbackDays ? "current" : "stale";
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
