/** The patient's name and death as words, for the banner, the identity strip and the save dialog (one home). */
import type { Patient } from "fhir/r4";
import { fmtDate } from "./format";

export { patientMrn, patientName } from "@/lib/domain/patient-identity";

/** "Deceased" (with the date when recorded), or null when the chart does not record a death (Patient.deceased[x]). */
export function deceasedText(p: Patient): string | null {
  if (p.deceasedDateTime) return `Deceased ${fmtDate(p.deceasedDateTime)}`;
  return p.deceasedBoolean === true ? "Deceased" : null;
}

/** The identifier of type MR (medical record number) when the chart has one (v2-0203 "MR"), else null. */
export function medicalRecordNumber(p: Patient): string | null {
  const mr = p.identifier?.find((i) => i.type?.coding?.some((c) => c.code === "MR" && (c.system === undefined || c.system === "http://terminology.hl7.org/CodeSystem/v2-0203")));
  return mr?.value ?? null;
}

/** Age in whole years on `asOf` (ISO dates), or null when the birth date is missing or partial. */
export function ageYears(birthDate: string | undefined, asOf: string): number | null {
  if (!birthDate || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return null;
  const [by, bm, bd] = birthDate.split("-").map(Number);
  const [ay, am, ad] = asOf.slice(0, 10).split("-").map(Number);
  if (by === undefined || bm === undefined || bd === undefined || ay === undefined || am === undefined || ad === undefined) return null;
  const age = ay - by - (am < bm || (am === bm && ad < bd) ? 1 : 0);
  return age >= 0 ? age : null;
}
