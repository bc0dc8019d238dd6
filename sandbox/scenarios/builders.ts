/**
 * Builders for the scenario patients' FHIR R4 resources. Every date is computed from the
 * sandbox's start day (`Clock`), so "started 6 weeks ago" stays 6 weeks ago and nothing ages
 * out. Every resource carries SANDBOX_TAG so QA can find (and delete) it on a shared server.
 */
import type { Coding, Condition, Encounter, Medication, MedicationRequest, Observation, Patient, Practitioner, Quantity } from "fhir/r4";
import { SNOMED, UCUM } from "./codes";

export const SANDBOX_TAG: Coding = { system: "urn:opioid-taper-planner:sandbox", code: "scenario", display: "Opioid Taper Planner sandbox scenario" };
export const MRN_SYSTEM = "urn:opioid-taper-planner:sandbox:mrn";
const DAY_MS = 86_400_000;

export interface Clock {
  /** The start day, 00:00 UTC. */
  asOf: Date;
  /** `YYYY-MM-DD`, `daysAgo` days before the start day. */
  date(daysAgo: number): string;
  /** ISO dateTime at `hour`:00 UTC, `daysAgo` days before the start day. */
  dateTime(daysAgo: number, hour?: number): string;
  /** A birth date for someone `years` old (and `days` more) on the start day. */
  birthDate(years: number, days?: number): string;
}

/** The scenario clock for the day of `day` (UTC midnight). */
export function clockFor(day: Date): Clock {
  const asOf = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
  const at = (daysAgo: number, hour = 0) => new Date(asOf.getTime() - daysAgo * DAY_MS + hour * 3_600_000);
  return {
    asOf,
    date: (daysAgo) => at(daysAgo).toISOString().slice(0, 10),
    dateTime: (daysAgo, hour = 10) => at(daysAgo, hour).toISOString().replace(".000Z", "Z"),
    birthDate: (years, days = 0) => {
      const d = new Date(asOf);
      d.setUTCFullYear(d.getUTCFullYear() - years);
      return new Date(d.getTime() - days * DAY_MS).toISOString().slice(0, 10);
    },
  };
}

const meta = { tag: [SANDBOX_TAG] };
const ref = (type: string, id: string) => ({ reference: `${type}/${id}` });

/** A Patient with an MRN, an official name, gender and birth date. */
export function patient(id: string, given: string, family: string, gender: "male" | "female", birthDate: string, mrn: string): Patient {
  return {
    resourceType: "Patient",
    id,
    meta,
    identifier: [{ use: "usual", type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v2-0203", code: "MR" }] }, system: MRN_SYSTEM, value: mrn }],
    active: true,
    name: [{ use: "official", family, given: [given] }],
    gender,
    birthDate,
  };
}

/** A Practitioner with an NPI (test range) and a "Dr." name. */
export function practitioner(id: string, given: string, family: string, npi: string): Practitioner {
  return {
    resourceType: "Practitioner",
    id,
    meta,
    identifier: [{ system: "http://hl7.org/fhir/sid/us-npi", value: npi }],
    active: true,
    name: [{ use: "official", family, given: [given], prefix: ["Dr."] }],
  };
}

/** Today's office visit: the encounter in context for an EHR launch. */
export function visit(id: string, patientId: string, practitionerId: string, clock: Clock): Encounter {
  return {
    resourceType: "Encounter",
    id,
    meta,
    status: "in-progress",
    class: { system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "AMB", display: "ambulatory" },
    type: [{ coding: [{ system: SNOMED, code: "185349003", display: "Encounter for check up" }], text: "Office visit" }],
    subject: ref("Patient", patientId),
    participant: [{ individual: ref("Practitioner", practitionerId) }],
    period: { start: clock.dateTime(0, 9) },
  };
}

export interface OrderSpec {
  id: string;
  patientId: string;
  requesterId: string;
  medication: Coding;
  /** Refer to a Medication resource (id) instead of coding the medication inline (Epic style). */
  medicationId?: string;
  status: MedicationRequest["status"];
  authoredDaysAgo: number;
  /** Dose per administration; `unit: null` writes a bare value (Synthea style). */
  dose: { value: number; unit: "tablet" | "patch" | "film" | "spray" | "capsule" | "mg" | null };
  /** `frequency` administrations every `period` `periodUnit`. */
  timing: { frequency: number; period: number; periodUnit: "h" | "d" };
  asNeeded: boolean;
  sig: string | null;
  /** Days supplied; null writes no dispenseRequest (Synthea style). */
  supplyDays: number | null;
  /** Units dispensed (tablets, patches...). */
  quantity?: number;
  clock: Clock;
}

/** A MedicationRequest with one structured dosage; community category and dispenseRequest unless `supplyDays` is null (Synthea style). */
export function medicationRequest(s: OrderSpec): MedicationRequest {
  const dose: Quantity = s.dose.unit === null ? { value: s.dose.value } : { value: s.dose.value, ...doseUnit(s.dose.unit) };
  const mr: MedicationRequest = {
    resourceType: "MedicationRequest",
    id: s.id,
    meta,
    status: s.status,
    intent: "order",
    ...(s.medicationId
      ? { medicationReference: { reference: `Medication/${s.medicationId}`, display: s.medication.display ?? "" } }
      : { medicationCodeableConcept: { coding: [s.medication], text: s.medication.display ?? "" } }),
    subject: ref("Patient", s.patientId),
    authoredOn: s.clock.dateTime(s.authoredDaysAgo),
    requester: ref("Practitioner", s.requesterId),
    dosageInstruction: [
      {
        sequence: 1,
        ...(s.sig ? { text: s.sig } : {}),
        timing: { repeat: { frequency: s.timing.frequency, period: s.timing.period, periodUnit: s.timing.periodUnit } },
        asNeededBoolean: s.asNeeded,
        doseAndRate: [{ type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/dose-rate-type", code: "ordered", display: "Ordered" }] }, doseQuantity: dose }],
      },
    ],
  };
  if (s.supplyDays !== null) {
    mr.category = [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/medicationrequest-category", code: "community", display: "Community" }] }];
    mr.dispenseRequest = {
      validityPeriod: { start: s.clock.date(s.authoredDaysAgo), end: s.clock.date(s.authoredDaysAgo - s.supplyDays) },
      ...(s.quantity !== undefined ? { quantity: { value: s.quantity, ...doseUnit(s.dose.unit === "mg" ? "tablet" : (s.dose.unit ?? "tablet")) } } : {}),
      expectedSupplyDuration: { value: s.supplyDays, unit: "days", system: UCUM, code: "d" },
    };
  }
  return mr;
}

function doseUnit(unit: "tablet" | "patch" | "film" | "spray" | "capsule" | "mg"): Quantity {
  return unit === "mg" ? { unit: "mg", system: UCUM, code: "mg" } : { unit, system: UCUM, code: `{${unit}}` };
}

/** A Medication resource (not in the patient compartment: readable with Medication scopes). */
export function medication(id: string, coding: Coding): Medication {
  return { resourceType: "Medication", id, meta, code: { coding: [coding], text: coding.display ?? "" }, status: "active" };
}

export interface ObservationSpec {
  id: string;
  patientId: string;
  code: Coding;
  category: "vital-signs" | "survey" | "laboratory";
  daysAgo: number;
  /** Hour of the day (UTC), default 10. */
  hour?: number;
  value: Pick<Observation, "valueQuantity" | "valueCodeableConcept" | "valueString" | "component">;
  clock: Clock;
}

/** A final Observation with a category, one LOINC code and the given value or components. */
export function observation(s: ObservationSpec): Observation {
  return {
    resourceType: "Observation",
    id: s.id,
    meta,
    status: "final",
    category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: s.category }] }],
    code: { coding: [s.code], text: s.code.display ?? "" },
    subject: ref("Patient", s.patientId),
    effectiveDateTime: s.clock.dateTime(s.daysAgo, s.hour),
    ...s.value,
  };
}

/** `{score}` quantity, as Synthea and most EHRs send questionnaire scores. */
export function score(value: number): Pick<Observation, "valueQuantity"> {
  return { valueQuantity: { value, unit: "{score}", system: UCUM, code: "{score}" } };
}

/** An active, confirmed problem-list Condition. */
export function condition(id: string, patientId: string, coding: readonly Coding[], onsetDaysAgo: number, clock: Clock): Condition {
  return {
    resourceType: "Condition",
    id,
    meta,
    clinicalStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code: "active" }] },
    verificationStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-ver-status", code: "confirmed" }] },
    category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-category", code: "problem-list-item", display: "Problem List Item" }] }],
    code: { coding: [...coding], text: coding[0]?.display ?? "" },
    subject: ref("Patient", patientId),
    onsetDateTime: clock.dateTime(onsetDaysAgo),
    recordedDate: clock.dateTime(onsetDaysAgo),
  };
}
