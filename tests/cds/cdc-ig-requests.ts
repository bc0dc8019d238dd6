/**
 * The CDC opioid IG's published CDS Hooks requests and responses (cqframework/opioid-cds-r4
 * `input/images/requests|responses`, copied in tests/fixtures/cdc-ig-tests with provenance),
 * made readable by this service. Two documented translations, nothing else:
 *
 * 1. Repair. Most request files are not valid JSON as published: one stray `}` closes
 *    `prefetch` right after its first item, so the other items land outside it. The repair
 *    removes the single `}` whose removal yields valid JSON with every `item*` key inside
 *    `prefetch` (the fixtures' `normalized/` copies removed a different `}` and nest
 *    `prefetch` inside `context`, which no CDS client would send). Files no single removal
 *    repairs are reported as unreadable, not guessed.
 * 2. Re-keying. The requests answer the CDC service's own prefetch templates (`item1`..
 *    `itemN`): each non-null item is one search result, often a bare resource rather than a
 *    searchset Bundle, and `null` items are templates with no data. This service reads a part
 *    of the record only from a search result it can attribute (lib/cds-service/prefetch.ts),
 *    so the test gathers the items by content into this service's template keys (a Bundle
 *    per part) and gives a part an empty result when the request had none, which is the
 *    request's premise: its items are the patient's whole record.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const CDC_CDS_DIR = join(__dirname, "..", "fixtures", "cdc-ig-tests", "opioid-cds-r4", "input", "images");

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function itemKeysOutside(d: Json): boolean {
  const ctx = isObject(d.context) ? d.context : {};
  return [...Object.keys(d), ...Object.keys(ctx)].some((k) => /^item\d+$/.test(k));
}

/** Parses a published request, repairing the single stray `}` (see module doc); null when no single removal works. */
export function repairRequest(text: string): { json: Json; repaired: boolean } | null {
  try {
    const json: unknown = JSON.parse(text);
    if (isObject(json)) return { json, repaired: false };
  } catch {
    // repaired below
  }
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== "}") continue;
    let json: unknown;
    try {
      json = JSON.parse(text.slice(0, i) + text.slice(i + 1));
    } catch {
      continue;
    }
    if (isObject(json) && isObject(json.prefetch) && !itemKeysOutside(json)) return { json, repaired: true };
  }
  return null;
}

const PART_OF_TYPE: Record<string, string> = {
  MedicationRequest: "medications", Medication: "medications", Observation: "observations", Condition: "conditions", CarePlan: "carePlans",
};

function resourcesOf(value: unknown): Json[] {
  if (!isObject(value)) return [];
  if (value.resourceType !== "Bundle") return [value];
  const entries = Array.isArray(value.entry) ? value.entry : [];
  return entries.flatMap((e) => (isObject(e) && isObject(e.resource) ? [e.resource] : []));
}

/** The request with its `item*` prefetch re-keyed by content into this service's keys (see module doc). */
export function rekeyPrefetch(request: Json): Json {
  const prefetch = isObject(request.prefetch) ? request.prefetch : {};
  const parts: Record<string, Json[]> = { medications: [], observations: [], conditions: [], carePlans: [] };
  for (const value of Object.values(prefetch)) {
    for (const resource of resourcesOf(value)) {
      const part = typeof resource.resourceType === "string" ? PART_OF_TYPE[resource.resourceType] : undefined;
      if (part !== undefined) parts[part]?.push(resource);
    }
  }
  const rekeyed = Object.fromEntries(Object.entries(parts).map(([k, list]) => [k, { resourceType: "Bundle", type: "searchset", entry: list.map((resource) => ({ resource })) }]));
  return { ...request, prefetch: rekeyed };
}

/** The day the request's data describe: the first draft order's authoredOn (the IG's date roller keeps it current). */
export function requestDate(request: Json): string {
  const ctx = isObject(request.context) ? request.context : {};
  const drafts = isObject(ctx.draftOrders) && Array.isArray(ctx.draftOrders.entry) ? ctx.draftOrders.entry : [];
  for (const e of drafts) {
    if (isObject(e) && isObject(e.resource) && typeof e.resource.authoredOn === "string") return e.resource.authoredOn.slice(0, 10);
  }
  const text = JSON.stringify(request);
  return /"dateLastUpdated","valueDateTime":"(\d{4}-\d{2}-\d{2})/.exec(text)?.[1] ?? "2023-05-01";
}

export interface CdcCase {
  folder: string;
  name: string;
  request: Json | null;
  repaired: boolean;
  /** The published response's cards, or null when the IG published none for this request. */
  responseCards: Json[] | null;
}

/** Every published request of the given folders, with its response when one exists. */
export function loadCdcCases(folders: readonly string[]): CdcCase[] {
  return folders.flatMap((folder) => {
    const dir = join(CDC_CDS_DIR, "requests", folder);
    return readdirSync(dir).filter((f) => f.endsWith(".json")).sort().map((file): CdcCase => {
      const parsed = repairRequest(readFileSync(join(dir, file), "utf8"));
      const responseFile = join(CDC_CDS_DIR, "responses", folder.replace(/OrderSign$/, "OrderSign"), file.replace(/^request-/, "response-"));
      let responseCards: Json[] | null = null;
      try {
        const response: unknown = JSON.parse(readFileSync(responseFile, "utf8"));
        responseCards = isObject(response) && Array.isArray(response.cards) ? response.cards.filter(isObject) : null;
      } catch {
        responseCards = null;
      }
      return { folder, name: file.replace(/^request-example-/, "").replace(/\.json$/, ""), request: parsed?.json ?? null, repaired: parsed?.repaired ?? false, responseCards };
    });
  });
}
