/**
 * Identifies the medication of a CodeableConcept: RxNorm codings in the catalog first (the
 * first coding that is a full product wins, as in the CDC MME IG, but a full product beats an
 * ingredient-level code anywhere in the list), then NDC codings through the NDC table, then
 * the RxNorm normalized name in coding.display / text (flagged).
 */
import type { Assumption } from "@/lib/domain";
import { isNdcSystem, isRxNormSystem } from "@/lib/domain/code-systems";
import type { CodeableConcept, Coding } from "fhir/r4";
import { lookupRxnorm, type RxnormLookup } from "@/lib/mme/catalog";
import { parseProductName } from "./name";
import type { NdcLookup, NdcMatch } from "@/lib/mme/ndc";
import type { Identification } from "./types";


export function conceptName(concept: CodeableConcept | undefined): string {
  const display = concept?.coding?.find((c) => c.display !== undefined && c.display.trim() !== "")?.display;
  return concept?.text ?? display ?? concept?.coding?.find((c) => c.code !== undefined)?.code ?? "(no medication name)";
}

const NAME_PARSE_ASSUMPTION = (name: string): Assumption => ({
  code: "mme.assume.name-parse",
  message: `Product identified from its name "${name}" (code not in the catalog): check the strength and form.`,
});

function codesOf(concept: CodeableConcept, isSystem: (system: string | undefined) => boolean): Coding[] {
  return (concept.coding ?? []).filter((c) => isSystem(c.system) && c.code !== undefined && c.code.trim() !== "");
}

const HIT_RANK = { product: 0, "ingredient-level": 1, naloxone: 2 } as const;

/** The best RxNorm hit: the first full product, else the first ingredient-level code, else naloxone. */
function fromRxnorm(concept: CodeableConcept): { hit: RxnormLookup; coding: Coding } | null {
  let best: { hit: RxnormLookup; coding: Coding } | null = null;
  for (const coding of concept.coding ?? []) {
    if (!isRxNormSystem(coding.system) || coding.code === undefined) continue;
    const hit = lookupRxnorm(coding.code);
    if (hit === null) continue;
    if (hit.kind === "product") return { hit, coding };
    if (best === null || HIT_RANK[hit.kind] < HIT_RANK[best.hit.kind]) best = { hit, coding };
  }
  return best;
}

function fromNdc(concept: CodeableConcept, ndcLookup: NdcLookup | undefined): Identification | null {
  if (ndcLookup === undefined) return null;
  for (const coding of codesOf(concept, isNdcSystem)) {
    const found = identificationFromNdc(ndcLookup(coding.code ?? ""));
    if (found !== null) return found;
  }
  return null;
}

function displayDiscrepancy(coding: Coding, code: string): string[] {
  if (coding.display === undefined) return [];
  const reading = parseProductName(coding.display);
  return reading.kind === "opioid-without-strength"
    ? [`The order's name "${coding.display}" states no strength; the strength comes from RxNorm code ${code}.`]
    : [];
}

function fromHit(hit: RxnormLookup, coding: Coding): Identification {
  const code = coding.code ?? "";
  if (hit.kind === "product") {
    return { kind: "product", product: hit.product, source: "rxnorm-catalog", assumptions: [], discrepancies: displayDiscrepancy(coding, code) };
  }
  if (hit.kind === "naloxone") return { kind: "naloxone", name: hit.product.name };
  const { entry } = hit;
  return { kind: "opioid-without-strength", name: entry.name, ingredients: [...entry.ingredients], doseForm: entry.doseForm, source: "rxnorm-catalog", assumptions: [] };
}

function fromNames(concept: CodeableConcept): Identification | null {
  const names = [...(concept.coding ?? []).map((c) => c.display), concept.text].filter((n): n is string => n !== undefined && n.trim() !== "");
  let fallback: Identification | null = null;
  for (const name of names) {
    const reading = parseProductName(name);
    if (reading.kind === "product") {
      return { kind: "product", product: reading.product, source: "name-parse", assumptions: [NAME_PARSE_ASSUMPTION(name)], discrepancies: [] };
    }
    if (reading.kind === "opioid-without-strength" && fallback?.kind !== "opioid-without-strength") {
      fallback = { kind: "opioid-without-strength", name, ingredients: reading.ingredients, doseForm: reading.doseForm, source: "name-parse", assumptions: [] };
    } else if (reading.kind === "naloxone" && fallback === null) {
      fallback = { kind: "naloxone", name };
    }
  }
  return fallback;
}

/**
 * Nothing matched. A name that names no opioid means "not an opioid"; a code alone, without
 * any name, means "unidentified" (it may be an opioid the catalog lacks).
 */
function unrecognised(concept: CodeableConcept, ndcLookup: NdcLookup | undefined): Identification {
  const name = conceptName(concept);
  const checkedNdc = ndcLookup !== undefined && codesOf(concept, isNdcSystem).length > 0;
  const named = concept.text !== undefined || (concept.coding ?? []).some((c) => c.display !== undefined && c.display.trim() !== "");
  if (named) {
    return { kind: "not-opioid", name, message: `${name}: not an opioid analgesic (its code and name match no opioid product).` };
  }
  // A code alone (RxNorm not in the catalog, NDC not in the 2018 table, a local code) cannot
  // rule out an opioid: the catalog does not hold every opioid product ever coded. Unknown
  // beats wrong: a current order like this makes the MME incomplete instead of lowering it.
  const coded = codesOf(concept, isRxNormSystem).length > 0 || checkedNdc ? "its code is not in the app's opioid catalog" : "it has no RxNorm or NDC code";
  return { kind: "unidentified", name, message: `The medication could not be identified (${name}): ${coded} and the order gives no name, so it may be an opioid.` };
}

/** Identifies the medication named by a CodeableConcept. Never throws. */
export function identifyConcept(concept: CodeableConcept, ndcLookup: NdcLookup | undefined): Identification {
  const rx = fromRxnorm(concept);
  if (rx !== null && rx.hit.kind === "product") return fromHit(rx.hit, rx.coding);
  const ndc = fromNdc(concept, ndcLookup);
  if (ndc !== null) return ndc;
  if (rx !== null) return fromHit(rx.hit, rx.coding);
  return fromNames(concept) ?? unrecognised(concept, ndcLookup);
}

/** An NDC match as an identification; null when the NDC is not in the table. */
function identificationFromNdc(match: NdcMatch | null): Identification | null {
  if (match === null) return null;
  const name = `${match.row.productName} (${match.row.genericName}, NDC ${match.ndc})`;
  if (match.product !== null) return { kind: "product", product: match.product, source: "ndc-table", assumptions: [], discrepancies: [] };
  if (match.ingredient !== null) {
    return { kind: "opioid-without-strength", name, ingredients: [match.ingredient], doseForm: null, source: "ndc-table", assumptions: [] };
  }
  return { kind: "unidentified", name, message: `${name}: ${match.row.drug} is not an opioid this calculator has a factor for.` };
}
