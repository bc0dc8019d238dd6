/**
 * Quincy Quirk: the shape of the public sandbox's Synthea data (tests/fixtures/sandbox-patients
 * README): doses with a bare value and no unit, no dispenseRequest or category, a decades-old
 * order still "active", Synthea's branded Vicodin code, decimal pain scores, and the
 * PHQ-2 / PHQ-9 Teen codes Synthea emits for adults.
 */
import { observation, medicationRequest, patient, score, visit, type Clock, type OrderSpec } from "./builders";
import { MED, OBS } from "./codes";
import { PRACTITIONER_PRIMARY, type Scenario } from "./types";

const ID = "otp-synthea-quirks";
const DAYS_PER_YEAR = 365;

function build(clock: Clock): unknown[] {
  const order = (s: Omit<OrderSpec, "patientId" | "requesterId" | "clock">) => medicationRequest({ ...s, patientId: ID, requesterId: PRACTITIONER_PRIMARY, clock });
  const painValues: [number, number][] = [[3000, 5.61], [2000, 0.0599], [900, 3.2], [400, 7.05], [20, 4.37]];
  return [
    patient(ID, "Quincy", "Quirk", "male", clock.birthDate(76, 12), "MRN-1009"),
    visit(`${ID}-visit`, ID, PRACTITIONER_PRIMARY, clock),
    order({ id: `${ID}-mr-ancient`, medication: MED.apapOxycodone5, status: "active", authoredDaysAgo: 27 * DAYS_PER_YEAR, dose: { value: 1, unit: null }, timing: { frequency: 1, period: 4, periodUnit: "h" }, asNeeded: false, sig: null, supplyDays: null }),
    order({ id: `${ID}-mr-vicodin`, medication: MED.vicodin, status: "stopped", authoredDaysAgo: 8 * DAYS_PER_YEAR, dose: { value: 1, unit: null }, timing: { frequency: 1, period: 6, periodUnit: "h" }, asNeeded: false, sig: null, supplyDays: null }),
    order({ id: `${ID}-mr-hydrocodone`, medication: MED.apapHydrocodone75, status: "active", authoredDaysAgo: 20, dose: { value: 1, unit: null }, timing: { frequency: 1, period: 6, periodUnit: "h" }, asNeeded: false, sig: null, supplyDays: null }),
    ...painValues.map(([daysAgo, value], i) =>
      observation({ id: `${ID}-pain-${i + 1}`, patientId: ID, code: OBS.pain, category: "vital-signs", daysAgo, value: score(value), clock }),
    ),
    observation({ id: `${ID}-phq2-1`, patientId: ID, code: OBS.phq2Total, category: "survey", daysAgo: 20, value: score(1), clock }),
    observation({ id: `${ID}-phq9teen-1`, patientId: ID, code: OBS.phq9TeenTotal, category: "survey", daysAgo: 400, value: score(4), clock }),
  ];
}

export const syntheaQuirks: Scenario = {
  id: ID,
  name: "Quincy Quirk",
  summary: "Synthea-style record: unit-less doses, a 27-year-old \"active\" oxycodone order, decimal pain scores",
  publicBundle: true,
  expected: {
    mmePerDay: 30,
    completeness: "complete",
    arithmetic: ["hydrocodone/APAP 7.5/325: dose 1 with no unit, read as 1 tablet (flagged assumption) x 4/day = 30 mg/day x 1 = 30 MME/day"],
    notCounted: [
      "APAP/oxycodone 5/325 \"active\" but authored 27 years ago: stale, excluded with the reason (it would add 45 MME/day if counted)",
      "Vicodin 1310197 (stopped 8 years ago)",
    ],
    keyFindings: [
      "Assumption shown: a dose without a unit is read as a tablet count",
      "Stale \"active\" order listed as excluded, not silently dropped",
      "Pain scores with decimals shown as recorded (e.g. 4.37)",
      "No PEG on record: shown as unknown, not as \"no problem\"",
    ],
    findingIds: { present: ["context.long-term-use"], absent: ["context.mme-50"] },
    defaultPlan: "Long-term use per the record: slow taper of about 10 % of the original dose per month (3 MME/day per month)",
  },
  build,
};
