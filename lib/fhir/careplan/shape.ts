/**
 * JSON shape check that @medplum/core's validator leaves out: a complex-typed element
 * (Quantity, Reference, CodeableConcept...) given a number, a string or a boolean. Medplum
 * says nothing for `dailyAmount: 5` and reports a string `subject` character by character;
 * this walks the same loaded R4 schemas and reports one readable issue instead.
 */
import type * as MedplumCoreModule from "@medplum/core";
import { rawProp } from "@/lib/fhir/raw";
import type { CarePlanIssue } from "./issues";

type MedplumCore = typeof MedplumCoreModule;
type SchemaElement = MedplumCoreModule.InternalSchemaElement;

/** FHIR complex types start upper-case; primitives (string, decimal, xhtml...) and System types do not. */
const isComplexType = (code: string): boolean => /^[A-Z][A-Za-z]*$/.test(code) && code !== "Resource";

function elementFor(elements: Record<string, SchemaElement>, key: string): { element: SchemaElement; types: string[] } | null {
  const direct = Object.hasOwn(elements, key) ? elements[key] : undefined;
  if (direct) return { element: direct, types: direct.type.map((t) => t.code) };
  for (const [name, element] of Object.entries(elements)) {
    if (!name.endsWith("[x]") || !key.startsWith(name.slice(0, -3))) continue;
    const suffix = key.slice(name.length - 3);
    const type = element.type.find((t) => t.code.toLowerCase() === suffix.toLowerCase());
    if (type) return { element, types: [type.code] };
  }
  return null;
}

function describe(value: unknown): string {
  return Array.isArray(value) ? "an array" : value === null ? "null" : `a ${typeof value}`;
}

/** Issues for complex elements that are not JSON objects, anywhere under `value` of type `typeName`. */
export function shapeIssues(core: MedplumCore, typeName: string, value: unknown, path: string): CarePlanIssue[] {
  const schema = core.tryGetDataType(typeName);
  if (schema === undefined || typeof value !== "object" || value === null) return [];
  const out: CarePlanIssue[] = [];
  for (const key of Object.keys(value)) {
    const found = key.startsWith("_") ? null : elementFor(schema.elements, key);
    if (found === null || !found.types.every(isComplexType)) continue;
    const raw = rawProp(value, key);
    const items: unknown[] = Array.isArray(raw) && found.element.isArray === true ? raw : [raw];
    items.forEach((item, i) => {
      const itemPath = `${path}.${key}${items === raw ? `[${i}]` : ""}`;
      if (typeof item !== "object" || item === null || Array.isArray(item)) {
        out.push({ severity: "error", source: "fhir-r4", code: "careplan.fhir.structure", path: itemPath, message: `${itemPath}: expected ${found.types.join(" or ")} (a JSON object), got ${describe(item)}` });
      } else if (found.types.length === 1 && found.types[0] !== undefined) {
        out.push(...shapeIssues(core, found.types[0], item, itemPath));
      }
    });
  }
  return out;
}

/** Medplum's own issues below a path already reported as the wrong shape are noise (one per character). */
export function withoutNoiseUnder(issues: CarePlanIssue[], shape: CarePlanIssue[]): CarePlanIssue[] {
  const roots = shape.map((s) => s.path);
  return issues.filter((i) => !roots.some((r) => i.path.startsWith(`${r}.`) || (i.path === r && i.message.includes("unknown property"))));
}
