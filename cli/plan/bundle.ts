/**
 * Reads one patient's resources from a FHIR R4 Bundle file (any bundle type; Synthea
 * transaction bundles reference the patient as `urn:uuid:<id>`). Each resource is validated
 * with lib/fhir/parse.ts; one that fails is kept as unreadable (an unreadable
 * MedicationRequest makes the MME incomplete), never dropped.
 * Bad input (not JSON, not a Bundle, unknown patient) is an error sentence for exit 2.
 * (Kept small and local until a shared CLI input reader exists in cli/shared.)
 */
import { readFileSync } from "node:fs";
import type { Condition, Medication, MedicationRequest, Observation } from "fhir/r4";
import type { UnreadableResource } from "@/lib/domain";
import { parseResourceAs, unreadable } from "@/lib/fhir/parse";

export interface PatientResources {
  patientId: string;
  medicationRequests: MedicationRequest[];
  medications: Medication[];
  observations: Observation[];
  conditions: Condition[];
  /** Unreadable MedicationRequests (they go to the MME engine). */
  unreadableOrders: UnreadableResource[];
  /** Unreadable Observations and Conditions (reported in the output). */
  unreadableOther: UnreadableResource[];
}

export type ReadResult = { ok: true; resources: PatientResources } | { ok: false; error: string };

const obj = (v: unknown): Record<string, unknown> | null => (typeof v === "object" && v !== null && !Array.isArray(v) ? Object.fromEntries(Object.entries(v)) : null);
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);

export function readPatientResources(path: string, patientId: string): ReadResult {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    return { ok: false, error: `cannot read ${path}: ${e instanceof Error ? e.message : String(e)}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: `${path} is not JSON` };
  }
  const bundle = obj(json);
  if (bundle === null || bundle.resourceType !== "Bundle" || !Array.isArray(bundle.entry)) return { ok: false, error: `${path} is not a FHIR Bundle with entries` };
  const entries = bundle.entry.map((e) => ({ fullUrl: str(obj(e)?.fullUrl), resource: obj(e)?.resource }));
  const patient = entries.find((e) => str(obj(e.resource)?.resourceType) === "Patient" && str(obj(e.resource)?.id) === patientId);
  if (patient === undefined) return { ok: false, error: `patient ${patientId} is not in ${path}` };
  const refs = new Set([`Patient/${patientId}`, `urn:uuid:${patientId}`, ...(patient.fullUrl === null ? [] : [patient.fullUrl])]);
  return { ok: true, resources: collect(entries.map((e) => e.resource), refs, patientId) };
}

function subjectOf(raw: unknown): string | null {
  const r = obj(raw);
  return str(obj(r?.subject)?.reference) ?? str(obj(r?.patient)?.reference);
}

function belongs(raw: unknown, refs: Set<string>): boolean {
  const ref = subjectOf(raw);
  return ref !== null && (refs.has(ref) || [...refs].some((r) => r.startsWith("Patient/") && ref.endsWith(`/${r}`)));
}

function collect(raws: unknown[], refs: Set<string>, patientId: string): PatientResources {
  const out: PatientResources = { patientId, medicationRequests: [], medications: [], observations: [], conditions: [], unreadableOrders: [], unreadableOther: [] };
  for (const raw of raws) {
    const type = str(obj(raw)?.resourceType);
    if (type === "Medication") {
      const p = parseResourceAs("Medication", raw);
      if (p.ok) out.medications.push(p.resource); else out.unreadableOther.push(p.unreadable);
      continue;
    }
    if (type !== "MedicationRequest" && type !== "Observation" && type !== "Condition") continue;
    if (!belongs(raw, refs)) {
      if (subjectOf(raw) === null) (type === "MedicationRequest" ? out.unreadableOrders : out.unreadableOther).push(unreadable(raw, ["subject: missing, so the patient is unknown"]).unreadable);
      continue;
    }
    fileOne(out, type, raw);
  }
  return out;
}

function fileOne(out: PatientResources, type: "MedicationRequest" | "Observation" | "Condition", raw: unknown): void {
  if (type === "MedicationRequest") {
    const p = parseResourceAs("MedicationRequest", raw);
    if (p.ok) out.medicationRequests.push(p.resource); else out.unreadableOrders.push(p.unreadable);
  } else if (type === "Observation") {
    const p = parseResourceAs("Observation", raw);
    if (p.ok) out.observations.push(p.resource); else out.unreadableOther.push(p.unreadable);
  } else {
    const p = parseResourceAs("Condition", raw);
    if (p.ok) out.conditions.push(p.resource); else out.unreadableOther.push(p.unreadable);
  }
}
