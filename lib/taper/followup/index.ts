/**
 * Follow-up visits (pure): the plan in effect among the saved plans, where the patient is on
 * it, the planned staircase for charts, and revisions. The saved plans come from the
 * CarePlans by lib/careplan/read; lib/careplan `followUpFromCarePlans` joins the two.
 */
export { assessFollowUp, type FollowUpInput } from "./assess";
export { planInEffect, normalizeCarePlanRef, chainLinks, type InEffect } from "./in-effect";
export { FOLLOW_UP_TOLERANCE_FRACTION, FOLLOW_UP_TOLERANCE_MIN_MME, stepDueAt, toleranceAt, toleranceSentence } from "./band";
export { AGNOLI_2021 } from "./wording";
export { proposeRevision, type RevisionInput, type RevisionOutcome, type RevisionRequest } from "./revise";
export { plannedSeries, type PlannedPoint } from "./planned-series";
