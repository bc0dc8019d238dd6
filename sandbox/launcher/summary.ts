/**
 * The launcher's one-line summary of a patient: current opioid orders and the MME band,
 * computed the way the app computes them: the record's MedicationRequests and Medications
 * parsed by lib/fhir/parse, then lib/mme's calculateMme (CDC 2022 factors) as of the
 * sandbox's day. Works for scenario patients and for SANDBOX_DATA patients alike.
 */
import type { MemoryRepository } from "@medplum/fhir-router";
import type { Medication, MedicationRequest } from "fhir/r4";
import type { MmeResult, UnreadableResource } from "@/lib/domain";
import { parseResource } from "@/lib/fhir/parse";
import { calculateMme, describeTotal, MME_BAND_HIGH, MME_BAND_REASSESS } from "@/lib/mme";

export interface PatientSummaryLine {
  opioids: string[];
  /** e.g. "120 MME/day (at or above 90)". */
  mmeBand: string;
}

/** 50 and 90 MME/day are informational bands (CDC 2022 supporting text; clinical-sources.md section 1.9). */
export function mmeBandLabel(result: Pick<MmeResult, "state" | "totalMmePerDay">): string {
  const total = result.totalMmePerDay;
  if (result.state === "unknown" || total === null) return "MME unknown";
  const band = total >= MME_BAND_HIGH ? "at or above 90" : total >= MME_BAND_REASSESS ? "50 to under 90" : "under 50";
  return `${describeTotal(result)} (${band})`;
}

/** Current opioid orders and MME band of one patient, as of `asOf` (YYYY-MM-DD). */
export async function summarizePatient(repo: MemoryRepository, patientId: string, asOf: string): Promise<PatientSummaryLine> {
  const raw = await repo.searchResources({
    resourceType: "MedicationRequest",
    filters: [{ code: "subject", operator: "eq", value: `Patient/${patientId}` }],
    count: 10_000,
  });
  const medicationRequests: MedicationRequest[] = [];
  const unreadable: UnreadableResource[] = [];
  const medicationIds = new Set<string>();
  for (const r of raw) {
    const parsed = parseResource(r);
    if (!parsed.ok) unreadable.push(parsed.unreadable);
    else if (parsed.resource.resourceType === "MedicationRequest") {
      medicationRequests.push(parsed.resource);
      const ref = parsed.resource.medicationReference?.reference;
      if (ref?.startsWith("Medication/")) medicationIds.add(ref.slice("Medication/".length));
    }
  }
  const medications = await readMedications(repo, medicationIds);
  const result = calculateMme({ medicationRequests, medications, unreadable, asOf });
  const opioids = result.orders.flatMap((o) => {
    if (o.status === "counted") return [o.display];
    if (o.status === "not-computable") return [`${o.display} (not computable)`];
    return o.reason === "mme.excluded.buprenorphine" ? [`${o.display} (buprenorphine: not counted)`] : [];
  });
  return { opioids: [...new Set(opioids)], mmeBand: mmeBandLabel(result) };
}

async function readMedications(repo: MemoryRepository, ids: ReadonlySet<string>): Promise<Medication[]> {
  const out: Medication[] = [];
  for (const id of ids) {
    try {
      const parsed = parseResource(await repo.readResource("Medication", id));
      if (parsed.ok && parsed.resource.resourceType === "Medication") out.push(parsed.resource);
    } catch {
      // A missing Medication leaves its order not computable; calculateMme says so.
    }
  }
  return out;
}
