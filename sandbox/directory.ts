/**
 * Who is in the sandbox: patients, practitioners and encounters, read from the FHIR store for
 * the authorize page, the launcher and launch-context resolution.
 */
import { getReferenceString } from "@medplum/core";
import type { MemoryRepository } from "@medplum/fhir-router";
import type { HumanName, Patient, Practitioner } from "@medplum/fhirtypes";

export interface PersonSummary {
  id: string;
  name: string;
  birthDate: string | null;
  gender: string | null;
}

/** Read-only lookups over the sandbox's FHIR store. */
export class Directory {
  constructor(private readonly repo: MemoryRepository) {}

  async patients(): Promise<PersonSummary[]> {
    const list = await this.repo.searchResources<Patient>({ resourceType: "Patient", count: 10_000 });
    return list.map((p) => summary(p)).sort((a, b) => a.name.localeCompare(b.name));
  }

  async practitioners(): Promise<PersonSummary[]> {
    const list = await this.repo.searchResources<Practitioner>({ resourceType: "Practitioner", count: 10_000 });
    return list.map((p) => summary(p)).sort((a, b) => a.name.localeCompare(b.name));
  }

  async exists(resourceType: "Patient" | "Practitioner" | "Encounter", id: string): Promise<boolean> {
    try {
      await this.repo.readResource(resourceType, id);
      return true;
    } catch {
      return false;
    }
  }

  /** The patient's most recent encounter (by period start), or null. */
  async latestEncounter(patientId: string): Promise<string | null> {
    const list = await this.repo.searchResources({
      resourceType: "Encounter",
      filters: [{ code: "subject", operator: "eq", value: `Patient/${patientId}` }],
      sortRules: [{ code: "date", descending: true }],
      count: 1,
    });
    const first = list[0];
    return first ? getReferenceString(first).split("/")[1] ?? null : null;
  }

  /** Does the encounter belong to the patient? */
  async encounterOf(encounterId: string, patientId: string): Promise<boolean> {
    try {
      const e = await this.repo.readResource("Encounter", encounterId);
      return e.resourceType === "Encounter" && e.subject?.reference === `Patient/${patientId}`;
    } catch {
      return false;
    }
  }
}

/** "Given Family" from the official (or first) name; the id when there is none. */
export function displayName(names: readonly HumanName[] | undefined, fallback: string): string {
  const name = names?.find((n) => n.use === "official") ?? names?.[0];
  if (!name) return fallback;
  if (name.text) return name.text;
  const parts = [...(name.prefix ?? []), ...(name.given ?? []), name.family ?? ""].filter(Boolean);
  return parts.length ? parts.join(" ") : fallback;
}

function summary(p: Patient | Practitioner): PersonSummary {
  return { id: p.id ?? "", name: displayName(p.name, p.id ?? ""), birthDate: p.birthDate ?? null, gender: p.gender ?? null };
}
