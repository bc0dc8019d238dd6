/**
 * Nora Noble: no opioid orders at all (negative control): 0 MME/day, nothing to taper.
 */
import { painSeries } from "./assessments";
import { condition, medicationRequest, patient, visit, type Clock } from "./builders";
import { COND, MED } from "./codes";
import { PRACTITIONER_PRIMARY, type Scenario } from "./types";

const ID = "otp-no-opioids";

function build(clock: Clock): unknown[] {
  return [
    patient(ID, "Nora", "Noble", "female", clock.birthDate(52, 77), "MRN-1012"),
    visit(`${ID}-visit`, ID, PRACTITIONER_PRIMARY, clock),
    condition(`${ID}-cond-htn`, ID, COND.hypertension, 1800, clock),
    medicationRequest({ id: `${ID}-mr-lisinopril`, patientId: ID, requesterId: PRACTITIONER_PRIMARY, clock, medication: MED.lisinopril10, status: "active", authoredDaysAgo: 60, dose: { value: 1, unit: "tablet" }, timing: { frequency: 1, period: 1, periodUnit: "d" }, asNeeded: false, sig: "Take 1 tablet by mouth daily", supplyDays: 90, quantity: 90 }),
    ...painSeries(ID, clock, [[60, 1]]),
  ];
}

export const noOpioids: Scenario = {
  id: ID,
  name: "Nora Noble",
  summary: "No opioid orders (negative control)",
  publicBundle: true,
  expected: {
    mmePerDay: 0,
    completeness: "complete",
    arithmetic: ["no opioid orders: 0 MME/day"],
    notCounted: ["lisinopril 10 mg (not an opioid)"],
    keyFindings: ["No current opioid orders"],
    findingIds: { present: [], absent: ["context.mme-50", "context.long-term-use"] },
    defaultPlan: "No taper: nothing to taper",
  },
  build,
};
