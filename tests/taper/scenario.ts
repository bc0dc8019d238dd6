/**
 * Loads a FHIR Bundle fixture for the readiness tests: every resource the rules read is
 * validated with lib/fhir's zod schemas (so the fixtures cannot rot), and the MME is
 * computed by lib/mme, as the app does.
 */
import { readFileSync } from "node:fs";
import { bundleEntries, loadResources } from "@/lib/fhir/load";
import { calculateMme } from "@/lib/mme";
import type { ReadinessInputs } from "@/lib/taper";

export function loadBundleFile(url: URL): unknown {
  return JSON.parse(readFileSync(url, "utf8"));
}

export function scenarioInputs(bundle: unknown, asOf: string, unavailable: ReadinessInputs["unavailable"] = {}): ReadinessInputs {
  const read = bundleEntries(bundle);
  if (!read.ok) throw new Error(`fixture is ${read.issue}`);
  const r = loadResources(read.entries.map((e) => e.resource), { expected: ["MedicationRequest", "Medication", "Observation", "Condition"], patientId: null });
  if (r.unreadable.length > 0) throw new Error(`fixture resource does not validate: ${JSON.stringify(r.unreadable)}`);
  const mme = calculateMme({ medicationRequests: r.medicationRequests, medications: r.medications, asOf });
  return { mme, medicationRequests: r.medicationRequests, medications: r.medications, observations: r.observations, conditions: r.conditions, unavailable };
}

export const fixture = (name: string): URL => new URL(`./fixtures/${name}.json`, import.meta.url);
export const sandboxPatient = (file: string): URL => new URL(`../fixtures/sandbox-patients/${file}`, import.meta.url);
