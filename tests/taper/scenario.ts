/**
 * Loads a FHIR Bundle fixture for the readiness tests: every resource the rules read is
 * validated with lib/fhir's zod schemas (so the fixtures cannot rot), and the MME is
 * computed by lib/mme, as the app does.
 */
import { readFileSync } from "node:fs";
import type { Condition, Medication, MedicationRequest, Observation } from "fhir/r4";
import { parseResource } from "@/lib/fhir/parse";
import { calculateMme } from "@/lib/mme";
import type { ReadinessInputs } from "@/lib/taper";

const READ = new Set(["MedicationRequest", "Medication", "Observation", "Condition"]);

export function loadBundleFile(url: URL): unknown {
  return JSON.parse(readFileSync(url, "utf8"));
}

export function scenarioInputs(bundle: unknown, asOf: string, unavailable: ReadinessInputs["unavailable"] = {}): ReadinessInputs {
  const mrs: MedicationRequest[] = [];
  const meds: Medication[] = [];
  const obs: Observation[] = [];
  const conds: Condition[] = [];
  const entries = typeof bundle === "object" && bundle !== null && "entry" in bundle && Array.isArray(bundle.entry) ? bundle.entry : [];
  for (const entry of entries) {
    const raw: unknown = typeof entry === "object" && entry !== null && "resource" in entry ? entry.resource : null;
    const type = typeof raw === "object" && raw !== null && "resourceType" in raw ? raw.resourceType : null;
    if (typeof type !== "string" || !READ.has(type)) continue;
    const parsed = parseResource(raw);
    if (!parsed.ok) throw new Error(`fixture resource does not validate: ${JSON.stringify(parsed.unreadable)}`);
    const r = parsed.resource;
    if (r.resourceType === "MedicationRequest") mrs.push(r);
    else if (r.resourceType === "Medication") meds.push(r);
    else if (r.resourceType === "Observation") obs.push(r);
    else if (r.resourceType === "Condition") conds.push(r);
  }
  const mme = calculateMme({ medicationRequests: mrs, medications: meds, asOf });
  return { mme, medicationRequests: mrs, medications: meds, observations: obs, conditions: conds, unavailable };
}

export const fixture = (name: string): URL => new URL(`./fixtures/${name}.json`, import.meta.url);
export const sandboxPatient = (file: string): URL => new URL(`../fixtures/sandbox-patients/${file}`, import.meta.url);
