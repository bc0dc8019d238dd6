/**
 * Paloma Prentice: hydrocodone/APAP 10/325 four times daily (40 MME/day) for two years and
 * now pregnant (about 20 weeks). CDC 2022: get appropriate expertise before tapering during
 * pregnancy (withdrawal risks to patient and fetus).
 */
import { pegSeries, painSeries, phq9 } from "./assessments";
import { condition, medicationRequest, observation, patient, visit, type Clock, type OrderSpec } from "./builders";
import { COND, LOINC, MED, OBS } from "./codes";
import { PRACTITIONER_PRIMARY, type Scenario } from "./types";

const ID = "otp-pregnancy";

function build(clock: Clock): unknown[] {
  const order = (s: Omit<OrderSpec, "patientId" | "requesterId" | "clock">) => medicationRequest({ ...s, patientId: ID, requesterId: PRACTITIONER_PRIMARY, clock });
  const pregnant = { valueCodeableConcept: { coding: [{ system: LOINC, code: "LA15173-0", display: "Pregnant" }], text: "Pregnant" } };
  return [
    patient(ID, "Paloma", "Prentice", "female", clock.birthDate(31, 45), "MRN-1007"),
    visit(`${ID}-visit`, ID, PRACTITIONER_PRIMARY, clock),
    condition(`${ID}-cond-back`, ID, COND.chronicLowBackPain, 1100, clock),
    condition(`${ID}-cond-pregnancy`, ID, COND.pregnancy, 140, clock),
    order({ id: `${ID}-mr-hydrocodone-old`, medication: MED.apapHydrocodone10, status: "completed", authoredDaysAgo: 730, dose: { value: 1, unit: "tablet" }, timing: { frequency: 4, period: 1, periodUnit: "d" }, asNeeded: false, sig: "Take 1 tablet by mouth four times daily", supplyDays: 30, quantity: 120 }),
    order({ id: `${ID}-mr-hydrocodone`, medication: MED.apapHydrocodone10, status: "active", authoredDaysAgo: 16, dose: { value: 1, unit: "tablet" }, timing: { frequency: 4, period: 1, periodUnit: "d" }, asNeeded: false, sig: "Take 1 tablet by mouth four times daily", supplyDays: 30, quantity: 120 }),
    order({ id: `${ID}-mr-naloxone`, medication: MED.naloxoneNasal4mg, status: "active", authoredDaysAgo: 250, dose: { value: 1, unit: "spray" }, timing: { frequency: 1, period: 1, periodUnit: "d" }, asNeeded: true, sig: "1 spray in one nostril for suspected opioid overdose", supplyDays: 30, quantity: 2 }),
    observation({ id: `${ID}-pregnancy-status`, patientId: ID, code: OBS.pregnancyStatus, category: "survey", daysAgo: 16, value: pregnant, clock }),
    ...pegSeries(ID, clock, [{ daysAgo: 16, pain: 5, enjoyment: 5, activity: 6 }]),
    ...painSeries(ID, clock, [[300, 5], [16, 5]]),
    ...phq9(ID, clock, 1, 16, 7, 0),
  ];
}

export const pregnancy: Scenario = {
  id: ID,
  name: "Paloma Prentice",
  summary: "Hydrocodone/APAP 10/325 four times daily (40 MME/day), pregnant about 20 weeks",
  publicBundle: true,
  expected: {
    mmePerDay: 40,
    completeness: "complete",
    arithmetic: ["hydrocodone 10 mg x 1 tablet x 4/day = 40 mg/day x 1 = 40 MME/day"],
    notCounted: ["an older completed hydrocodone order", "naloxone nasal spray"],
    keyFindings: [
      "Pregnancy (problem list and pregnancy status): get obstetric and addiction expertise before any taper; withdrawal risks patient and fetus (CDC 2022)",
      "40 MME/day: below 50 MME/day",
      "Long-term use (about 2 years)",
      "Naloxone on record",
    ],
    findingIds: { present: ["caution.pregnancy", "context.long-term-use"], absent: ["caution.naloxone", "context.mme-50"] },
    defaultPlan: "No taper started by default: the app asks for specialist input first; if a taper is chosen, no faster than about 10 % per month",
  },
  build,
};
