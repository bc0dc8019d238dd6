/**
 * Marcus Methven: methadone 20 mg twice daily for chronic pain (40 mg/day = 188 MME/day with
 * the CDC 2022 single factor 4.7), obstructive sleep apnea, naloxone on record. The dose is
 * written in mg (not tablets), as many EHRs do.
 */
import { pegSeries, painSeries, urineScreen } from "./assessments";
import { condition, medicationRequest, patient, visit, type Clock, type OrderSpec } from "./builders";
import { COND, MED, OBS } from "./codes";
import { PRACTITIONER_PAIN, PRACTITIONER_PRIMARY, type Scenario } from "./types";

const ID = "otp-methadone";

function build(clock: Clock): unknown[] {
  const order = (s: Omit<OrderSpec, "patientId" | "requesterId" | "clock">) => medicationRequest({ ...s, patientId: ID, requesterId: PRACTITIONER_PAIN, clock });
  return [
    patient(ID, "Marcus", "Methven", "male", clock.birthDate(61, 10), "MRN-1003"),
    visit(`${ID}-visit`, ID, PRACTITIONER_PRIMARY, clock),
    condition(`${ID}-cond-pain`, ID, COND.otherChronicPain, 3000, clock),
    condition(`${ID}-cond-osa`, ID, COND.sleepApnea, 900, clock),
    order({ id: `${ID}-mr-methadone-old`, medication: MED.methadone10, status: "completed", authoredDaysAgo: 1800, dose: { value: 10, unit: "mg" }, timing: { frequency: 2, period: 1, periodUnit: "d" }, asNeeded: false, sig: "Take 10 mg by mouth twice daily", supplyDays: 30, quantity: 60 }),
    order({ id: `${ID}-mr-methadone`, medication: MED.methadone10, status: "active", authoredDaysAgo: 9, dose: { value: 20, unit: "mg" }, timing: { frequency: 2, period: 1, periodUnit: "d" }, asNeeded: false, sig: "Take 20 mg (2 tablets) by mouth twice daily", supplyDays: 30, quantity: 120 }),
    order({ id: `${ID}-mr-naloxone`, medication: MED.naloxoneNasal4mg, status: "active", authoredDaysAgo: 300, dose: { value: 1, unit: "spray" }, timing: { frequency: 1, period: 1, periodUnit: "d" }, asNeeded: true, sig: "1 spray in one nostril for suspected opioid overdose", supplyDays: 30, quantity: 2 }),
    ...pegSeries(ID, clock, [
      { daysAgo: 380, pain: 6, enjoyment: 5, activity: 6 },
      { daysAgo: 9, pain: 6, enjoyment: 5, activity: 5 },
    ]),
    ...painSeries(ID, clock, [[380, 6], [9, 6]]),
    ...urineScreen(ID, clock, 120, [[OBS.udsMethadone, true], [OBS.udsOpiates, false], [OBS.udsBenzodiazepines, false]]),
  ];
}

export const methadone: Scenario = {
  id: ID,
  name: "Marcus Methven",
  summary: "Methadone 20 mg twice daily for pain (40 mg/day, 188 MME/day), sleep apnea, naloxone on record",
  publicBundle: true,
  expected: {
    mmePerDay: 188,
    completeness: "complete",
    arithmetic: ["methadone 20 mg x 2/day = 40 mg/day x 4.7 (CDC 2022 single factor) = 188 MME/day"],
    notCounted: ["an older completed methadone order", "naloxone nasal spray"],
    keyFindings: [
      "188 MME/day: at or above 50 and 90 MME/day",
      "Methadone: long and variable half-life; taper especially slowly and watch for delayed respiratory depression",
      "Obstructive sleep apnea: a respiratory risk factor (naloxone indicated; on record)",
      "Long-term use (about 5 years)",
    ],
    findingIds: { present: ["context.mme-90", "reason.sleep-apnea", "context.long-term-use"], absent: ["caution.naloxone"] },
    defaultPlan: "Slow taper of about 10 % of the original dose per month or slower (4 mg/day of 40; real steps of 5 mg with 5 mg tablets), close follow-up",
  },
  build,
};
