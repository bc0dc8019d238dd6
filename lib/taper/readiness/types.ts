/**
 * What `assessReadiness` reads. The FHIR resources are the ones lib/fhir/parse.ts validated
 * (typed `fhir/r4`); nothing here is raw JSON.
 */
import type { Condition, Medication, MedicationRequest, Observation, Patient } from "fhir/r4";
import type { IsoDate, MmeResult } from "@/lib/domain";

export const READINESS_SOURCES = ["medications", "observations", "conditions"] as const;
export type ReadinessSource = (typeof READINESS_SOURCES)[number];

export interface ReadinessInputs {
  /** The MME engine's result for the same MedicationRequests. */
  mme: MmeResult;
  /** All of the patient's MedicationRequests, any status (history is needed for long-term use). */
  medicationRequests: readonly MedicationRequest[];
  /** Medications referenced by `medicationReference` (contained ones are read from the request). */
  medications: readonly Medication[];
  observations: readonly Observation[];
  /**
   * The earliest day the Observations were read from (the app reads a window, lib/fhir
   * queries.ts); absent when every Observation of the record was read (a Bundle). A baseline
   * older than this cannot be in the data, and the improvement finding says so.
   */
  observationsFrom?: IsoDate;
  conditions: readonly Condition[];
  /**
   * The patient (for `deceased[x]`); absent when it was not read (no permission, a failed read,
   * a Bundle without it), with the reason in `patientUnavailable` when there is one.
   */
  patient?: Patient;
  patientUnavailable?: string;
  /**
   * Sources that could not be read, with the reason (e.g. `conditions: "permission not
   * granted"`). The findings that need them are `unknown`, never "not found".
   */
  unavailable: Partial<Record<ReadinessSource, string>>;
}
