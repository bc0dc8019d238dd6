/**
 * Reads one patient's resources from a FHIR R4 Bundle file (any bundle type; Synthea
 * transaction bundles reference the patient as `urn:uuid:<id>`) with the shared loader
 * (lib/fhir/load: grouping by patient, validation, referenced Medications). A resource that
 * fails validation is kept as unreadable (an unreadable MedicationRequest makes the MME
 * incomplete), never dropped; so is an order whose patient cannot be told (no subject).
 * Bad input (not JSON, not a Bundle, unknown patient) is an error sentence for exit 2.
 */
import { readFileSync } from "node:fs";
import type { CarePlan, Condition, Medication, MedicationRequest, Observation, Patient } from "fhir/r4";
import type { UnreadableResource } from "@/lib/domain";
import { fileBundle, loadPatient, parseNdjsonLine, PatientGroups, unreadableOrders, type FiledType, type SourcedResource } from "@/lib/fhir/load";

export interface PatientResources {
  patientId: string;
  /** The Patient resource (deceased[x] for readiness); null when unreadable. */
  patient: Patient | null;
  medicationRequests: MedicationRequest[];
  medications: Medication[];
  observations: Observation[];
  conditions: Condition[];
  /** The patient's CarePlans (read only with `carePlans: true`, for `--follow-up`). */
  carePlans: CarePlan[];
  /** Unreadable MedicationRequests (they go to the MME engine). */
  unreadableOrders: UnreadableResource[];
  /** Unreadable Observations and Conditions (reported in the output). */
  unreadableOther: UnreadableResource[];
}

export type ReadResult = { ok: true; resources: PatientResources } | { ok: false; error: string };

const READ: readonly FiledType[] = ["MedicationRequest", "Observation", "Condition"];
const READ_WITH_CAREPLANS: readonly FiledType[] = [...READ, "CarePlan"];

/** `carePlans`: also read the patient's CarePlans (follow-up); an unreadable one is then among `unreadableOther`. */
export function readPatientResources(path: string, patientId: string, options: { carePlans?: boolean } = {}): ReadResult {
  const read = options.carePlans === true ? READ_WITH_CAREPLANS : READ;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    return { ok: false, error: `cannot read ${path}: ${e instanceof Error ? e.message : String(e)}` };
  }
  const json = parseNdjsonLine(text);
  if (!json.ok) return { ok: false, error: `${path} is not JSON` };
  const groups = new PatientGroups<SourcedResource>(new Set(read));
  const filed = fileBundle(groups, json.raw, path, (value, origin): SourcedResource => ({ text: null, value, origin }));
  if (!filed.ok) return { ok: false, error: `${path} is ${filed.issue}` };
  // An order whose patient cannot be told may be this patient's: it makes the MME incomplete.
  const orphans: UnreadableResource[] = filed.unattributed
    .filter((u) => u.resourceType === null || u.resourceType === "MedicationRequest")
    .map((u) => ({ resourceType: u.resourceType, id: u.id, reference: u.resourceType !== null && u.id !== null ? `${u.resourceType}/${u.id}` : null, issues: u.issues.map((i) => `${u.origin}: ${i}`), display: null }));
  const group = groups.patient(`Patient/${patientId}`);
  const loaded = group === undefined ? null : loadPatient(group.items, (ref) => groups.medication(ref), read);
  if (loaded === null || (loaded.patient === null && !loaded.unreadable.some((u) => u.resourceType === "Patient"))) return { ok: false, error: `patient ${patientId} is not in ${path}` };
  const all = [...loaded.unreadable, ...orphans];
  const orders = unreadableOrders(all);
  return {
    ok: true,
    resources: {
      patientId,
      patient: loaded.patient,
      medicationRequests: loaded.medicationRequests,
      medications: loaded.medications,
      observations: loaded.observations,
      conditions: loaded.conditions,
      carePlans: loaded.carePlans,
      unreadableOrders: orders,
      unreadableOther: all.filter((u) => !orders.includes(u)),
    },
  };
}
