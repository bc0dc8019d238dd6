/**
 * The FHIR fallback: when a part of the record was not prefetched (or was paginated, or the
 * client reported an error), and the request carries `fhirServer` + `fhirAuthorization`, the
 * service runs the app's own searches (lib/fhir `loadPatientRecord`) for just those parts,
 * with the client's token, on a short time budget (CDS Hooks: answer in about 500 ms).
 * The token is sent only to `fhirServer` (the fetch transport adds it only under that base)
 * and only when `fhirServer` is allowed for the calling client (lib/cds-service/clients.ts).
 */
import type { CdsRecordPart } from "@/lib/cds";
import { createFetchTransport } from "@/lib/fhir/fetch-transport";
import { loadPatientRecord, type PatientRecord, type SearchOutcome } from "@/lib/fhir/record";
import type { SearchKey } from "@/lib/fhir/queries";
import { SEARCH_KEY_OF_PART } from "./prefetch";

export interface FallbackOptions {
  fhirServer: string;
  accessToken: string;
  patientId: string;
  parts: readonly CdsRecordPart[];
  asOf: Date;
  /** The EHR rejects Observation searches without `category` (Epic): one search per category. */
  observationCategoryRequired: boolean;
  /** Whole fallback budget; searches still running then are aborted (their part is unavailable). */
  timeoutMs: number;
  fetch?: typeof fetch;
}

/** Pages followed per search in a hook call (then the part is reported truncated: the MME is a floor). */
export const FALLBACK_MAX_PAGES = 5;
export const FALLBACK_PAGE_SIZE = 200;
/** Default budget for the fallback searches (CDS Hooks asks for answers "on the order of 500 ms"; EHR FHIR servers are slower). */
export const FALLBACK_TIMEOUT_MS = 4_000;

export interface FallbackResult {
  record: PatientRecord;
  outcomes: Partial<Record<CdsRecordPart, SearchOutcome>>;
}

/** Reads the requested parts from the FHIR server. Never rejects: failures are per-search outcomes. */
export async function readFromFhir(options: FallbackOptions): Promise<FallbackResult> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), options.timeoutMs);
  const baseFetch = options.fetch ?? fetch;
  const transport = createFetchTransport({
    baseUrl: options.fhirServer,
    headers: { authorization: `Bearer ${options.accessToken}` },
    fetch: (url, init) => baseFetch(url, { ...init, signal: abort.signal }),
  });
  const wanted = new Set(options.parts.map((p) => SEARCH_KEY_OF_PART[p]));
  const allowed: Partial<Record<SearchKey, boolean>> = {};
  for (const key of ["medicationRequests", "observations", "conditions", "carePlans"] as const) allowed[key] = wanted.has(key);
  try {
    const record = await loadPatientRecord(transport, options.patientId, {
      asOf: options.asOf,
      maxPages: FALLBACK_MAX_PAGES,
      pageSize: FALLBACK_PAGE_SIZE,
      observationCategoryRequired: options.observationCategoryRequired,
      allowed,
      retry: { policy: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, retryAfterCapMs: 0 } },
    });
    const outcomes: Partial<Record<CdsRecordPart, SearchOutcome>> = {};
    for (const part of options.parts) outcomes[part] = record.searches[SEARCH_KEY_OF_PART[part]];
    return { record, outcomes };
  } finally {
    clearTimeout(timer);
  }
}
