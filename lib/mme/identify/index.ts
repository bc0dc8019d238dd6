/**
 * Step 1 of a reading: which product is this order? Every place the order names its medication
 * is read (lib/mme/identify/readings.ts): `medicationCodeableConcept` (each coding, each name),
 * the `medicationReference`'s Medication (contained or supplied: its code and its ingredient
 * strengths) and the reference's display; an order carrying both a concept and a reference (seen
 * in HIE data) has both read. The readings must agree (lib/mme/identify/agree.ts).
 * Two stages, so that the many orders of a record that are not current cost little: `collect`
 * reads (shared, cached readings) and `classify` says cheaply whether any reading names an
 * opioid; `identify` checks that they agree. Reads unparsed JSON; never throws.
 */
import type { OpioidProduct } from "@/lib/domain";
import type { NdcLookup } from "@/lib/mme/ndc";
import { at, obj, text, type JsonObject } from "@/lib/mme/read/json";
import { agree, type Identity } from "./agree";
import { findMedication, medicationLabel, rawConceptLabel } from "./medication";
import { addName, conceptReadings, medicationReadings, type ProductReading } from "./readings";

export type { Identity } from "./agree";
export type { ProductReading } from "./readings";
export { describeStrengths, sameStrengths } from "./agree";
export { indexMedications } from "./medication";
export { readProductName, productFromName, type NameReading } from "./name";

export interface IdentifyContext {
  medications: ReadonlyMap<string, JsonObject>;
  ndcLookup: NdcLookup | undefined;
}

/** Every product reading of an order, and what the order calls its medication. */
export interface Collected {
  readings: ProductReading[];
  name: string;
  /** The order carries a name (a display or text), not only codes. */
  named: boolean;
  /** The order names no medication at all. */
  empty: boolean;
  /** A referenced Medication that was not provided (its reference). */
  unresolved: string | null;
  refDisplay: string | undefined;
}

export function collectReadings(order: unknown, ctx: IdentifyContext): Collected {
  const readings: ProductReading[] = [];
  const names: string[] = [];
  const mccRaw = at(order, "medicationCodeableConcept");
  const mcc = obj(mccRaw);
  if (mcc !== null) conceptReadings(mcc, ctx.ndcLookup, readings, names);
  const ref = at(order, "medicationReference");
  const refText = ref === undefined ? undefined : text(at(ref, "reference"));
  const refDisplay = ref === undefined ? undefined : text(at(ref, "display"));
  const med = ref === undefined ? null : findMedication(order, ctx.medications);
  const medLabel = med === null ? undefined : medicationLabel(med);
  if (med !== null) medicationReadings(med, refText ?? medLabel ?? "the Medication", ctx.ndcLookup, readings, names);
  addName(refDisplay, readings, names);
  return {
    readings,
    name: (mcc === null ? undefined : rawConceptLabel(mcc)) ?? medLabel ?? refDisplay ?? refText ?? "(no medication name)",
    named: names.length > 0 || (med !== null && readings.length > 0),
    empty: mcc === null && ref === undefined,
    unresolved: refText !== undefined && med === null && mcc === null ? refText : null,
    refDisplay,
  };
}

/** What the readings name, without checking that they agree: enough to set aside orders that are not opioids or not current. */
export function classify(c: Collected): "opioid" | "naloxone" | "not-opioid" | "unidentified" {
  if (c.empty) return "unidentified";
  let naloxone = false;
  let unsupported = false;
  for (const r of c.readings) {
    if (r.claim.kind === "opioid") return "opioid";
    if (r.claim.kind === "naloxone") naloxone = true;
    if (r.claim.kind === "unsupported-opioid") unsupported = true;
  }
  if (unsupported) return "unidentified";
  if (naloxone) return "naloxone";
  return c.named ? "not-opioid" : "unidentified";
}

/**
 * The product of an opioid order that will not be read further (not current): the most specific
 * reading that states one, without the agreement check (it is shown, never counted), or null.
 */
export function firstProduct(c: Collected): OpioidProduct | null {
  for (const source of ["rxnorm-catalog", "ndc-table", "medication-resource", "name-parse"] as const) {
    for (const r of c.readings) if (r.source === source && r.claim.kind === "opioid" && r.claim.product !== null) return r.claim.product;
  }
  return null;
}

/** The identity of an order from its collected readings (they must agree). */
export function identify(c: Collected): Identity {
  const identity = agree(c.readings, c.name, c.named);
  if (c.empty) return { kind: "unidentified", name: c.name, message: "The order names no medication.", readings: c.readings };
  if (identity.kind === "unidentified" && c.unresolved !== null) {
    return { ...identity, message: `The referenced medication (${c.unresolved}) was not provided, so it could not be identified.` };
  }
  if (identity.kind === "opioid" && c.unresolved !== null) {
    identity.remarks.push(`The referenced Medication (${c.unresolved}) was not provided: identified from its name "${c.refDisplay ?? ""}" only.`);
  }
  return identity;
}

/** Identifies the medication of an order from every reading it carries. */
export function identifyOrder(order: unknown, ctx: IdentifyContext): Identity {
  return identify(collectReadings(order, ctx));
}
