/**
 * What one launch's network timeline says (pure): which FHIR requests were searches, reads,
 * `next` pages or discovery; how many rounds of searches there were; what ran serially
 * between the token response and the first search.
 *
 * A round: a search (or read) that starts only after another data request finished depends
 * on it, so it is a new round; a `next` page belongs to the round of the search it pages.
 * Budget (issue 9): one round of parallel searches plus paging.
 */

/** A request as the page's Resource Timing saw it (milliseconds, page time). */
export interface TimedEntry {
  url: string;
  startMs: number;
  endMs: number;
  /** Resource Timing `initiatorType`: "fetch" for the app's own requests, "img", "link", "script"... */
  initiator: string;
}

export type RequestKind = "discovery" | "search" | "page" | "read" | "token" | "other";

export interface ClassifiedEntry extends TimedEntry {
  kind: RequestKind;
  /** For a page: the request whose response linked to it. */
  parent: string | null;
}

/** URL with its query parameters decoded and sorted: `,` and `%2C` (and order) compare equal. */
export function normalizeUrl(url: string): string {
  try {
    const u = new URL(url);
    const params = [...u.searchParams.entries()].map(([k, v]) => `${k}=${v}`).sort();
    return `${u.origin}${u.pathname.replace(/\/+$/, "")}?${params.join("&")}`;
  } catch {
    return url;
  }
}

/**
 * Classifies one URL. `nextLinks` maps a normalized `next` link to the normalized URL of the
 * response that carried it.
 */
export function classify(entry: TimedEntry, fhirBase: string, tokenUrl: string, nextLinks: ReadonlyMap<string, string>): ClassifiedEntry {
  const n = normalizeUrl(entry.url);
  const parent = nextLinks.get(n) ?? null;
  if (entry.url.startsWith(tokenUrl)) return { ...entry, kind: "token", parent: null };
  if (!entry.url.startsWith(`${fhirBase}/`)) return { ...entry, kind: "other", parent: null };
  const path = new URL(entry.url).pathname.slice(new URL(fhirBase).pathname.length + 1);
  if (path === "metadata" || path.startsWith(".well-known/")) return { ...entry, kind: "discovery", parent: null };
  if (parent !== null) return { ...entry, kind: "page", parent };
  if (/^[A-Z][A-Za-z]+\/?$/.test(path)) return { ...entry, kind: "search", parent: null };
  if (/^[A-Z][A-Za-z]+\/[^/]+$/.test(path)) return { ...entry, kind: "read", parent: null };
  return { ...entry, kind: "other", parent: null };
}

export interface RoundAnalysis {
  rounds: number;
  searches: number;
  reads: number;
  pages: number;
  /** Searches or reads that waited for another request's response (rounds after the first). */
  late: string[];
}

const isData = (e: ClassifiedEntry) => e.kind === "search" || e.kind === "read" || e.kind === "page";

/** Rounds of searches (see the file header). Entries may come in any order. */
export function searchRounds(entries: readonly ClassifiedEntry[]): RoundAnalysis {
  const data = entries.filter(isData).sort((a, b) => a.startMs - b.startMs);
  const roundOf = new Map<ClassifiedEntry, number>();
  const byUrl = new Map<string, ClassifiedEntry>();
  const late: string[] = [];
  for (const e of data) {
    const parent = e.parent === null ? undefined : byUrl.get(e.parent);
    let round = 1;
    if (e.kind === "page") {
      round = parent === undefined ? 1 : (roundOf.get(parent) ?? 1);
    } else {
      for (const [f, r] of roundOf) if (f.endMs <= e.startMs) round = Math.max(round, r + 1);
      if (round > 1) late.push(e.url);
    }
    roundOf.set(e, round);
    byUrl.set(normalizeUrl(e.url), e);
  }
  return {
    rounds: Math.max(0, ...roundOf.values()),
    searches: data.filter((e) => e.kind === "search").length,
    reads: data.filter((e) => e.kind === "read").length,
    pages: data.filter((e) => e.kind === "page").length,
    late,
  };
}

export interface Timeline {
  /** Token response end to the first data request's start. */
  tokenToFirstSearchMs: number | null;
  /** The app's own requests (fetch/XHR) that started after the token and ended before the first search started, with their start and end (ms after the token). */
  beforeSearches: string[];
  /**
   * EHR requests (to the FHIR base: discovery, metadata) the first search waited for: started
   * after the token and finished before it. 0 means the MME needs one EHR round trip after the
   * token, plus paging (issue 19.11).
   */
  ehrRequestsBeforeSearches: number;
  /** Token response end to the end of the last MedicationRequest request (search or page). */
  tokenToMedicationsMs: number | null;
  /** Token response end to the end of the last data request. */
  tokenToAllDataMs: number | null;
}

/** Where the time between the token and the screen went. */
export function timeline(entries: readonly ClassifiedEntry[], tokenEndMs: number): Timeline {
  const data = entries.filter(isData);
  const firstStart = Math.min(...data.map((e) => e.startMs));
  const meds = data.filter((e) => new URL(e.url).pathname.endsWith("/MedicationRequest"));
  const own = (e: ClassifiedEntry) => e.initiator === "fetch" || e.initiator === "xmlhttprequest";
  const before = entries.filter((e) => own(e) && e.kind !== "token" && e.startMs >= tokenEndMs && e.endMs <= firstStart);
  const ehrBefore = before.filter((e) => e.kind === "discovery");
  const rel = (ms: number) => (Number.isFinite(ms) ? ms - tokenEndMs : null);
  return {
    tokenToFirstSearchMs: rel(firstStart),
    beforeSearches: before.sort((a, b) => a.startMs - b.startMs).map((e) => `${shortUrl(e.url)} (${Math.round(e.startMs - tokenEndMs)}-${Math.round(e.endMs - tokenEndMs)} ms)`),
    ehrRequestsBeforeSearches: ehrBefore.length,
    tokenToMedicationsMs: rel(Math.max(...meds.map((e) => e.endMs))),
    tokenToAllDataMs: rel(Math.max(...data.map((e) => e.endMs))),
  };
}

/** `GET /fhir/metadata` style label without host or query values (no patient ids in the report). */
export function shortUrl(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname;
  } catch {
    return url;
  }
}

/** The `next` link of a FHIR search Bundle, or null. */
export function nextLinkOf(body: unknown): string | null {
  if (typeof body !== "object" || body === null || !("link" in body) || !Array.isArray(body.link)) return null;
  for (const link of body.link) {
    if (typeof link === "object" && link !== null && "relation" in link && link.relation === "next" && "url" in link && typeof link.url === "string") return link.url;
  }
  return null;
}
