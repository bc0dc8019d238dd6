/** The patient's name and death as words, for the banner, the identity strip and the save dialog (one home). */
import type { Patient } from "fhir/r4";
import { fmtDate } from "./format";

export { patientMrn, patientName } from "@/lib/domain/patient-identity";

/** "Deceased" (with the date when recorded), or null when the chart does not record a death (Patient.deceased[x]). */
export function deceasedText(p: Patient): string | null {
  if (p.deceasedDateTime) return `Deceased ${fmtDate(p.deceasedDateTime)}`;
  return p.deceasedBoolean === true ? "Deceased" : null;
}

