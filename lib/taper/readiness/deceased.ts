/**
 * Whether the chart records the patient as deceased (FHIR R4 Patient.deceased[x]: a boolean, or
 * the date and time of death). Recorded: the plan is blocked (issue 19.4): no taper is proposed
 * for a patient the EHR says has died; the likely explanation is the wrong chart or a record
 * error, and the way on is to check the patient in the EHR. `deceasedBoolean: false` or no
 * element: nothing recorded. The patient not read (no permission, failed read): unknown, said
 * so, and the plan is not held for it (most EHR launches still show the EHR's own banner).
 */
import type { FindingOf, PlanEffect } from "@/lib/domain";
import { FHIR_PATIENT_DECEASED } from "../citations";
import { finding, type FindingDraft } from "./finding";
import type { ReadinessInputs } from "./types";

const DRAFT: FindingDraft<"caution.deceased"> = { id: "caution.deceased", category: "caution", label: "Patient deceased", citations: [FHIR_PATIENT_DECEASED] };

export const DECEASED_BLOCKS: PlanEffect = {
  kind: "blocks",
  instead: "Do not plan a taper. Check in the EHR that this is the right patient; if the death is recorded in error, have the record corrected first.",
};

export function deceasedFinding(inputs: ReadinessInputs): FindingOf<"caution.deceased"> {
  const patient = inputs.patient;
  if (patient === undefined) {
    const why = inputs.patientUnavailable ?? "the patient's details were not read";
    return finding(DRAFT, "unknown", {
      title: "Could not check whether the patient is alive",
      sentence: `The app could not read whether the chart records the patient as deceased (${why}). Check the EHR's patient banner.`,
    }, [{ label: "Patient details not available", value: why }]);
  }
  const reference = `Patient/${patient.id ?? "(no id)"}` as const;
  if (patient.deceasedDateTime !== undefined || patient.deceasedBoolean === true) {
    const evidence = patient.deceasedDateTime !== undefined
      ? { reference, label: "Date of death recorded", value: patient.deceasedDateTime, date: patient.deceasedDateTime }
      : { reference, label: "Recorded as deceased", value: "yes" };
    return finding(DRAFT, "recorded", {
      title: "Patient recorded as deceased",
      sentence: "The chart records this patient as deceased, so no taper plan is proposed.",
      planEffect: DECEASED_BLOCKS,
    }, [evidence]);
  }
  return finding(DRAFT, "not-recorded", { title: "Not recorded as deceased", sentence: "The chart does not record the patient as deceased." }, [{ reference, label: "Deceased", value: "not recorded" }]);
}
