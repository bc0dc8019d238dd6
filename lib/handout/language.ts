/**
 * The handout's language from the patient's record: Patient.communication (FHIR R4), the
 * preferred entry first, then the first one; a BCP 47 code "es" or "es-XX" (urn:ietf:bcp:47)
 * chooses Spanish. Anything else, or nothing, is English: the clinician can switch either way.
 */
import type { PatientCommunication } from "fhir/r4";
import type { HandoutLanguage } from "./types";

export function languageFromCommunication(communication: readonly PatientCommunication[] | undefined): HandoutLanguage {
  const list = communication ?? [];
  const chosen = list.find((c) => c.preferred === true) ?? list[0];
  const codes = (chosen?.language?.coding ?? []).map((c) => (c.code ?? "").toLowerCase());
  return codes.some((c) => c === "es" || c.startsWith("es-")) ? "es" : "en";
}
