/**
 * Search execution over the MemoryRepository: Medplum matches the filters and resolves
 * `_include`/`_revinclude`; this module sorts with one key per resource (Medplum's in-memory
 * comparator re-evaluates FHIRPath on every comparison, seconds for 3,000 Observations) and
 * keeps the sorted matches of recent searches so following `next` links does not search again.
 * Any write clears the cache.
 */
import { evalFhirPath, getSearchParameter, type SearchRequest, type SortRule } from "@medplum/core";
import { getExtraEntries, type FhirRepository } from "@medplum/fhir-router";
import type { Bundle, BundleEntry, Resource } from "@medplum/fhirtypes";

const CACHE_SIZE = 32;
const CACHE_TTL_MS = 60_000;

/** Paged, sorted searches over one repository, with a short-lived cache of sorted matches. */
export class SearchEngine {
  private readonly cache = new Map<string, { at: number; matches: Resource[] }>();

  constructor(private readonly repo: FhirRepository) {}

  /** Forget cached results (call after every write). */
  invalidate(): void {
    this.cache.clear();
  }

  /** One page of a search: matches sorted, sliced by offset/count, then includes added. */
  async search(request: SearchRequest, offset: number, count: number): Promise<Bundle> {
    const matches = await this.sortedMatches(request);
    const page = matches.slice(offset, offset + count);
    const entry: BundleEntry[] = page.map((resource) => ({ resource, search: { mode: "match" } }));
    if ((request.include?.length || request.revInclude?.length) && page.length) {
      await getExtraEntries(this.repo, request, page, entry);
    }
    return { resourceType: "Bundle", type: "searchset", total: matches.length, ...(entry.length ? { entry } : {}) };
  }

  private async sortedMatches(request: SearchRequest): Promise<Resource[]> {
    const key = JSON.stringify([request.resourceType, request.filters ?? [], request.sortRules ?? []]);
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < CACHE_TTL_MS) return hit.matches;
    const bundle = await this.repo.search({ resourceType: request.resourceType, ...(request.filters ? { filters: request.filters } : {}) });
    const matches = (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
    const sorted = sortResources(matches, request.sortRules ?? []);
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value ?? "");
    this.cache.set(key, { at: Date.now(), matches: sorted });
    return sorted;
  }
}

/**
 * Sort by the search parameters' values, each evaluated once per resource. Resources without a
 * value sort last in both directions (as HAPI does). Ties keep repository order.
 */
export function sortResources(resources: readonly Resource[], rules: readonly SortRule[]): Resource[] {
  if (!rules.length) return [...resources];
  const keyed = resources.map((r, index) => ({ r, index, keys: rules.map((rule) => sortKey(r, rule.code)) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < rules.length; i++) {
      const ka = a.keys[i] ?? null;
      const kb = b.keys[i] ?? null;
      if (ka === kb) continue;
      if (ka === null) return 1;
      if (kb === null) return -1;
      const order = ka < kb ? -1 : 1;
      return rules[i]?.descending ? -order : order;
    }
    return a.index - b.index;
  });
  return keyed.map((k) => k.r);
}

/** The value a resource sorts by: the first string or Period/Quantity start value found. */
function sortKey(resource: Resource, code: string): string | number | null {
  const expression = getSearchParameter(resource.resourceType, code)?.expression;
  if (!expression) return null;
  let values: unknown[];
  try {
    values = evalFhirPath(expression, resource);
  } catch {
    return null;
  }
  for (const v of values) {
    if (typeof v === "string" || typeof v === "number") return v;
    if (typeof v === "object" && v !== null) {
      if ("start" in v && typeof v.start === "string") return v.start;
      if ("value" in v && typeof v.value === "number") return v.value;
      if ("text" in v && typeof v.text === "string") return v.text;
    }
  }
  return null;
}
