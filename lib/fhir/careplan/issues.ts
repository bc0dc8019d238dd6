/** Validation results for a CarePlan, shared by the validator, the rules and the save. */

/**
 * - `fhir-r4`: structure and invariants, checked by @medplum/core against the R4 definitions
 * - `terminology`: codes of required bindings (status, intent, activity kind...)
 * - `narrative`: the XHTML of text.div
 * - `project`: this app's rules (rules.ts)
 */
export type CarePlanIssueSource = "fhir-r4" | "terminology" | "narrative" | "project";

export interface CarePlanIssue {
  severity: "error" | "warning";
  source: CarePlanIssueSource;
  /** Stable, namespaced: `careplan.fhir.<OperationOutcome code>`, `careplan.terminology.code-invalid`, `careplan.narrative.xhtml`, `careplan.rule.<rule>`. */
  code: string;
  /** FHIRPath-like location, e.g. `CarePlan.activity[2].detail.status`. */
  path: string;
  /** A sentence naming the field and the problem. */
  message: string;
}

export interface CarePlanValidation {
  /** No error (warnings allowed). An invalid CarePlan is never sent. */
  ok: boolean;
  issues: CarePlanIssue[];
}

export function validationOf(issues: CarePlanIssue[]): CarePlanValidation {
  return { ok: !issues.some((i) => i.severity === "error"), issues };
}
