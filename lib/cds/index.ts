/**
 * The CDS Hooks engine (pure: no I/O, no clock): discovery definitions and hook call ->
 * cards, built from lib/mme and lib/taper results. The HTTP routes, JWT checks, prefetch
 * reading and FHIR fallback live in lib/cds-service.
 */
export { evaluateCds, NO_DATA_EXTENSION } from "./evaluate";
export { assess, asSigned, type CdsAssessment } from "./assess";
export { CDS_RECORD_PARTS, type CdsEvaluationInput, type CdsRecord, type CdsRecordPart, type PartState } from "./inputs";
export { isCdsServiceId, hooksOf, SERVICE_TEXT } from "./services";
export { taperPlanStatus, describePlanStatus, hasPlanInEffect, planWords, type TaperPlanStatus } from "./plan-status";
export { SUMMARY_MAX_CHARS } from "./text";
export { OVERRIDE_REASON_SYSTEM, OVERRIDE_REASONS, CDC_2022_SOURCE } from "./sources";
export { NALOXONE_NASAL_4MG } from "./cards/naloxone";
export * from "./types";
