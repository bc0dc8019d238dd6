/**
 * Search behaviour a client notices on a HAPI FHIR R4 server (the server behind the public
 * SMART sandbox), added around Medplum's in-memory search:
 * - an unknown search parameter is a 400 OperationOutcome, not a silently ignored filter
 *   (HAPI: "Unknown search parameter ... Valid search parameters for this search are: [...]");
 * - pages of `_count` entries (default 20, at most 200) with `self`/`next`/`previous` links,
 *   so a client that does not follow `next` sees a truncated record;
 * - `fullUrl` on every entry, `search.mode` match/include.
 */
import type { Bundle, BundleEntry, BundleLink, Resource } from "@medplum/fhirtypes";
import { searchParameterCodes } from "./definitions";

/** Result parameters (FHIR R4 search.html "Search result parameters") this server accepts. */
const RESULT_PARAMS = new Set(["_count", "_offset", "_sort", "_include", "_revinclude", "_total", "_summary", "_elements", "_format", "_pretty"]);

/** null when every parameter is known; else the HAPI-style error message. */
export function unknownSearchParameter(resourceType: string, query: URLSearchParams): string | null {
  const known = new Set(searchParameterCodes(resourceType));
  const valid = () => [...known].sort().join(", ");
  for (const [key, value] of query) {
    const name = key.split(":")[0]?.split(".")[0] ?? key;
    if (RESULT_PARAMS.has(name)) {
      if (name !== "_sort") continue;
      const bad = value.split(",").map((s) => s.replace(/^-/, "")).find((code) => !known.has(code));
      if (bad !== undefined) return `Unknown _sort parameter value "${bad}" for resource type "${resourceType}". Valid values: [${valid()}]`;
      continue;
    }
    if (!known.has(name)) {
      return `Unknown search parameter "${name}" for resource type "${resourceType}". Valid search parameters for this search are: [${valid()}]`;
    }
  }
  return null;
}

export interface Page {
  count: number;
  offset: number;
  /** The query with `_count` and `_offset` set, as sent to the repository and echoed in `self`. */
  query: URLSearchParams;
}

/** Apply the page size policy: `_count` defaults to `defaultSize` and is capped at `maxSize`. */
export function pageOf(query: URLSearchParams, defaultSize: number, maxSize: number): Page {
  const asked = Number.parseInt(query.get("_count") ?? "", 10);
  const count = Number.isFinite(asked) && asked >= 0 ? Math.min(asked, maxSize) : defaultSize;
  const from = Number.parseInt(query.get("_offset") ?? "", 10);
  const offset = Number.isFinite(from) && from > 0 ? from : 0;
  const paged = new URLSearchParams(query);
  paged.set("_count", String(count));
  if (offset > 0) paged.set("_offset", String(offset));
  else paged.delete("_offset");
  return { count, offset, query: paged };
}

/**
 * Turn the repository's bundle into what goes on the wire: fullUrls, paging links, and
 * included resources only when `mayInclude` allows them (an `_include` never leaks what the
 * token could not read directly).
 */
export function finishSearchBundle(
  bundle: Bundle,
  base: string,
  resourceType: string,
  page: Page,
  mayInclude: (resource: Resource) => boolean,
): Bundle {
  const entry: BundleEntry[] = [];
  for (const e of bundle.entry ?? []) {
    const r = e.resource;
    if (!r) continue;
    if (e.search?.mode === "include" && !mayInclude(r)) continue;
    entry.push({ fullUrl: `${base}/${r.resourceType}/${r.id ?? ""}`, resource: r, search: { mode: e.search?.mode ?? "match" } });
  }
  const total = bundle.total ?? 0;
  const link: BundleLink[] = [{ relation: "self", url: pageUrl(base, resourceType, page.query, page.offset) }];
  if (page.count > 0 && page.offset + page.count < total) {
    link.push({ relation: "next", url: pageUrl(base, resourceType, page.query, page.offset + page.count) });
  }
  if (page.offset > 0) {
    link.push({ relation: "previous", url: pageUrl(base, resourceType, page.query, Math.max(0, page.offset - page.count)) });
  }
  return {
    resourceType: "Bundle",
    id: crypto.randomUUID(),
    meta: { lastUpdated: new Date().toISOString() },
    type: "searchset",
    total,
    link,
    ...(entry.length ? { entry } : {}),
  };
}

function pageUrl(base: string, resourceType: string, query: URLSearchParams, offset: number): string {
  const q = new URLSearchParams(query);
  if (offset > 0) q.set("_offset", String(offset));
  else q.delete("_offset");
  return `${base}/${resourceType}?${q.toString()}`;
}
