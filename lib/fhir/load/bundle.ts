/**
 * A FHIR R4 Bundle (any type: searchset, collection, transaction from Synthea) -> its entries'
 * raw resources, each with its `fullUrl` and where it came from. The Bundle itself is
 * validated (lib/fhir/parse); an entry without a resource is counted, not filed.
 */
import { parseResourceAs } from "../parse";
import { rawProp, rawString } from "../raw";
import { factsOf, type PatientGroups, type UnattributedResource } from "./group";

export interface BundleEntry {
  resource: unknown;
  fullUrl: string | null;
  /** `#entry[i]`, appended by the caller to the file name. */
  origin: string;
}

export type BundleEntries = { ok: true; entries: BundleEntry[]; emptyEntries: number } | { ok: false; issue: string };

export function bundleEntries(json: unknown): BundleEntries {
  const bundle = parseResourceAs("Bundle", json);
  if (!bundle.ok) return { ok: false, issue: `not a FHIR R4 Bundle (${bundle.unreadable.issues[0] ?? "invalid"})` };
  const raw = rawProp(json, "entry");
  const entries: BundleEntry[] = [];
  let emptyEntries = 0;
  (Array.isArray(raw) ? raw : []).forEach((entry: unknown, i) => {
    const resource = rawProp(entry, "resource");
    if (resource === undefined) emptyEntries += 1;
    else entries.push({ resource, fullUrl: rawString(entry, "fullUrl"), origin: `#entry[${i}]` });
  });
  return { ok: true, entries, emptyEntries };
}

/**
 * Files every entry of a Bundle (`json`, parsed) read from `source` into `groups`, keeping for
 * each what `item(value, origin)` makes of it; returns the entries that belong to no patient,
 * or the issue that makes it no Bundle at all.
 */
export function fileBundle<T>(groups: PatientGroups<T>, json: unknown, source: string, item: (value: unknown, origin: string) => T): { ok: true; unattributed: UnattributedResource[] } | { ok: false; issue: string } {
  const bundle = bundleEntries(json);
  if (!bundle.ok) return bundle;
  const unattributed: UnattributedResource[] = [];
  for (const entry of bundle.entries) {
    const facts = factsOf(entry.resource, entry.fullUrl);
    const origin = `${source}${entry.origin}`;
    const filing = groups.file(facts, item(entry.resource, origin));
    if (filing.kind === "unattributed") unattributed.push({ origin, resourceType: facts.resourceType, id: facts.id, issues: [filing.issue] });
  }
  return { ok: true, unattributed };
}
