/**
 * Derek Dunmore: morphine ER 30 mg q12h + IR 15 mg q12h PRN (90 MME/day, on the 90 band's
 * boundary), major depression with PHQ-9 19 and item 9 positive ("more than half the days"),
 * gabapentin. CDC 2022: behavioral-health consultation before tapering a patient with
 * suicidal ideation.
 */
import { gad7, pegSeries, painSeries, phq9 } from "./assessments";
import { condition, medicationRequest, patient, visit, type Clock, type OrderSpec } from "./builders";
import { COND, MED } from "./codes";
import { PRACTITIONER_PAIN, PRACTITIONER_PRIMARY, type Scenario } from "./types";

const ID = "otp-depression-phq9";

function build(clock: Clock): unknown[] {
  const order = (s: Omit<OrderSpec, "patientId" | "requesterId" | "clock">) => medicationRequest({ ...s, patientId: ID, requesterId: PRACTITIONER_PAIN, clock });
  return [
    patient(ID, "Derek", "Dunmore", "male", clock.birthDate(47, 220), "MRN-1008"),
    visit(`${ID}-visit`, ID, PRACTITIONER_PRIMARY, clock),
    condition(`${ID}-cond-back`, ID, COND.chronicLowBackPain, 2000, clock),
    condition(`${ID}-cond-mdd`, ID, COND.majorDepression, 1400, clock),
    order({ id: `${ID}-mr-er-old`, medication: MED.morphineEr30, status: "completed", authoredDaysAgo: 900, dose: { value: 1, unit: "tablet" }, timing: { frequency: 1, period: 12, periodUnit: "h" }, asNeeded: false, sig: "Take 1 tablet by mouth every 12 hours", supplyDays: 30, quantity: 60 }),
    order({ id: `${ID}-mr-er`, medication: MED.morphineEr30, status: "active", authoredDaysAgo: 7, dose: { value: 1, unit: "tablet" }, timing: { frequency: 1, period: 12, periodUnit: "h" }, asNeeded: false, sig: "Take 1 tablet by mouth every 12 hours", supplyDays: 30, quantity: 60 }),
    order({ id: `${ID}-mr-ir`, medication: MED.morphine15, status: "active", authoredDaysAgo: 7, dose: { value: 1, unit: "tablet" }, timing: { frequency: 1, period: 12, periodUnit: "h" }, asNeeded: true, sig: "Take 1 tablet by mouth every 12 hours as needed for severe pain", supplyDays: 30, quantity: 60 }),
    order({ id: `${ID}-mr-gabapentin`, medication: MED.gabapentin300, status: "active", authoredDaysAgo: 60, dose: { value: 1, unit: "capsule" }, timing: { frequency: 3, period: 1, periodUnit: "d" }, asNeeded: false, sig: "Take 1 capsule by mouth three times daily", supplyDays: 30, quantity: 90 }),
    order({ id: `${ID}-mr-naloxone`, medication: MED.naloxoneNasal4mg, status: "active", authoredDaysAgo: 150, dose: { value: 1, unit: "spray" }, timing: { frequency: 1, period: 1, periodUnit: "d" }, asNeeded: true, sig: "1 spray in one nostril for suspected opioid overdose", supplyDays: 30, quantity: 2 }),
    ...pegSeries(ID, clock, [
      { daysAgo: 380, pain: 7, enjoyment: 8, activity: 7 },
      { daysAgo: 7, pain: 7, enjoyment: 8, activity: 8 },
    ]),
    ...painSeries(ID, clock, [[380, 7], [7, 7]]),
    ...phq9(ID, clock, 1, 190, 14, 1),
    ...phq9(ID, clock, 2, 7, 19, 2),
    gad7(ID, clock, 1, 7, 12),
  ];
}

export const depressionPhq9: Scenario = {
  id: ID,
  name: "Derek Dunmore",
  summary: "Morphine ER 30 mg q12h + IR 15 mg q12h PRN (90 MME/day), depression with PHQ-9 item 9 positive, gabapentin",
  publicBundle: true,
  expected: {
    mmePerDay: 90,
    completeness: "complete",
    arithmetic: [
      "morphine ER 30 mg x 1 tablet x 2/day = 60 mg/day x 1 = 60 MME/day",
      "morphine IR 15 mg x 1 tablet x 2/day (q12h PRN at its maximum) = 30 mg/day x 1 = 30 MME/day",
      "total 60 + 30 = 90 MME/day (exactly on the 90 band: at or above 90)",
    ],
    notCounted: ["an older completed morphine ER order", "gabapentin 300 mg (not an opioid: another CNS depressant)", "naloxone nasal spray"],
    keyFindings: [
      "PHQ-9 item 9 positive (more than half the days) with PHQ-9 total 19: suicide risk; arrange behavioral-health support before tapering (CDC 2022, HHS 2019)",
      "Major depressive disorder on the problem list",
      "Gabapentin: another CNS depressant (CDC 2022 Rec 11)",
      "90 MME/day: at or above 50 and 90 MME/day",
      "No improvement in PEG (7.3 a year ago, 7.7 now)",
    ],
    findingIds: { present: ["caution.suicide-risk", "caution.depression", "reason.cns-depressants", "context.mme-90"], absent: ["caution.naloxone"] },
    defaultPlan: "Address safety first (behavioral-health consultation); if tapering, no faster than about 10 % of the original dose per month (9 MME/day per month) with pauses allowed",
  },
  build,
};
