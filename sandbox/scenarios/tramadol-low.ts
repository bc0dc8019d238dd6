/**
 * Tessa Tramell: low-dose tramadol 50 mg twice daily for two years (20 MME/day with the CDC
 * 2022 factor 0.2). Below every band; a slow taper to stop is a reasonable default.
 */
import { pegSeries, painSeries } from "./assessments";
import { condition, medicationRequest, patient, visit, type Clock, type OrderSpec } from "./builders";
import { COND, MED } from "./codes";
import { PRACTITIONER_PRIMARY, type Scenario } from "./types";

const ID = "otp-tramadol-low";

function build(clock: Clock): unknown[] {
  const order = (s: Omit<OrderSpec, "patientId" | "requesterId" | "clock">) => medicationRequest({ ...s, patientId: ID, requesterId: PRACTITIONER_PRIMARY, clock });
  return [
    patient(ID, "Tessa", "Tramell", "female", clock.birthDate(71, 90), "MRN-1004"),
    visit(`${ID}-visit`, ID, PRACTITIONER_PRIMARY, clock),
    condition(`${ID}-cond-knee`, ID, COND.kneeOsteoarthritis, 2500, clock),
    order({ id: `${ID}-mr-tramadol-old`, medication: MED.tramadol50, status: "completed", authoredDaysAgo: 730, dose: { value: 1, unit: "tablet" }, timing: { frequency: 2, period: 1, periodUnit: "d" }, asNeeded: false, sig: "Take 1 tablet by mouth twice daily", supplyDays: 90, quantity: 180 }),
    order({ id: `${ID}-mr-tramadol`, medication: MED.tramadol50, status: "active", authoredDaysAgo: 35, dose: { value: 1, unit: "tablet" }, timing: { frequency: 2, period: 1, periodUnit: "d" }, asNeeded: false, sig: "Take 1 tablet by mouth twice daily", supplyDays: 90, quantity: 180 }),
    order({ id: `${ID}-mr-apap`, medication: MED.acetaminophen500, status: "active", authoredDaysAgo: 35, dose: { value: 2, unit: "tablet" }, timing: { frequency: 3, period: 1, periodUnit: "d" }, asNeeded: true, sig: "Take 2 tablets by mouth up to three times daily as needed", supplyDays: 30, quantity: 180 }),
    ...pegSeries(ID, clock, [
      { daysAgo: 700, pain: 6, enjoyment: 5, activity: 6 },
      { daysAgo: 35, pain: 3, enjoyment: 3, activity: 4 },
    ]),
    ...painSeries(ID, clock, [[700, 6], [365, 4], [35, 3]]),
  ];
}

export const tramadolLow: Scenario = {
  id: ID,
  name: "Tessa Tramell",
  summary: "Tramadol 50 mg twice daily for 2 years (20 MME/day); pain improved",
  publicBundle: true,
  expected: {
    mmePerDay: 20,
    completeness: "complete",
    arithmetic: ["tramadol 50 mg x 1 tablet x 2/day = 100 mg/day x 0.2 (CDC 2022) = 20 MME/day"],
    notCounted: ["an older completed tramadol order", "acetaminophen 500 mg (not an opioid)"],
    keyFindings: [
      "20 MME/day: below 50 MME/day",
      "Pain improved (PEG 5.7 two years ago, 3.3 now): a reason to consider tapering",
      "Long-term use (about 2 years)",
      "No naloxone on record (tapering itself is a risk factor: offer naloxone)",
    ],
    findingIds: { present: ["context.long-term-use"], absent: ["context.mme-50", "reason.no-meaningful-improvement"] },
    defaultPlan: "Slow taper to discontinuation at about 10 % of the original dose per month (2 MME/day per month; real steps of half a 50 mg tablet), then stop once taken less than once daily",
  },
  build,
};
