/**
 * One patient's stored resources -> typed, validated resources (lib/fhir/parse.ts), with the
 * ones that fail validation kept as UnreadableResource (never dropped), and the Medications
 * its orders reference resolved from the input (contained ones stay in their order).
 */
import type { Medication, MedicationRequest } from "fhir/r4";
import type { UnreadableResource } from "@/lib/domain";
import { isParsedResourceType, parseResourceAs, unreadable, type ParsedResourceByType, type ParsedResourceType } from "@/lib/fhir/parse";
import { normalizeReference } from "./references";
import type { InputStore, PatientBucket, StoredResource } from "./store";

export type ParsedPatient = {
  ref: string;
  patient: ParsedResourceByType["Patient"] | null;
  resources: { [K in ParsedResourceType]: ParsedResourceByType[K][] };
  unreadable: UnreadableResource[];
  medications: Medication[];
};

function rawOf(stored: StoredResource): { ok: true; raw: unknown } | { ok: false; issue: string } {
  if (stored.text === null) return { ok: true, raw: stored.value };
  try {
    return { ok: true, raw: JSON.parse(stored.text) };
  } catch (e) {
    return { ok: false, issue: `not JSON (${e instanceof Error ? e.message : String(e)})` };
  }
}

function emptyResources(): ParsedPatient["resources"] {
  return { MedicationRequest: [], Medication: [], Observation: [], Condition: [], CarePlan: [], Patient: [], Bundle: [], OperationOutcome: [] };
}

function fileParsed<K extends ParsedResourceType>(out: ParsedPatient, type: K, raw: unknown): void {
  const parsed = parseResourceAs(type, raw);
  if (parsed.ok) out.resources[type].push(parsed.resource);
  else out.unreadable.push(parsed.unreadable);
}

/** Medications referenced by the orders and present in the input (parsed once per call). */
function referencedMedications(orders: readonly MedicationRequest[], store: InputStore, out: ParsedPatient): Medication[] {
  const found = new Map<StoredResource, Medication>();
  for (const mr of orders) {
    const ref = mr.medicationReference?.reference;
    if (ref === undefined || ref.startsWith("#")) continue;
    const stored = store.medications.get(ref) ?? store.medications.get(normalizeReference(ref));
    if (stored === undefined || found.has(stored)) continue;
    const raw = rawOf(stored);
    const parsed = raw.ok ? parseResourceAs("Medication", raw.raw) : null;
    if (parsed?.ok === true) found.set(stored, parsed.resource);
    else if (parsed !== null) out.unreadable.push(parsed.unreadable);
  }
  return [...found.values()];
}

/** Parses one patient's resources. */
export function parsePatient(bucket: PatientBucket, store: InputStore): ParsedPatient {
  const out: ParsedPatient = { ref: bucket.ref, patient: null, resources: emptyResources(), unreadable: [], medications: [] };
  for (const stored of bucket.resources) {
    const raw = rawOf(stored);
    if (!raw.ok) {
      out.unreadable.push(unreadable(null, [raw.issue]).unreadable);
      continue;
    }
    if (isParsedResourceType(stored.resourceType)) fileParsed(out, stored.resourceType, raw.raw);
    else out.unreadable.push(unreadable(raw.raw, [`resourceType: ${stored.resourceType} is not read by this command`]).unreadable);
  }
  out.patient = out.resources.Patient[0] ?? null;
  out.medications = referencedMedications(out.resources.MedicationRequest, store, out);
  return out;
}
