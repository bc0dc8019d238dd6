/**
 * Literal FHIR references (https://hl7.org/fhir/R4/references.html#literal): the one parser every layer
 * uses (issue 14.4), so a reference that one reader resolves is never misread by another.
 *
 * Accepted: relative `Type/id`, absolute `https://server/fhir/Type/id`, either with `/_history/<version>`,
 * a query or a fragment after it. Not a typed reference (null): contained `#id`, `urn:uuid:`/`urn:oid:`
 * (resolved against a Bundle's fullUrls by the caller), a type that is not a FHIR resource-type name, an id
 * outside the FHIR id syntax (`[A-Za-z0-9\-.]{1,64}`).
 */

/** A parsed literal reference: its resource type, id and the relative form `Type/id`. */
export interface ParsedReference {
  resourceType: string;
  id: string;
  /** `Type/id`, the key to match resources by. */
  relative: string;
}

const RESOURCE_TYPE = /^[A-Z][A-Za-z]{1,63}$/;
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** `{resourceType, id, relative}` of a literal reference, or null when it is not a typed literal reference. */
export function parseReference(reference: string | undefined): ParsedReference | null {
  if (reference === undefined) return null;
  const text = reference.trim();
  if (text === "" || text.startsWith("#") || /^urn:/i.test(text)) return null;
  const path = text.split(/[?#]/, 1)[0] ?? "";
  const segments = path.split("/").filter((s) => s !== "");
  const historyAt = segments.lastIndexOf("_history");
  const core = historyAt >= 2 && historyAt === segments.length - 2 ? segments.slice(0, historyAt) : segments;
  const resourceType = core.at(-2);
  const id = core.at(-1);
  if (resourceType === undefined || id === undefined || !RESOURCE_TYPE.test(resourceType) || !FHIR_ID.test(id)) return null;
  return { resourceType, id, relative: `${resourceType}/${id}` };
}
