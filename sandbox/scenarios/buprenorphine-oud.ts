/**
 * Bennett Burke: buprenorphine/naloxone 8/2 mg film twice daily for opioid use disorder.
 * Buprenorphine is excluded from MME (CDC 2022) and the app must advise against tapering it
 * with this tool: medication for OUD is continued (CDC 2022 Rec 12).
 */
import { painSeries, phq9, urineScreen } from "./assessments";
import { condition, medicationRequest, patient, visit, type Clock, type OrderSpec } from "./builders";
import { COND, MED, OBS } from "./codes";
import { PRACTITIONER_PAIN, PRACTITIONER_PRIMARY, type Scenario } from "./types";

const ID = "otp-buprenorphine-oud";

function build(clock: Clock): unknown[] {
  const order = (s: Omit<OrderSpec, "patientId" | "requesterId" | "clock">) => medicationRequest({ ...s, patientId: ID, requesterId: PRACTITIONER_PAIN, clock });
  return [
    patient(ID, "Bennett", "Burke", "male", clock.birthDate(39, 150), "MRN-1005"),
    visit(`${ID}-visit`, ID, PRACTITIONER_PRIMARY, clock),
    condition(`${ID}-cond-oud`, ID, COND.opioidDependence, 1200, clock),
    condition(`${ID}-cond-back`, ID, COND.chronicLowBackPain, 2400, clock),
    order({ id: `${ID}-mr-oxycodone-old`, medication: MED.oxycodone10, status: "stopped", authoredDaysAgo: 1260, dose: { value: 1, unit: "tablet" }, timing: { frequency: 1, period: 4, periodUnit: "h" }, asNeeded: true, sig: "Take 1 tablet by mouth every 4 hours as needed", supplyDays: 30, quantity: 180 }),
    order({ id: `${ID}-mr-bup`, medication: MED.buprenorphineNaloxone8, status: "active", authoredDaysAgo: 14, dose: { value: 1, unit: "film" }, timing: { frequency: 2, period: 1, periodUnit: "d" }, asNeeded: false, sig: "Dissolve 1 film under the tongue twice daily", supplyDays: 28, quantity: 56 }),
    order({ id: `${ID}-mr-naloxone`, medication: MED.naloxoneNasal4mg, status: "active", authoredDaysAgo: 400, dose: { value: 1, unit: "spray" }, timing: { frequency: 1, period: 1, periodUnit: "d" }, asNeeded: true, sig: "1 spray in one nostril for suspected opioid overdose", supplyDays: 30, quantity: 2 }),
    ...painSeries(ID, clock, [[120, 4], [14, 3]]),
    ...phq9(ID, clock, 1, 14, 6, 0),
    ...urineScreen(ID, clock, 14, [[OBS.udsBuprenorphine, true], [OBS.udsOpiates, false], [OBS.udsFentanyl, false], [OBS.udsOxycodone, false]]),
  ];
}

export const buprenorphineOud: Scenario = {
  id: ID,
  name: "Bennett Burke",
  summary: "Buprenorphine/naloxone 8/2 mg film twice daily for opioid use disorder: do not taper with this tool",
  publicBundle: true,
  expected: {
    mmePerDay: 0,
    completeness: "complete",
    arithmetic: ["buprenorphine/naloxone film: excluded from the MME total (CDC 2022: partial agonist, factor not applicable) = 0 MME/day"],
    notCounted: ["buprenorphine/naloxone 8/2 mg film (excluded: buprenorphine, shown with the reason)", "an oxycodone order stopped 3 years ago"],
    keyFindings: [
      "Opioid use disorder on the problem list (F11.20) with buprenorphine treatment: continue medication for OUD; do not taper it with this tool (CDC 2022 Rec 12)",
      "Naloxone on record",
    ],
    findingIds: { present: ["caution.oud"], absent: ["caution.naloxone", "context.mme-50"] },
    defaultPlan: "No taper proposed: the app advises against tapering buprenorphine for OUD and points to OUD care",
  },
  build,
};
