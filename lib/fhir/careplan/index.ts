/**
 * CarePlan write-back I/O: validation (lazy @medplum/core + generated R4 definitions),
 * conditional create, earlier taper plans. The builder itself is pure: @/lib/careplan.
 */
export { validateCarePlan, validateCarePlanR4 } from "./validate";
export { preloadCarePlanValidator } from "./definitions";
export type { CarePlanIssue, CarePlanIssueSource, CarePlanValidation } from "./issues";
export { checkNarrativeXhtml } from "./xhtml-check";
export type { XhtmlIssue } from "./xhtml-check";
export { saveCarePlan, CONDITIONAL_CREATE_HEADERS } from "./save";
export type { SaveCarePlanOptions, SaveCarePlanOutcome, SaveFailureReason } from "./save";
export { findCarePlanIdsByIdentifier, identifierToken } from "./search";
