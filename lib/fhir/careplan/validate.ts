/**
 * Validation of a CarePlan before it is sent: FHIR R4 structure and invariants with
 * @medplum/core's validator (R4 StructureDefinitions, loaded lazily), required-binding
 * codes against the R4 value sets (Medplum collects them but leaves terminology to its
 * server), the narrative XHTML (xhtml-check.ts), and the project's rules (rules.ts).
 * Never throws: a validator that cannot run is itself an error issue, so nothing is sent.
 */
import type { validateResource } from "@medplum/core";
import { rawProp, rawString } from "@/lib/fhir/raw";
import { loadCarePlanValidator, type LoadedValidator } from "./definitions";
import { type CarePlanIssue, type CarePlanValidation, validationOf } from "./issues";
import { projectRuleIssues } from "./rules";
import { shapeIssues, withoutNoiseUnder } from "./shape";
import { checkNarrativeXhtml } from "./xhtml-check";

type MedplumResource = Parameters<typeof validateResource>[0];
type OutcomeIssue = ReturnType<typeof validateResource>[number];
type ValidatorOptions = NonNullable<Parameters<typeof validateResource>[1]>;
type Tokens = NonNullable<NonNullable<ValidatorOptions["collect"]>["tokens"]>;

function isResourceObject(value: unknown): value is MedplumResource {
  return rawString(value, "resourceType") !== null;
}

/** Medplum's wording, made to read as a sentence about the field. */
const FRIENDLIER: [RegExp, string][] = [
  [/^Missing required property$/, "is required but missing"],
  [/^Invalid additional property "(.*)"$/, 'has an unknown property "$1" (not in FHIR R4)'],
  [/^Invalid numeric value$/, "is not a valid number"],
];

function fromOutcome(i: OutcomeIssue): CarePlanIssue {
  const path = i.expression?.[0] ?? "CarePlan";
  let text = i.details?.text ?? i.diagnostics ?? i.code;
  for (const [re, to] of FRIENDLIER) text = text.replace(re, to);
  return { severity: i.severity === "warning" || i.severity === "information" ? "warning" : "error", source: "fhir-r4", code: `careplan.fhir.${i.code}`, path, message: `${path}: ${text}` };
}

type Profile = NonNullable<ValidatorOptions["profile"]>;

function structureIssues(v: LoadedValidator, resource: MedplumResource, tokens: Tokens, profile?: Profile): CarePlanIssue[] {
  try {
    return v.core.validateResource(resource, { collect: { tokens }, ...(profile ? { profile } : {}) }).map(fromOutcome);
  } catch (error: unknown) {
    if (error instanceof v.core.OperationOutcomeError) return error.outcome.issue.map(fromOutcome);
    const message = error instanceof Error ? error.message : String(error);
    return [{ severity: "error", source: "fhir-r4", code: "careplan.fhir.exception", path: "CarePlan", message: `The FHIR validator could not check this resource: ${message}` }];
  }
}

function codesOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  const code = rawString(value, "code");
  if (code !== null) return [code];
  const codings = rawProp(value, "coding");
  return Array.isArray(codings) ? codings.flatMap((c) => rawString(c, "code") ?? []) : [];
}

/**
 * The codes that break a required binding: a code or Coding outside the value set; for a
 * CodeableConcept, its codes when none of them is in the value set (the other codings of a
 * concept are translations, e.g. US Core's assess-plan beside LOINC 80764-4; FHIR R4 2.1.0.4).
 */
function codesOutside(value: unknown, allowed: readonly string[]): string[] {
  const codes = codesOf(value);
  const outside = codes.filter((c) => !allowed.includes(c));
  if (Array.isArray(rawProp(value, "coding"))) return outside.length < codes.length ? [] : outside;
  return outside;
}

/** Codes of required bindings (e.g. CarePlan.status) that are not in their value set. */
export function terminologyIssues(tokens: Tokens, requiredValueSets: Record<string, readonly string[]>): CarePlanIssue[] {
  const out: CarePlanIssue[] = [];
  for (const [valueSet, values] of Object.entries(tokens)) {
    const allowed = requiredValueSets[valueSet];
    if (allowed === undefined) continue;
    for (const v of values) {
      const found: unknown = v.value;
      for (const code of codesOutside(found, allowed)) {
        const list = allowed.length <= 12 ? ` (allowed: ${allowed.join(", ")})` : "";
        out.push({ severity: "error", source: "terminology", code: "careplan.terminology.code-invalid", path: v.path, message: `${v.path}: "${code}" is not a code of ${valueSet.split("|")[0]}${list}` });
      }
    }
  }
  return out;
}

function narrativeIssues(resource: unknown): CarePlanIssue[] {
  const div = rawString(rawProp(resource, "text"), "div");
  if (div === null) return [];
  return checkNarrativeXhtml(div).map((i) => ({ severity: "error", source: "narrative", code: "careplan.narrative.xhtml", path: "CarePlan.text.div", message: `CarePlan.text.div is not a valid FHIR narrative: ${i.message}` }));
}

async function r4Issues(resource: unknown): Promise<CarePlanIssue[]> {
  if (rawString(resource, "resourceType") !== "CarePlan" || !isResourceObject(resource)) {
    return [{ severity: "error", source: "fhir-r4", code: "careplan.fhir.resource-type", path: "resourceType", message: `Expected a CarePlan resource, got ${rawString(resource, "resourceType") ?? "no resourceType"}` }];
  }
  let v: LoadedValidator;
  try {
    v = await loadCarePlanValidator();
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    return [{ severity: "error", source: "fhir-r4", code: "careplan.fhir.validator-unavailable", path: "CarePlan", message: `The FHIR validator could not be loaded (${message}); the CarePlan was not checked and will not be sent.` }];
  }
  const tokens: Tokens = {};
  const shape = shapeIssues(v.core, "CarePlan", resource, "CarePlan");
  const structure = withoutNoiseUnder(structureIssues(v, resource, tokens), shape);
  return [...shape, ...structure, ...profileIssues(v, resource, shape), ...terminologyIssues(tokens, v.requiredValueSets), ...narrativeIssues(resource)];
}

/** The canonical URLs in meta.profile (a versioned `url|version` is read without its version). */
function declaredProfiles(resource: unknown): string[] {
  const profiles = rawProp(rawProp(resource, "meta"), "profile");
  return Array.isArray(profiles) ? profiles.flatMap((p) => (typeof p === "string" ? [p.split("|")[0] ?? p] : [])) : [];
}

/**
 * Validation against each profile the resource declares in meta.profile, with the profile's
 * StructureDefinition (HL7 CDC opioid CPG PainTreatmentCarePlan: status active|completed,
 * created 1..1, category from the pain-treatment-plan value set). A declared profile this app
 * does not have is a warning: the EHR may check it, this app cannot. Issues already reported
 * against the base R4 definition are not repeated.
 */
function profileIssues(v: LoadedValidator, resource: MedplumResource, shape: CarePlanIssue[]): CarePlanIssue[] {
  const out: CarePlanIssue[] = [];
  for (const url of declaredProfiles(resource)) {
    const profile = v.profiles.get(url);
    if (profile === undefined) {
      out.push({ severity: "warning", source: "fhir-r4", code: "careplan.fhir.profile-unknown", path: "CarePlan.meta.profile", message: `CarePlan.meta.profile: ${url} is not a profile this app can check` });
      continue;
    }
    const baseTokens: Tokens = {};
    const base = new Set(structureIssues(v, resource, baseTokens).map((i) => i.message));
    const tokens: Tokens = {};
    const own = withoutNoiseUnder(structureIssues(v, resource, tokens, profile), shape).filter((i) => !base.has(i.message));
    const profileBindings = Object.fromEntries(Object.entries(tokens).filter(([valueSet]) => !(valueSet in baseTokens)));
    const name = profile.name ?? url;
    for (const i of [...own, ...terminologyIssues(profileBindings, v.requiredValueSets)]) {
      out.push({ ...i, code: i.code.replace(/^careplan\.(fhir|terminology)\./, "careplan.profile."), message: `${i.message} (profile ${name})` });
    }
  }
  return out;
}

/**
 * FHIR R4 validity only (structure, invariants, required codes, narrative XHTML): what any
 * CarePlan must pass, e.g. the HL7 CDC opioid CPG example. Never throws.
 */
export async function validateCarePlanR4(resource: unknown): Promise<CarePlanValidation> {
  return validationOf(await guarded(() => r4Issues(resource)));
}

/**
 * Everything checked before a write: R4 validity plus the project's rules (draft, intent,
 * categories 80764-4 and assess-plan, urn:uuid identifier, subject, narrative with the
 * schedule table, no negative or non-finite amount). `ok` is false on any error. Never throws.
 */
export async function validateCarePlan(resource: unknown): Promise<CarePlanValidation> {
  return validationOf(
    await guarded(async () => {
      const r4 = await r4Issues(resource);
      if (r4.some((i) => i.code === "careplan.fhir.resource-type")) return r4;
      return [...r4, ...projectRuleIssues(resource)];
    }),
  );
}

/** Last line of defence: a defect in a check becomes an error issue (nothing is sent), not an exception. */
async function guarded(run: () => Promise<CarePlanIssue[]>): Promise<CarePlanIssue[]> {
  try {
    return await run();
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    return [{ severity: "error", source: "fhir-r4", code: "careplan.fhir.exception", path: "CarePlan", message: `The CarePlan could not be checked (${message}); it will not be sent.` }];
  }
}
