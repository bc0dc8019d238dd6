/** The patient's name and death as words, for the banner, the identity strip and the save dialog (one home). */
import type { Patient } from "fhir/r4";
import { fmtDate } from "./format";

/** The first name entry's text, or given + family; null when the chart has none. */
export function patientName(p: Patient): string | null {
  const name = p.name?.[0];
  const text = name?.text ?? [name?.given?.join(" "), name?.family].filter(Boolean).join(" ");
  return text.trim() === "" ? null : text;
}

/** "Deceased" (with the date when recorded), or null when the chart does not record a death (Patient.deceased[x]). */
export function deceasedText(p: Patient): string | null {
  if (p.deceasedDateTime) return `Deceased ${fmtDate(p.deceasedDateTime)}`;
  return p.deceasedBoolean === true ? "Deceased" : null;
}

/** The medical record number: the first Patient.identifier whose type is v2-0203 `MR`; null when there is none. */
export function patientMrn(p: Patient): string | null {
  const mr = p.identifier?.find((i) => i.type?.coding?.some((c) => c.system === "http://terminology.hl7.org/CodeSystem/v2-0203" && c.code === "MR"));
  return mr?.value ?? null;
}
