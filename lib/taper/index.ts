/**
 * Taper readiness and taper plan engine (pure). Sources: HHS 2019 guide; CDC 2022 guideline
 * Rec 5 and its supporting text (docs/clinical-sources.md).
 */
export { regimenFromMme, OUD_TREATMENT_REASON, type Regimen, type NotTaperedItem } from "./regimen";
export { proposeTaperPlan, orderItems, type PlanContext } from "./plan/propose";
export { stepAllowance, removalBound, stopBound, intervalsNeeded, type RateBasis } from "./plan/allowance";
export { percentPerWeek } from "./plan/validate";
export { defaultTaperOptions, defaultRationale, durationFromRecord, durationQuestion, protocolFor } from "./defaults";
export { TAPER_DEFAULTS, READINESS_DEFAULTS, type TaperEngineConfig, type ReadinessConfig } from "./config";
export { assessReadiness, medicationFindings } from "./readiness/assess";
export { READINESS_SOURCES, type ReadinessInputs, type ReadinessSource } from "./readiness/types";
export { gatesOf, openGates, gateRefusal, resolves } from "./readiness/gates";
export { OUTCOME_STATUS, FINDING_IDS, outcomesOf } from "./readiness/outcomes";
export { observationSeries, type ObservationSeries, type SeriesPoint } from "./trends";
export { shortProductLabel } from "./product-label";
