/**
 * Reading what a FHIR server answered to a write: the id of the created or existing
 * CarePlan (body, then a readable Location header), and the text of an OperationOutcome.
 * https://hl7.org/fhir/R4/http.html#create, https://hl7.org/fhir/R4/operationoutcome.html
 */
import { parseResourceAs } from "@/lib/fhir/parse";
import { rawProp, rawString } from "@/lib/fhir/raw";

/** The longest OperationOutcome text shown to the clinician. */
const MAX_OUTCOME_CHARS = 600;
const ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** The id (and version) of a CarePlan in a response body; null when the body is not a CarePlan with an id. */
export function carePlanIdFromBody(body: unknown): { id: string; versionId: string | null } | null {
  if (rawString(body, "resourceType") !== "CarePlan") return null;
  const id = rawString(body, "id");
  if (id === null || !ID.test(id)) return null;
  return { id, versionId: rawString(rawProp(body, "meta"), "versionId") };
}

/** `.../CarePlan/123/_history/2` -> `123`; null when absent, unreadable (CORS) or not a CarePlan. */
export function carePlanIdFromLocation(headers: Record<string, string>): string | null {
  const location = headers["location"] ?? headers["content-location"];
  if (location === undefined) return null;
  const m = /(?:^|\/)CarePlan\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?\/?$/.exec(location.split("?")[0] ?? "");
  return m?.[1] ?? null;
}

/** The issues' texts of an OperationOutcome body, joined; null when the body is not one or has no text. */
export function operationOutcomeText(body: unknown): string | null {
  const parsed = parseResourceAs("OperationOutcome", body);
  if (!parsed.ok) return null;
  const texts = parsed.resource.issue
    .map((i) => i.details?.text ?? i.diagnostics ?? i.details?.coding?.[0]?.display ?? null)
    .filter((t): t is string => t !== null && t.trim() !== "");
  if (texts.length === 0) return null;
  const joined = [...new Set(texts)].join("; ");
  return joined.length > MAX_OUTCOME_CHARS ? `${joined.slice(0, MAX_OUTCOME_CHARS - 1)}…` : joined;
}
