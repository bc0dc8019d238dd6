export { buildCarePlan, referenceType, supportingReferences } from "./build";
export { carePlanAsText, renderPlainText } from "./plain-text";
export { buildPlanDocument, planDescription, planTitle } from "./document";
export type { Block, Cell, PlanDocument, Section } from "./document";
export { buildPrintedPlan } from "./printed";
export type { PrintedPlanContext, PrintedPlanHeader } from "./printed";
export { carePlanJsonForDownload, carePlanPrintDocument } from "./download";
export type { CarePlanDownload } from "./download";
export { escapeXml, renderXhtml, XHTML_NAMESPACE } from "./xhtml";
export {
  FACTOR_TABLE_LABELS,
  PAIN_PLAN_CATEGORY,
  PAIN_TREATMENT_CAREPLAN_PROFILE,
  PROPOSAL_IDENTIFIER_SYSTEM,
  US_CORE_ASSESS_PLAN_CATEGORY,
} from "./codes";
export type { CarePlanContext, CarePlanIntent, ProposalIdentifier } from "./types";
export { carePlanStance, isPlanAgreed } from "./stance";
export type { CarePlanStance } from "./stance";
export { followUpFromCarePlans } from "./followup";
export { isAppTaperCarePlan, readSavedPlan, readTaperCarePlans } from "./read";
export type { CarePlanRevision } from "./types";
