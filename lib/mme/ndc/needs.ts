/**
 * Whether any order needs the NDC table: a medication carrying an NDC coding (in the order's
 * concept, a contained Medication, or a supplied Medication). Every NDC coding is a reading of the
 * product that must agree with the others (lib/mme/identify), so the table is needed even when an
 * RxNorm code is present. The caller then loads the table lazily (loadNdcLookup); otherwise the
 * ~56 KB (gzipped) table is never downloaded. Reads unparsed JSON; never throws.
 */
import { isNdcSystem } from "@/lib/domain/code-systems";
import { arr, at } from "@/lib/mme/read/json";

function hasNdc(concept: unknown): boolean {
  for (const c of arr(at(concept, "coding"))) if (isNdcSystem(typeof at(c, "system") === "string" ? String(at(c, "system")) : undefined) && typeof at(c, "code") === "string") return true;
  return false;
}

function medicationHasNdc(resource: unknown): boolean {
  return at(resource, "resourceType") === "Medication" && hasNdc(at(resource, "code"));
}

export function needsNdcLookup(requests: readonly unknown[], medications: readonly unknown[] = []): boolean {
  for (const r of arr(requests)) {
    if (hasNdc(at(r, "medicationCodeableConcept"))) return true;
    for (const c of arr(at(r, "contained"))) if (medicationHasNdc(c)) return true;
  }
  for (const m of arr(medications)) if (medicationHasNdc(m)) return true;
  return false;
}
