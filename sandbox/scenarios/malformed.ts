/**
 * Max Mangle: a record with malformed resources, served exactly as stored (no validation), so
 * the app meets real malformed JSON: a dosageInstruction that is an object instead of an array,
 * a dose value that is a string, a pain score "seven", a Condition code that is a string.
 * The readable oxycodone order is counted; the unreadable opioid orders make the total a floor.
 */
import { condition, medicationRequest, patient, visit, type Clock } from "./builders";
import { COND, MED, OBS, UCUM } from "./codes";
import { SANDBOX_TAG } from "./builders";
import { PRACTITIONER_PRIMARY, type Scenario } from "./types";

const ID = "otp-malformed";

function build(clock: Clock): unknown[] {
  const meta = { tag: [SANDBOX_TAG] };
  const subject = { reference: `Patient/${ID}` };
  return [
    patient(ID, "Max", "Mangle", "male", clock.birthDate(55, 5), "MRN-1011"),
    visit(`${ID}-visit`, ID, PRACTITIONER_PRIMARY, clock),
    condition(`${ID}-cond-back`, ID, COND.chronicLowBackPain, 2000, clock),
    medicationRequest({ id: `${ID}-mr-oxycodone`, patientId: ID, requesterId: PRACTITIONER_PRIMARY, clock, medication: MED.oxycodone10, status: "active", authoredDaysAgo: 8, dose: { value: 1, unit: "tablet" }, timing: { frequency: 1, period: 6, periodUnit: "h" }, asNeeded: false, sig: "Take 1 tablet by mouth every 6 hours", supplyDays: 30, quantity: 120 }),
    {
      resourceType: "MedicationRequest", id: `${ID}-mr-dosage-object`, meta, status: "active", intent: "order", subject,
      medicationCodeableConcept: { coding: [MED.oxycodoneEr20], text: MED.oxycodoneEr20.display },
      authoredOn: clock.dateTime(8),
      dosageInstruction: { text: "Take 1 tablet every 12 hours", timing: { repeat: { frequency: 1, period: 12, periodUnit: "h" } } },
    },
    {
      resourceType: "MedicationRequest", id: `${ID}-mr-dose-string`, meta, status: "active", intent: "order", subject,
      medicationCodeableConcept: { coding: [MED.fentanyl25], text: MED.fentanyl25.display },
      authoredOn: clock.dateTime(8),
      dosageInstruction: [{ timing: { repeat: { frequency: 1, period: 72, periodUnit: "h" } }, doseAndRate: [{ doseQuantity: { value: "one", unit: "patch" } }] }],
    },
    {
      resourceType: "Observation", id: `${ID}-pain-string`, meta, status: "final", subject,
      category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "vital-signs" }] }],
      code: { coding: [OBS.pain] }, effectiveDateTime: clock.dateTime(8),
      valueQuantity: { value: "seven", unit: "{score}", system: UCUM, code: "{score}" },
    },
    { resourceType: "Condition", id: `${ID}-cond-string-code`, meta, subject, code: "depression", recordedDate: clock.dateTime(30) },
  ];
}

export const malformed: Scenario = {
  id: ID,
  name: "Max Mangle",
  summary: "Malformed resources served as stored: 2 unreadable opioid orders, a pain score \"seven\" (total is a floor)",
  publicBundle: false,
  expected: {
    mmePerDay: 60,
    completeness: "incomplete",
    arithmetic: [
      "oxycodone 10 mg x 1 tablet x 4/day = 40 mg/day x 1.5 = 60 MME/day (readable order)",
      "total at least 60 MME/day: two opioid orders could not be read",
    ],
    notCounted: [
      "oxycodone ER 20 mg order whose dosageInstruction is an object, not an array: unreadable, makes the total incomplete",
      "fentanyl 25 mcg/h order whose dose value is the string \"one\": unreadable, makes the total incomplete",
    ],
    keyFindings: [
      "MME incomplete: \"at least 60 MME/day\", with each unreadable order named",
      "The pain score \"seven\" and the Condition with a string code are reported unreadable, not dropped",
    ],
    findingIds: { present: ["caution.mme-incomplete", "context.mme-50"], absent: [] },
    defaultPlan: "No plan until the unreadable orders are checked in the chart (an incomplete total must not drive a taper)",
  },
  build,
};
