/**
 * SMART scopes this app asks for: least privilege, never `patient/*.read`.
 * SMART App Launch 2.2 "Scopes and launch context": v2 `.rs` (read+search), `.c` (create);
 * v1 `.read` / `.write` for EHRs that still need them (Epic before August 2024).
 * Write access does not imply read access, so CarePlan read is asked for separately
 * (to list earlier plans and to read back what was written).
 */
export type ScopeStyle = "v1" | "v2";
export type LaunchKind = "ehr" | "standalone";

/** Resource types read by the app. */
export const READ_RESOURCES = ["MedicationRequest", "Medication", "Observation", "Condition", "CarePlan"] as const;

/**
 * The patient's own record is read (not searched) for the banner and for the identity check
 * shown before a CarePlan is written (smart-sources.md 5.5: show name and birth date right before the
 * write). `.r` alone: no search of other patients.
 */
export const PATIENT_READ = { v1: "patient/Patient.read", v2: "patient/Patient.r" } as const;

export function buildScopes(style: ScopeStyle, launch: LaunchKind, requestRefresh: boolean): string {
  const read = style === "v2" ? "rs" : "read";
  const create = style === "v2" ? "c" : "write";
  const scopes = [
    // `launch` must be written explicitly for EHR launch: fhirclient only adds it when the
    // scope string has no "launch" substring, so "launch/patient" would suppress it (smart-sources.md trap 4).
    launch === "ehr" ? "launch" : "launch/patient",
    "openid",
    "fhirUser",
    PATIENT_READ[style],
    ...READ_RESOURCES.map((r) => `patient/${r}.${read}`),
    `patient/CarePlan.${create}`,
  ];
  if (requestRefresh) scopes.push("online_access");
  return scopes.join(" ");
}
