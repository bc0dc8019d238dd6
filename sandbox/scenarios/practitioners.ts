/**
 * The sandbox's clinicians (the users who launch the app; `fhirUser` = Practitioner/{id}).
 */
import type { Practitioner } from "fhir/r4";
import { practitioner } from "./builders";
import { PRACTITIONER_PAIN, PRACTITIONER_PRIMARY } from "./types";

/** The two clinicians: primary care (Dr. Alice Prescott) and pain medicine (Dr. Samuel Okafor). */
export function practitioners(): Practitioner[] {
  return [
    practitioner(PRACTITIONER_PRIMARY, "Alice", "Prescott", "1999999984"),
    practitioner(PRACTITIONER_PAIN, "Samuel", "Okafor", "1999999992"),
  ];
}
