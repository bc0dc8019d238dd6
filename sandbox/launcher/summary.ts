/**
 * The launcher's one-line summary of a patient: current opioid orders and the MME band,
 * computed the way the app computes them: the record's MedicationRequests and Medications
 * filed by the shared loader (lib/fhir/load), then lib/mme's calculateMme (CDC 2022 factors) as of the
 * sandbox's day. Works for scenario patients and for SANDBOX_DATA patients alike.
 */
import type { MemoryRepository } from "@medplum/fhir-router";
import type { MmeResult } from "@/lib/domain";
import { loadResources, normalizeReference, unreadableOrders } from "@/lib/fhir/load";
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
  const orders = loadResources(raw, { expected: ["MedicationRequest"], patientId });
  const medicationIds = new Set(orders.medicationRequests.flatMap((o) => {
    const ref = o.medicationReference?.reference;
    const target = ref === undefined ? "" : normalizeReference(ref);
    return target.startsWith("Medication/") ? [target.slice("Medication/".length)] : [];
  }));
  const medications = loadResources(await readMedications(repo, medicationIds), { expected: ["Medication"], patientId: null }).medications;
  const result = calculateMme({ medicationRequests: orders.medicationRequests, medications, unreadable: unreadableOrders(orders.unreadable), asOf });
  const opioids = result.orders.flatMap((o) => {
    if (o.status === "counted") return [o.display];
    if (o.status === "not-computable") return [`${o.display} (not computable)`];
    return o.reason === "mme.excluded.buprenorphine" ? [`${o.display} (buprenorphine: not counted)`] : [];
  });
  return { opioids: [...new Set(opioids)], mmeBand: mmeBandLabel(result) };
}

/** The raw Medications by id; a missing one leaves its order not computable (calculateMme says so). */
async function readMedications(repo: MemoryRepository, ids: ReadonlySet<string>): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const id of ids) {
    try {
      out.push(await repo.readResource("Medication", id));
    } catch {
      // not in the repository: see above
    }
  }
  return out;
}
