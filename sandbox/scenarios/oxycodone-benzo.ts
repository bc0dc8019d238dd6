/**
 * Oscar Oxley: long-term oxycodone ER + IR at 120 MME/day with alprazolam and no naloxone.
 * The "classic" high-risk patient of CDC 2022 Rec 8 and Rec 11.
 */
import { gad7, pegSeries, painSeries, phq9, urineScreen } from "./assessments";
import { condition, medicationRequest, patient, visit, type Clock, type OrderSpec } from "./builders";
import { COND, MED, OBS } from "./codes";
import { PRACTITIONER_PAIN, PRACTITIONER_PRIMARY, type Scenario } from "./types";

const ID = "otp-oxy-benzo";

function build(clock: Clock): unknown[] {
  const order = (s: Omit<OrderSpec, "patientId" | "requesterId" | "clock">) => medicationRequest({ ...s, patientId: ID, requesterId: PRACTITIONER_PAIN, clock });
  const history = [700, 540, 365, 120, 90, 60, 30].flatMap((daysAgo, i) => [
    order({ id: `${ID}-mr-er-${i + 1}`, medication: MED.oxycodoneEr30, status: "completed", authoredDaysAgo: daysAgo, dose: { value: 1, unit: "tablet" }, timing: { frequency: 1, period: 12, periodUnit: "h" }, asNeeded: false, sig: "Take 1 tablet by mouth every 12 hours", supplyDays: 30, quantity: 60 }),
  ]);
  return [
    patient(ID, "Oscar", "Oxley", "male", clock.birthDate(58, 40), "MRN-1001"),
    visit(`${ID}-visit`, ID, PRACTITIONER_PRIMARY, clock),
    condition(`${ID}-cond-back`, ID, COND.chronicLowBackPain, 2900, clock),
    condition(`${ID}-cond-anxiety`, ID, COND.generalizedAnxiety, 2200, clock),
    ...history,
    order({ id: `${ID}-mr-er`, medication: MED.oxycodoneEr30, status: "active", authoredDaysAgo: 4, dose: { value: 1, unit: "tablet" }, timing: { frequency: 1, period: 12, periodUnit: "h" }, asNeeded: false, sig: "Take 1 tablet by mouth every 12 hours. Do not crush.", supplyDays: 30, quantity: 60 }),
    order({ id: `${ID}-mr-ir`, medication: MED.oxycodone5, status: "active", authoredDaysAgo: 4, dose: { value: 1, unit: "tablet" }, timing: { frequency: 1, period: 6, periodUnit: "h" }, asNeeded: true, sig: "Take 1 tablet by mouth every 6 hours as needed for breakthrough pain", supplyDays: 30, quantity: 120 }),
    order({ id: `${ID}-mr-alprazolam`, medication: MED.alprazolam05, status: "active", authoredDaysAgo: 21, dose: { value: 1, unit: "tablet" }, timing: { frequency: 3, period: 1, periodUnit: "d" }, asNeeded: true, sig: "Take 1 tablet by mouth up to three times daily as needed for anxiety", supplyDays: 30, quantity: 90 }),
    ...pegSeries(ID, clock, [
      { daysAgo: 705, pain: 7, enjoyment: 7, activity: 8 },
      { daysAgo: 370, pain: 7, enjoyment: 7, activity: 8 },
      { daysAgo: 185, pain: 7, enjoyment: 6, activity: 7 },
      { daysAgo: 4, pain: 6, enjoyment: 7, activity: 7 },
    ]),
    ...painSeries(ID, clock, [[705, 7], [370, 7], [185, 7], [95, 6], [4, 7]]),
    ...phq9(ID, clock, 1, 4, 8, 0),
    gad7(ID, clock, 1, 4, 11),
    ...urineScreen(ID, clock, 95, [[OBS.udsOxycodone, true], [OBS.udsBenzodiazepines, true], [OBS.udsFentanyl, false]]),
  ];
}

export const oxycodoneBenzo: Scenario = {
  id: ID,
  name: "Oscar Oxley",
  summary: "Long-term oxycodone ER 30 mg q12h + IR 5 mg q6h PRN (120 MME/day), alprazolam, no naloxone",
  publicBundle: true,
  expected: {
    mmePerDay: 120,
    completeness: "complete",
    arithmetic: [
      "oxycodone ER 30 mg x 1 tablet x 2/day = 60 mg/day x 1.5 = 90 MME/day",
      "oxycodone IR 5 mg x 1 tablet x 4/day (q6h PRN, counted at its maximum) = 20 mg/day x 1.5 = 30 MME/day",
      "total 90 + 30 = 120 MME/day",
    ],
    notCounted: ["7 completed oxycodone ER refills (status completed)", "alprazolam 0.5 mg (not an opioid: shown as a benzodiazepine)"],
    keyFindings: [
      "120 MME/day: at or above 50 and 90 MME/day (informational bands)",
      "Benzodiazepine co-prescribed (alprazolam 0.5 mg up to 3/day): taper the opioid first, do not stop the benzodiazepine abruptly",
      "No naloxone on record: offer naloxone",
      "Long-term use (first opioid order about 2 years ago)",
      "PEG 7.3 just before the first opioid order (about 2 years ago), 6.7 now: less than 30 % improvement",
    ],
    findingIds: { present: ["context.mme-90", "reason.cns-depressants", "caution.naloxone", "context.long-term-use", "reason.no-meaningful-improvement"], absent: [] },
    defaultPlan: "Slow taper of about 10 % of the original dose per month (12 MME/day per month), oxycodone reduced step by step with real tablets; naloxone offered; monthly follow-up",
  },
  build,
};
