/**
 * The launcher's one-line summary of a patient: current opioid orders and the MME band.
 * Opioids are recognized with lib/mme's RxNorm catalog. The band comes from the scenario's
 * hand-computed expectation (CDC 2022 factors, docs/qa.md); patients loaded from SANDBOX_DATA
 * show their opioid list only.
 */
import type { MemoryRepository } from "@medplum/fhir-router";
import type { Coding, Medication, MedicationRequest } from "@medplum/fhirtypes";
import { productByRxnorm } from "@/lib/mme/catalog";
import { scenarioById } from "../scenarios";

const RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

export interface PatientSummaryLine {
  opioids: string[];
  /** e.g. "120 MME/day (at or above 90)"; null when not computed here. */
  mmeBand: string | null;
}

/** 50 and 90 MME/day: informational bands (CDC 2022 supporting text; clinical.md section 1.9). */
export const MME_BAND_LOW = 50;
export const MME_BAND_HIGH = 90;

export function mmeBandLabel(mmePerDay: number, complete: boolean): string {
  const band = mmePerDay >= MME_BAND_HIGH ? "at or above 90" : mmePerDay >= MME_BAND_LOW ? "50 to under 90" : "under 50";
  return `${complete ? "" : "at least "}${mmePerDay} MME/day (${band})`;
}

export async function summarizePatient(repo: MemoryRepository, patientId: string): Promise<PatientSummaryLine> {
  const orders = await repo.searchResources<MedicationRequest>({
    resourceType: "MedicationRequest",
    filters: [
      { code: "subject", operator: "eq", value: `Patient/${patientId}` },
      { code: "status", operator: "eq", value: "active" },
    ],
    count: 1000,
  });
  const names = await Promise.all(orders.map((o) => orderCodings(repo, o).then(opioidName)));
  const opioids = [...new Set(names.flatMap((n) => n ?? []))];
  const scenario = scenarioById(patientId);
  const mmeBand = scenario ? mmeBandLabel(scenario.expected.mmePerDay, scenario.expected.completeness === "complete") : null;
  return { opioids, mmeBand };
}

/** The order's medication codings, inline or from its Medication resource. */
async function orderCodings(repo: MemoryRepository, order: MedicationRequest): Promise<Coding[]> {
  const inline = order.medicationCodeableConcept?.coding;
  if (Array.isArray(inline)) return inline;
  const reference = order.medicationReference?.reference;
  if (!reference?.startsWith("Medication/")) return [];
  try {
    const med = await repo.readResource<Medication>("Medication", reference.slice("Medication/".length));
    return med.code?.coding ?? [];
  } catch {
    return [];
  }
}

function opioidName(codings: readonly Coding[]): string | null {
  for (const c of codings) {
    if (c.system !== RXNORM || typeof c.code !== "string") continue;
    const product = productByRxnorm(c.code);
    if (product) return product.name;
  }
  return null;
}
