/**
 * Step 1 of a reading: which product is this order? Every place the order names its medication
 * is read (lib/mme/identify/readings.ts): `medicationCodeableConcept` (each coding, each name),
 * the `medicationReference`'s Medication (contained or supplied: its code and its ingredient
 * strengths) and the reference's display; an order carrying both a concept and a reference (seen
 * in HIE data) has both read. The readings must agree (lib/mme/identify/agree.ts).
 * Reads unparsed JSON; never throws.
 */
import type { NdcLookup } from "@/lib/mme/ndc";
import { at, concept, text, type JsonObject } from "@/lib/mme/read/json";
import { agree, type Identity } from "./agree";
import { conceptLabel, findMedication, medicationLabel } from "./medication";
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

/** Identifies the medication of an order from every reading it carries. */
export function identifyOrder(order: unknown, ctx: IdentifyContext): Identity {
  const readings: ProductReading[] = [];
  const names = new Set<string>();
  const mcc = concept(at(order, "medicationCodeableConcept"));
  if (mcc !== null) conceptReadings(mcc, ctx.ndcLookup, readings, names);
  const ref = at(order, "medicationReference");
  const refText = text(at(ref, "reference"));
  const refDisplay = text(at(ref, "display"));
  const med = findMedication(order, ctx.medications);
  const medLabel = med === null ? undefined : medicationLabel(med);
  if (med !== null) medicationReadings(med, refText ?? medLabel ?? "the Medication", ctx.ndcLookup, readings, names);
  addName(refDisplay, readings, names);
  const name = conceptLabel(mcc) ?? medLabel ?? refDisplay ?? refText ?? "(no medication name)";
  const identity = agree(readings, name, names.size > 0 || (med !== null && readings.length > 0));
  if (mcc === null && ref === undefined) return { kind: "unidentified", name, message: "The order names no medication.", readings };
  if (identity.kind === "unidentified" && refText !== undefined && med === null && mcc === null) {
    return { ...identity, message: `The referenced medication (${refText}) was not provided, so it could not be identified.` };
  }
  if (identity.kind === "opioid" && refText !== undefined && med === null && mcc === null) {
    identity.remarks.push(`The referenced Medication (${refText}) was not provided: identified from its name "${refDisplay ?? ""}" only.`);
  }
  return identity;
}
