/**
 * Reads a CDS Hooks `prefetch` object by its content: each value is a searchset Bundle, a
 * single resource, an OperationOutcome or null, and what it holds is decided by the resource
 * types inside (and a Bundle's `self` link), not by the key, so an EHR's own prefetch
 * configuration works. A key that is one of this service's template keys also tells what an
 * empty (null) or failed value stood for (CDS Hooks 2.0: "If the CDS Client has no data to
 * populate a template prefetch key, the prefetch template key MUST have a value of null").
 *
 * A part of the record counts as provided only when a search result (a Bundle, or null under
 * one of our keys) for it arrived; single resources are kept but do not prove the list is
 * whole. A Bundle with a `next` link (the client paginated) or entries without a resource
 * makes its part `incomplete`; an OperationOutcome under one of our keys makes it `failed`.
 */
import type { CdsRecordPart } from "@/lib/cds";
import { readSearchPage } from "@/lib/fhir/bundle-page";
import { emptyResources, fileResource, type RecordResources } from "@/lib/fhir/load";
import type { SearchKey } from "@/lib/fhir/queries";
import { rawProp, rawString } from "@/lib/fhir/raw";
import { EXPECTED_TYPES } from "@/lib/fhir/record";
import { PREFETCH_TEMPLATES } from "./discovery";

export type PrefetchPartState =
  | { state: "absent" }
  | { state: "complete" }
  | { state: "incomplete"; reason: string }
  | { state: "failed"; reason: string };

export interface PrefetchReading {
  resources: RecordResources;
  parts: Record<CdsRecordPart, PrefetchPartState>;
  /** Prefetch values that could not be attributed (e.g. null under another service's key): counted, never guessed. */
  unattributed: number;
}

export const SEARCH_KEY_OF_PART: Record<CdsRecordPart, SearchKey> = {
  medications: "medicationRequests",
  observations: "observations",
  conditions: "conditions",
  carePlans: "carePlans",
};

const PART_OF_TYPE: Record<string, CdsRecordPart> = {
  MedicationRequest: "medications",
  Medication: "medications",
  Observation: "observations",
  Condition: "conditions",
  CarePlan: "carePlans",
};

const WHAT: Record<CdsRecordPart, string> = {
  medications: "medication orders",
  observations: "observations",
  conditions: "conditions",
  carePlans: "care plans",
};

function isOwnKey(key: string): key is CdsRecordPart {
  return Object.prototype.hasOwnProperty.call(PREFETCH_TEMPLATES, key);
}

/** The resource type a Bundle's `self` link searched, e.g. `MedicationRequest` from `.../MedicationRequest?patient=1`. */
function selfLinkType(bundle: unknown): string | null {
  const links = rawProp(bundle, "link");
  if (!Array.isArray(links)) return null;
  for (const link of links) {
    const url = rawString(link, "url");
    if (rawString(link, "relation") !== "self" || url === null) continue;
    const path = url.split("?")[0] ?? "";
    const type = path.split("/").filter((p) => p !== "").pop();
    if (type !== undefined && /^[A-Z][A-Za-z]+$/.test(type)) return type;
  }
  return null;
}

function worse(a: PrefetchPartState, b: PrefetchPartState): PrefetchPartState {
  const rank = { absent: 0, complete: 1, incomplete: 2, failed: 3 } as const;
  return rank[b.state] > rank[a.state] ? b : a;
}

/** Reads every prefetch value into typed resources (parsed and patient-checked by lib/fhir) and per-part states. */
export function readPrefetch(prefetch: Record<string, unknown> | undefined, patientId: string): PrefetchReading {
  const resources = emptyResources();
  const parts: Record<CdsRecordPart, PrefetchPartState> = { medications: { state: "absent" }, observations: { state: "absent" }, conditions: { state: "absent" }, carePlans: { state: "absent" } };
  const seen = new Set<string>();
  let unattributed = 0;
  const mark = (part: CdsRecordPart, state: PrefetchPartState) => {
    parts[part] = worse(parts[part], state);
  };
  for (const [key, value] of Object.entries(prefetch ?? {})) {
    const type = rawString(value, "resourceType");
    if (value === null || value === undefined) {
      if (isOwnKey(key)) mark(key, { state: "complete" });
      else unattributed++;
    } else if (type === "Bundle") {
      readBundle(key, value, patientId, resources, seen, mark);
    } else if (type === "OperationOutcome") {
      if (isOwnKey(key)) mark(key, { state: "failed", reason: `the EHR reported an error prefetching ${WHAT[key]}` });
      else unattributed++;
    } else if (type !== null && PART_OF_TYPE[type] !== undefined) {
      const part = PART_OF_TYPE[type];
      if (part !== undefined) fileResource(resources, value, { expected: EXPECTED_TYPES[SEARCH_KEY_OF_PART[part]], patientId, seen });
    } else if (type === null) {
      unattributed++;
    }
  }
  return { resources, parts, unattributed };
}

function readBundle(
  key: string, bundle: unknown, patientId: string, into: RecordResources, seen: Set<string>,
  mark: (part: CdsRecordPart, state: PrefetchPartState) => void,
): void {
  const page = readSearchPage(bundle);
  if (page === null) return;
  const covered = new Set<CdsRecordPart>();
  if (isOwnKey(key)) covered.add(key);
  const selfType = selfLinkType(bundle);
  const selfPart = selfType === null ? undefined : PART_OF_TYPE[selfType];
  if (selfPart !== undefined) covered.add(selfPart);
  for (const raw of page.resources) {
    const type = rawString(raw, "resourceType");
    const part = type === null ? undefined : PART_OF_TYPE[type];
    if (part === undefined) continue;
    // A Medication alone (an _include) does not make a MedicationRequest list.
    if (type !== "Medication") covered.add(part);
    fileResource(into, raw, { expected: EXPECTED_TYPES[SEARCH_KEY_OF_PART[part]], patientId, seen });
  }
  for (const part of covered) {
    if (page.next !== null) mark(part, { state: "incomplete", reason: `the prefetched ${WHAT[part]} had more pages than were sent` });
    else if (page.emptyEntries > 0) mark(part, { state: "incomplete", reason: `${page.emptyEntries} prefetched entries had no resource` });
    else mark(part, { state: "complete" });
  }
}
