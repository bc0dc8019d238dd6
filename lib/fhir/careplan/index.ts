/**
 * CarePlan write-back I/O: validation (lazy @medplum/core + generated R4 definitions),
 * conditional create, earlier taper plans. The builder itself is pure: @/lib/careplan.
 */
export { validateCarePlan, validateCarePlanR4 } from "./validate";
/** Starts loading the validator (≈ 90 KiB gzip) early, e.g. when the confirmation dialog opens; resolves once, never needed before a save. */
export { loadCarePlanValidator as preloadCarePlanValidator } from "./definitions";
export type { CarePlanIssue, CarePlanIssueSource, CarePlanValidation } from "./issues";
export { checkNarrativeXhtml } from "./xhtml-check";
export type { XhtmlIssue } from "./xhtml-check";
export { saveCarePlan, CONDITIONAL_CREATE_HEADERS } from "./save";
export type { SaveCarePlanOptions, SaveCarePlanOutcome, SaveFailureReason } from "./save";
export { findCarePlanIdsByIdentifier, identifierToken } from "./search";
export { listEarlierTaperPlans, parseTaperPlanPage, sortNewestFirst } from "./list";
export type { EarlierPlansResult, EarlierTaperPlan } from "./list";
