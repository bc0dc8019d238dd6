/**
 * Reads one page of a FHIR search result (a `searchset` Bundle) without judging the
 * resources in it: each entry's resource is kept as `unknown` and parsed on its own later,
 * so one malformed resource can never make a whole page unreadable (or vanish).
 * Source: FHIR R4 bundle.html, search.html#paging.
 */
import * as z from "./zod";

const PageSchema = z.looseObject({
  resourceType: z.literal("Bundle"),
  link: z.array(z.looseObject({ relation: z.unknown(), url: z.unknown() })).optional(),
  entry: z.array(z.unknown()).optional(),
});

const EntrySchema = z.looseObject({
  resource: z.unknown().optional(),
  search: z.looseObject({ mode: z.unknown().optional() }).optional(),
});

const OutcomeSchema = z.looseObject({
  resourceType: z.literal("OperationOutcome"),
  issue: z.array(z.looseObject({ severity: z.unknown(), diagnostics: z.unknown().optional(), details: z.looseObject({ text: z.unknown().optional() }).optional() })).optional(),
});

export interface SearchPage {
  /** Resources of `match` and `include` entries (and entries without a mode), in order; `unknown` until parsed. */
  resources: unknown[];
  /** Server notices from `outcome` entries (e.g. "some results were not shown"). Display only; never logged. */
  notices: string[];
  /** Entries that carried no resource at all (counted, so they cannot disappear silently). */
  emptyEntries: number;
  /** The `next` link as sent (absolute or relative), or null on the last page. */
  next: string | null;
}

/** Parse a search page; null when the body is not a Bundle. */
export function readSearchPage(body: unknown): SearchPage | null {
  const page = PageSchema.safeParse(body);
  if (!page.success) return null;
  const result: SearchPage = { resources: [], notices: [], emptyEntries: 0, next: null };
  for (const link of page.data.link ?? []) {
    if (link.relation === "next" && typeof link.url === "string" && link.url) result.next = link.url;
  }
  for (const raw of page.data.entry ?? []) {
    const entry = EntrySchema.safeParse(raw);
    const resource = entry.success ? entry.data.resource : undefined;
    if (resource === undefined || resource === null) {
      result.emptyEntries++;
      continue;
    }
    const outcome = OutcomeSchema.safeParse(resource);
    if (outcome.success || (entry.success && entry.data.search?.mode === "outcome")) {
      result.notices.push(...outcomeTexts(outcome.success ? outcome.data : undefined));
      continue;
    }
    result.resources.push(resource);
  }
  return result;
}

function outcomeTexts(outcome: z.infer<typeof OutcomeSchema> | undefined): string[] {
  const texts = (outcome?.issue ?? []).flatMap((i) => {
    const text = typeof i.details?.text === "string" ? i.details.text : typeof i.diagnostics === "string" ? i.diagnostics : null;
    return text ? [text.slice(0, 300)] : [];
  });
  return texts.length > 0 ? texts : ["The EHR attached a notice to this search result."];
}

/**
 * Resolve a `next` link against the FHIR base and accept it only if it stays under that
 * base (same origin, same path prefix): fhirclient would send the access token to any URL
 * a server names, and SMART says not to follow such references blindly (App Launch 2.2
 * step 6; RFC 9700 mix-up attacks). Returns the absolute URL, or null when off-base.
 */
export function nextUrlUnderBase(next: string, baseUrl: string): string | null {
  let base: URL;
  let url: URL;
  try {
    base = new URL(baseUrl.replace(/\/+$/, "") + "/");
    url = new URL(next, base);
  } catch {
    return null;
  }
  if (url.origin !== base.origin || url.username || url.password) return null;
  const basePath = base.pathname.replace(/\/+$/, "");
  const path = url.pathname.replace(/\/+$/, "");
  if (path !== basePath && !url.pathname.startsWith(basePath + "/")) return null;
  return url.toString();
}
