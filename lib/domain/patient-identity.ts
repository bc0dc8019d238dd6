/**
 * Who a Patient resource is, in words: the name and the medical record number (one home, used by
 * the screens, the printed plan, the handout and the `plan` command). Pure.
 */
import type { Patient } from "fhir/r4";

/** HL7 v2 table 0203 (identifier type), whose code `MR` is the medical record number. */
export const IDENTIFIER_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v2-0203";

/** The first name entry's text, or given + family; null when the chart has none. */
export function patientName(p: Patient): string | null {
  const name = p.name?.[0];
  const text = name?.text ?? [name?.given?.join(" "), name?.family].filter(Boolean).join(" ");
  return text.trim() === "" ? null : text;
}

/** The medical record number: the first Patient.identifier of type v2-0203 `MR`; null when there is none. */
export function patientMrn(p: Patient): string | null {
  const mr = p.identifier?.find((i) => i.type?.coding?.some((c) => c.system === IDENTIFIER_TYPE_SYSTEM && c.code === "MR"));
  return mr?.value ?? null;
}
