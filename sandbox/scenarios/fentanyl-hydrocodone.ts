/**
 * Fiona Fenwick: fentanyl 25 mcg/h patch every 72 h plus hydrocodone/APAP 5/325 PRN
 * (80 MME/day), naloxone on record. Tests the patch arithmetic (mcg/h x 2.4), mixed forms, and medicationReference to Medication
 * resources (the app must `_include` or read them). Prefers Spanish (Patient.communication `es`,
 * then English): the handout opens in Spanish.
 */
import { pegSeries, painSeries, phq9, urineScreen } from "./assessments";
import { condition, medication, medicationRequest, patient, visit, type Clock, type OrderSpec } from "./builders";
import { COND, MED, OBS } from "./codes";
import { PRACTITIONER_PAIN, PRACTITIONER_PRIMARY, type Scenario } from "./types";

const ID = "otp-fentanyl-hydrocodone";
/** The patch and the tablets are Medication resources here (medicationReference, like Epic). */
const PATCH = `${ID}-med-fentanyl-25`;
const TABLET = `${ID}-med-hydrocodone-5`;

function build(clock: Clock): unknown[] {
  const order = (s: Omit<OrderSpec, "patientId" | "requesterId" | "clock">) => medicationRequest({ ...s, patientId: ID, requesterId: PRACTITIONER_PAIN, clock });
  return [
    {
      ...patient(ID, "Fiona", "Fenwick", "female", clock.birthDate(64, 200), "MRN-1002"),
      communication: [
        { language: { coding: [{ system: "urn:ietf:bcp:47", code: "es", display: "Spanish" }], text: "Spanish" }, preferred: true },
        { language: { coding: [{ system: "urn:ietf:bcp:47", code: "en", display: "English" }], text: "English" } },
      ],
    },
    medication(PATCH, MED.fentanyl25),
    medication(TABLET, MED.apapHydrocodone5),
    visit(`${ID}-visit`, ID, PRACTITIONER_PRIMARY, clock),
    condition(`${ID}-cond-fibro`, ID, COND.fibromyalgia, 3600, clock),
    condition(`${ID}-cond-back`, ID, COND.chronicLowBackPain, 1500, clock),
    order({ id: `${ID}-mr-patch-old`, medication: MED.fentanyl25, medicationId: PATCH, status: "completed", authoredDaysAgo: 1100, dose: { value: 1, unit: "patch" }, timing: { frequency: 1, period: 72, periodUnit: "h" }, asNeeded: false, sig: "Apply 1 patch every 72 hours", supplyDays: 30, quantity: 10 }),
    order({ id: `${ID}-mr-patch`, medication: MED.fentanyl25, medicationId: PATCH, status: "active", authoredDaysAgo: 12, dose: { value: 1, unit: "patch" }, timing: { frequency: 1, period: 72, periodUnit: "h" }, asNeeded: false, sig: "Apply 1 patch to the skin every 72 hours. Remove the old patch.", supplyDays: 30, quantity: 10 }),
    order({ id: `${ID}-mr-hydrocodone`, medication: MED.apapHydrocodone5, medicationId: TABLET, status: "active", authoredDaysAgo: 12, dose: { value: 1, unit: "tablet" }, timing: { frequency: 1, period: 6, periodUnit: "h" }, asNeeded: true, sig: "Take 1 tablet by mouth every 6 hours as needed for pain", supplyDays: 30, quantity: 120 }),
    order({ id: `${ID}-mr-naloxone`, medication: MED.naloxoneNasal4mg, status: "active", authoredDaysAgo: 200, dose: { value: 1, unit: "spray" }, timing: { frequency: 1, period: 1, periodUnit: "d" }, asNeeded: true, sig: "1 spray in one nostril for suspected opioid overdose; call 911; may repeat in 2-3 minutes", supplyDays: 30, quantity: 2 }),
    ...pegSeries(ID, clock, [
      { daysAgo: 400, pain: 6, enjoyment: 6, activity: 6 },
      { daysAgo: 12, pain: 5, enjoyment: 6, activity: 5 },
    ]),
    ...painSeries(ID, clock, [[400, 6], [200, 5], [12, 5]]),
    ...phq9(ID, clock, 1, 12, 5, 0),
    ...urineScreen(ID, clock, 200, [[OBS.udsFentanyl, true], [OBS.udsOpiates, true], [OBS.udsBenzodiazepines, false]]),
  ];
}

export const fentanylHydrocodone: Scenario = {
  id: ID,
  name: "Fiona Fenwick",
  summary: "Fentanyl 25 mcg/h patch q72h + hydrocodone/APAP 5/325 q6h PRN (80 MME/day), naloxone on record",
  publicBundle: true,
  expected: {
    mmePerDay: 80,
    completeness: "complete",
    arithmetic: [
      "fentanyl patch 25 mcg/h x 1 patch worn x 2.4 = 60 MME/day (the change interval does not matter)",
      "hydrocodone 5 mg x 1 tablet x 4/day (q6h PRN at its maximum) = 20 mg/day x 1 = 20 MME/day",
      "total 60 + 20 = 80 MME/day",
    ],
    notCounted: ["an older completed fentanyl order (status completed)", "naloxone nasal spray (not an opioid analgesic)"],
    keyFindings: [
      "80 MME/day: at or above 50 MME/day",
      "Naloxone on record (nasal spray 4 mg)",
      "Long-term use (first opioid order about 3 years ago)",
      "Transdermal fentanyl: dosed in mcg/h, absorption affected by heat (CDC 2022 caution)",
    ],
    findingIds: { present: ["context.mme-50", "context.long-term-use"], absent: ["caution.naloxone", "context.mme-90"] },
    defaultPlan: "Slow taper of about 10 % of the original dose per month (8 MME/day per month), using real patch strengths (25 then 12 mcg/h) and hydrocodone tablets; monthly follow-up",
  },
  build,
};
