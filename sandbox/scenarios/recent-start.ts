/**
 * Rita Newcombe: oxycodone started 6 weeks ago after a knee replacement (30 MME/day now).
 * Short-term use, so the faster weekly schedule applies (CDC 2022 draft l.2638-2641: 10 % of the
 * original dose per week until about 30 % remains, then 10 % of the remaining dose per week).
 */
import { pegSeries, painSeries } from "./assessments";
import { condition, medicationRequest, patient, visit, type Clock, type OrderSpec } from "./builders";
import { COND, MED } from "./codes";
import { PRACTITIONER_PRIMARY, type Scenario } from "./types";

const ID = "otp-recent-start";

function build(clock: Clock): unknown[] {
  const order = (s: Omit<OrderSpec, "patientId" | "requesterId" | "clock">) => medicationRequest({ ...s, patientId: ID, requesterId: PRACTITIONER_PRIMARY, clock });
  const oxy = { medication: MED.oxycodone5, dose: { value: 1, unit: "tablet" as const }, timing: { frequency: 1, period: 6, periodUnit: "h" as const }, asNeeded: false, sig: "Take 1 tablet by mouth every 6 hours", supplyDays: 14, quantity: 56 };
  return [
    patient(ID, "Rita", "Newcombe", "female", clock.birthDate(67, 300), "MRN-1006"),
    visit(`${ID}-visit`, ID, PRACTITIONER_PRIMARY, clock),
    condition(`${ID}-cond-knee`, ID, COND.kneeOsteoarthritis, 900, clock),
    condition(`${ID}-cond-postop`, ID, COND.postProceduralPain, 43, clock),
    order({ ...oxy, id: `${ID}-mr-1`, status: "completed", authoredDaysAgo: 42 }),
    order({ ...oxy, id: `${ID}-mr-2`, status: "completed", authoredDaysAgo: 28 }),
    order({ ...oxy, id: `${ID}-mr-3`, status: "active", authoredDaysAgo: 10 }),
    ...pegSeries(ID, clock, [{ daysAgo: 10, pain: 4, enjoyment: 4, activity: 5 }]),
    ...painSeries(ID, clock, [[42, 8], [28, 6], [10, 4]]),
  ];
}

export const recentStart: Scenario = {
  id: ID,
  name: "Rita Newcombe",
  summary: "Oxycodone 5 mg q6h started 6 weeks ago after knee surgery (30 MME/day): weekly taper rate applies",
  publicBundle: true,
  expected: {
    mmePerDay: 30,
    completeness: "complete",
    arithmetic: ["oxycodone 5 mg x 1 tablet x 4/day = 20 mg/day x 1.5 = 30 MME/day"],
    notCounted: ["two completed oxycodone orders from 6 and 4 weeks ago (status completed)"],
    keyFindings: [
      "Short-term use: first opioid order 6 weeks ago (not long-term)",
      "Pain improving (8 at surgery, 4 now): a reason to taper",
      "30 MME/day: below 50 MME/day",
    ],
    findingIds: { present: [], absent: ["context.long-term-use", "context.mme-50"] },
    defaultPlan: "Weekly taper: 10 % of the original dose (3 MME/day) per week until about 30 % remains, then 10 % of the remaining dose per week, to discontinuation",
  },
  build,
};
