/**
 * Shared primitive types. No logic lives in lib/domain: only types, a few `as const`
 * vocabularies that the engines, the FHIR layer and the UI agree on, and the code-system URIs
 * with their spelling checks (code-systems.ts).
 */

/** A calendar date, `YYYY-MM-DD`, no time zone (FHIR `date`). */
export type IsoDate = string;

/** A FHIR `dateTime` or `instant` string, as received. */
export type IsoDateTime = string;

/** A relative FHIR reference such as `MedicationRequest/123`. */
export type ResourceRef = string;

/** Where a clinical rule or number comes from. Shown beside every finding and factor. */
export interface Citation {
  /** Short source key, e.g. `CDC 2022`, `HHS 2019`, `CDC 2022 draft l.2635-2637`, `CDC data file 2018`. */
  source: string;
  /** Section, recommendation or line range inside the source. */
  section: string;
  /** Public URL of the source when there is one. */
  url?: string;
}

/**
 * A flagged assumption the engine made to reach a number. Shown to the clinician
 * next to the number and written into the CarePlan note.
 */
export interface Assumption {
  /** Stable, namespaced code, e.g. `mme.assume.prn-max`, `mme.assume.unitless-dose`. */
  code: string;
  /** One sentence a clinician understands. */
  message: string;
}

/**
 * A resource that arrived but could not be read (failed schema validation). It is never
 * dropped silently: a MedicationRequest that cannot be read makes the MME incomplete, and
 * the clinician sees the reason.
 */
export interface UnreadableResource {
  /** `resourceType` as received, when it was a string. */
  resourceType: string | null;
  id: string | null;
  /** `Type/id` when both are known. */
  reference: ResourceRef | null;
  /** Validation messages, each with its path (no patient data beyond field names). */
  issues: string[];
  /** Best-effort medication/code text read from the raw JSON, for display only. */
  display: string | null;
}
