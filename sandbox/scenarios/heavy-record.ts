/**
 * Harold Hefty: a heavy record for performance work: 149 MedicationRequests (five years of
 * monthly refills) and 3,004 Observations (pain, respiratory rate and heart rate about every
 * 17 hours for the last 2 years, plus PEG), so the app's 2-year readiness search alone returns
 * about 1,000 pain scores (several pages). Current regimen: morphine ER 15 mg q12h + oxycodone
 * 5 mg q8h PRN.
 */
import type { Observation } from "fhir/r4";
import { pegSeries } from "./assessments";
import { condition, medicationRequest, observation, patient, score, visit, type Clock, type OrderSpec } from "./builders";
import { COND, MED, OBS, UCUM } from "./codes";
import { PRACTITIONER_PAIN, PRACTITIONER_PRIMARY, type Scenario } from "./types";

const ID = "otp-heavy-record";
export const HEAVY_MONTHLY_REFILLS = 60;
export const HEAVY_VITAL_POINTS = 1000;

function orders(clock: Clock): unknown[] {
  const order = (s: Omit<OrderSpec, "patientId" | "requesterId" | "clock">) => medicationRequest({ ...s, patientId: ID, requesterId: PRACTITIONER_PAIN, clock });
  const morphine = { medication: MED.morphineEr15, dose: { value: 1, unit: "tablet" as const }, timing: { frequency: 1, period: 12, periodUnit: "h" as const }, asNeeded: false, sig: "Take 1 tablet by mouth every 12 hours", supplyDays: 30, quantity: 60 };
  const oxycodone = { medication: MED.oxycodone5, dose: { value: 1, unit: "tablet" as const }, timing: { frequency: 1, period: 8, periodUnit: "h" as const }, asNeeded: true, sig: "Take 1 tablet by mouth every 8 hours as needed", supplyDays: 30, quantity: 90 };
  const lisinopril = { medication: MED.lisinopril10, dose: { value: 1, unit: "tablet" as const }, timing: { frequency: 1, period: 1, periodUnit: "d" as const }, asNeeded: false, sig: "Take 1 tablet by mouth daily", supplyDays: 90, quantity: 90 };
  const refills = Array.from({ length: HEAVY_MONTHLY_REFILLS }, (_, i) => 30 * (i + 1) + 5).flatMap((daysAgo, i) => [
    order({ ...morphine, id: `${ID}-mr-morphine-${i + 1}`, status: "completed", authoredDaysAgo: daysAgo }),
    order({ ...oxycodone, id: `${ID}-mr-oxycodone-${i + 1}`, status: "completed", authoredDaysAgo: daysAgo }),
  ]);
  const bp = Array.from({ length: 25 }, (_, i) => order({ ...lisinopril, id: `${ID}-mr-lisinopril-${i + 1}`, status: "completed", authoredDaysAgo: 90 * (i + 1) + 10 }));
  return [
    ...refills,
    ...bp,
    order({ ...morphine, id: `${ID}-mr-morphine`, status: "active", authoredDaysAgo: 5 }),
    order({ ...oxycodone, id: `${ID}-mr-oxycodone`, status: "active", authoredDaysAgo: 5 }),
    order({ ...lisinopril, id: `${ID}-mr-lisinopril`, status: "active", authoredDaysAgo: 10 }),
    order({ id: `${ID}-mr-naloxone`, medication: MED.naloxoneNasal4mg, status: "active", authoredDaysAgo: 500, dose: { value: 1, unit: "spray" }, timing: { frequency: 1, period: 1, periodUnit: "d" }, asNeeded: true, sig: "1 spray in one nostril for suspected opioid overdose", supplyDays: 30, quantity: 2 }),
  ];
}

/** Deterministic vitals: pain 2-8, respiratory rate 12-19/min, heart rate 60-99/min. */
function vitals(clock: Clock): Observation[] {
  return Array.from({ length: HEAVY_VITAL_POINTS }, (_, i) => {
    const daysAgo = Math.floor(i * 0.7) + 1;
    const common = { patientId: ID, category: "vital-signs" as const, daysAgo, hour: 8 + (i % 3) * 4, clock };
    return [
      observation({ ...common, id: `${ID}-pain-${i + 1}`, code: OBS.pain, value: score(2 + ((i * 7) % 7)) }),
      observation({ ...common, id: `${ID}-rr-${i + 1}`, code: OBS.respiratoryRate, value: { valueQuantity: { value: 12 + ((i * 5) % 8), unit: "/min", system: UCUM, code: "/min" } } }),
      observation({ ...common, id: `${ID}-hr-${i + 1}`, code: OBS.heartRate, value: { valueQuantity: { value: 60 + ((i * 13) % 40), unit: "/min", system: UCUM, code: "/min" } } }),
    ];
  }).flat();
}

function build(clock: Clock): unknown[] {
  return [
    patient(ID, "Harold", "Hefty", "male", clock.birthDate(69, 33), "MRN-1010"),
    visit(`${ID}-visit`, ID, PRACTITIONER_PRIMARY, clock),
    condition(`${ID}-cond-back`, ID, COND.chronicLowBackPain, 3300, clock),
    condition(`${ID}-cond-htn`, ID, COND.hypertension, 2600, clock),
    ...orders(clock),
    ...vitals(clock),
    ...pegSeries(ID, clock, [
      { daysAgo: 365, pain: 5, enjoyment: 5, activity: 5 },
      { daysAgo: 5, pain: 5, enjoyment: 4, activity: 5 },
    ]),
  ];
}

export const heavyRecord: Scenario = {
  id: ID,
  name: "Harold Hefty",
  summary: "Heavy record: 149 MedicationRequests and about 3,000 Observations; morphine ER + oxycodone PRN (52.5 MME/day)",
  publicBundle: false,
  expected: {
    mmePerDay: 52.5,
    completeness: "complete",
    arithmetic: [
      "morphine ER 15 mg x 1 tablet x 2/day = 30 mg/day x 1 = 30 MME/day",
      "oxycodone 5 mg x 1 tablet x 3/day (q8h PRN at its maximum) = 15 mg/day x 1.5 = 22.5 MME/day",
      "total 30 + 22.5 = 52.5 MME/day",
    ],
    notCounted: ["120 completed monthly opioid refills and 25 completed lisinopril orders", "lisinopril, naloxone (not opioid analgesics)"],
    keyFindings: [
      "52.5 MME/day: at or above 50 MME/day",
      "The whole record is read: every page followed (about 1,000 pain scores in the 2-year window, 6 pages at 200 per page), nothing reported truncated",
      "Naloxone on record",
      "Long-term use (5 years of monthly refills)",
    ],
    findingIds: { present: ["context.mme-50", "context.long-term-use"], absent: ["context.mme-90", "caution.naloxone"] },
    defaultPlan: "Slow taper of about 10 % of the original dose per month (about 5 MME/day per month)",
  },
  build,
};
