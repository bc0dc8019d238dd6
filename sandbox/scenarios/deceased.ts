/**
 * Delia Dorn: hydrocodone/APAP 10/325 four times daily for two years (40 MME/day), and the chart
 * records her death 12 days ago (Patient.deceasedDateTime) while the order is still active, as
 * happens when orders are not closed at death. The app must say so in the banner and the
 * identity strip, and propose no taper (issue 19.4).
 */
import { pegSeries, painSeries } from "./assessments";
import { condition, medicationRequest, patient, visit, type Clock, type OrderSpec } from "./builders";
import { COND, MED } from "./codes";
import { PRACTITIONER_PRIMARY, type Scenario } from "./types";

const ID = "otp-deceased";

function build(clock: Clock): unknown[] {
  const order = (s: Omit<OrderSpec, "patientId" | "requesterId" | "clock">) => medicationRequest({ ...s, patientId: ID, requesterId: PRACTITIONER_PRIMARY, clock });
  return [
    { ...patient(ID, "Delia", "Dorn", "female", clock.birthDate(78, 200), "MRN-1013"), deceasedDateTime: clock.dateTime(12, 4) },
    visit(`${ID}-visit`, ID, PRACTITIONER_PRIMARY, clock),
    condition(`${ID}-cond-back`, ID, COND.chronicLowBackPain, 1500, clock),
    order({ id: `${ID}-mr-hydrocodone-old`, medication: MED.apapHydrocodone10, status: "completed", authoredDaysAgo: 730, dose: { value: 1, unit: "tablet" }, timing: { frequency: 4, period: 1, periodUnit: "d" }, asNeeded: false, sig: "Take 1 tablet by mouth four times daily", supplyDays: 30, quantity: 120 }),
    order({ id: `${ID}-mr-hydrocodone`, medication: MED.apapHydrocodone10, status: "active", authoredDaysAgo: 40, dose: { value: 1, unit: "tablet" }, timing: { frequency: 4, period: 1, periodUnit: "d" }, asNeeded: false, sig: "Take 1 tablet by mouth four times daily", supplyDays: 30, quantity: 120 }),
    ...pegSeries(ID, clock, [{ daysAgo: 40, pain: 5, enjoyment: 5, activity: 5 }]),
    ...painSeries(ID, clock, [[400, 5], [40, 5]]),
  ];
}

export const deceased: Scenario = {
  id: ID,
  name: "Delia Dorn",
  summary: "Hydrocodone/APAP 10/325 four times daily (40 MME/day); the chart records her death 12 days ago",
  publicBundle: true,
  expected: {
    mmePerDay: 40,
    completeness: "complete",
    arithmetic: ["hydrocodone 10 mg x 1 tablet x 4/day (deceased patient) = 40 mg/day x 1 = 40 MME/day"],
    notCounted: ["an older completed hydrocodone order"],
    keyFindings: [
      "Deceased (date of death) in the patient banner and the identity strip",
      "Patient recorded as deceased: no taper plan is proposed; check that the right chart is open",
      "40 MME/day: below 50 MME/day",
    ],
    findingIds: { present: ["caution.deceased", "context.long-term-use"], absent: ["context.mme-50"] },
    planHeld: true,
    defaultPlan: "No taper: the chart records the patient as deceased (check that the right chart is open)",
  },
  build,
};
