/**
 * Loads everything the app reads about one patient, in one parallel round of searches:
 * typed resources per type, the resources that could not be read, and per search how far
 * it got. The return type makes the safety rule explicit: `medicationListState` is
 * `unknown` when the MedicationRequest search failed (or was not permitted) and
 * `incomplete` when it was truncated - the MME engine must then report "unknown" or "at
 * least", never a lower number as if it were complete.
 */
import type { CompletenessState } from "@/lib/domain";
import { notGrantedIssue, type AppIssue } from "./errors";
import { searchAllPages, type PagedSearchResult } from "./paging";
import { buildPatientSearches, DEFAULT_OBSERVATION_LOOKBACK_DAYS, type SearchKey, type SearchSpec } from "./queries";
import { emptyResources, fileResource, type FiledType, type RecordResources } from "./load";
import type { RetryOptions } from "./retry";
import type { FhirTransport } from "./transport";

export type { RecordResources } from "./load";

/** Resource types each search may return; anything else is counted as `ignored`. */
export const EXPECTED_TYPES: Record<SearchKey, readonly FiledType[]> = {
  medicationRequests: ["MedicationRequest", "Medication"],
  observations: ["Observation"],
  conditions: ["Condition"],
  carePlans: ["CarePlan"],
};

export type SearchOutcomeState = "complete" | "truncated" | "failed" | "not-granted";

export interface SearchOutcome {
  key: SearchKey;
  state: SearchOutcomeState;
  /** Pages read (summed over the searches of this key). */
  pages: number;
  /** Why it failed or was skipped; null when complete or truncated. */
  issue: AppIssue | null;
  /** One sentence for the screen when the outcome is not `complete`. */
  sentence: string | null;
  /** Server notices attached to the results (display only). */
  notices: string[];
  /** Bundle entries without a resource. */
  emptyEntries: number;
  /** Resources of a type this search was not expected to return (not used). */
  ignored: number;
}

export interface PatientRecord extends RecordResources {
  patientId: string;
  searches: Record<SearchKey, SearchOutcome>;
  /**
   * Whether the medication list itself is whole: `unknown` (search failed or not permitted:
   * no MME can be stated), `incomplete` (truncated or entries without a resource: the MME
   * is a floor), `complete`. Orders that were read but are unreadable are separate
   * (`unreadable`), and make the MME incomplete in the engine.
   */
  medicationListState: CompletenessState;
}

export interface LoadOptions {
  asOf: Date;
  lookbackDays?: number;
  maxPages: number;
  pageSize: number;
  observationCategoryRequired: boolean;
  /** Searches the granted scopes do not allow (false): skipped, reported `not-granted`. Default: all allowed. */
  allowed?: Partial<Record<SearchKey, boolean>>;
  retry?: RetryOptions;
}

const WHAT: Record<SearchKey, string> = {
  medicationRequests: "medication orders",
  observations: "observations",
  conditions: "diagnoses",
  carePlans: "earlier care plans",
};

/** The sentence shown for a search that did not complete. */
export function outcomeSentence(key: SearchKey, state: SearchOutcomeState, pages: number, issue: AppIssue | null): string | null {
  const mme = key === "medicationRequests";
  if (state === "truncated") {
    return `Record truncated: only the first ${pages} pages of ${WHAT[key]} were read (the app's limit)${mme ? ", so the MME may be incomplete" : ""}.`;
  }
  if (state === "failed" || state === "not-granted") {
    const base = issue?.message ?? `The ${WHAT[key]} could not be read.`;
    return mme ? `${base} The MME is unknown until the medication orders can be read.` : base;
  }
  return null;
}

function mergeOutcome(key: SearchKey, results: PagedSearchResult[], ignored: number): SearchOutcome {
  const failed = results.find((r) => r.state === "failed");
  const truncated = results.some((r) => r.state === "truncated");
  const state: SearchOutcomeState = failed ? "failed" : truncated ? "truncated" : "complete";
  const pages = results.reduce((n, r) => n + r.pages, 0);
  const issue = failed?.issue ?? null;
  return {
    key, state, pages, issue,
    sentence: outcomeSentence(key, state, pages, issue),
    notices: results.flatMap((r) => r.notices),
    emptyEntries: results.reduce((n, r) => n + r.emptyEntries, 0),
    ignored,
  };
}

function notGranted(spec: SearchSpec): SearchOutcome {
  const issue = notGrantedIssue({ resourceType: spec.resourceType, interaction: "search" });
  return { key: spec.key, state: "not-granted", pages: 0, issue, sentence: outcomeSentence(spec.key, "not-granted", 0, issue), notices: [], emptyEntries: 0, ignored: 0 };
}

/** Completeness of the medication list from its search outcome (see `PatientRecord.medicationListState`). */
export function medicationListStateOf(outcome: SearchOutcome): CompletenessState {
  if (outcome.state === "failed" || outcome.state === "not-granted") return "unknown";
  if (outcome.state === "truncated" || outcome.emptyEntries > 0) return "incomplete";
  return "complete";
}

/** The medication orders alone: enough for the MME, available before the Observation pages. */
export interface MedicationPart extends Pick<RecordResources, "medicationRequests" | "medications" | "unreadable"> {
  patientId: string;
  search: SearchOutcome;
  medicationListState: CompletenessState;
}

export interface StagedRecord {
  /** Resolves when the MedicationRequest search (and its pages) is done. */
  medications: Promise<MedicationPart>;
  /** Resolves when every search is done. */
  record: Promise<PatientRecord>;
}

type Run = { spec: SearchSpec; result: Promise<PagedSearchResult | null> };

/**
 * Run the patient searches (buildPatientSearches) in parallel through `transport` (one round),
 * page each up to `maxPages`, parse every resource, and report per search. `medications`
 * resolves as soon as the medication orders are in (the MME needs nothing else), `record`
 * when everything is. Never rejects for an HTTP or network failure: those are per-search
 * outcomes (a 401 shows up as `session.expired` on every search; the screen should then
 * offer a relaunch).
 */
export function startPatientRecord(transport: FhirTransport, patientId: string, options: LoadOptions): StagedRecord {
  const specs = buildPatientSearches(patientId, {
    asOf: options.asOf,
    lookbackDays: options.lookbackDays ?? DEFAULT_OBSERVATION_LOOKBACK_DAYS,
    pageSize: options.pageSize,
    observationCategoryRequired: options.observationCategoryRequired,
  });
  const runs: Run[] = specs.map((spec) => {
    if (options.allowed?.[spec.key] === false) return { spec, result: Promise.resolve(null) };
    const pagingOptions = { maxPages: options.maxPages, context: { resourceType: spec.resourceType, interaction: "search" as const }, ...(options.retry ? { retry: options.retry } : {}) };
    return { spec, result: searchAllPages(transport, spec.url, pagingOptions) };
  });
  const resources = emptyResources();
  const seen = new Set<string>();
  const collect = async (key: SearchKey): Promise<SearchOutcome> => {
    const mine = runs.filter((r) => r.spec.key === key);
    const settled = await Promise.all(mine.map(async (r) => ({ spec: r.spec, result: await r.result })));
    const skipped = settled.find((r) => r.result === null);
    if (skipped) return notGranted(skipped.spec);
    const results = settled.flatMap((r) => (r.result ? [r.result] : []));
    let ignored = 0;
    for (const raw of results.flatMap((r) => r.resources)) {
      if (!fileResource(resources, raw, { expected: EXPECTED_TYPES[key], patientId, seen })) ignored++;
    }
    return mergeOutcome(key, results, ignored);
  };
  const medicationsOutcome = collect("medicationRequests");
  const medications = medicationsOutcome.then((search): MedicationPart => ({
    patientId,
    search,
    medicationListState: medicationListStateOf(search),
    // copies: the record goes on filling `resources` with the other searches
    medicationRequests: [...resources.medicationRequests],
    medications: [...resources.medications],
    unreadable: [...resources.unreadable],
  }));
  const record = (async (): Promise<PatientRecord> => {
    const medicationSearch = await medicationsOutcome;
    const searches: Record<SearchKey, SearchOutcome> = {
      medicationRequests: medicationSearch,
      observations: await collect("observations"),
      conditions: await collect("conditions"),
      carePlans: await collect("carePlans"),
    };
    return { ...resources, patientId, searches, medicationListState: medicationListStateOf(searches.medicationRequests) };
  })();
  return { medications, record };
}

/** Everything at once (the CLI-style call; the app uses `startPatientRecord`). */
export function loadPatientRecord(transport: FhirTransport, patientId: string, options: LoadOptions): Promise<PatientRecord> {
  return startPatientRecord(transport, patientId, options).record;
}
