/**
 * Runs one FHIR search and follows its `next` links, up to a bound. The outcome says
 * exactly how far it got: `complete`, `truncated` (the bound was hit: shown to the
 * clinician as "record truncated: MME may be incomplete", never silent), or `failed`
 * (a page could not be read: the MME becomes unknown, never lower).
 * Anti-patterns avoided: silent paging caps (COSRI stops at 10 pages), errors swallowed into
 * partial results (docs/architecture.md anti-patterns 2 and 10).
 */
import { badResponseIssue, issueForStatus, normalizeError, offBaseLinkIssue, type AppIssue, type RequestContext } from "./errors";
import { nextUrlUnderBase, readSearchPage } from "./bundle-page";
import { requestWithRetry, type RetryOptions } from "./retry";
import type { FhirResponse, FhirTransport } from "./transport";

export type SearchState = "complete" | "truncated" | "failed";

export interface PagedSearchResult {
  state: SearchState;
  /** Resources read before the search ended (also when it failed: callers must check `state`). */
  resources: unknown[];
  /** Pages read successfully. */
  pages: number;
  /** Why the search failed; null unless `state === "failed"`. */
  issue: AppIssue | null;
  notices: string[];
  /** Bundle entries without a resource. */
  emptyEntries: number;
}

export interface PagingOptions {
  /** Pages followed at most (the first page counts). */
  maxPages: number;
  context?: RequestContext;
  retry?: RetryOptions;
}

/**
 * GET `url` (relative to the transport's base), then each `next` page while the link stays
 * under the FHIR base and fewer than `maxPages` pages were read.
 */
export async function searchAllPages(transport: FhirTransport, url: string, options: PagingOptions): Promise<PagedSearchResult> {
  const ctx: RequestContext = { interaction: "search", ...options.context };
  const result: PagedSearchResult = { state: "complete", resources: [], pages: 0, issue: null, notices: [], emptyEntries: 0 };
  const seen = new Set<string>();
  let current: string = url;
  for (;;) {
    const fail = (issue: AppIssue): PagedSearchResult => ({ ...result, state: "failed", issue });
    let response: FhirResponse;
    try {
      response = await requestWithRetry(transport, { method: "GET", url: current }, options.retry);
    } catch (error) {
      return fail(normalizeError(error, ctx));
    }
    if (response.status !== 200) return fail(issueForStatus(response.status, ctx));
    const page = readSearchPage(response.body);
    if (!page) return fail(badResponseIssue(ctx));
    seen.add(nextUrlUnderBase(current, transport.baseUrl) ?? current);
    result.pages++;
    result.resources.push(...page.resources);
    result.notices.push(...page.notices);
    result.emptyEntries += page.emptyEntries;
    if (page.next === null) return result;
    const next = nextUrlUnderBase(page.next, transport.baseUrl);
    if (next === null) return fail(offBaseLinkIssue(ctx));
    if (seen.has(next)) return fail(badResponseIssue(ctx));
    if (result.pages >= options.maxPages) return { ...result, state: "truncated" };
    current = next;
  }
}
