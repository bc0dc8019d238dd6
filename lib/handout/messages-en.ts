/**
 * The English handout's words (plain language, about a 6th-grade reading level: tests/handout).
 * Step instructions are the planner's own (`StepProduct.patientText`), word for word.
 * Sources (docs/clinical-sources.md): withdrawal signs, slowing and pausing, what helps: 1.6
 * (CDC 2022 draft l.2661-2674; "often better in 5 to 10 days" is [C], a secondary summary of HHS
 * 2019); naloxone and loss of tolerance: 1.8 Rec 8; alcohol and sedatives: 1.8 Rec 11; leftover
 * medicine: 1.10 (FDA "Disposal of Unused Medicines: What You Should Know" and its flush list).
 * 988 is the US Suicide & Crisis Lifeline (call or text).
 */
import type { HandoutMessages } from "./messages";

const ONE_UNIT: Record<string, string> = { day: "this day", week: "this week", month: "this month" };

export const MESSAGES_EN: HandoutMessages = {
  locale: "en-US",
  title: "Your plan to slowly lower your opioid pain medicine",
  patient: "Patient",
  birthDate: "Date of birth",
  clinician: "Your clinician",
  clinicPhone: "Clinic phone",
  afterHoursPhone: "Nights and weekends",
  start: "Start",
  nextVisit: "Your next visit",
  calendarHeading: "Your doses",
  calendarHead: ["Starting on", "What to take"],
  noMoreOpioid: "No more opioid medicine.",
  noChange: (interval) => {
    const when = interval.count === 1 ? ONE_UNIT[interval.unit] : undefined;
    return when === undefined ? "No change: keep taking the same dose." : `No change ${when}: keep taking the same dose.`;
  },
  sameDose: "No change: keep taking the same dose.",
  sections: (phone, afterHoursPhone) => [
    { heading: "Why we go slowly", lines: [
      "We lower your dose a little at a time. Going slow helps your body get used to each new dose.",
      "You will not be cut off. If a step is too hard, tell us. We can slow down or pause.",
    ] },
    { heading: "What you may feel", lines: [
      "After a lower dose, for a few days you may have more pain, trouble sleeping, or feel worried or restless.",
      "You may sweat, yawn, have a runny nose, an upset stomach, loose stools, or body aches.",
      "These feelings often get better in 5 to 10 days.",
    ] },
    { heading: "What helps", lines: [
      "Walk or move a little each day. Take a warm shower. Go to bed at the same time each night.",
      "Drink water and eat small meals. Ask us about medicines that ease these feelings.",
      "Take your medicine only as this plan says. Do not take extra doses.",
    ] },
    { heading: "Alcohol, sleeping pills and nerve pills", lines: [
      "Do not drink alcohol while you take opioids.",
      "Do not take sleeping pills, nerve pills (like Xanax, Valium or Ativan) or muscle relaxers unless we know and say it is OK.",
      "With opioids, they can slow or stop your breathing.",
    ] },
    { heading: "Naloxone can save your life", lines: [
      "Your body gets used to a lower dose fast. If you go back to an old, higher dose, you could overdose.",
      "Keep naloxone (Narcan) at home. Show your family or friends how to use it.",
      "If someone will not wake up or is not breathing well: give naloxone and call 911.",
    ] },
    { heading: "Pills and patches you no longer need", lines: [
      "Do not keep or share opioid medicine you no longer take.",
      "Best: take it to a drug take-back box. Many drug stores have one. Ask your pharmacist where.",
      "No take-back box near you? Check the FDA flush list at fda.gov/drugdisposal. Oxycodone, hydrocodone, morphine, methadone and fentanyl are on it. Those can be flushed down the toilet.",
      "Fold a used patch in half, sticky sides together, and flush it.",
      "Not on the list (like tramadol or codeine)? Mix it with used coffee grounds, dirt or cat litter. Seal it in a bag. Put it in the trash.",
    ] },
    { heading: phone === null ? "When to call us" : `Call us at ${phone} if`, lines: [
      ...(phone === null ? ["Our phone number: ____________________. Call us if:"] : []),
      "the withdrawal feelings are very bad or do not get better,",
      "your pain is too much to handle,",
      "you took more medicine than this plan says.",
      ...(afterHoursPhone === null ? [] : [`At night or on weekends, call ${afterHoursPhone}.`]),
      "If someone will not wake up or is not breathing well, call 911.",
      "If you feel very sad or think about hurting yourself, call or text 988 at any time.",
    ] },
  ],
  instruction: () => null,
  untranslated: (englishText) => englishText,
};
