/**
 * The words of the follow-up status, with their sources (docs/clinical-sources.md section 7.4).
 * Faster than planned: a caution with the evidence, the tolerance-loss and naloxone reminder,
 * and a question to the clinician. Slower or paused: neutral (pauses are allowed, CDC 2022
 * draft l.2425-2427). Above the start: a prominent caution (do not reverse a taper without a
 * careful review, l.2428-2430; overdose risk after lost tolerance, l.2439-2441).
 */
import { fmt } from "../format";

/**
 * Agnoli A, Xing G, Tancredi DJ, Magnan E, Jerant A, Fenton JJ. Association of dose tapering
 * with overdose or mental health crisis among patients prescribed long-term opioids.
 * JAMA 2021;326(5):411-419, doi:10.1001/jama.2021.11013; corrected in JAMA 2022;327(7):687,
 * doi:10.1001/jama.2022.0231 ("Errors in Data Analysis and Outcomes Coding"). The corrected
 * adjusted incidence rate ratios after tapering are 1.28 (overdose) and 1.74 (mental-health
 * crisis); the uncorrected 1.68 and 2.28, and the per-10 % velocity figures the CDC 2022 draft
 * quotes (l.2466-2498), predate the correction and are not repeated here.
 */
export const AGNOLI_2021 =
  "Agnoli et al., JAMA 2021;326(5):411-419, corrected in JAMA 2022;327(7):687";

export const FASTER_EVIDENCE =
  `In a cohort of 113,618 patients on stable long-term opioid therapy, tapering was associated with more overdoses and mental-health crises ` +
  `(corrected adjusted incidence rate ratios 1.28 and 1.74), and faster dose reductions with more risk (${AGNOLI_2021}). ` +
  "Slow or pause for withdrawal, distress or worse pain (CDC 2022 draft l.2425-2427, 2661-2662).";

export const TOLERANCE_REMINDER =
  "Tolerance is lost within about a week: if the patient goes back to an earlier, higher dose, the overdose risk is high. " +
  "Check that naloxone is on hand and the household knows how to use it (CDC 2022 draft l.2439-2441; Recommendation 8).";

export const FASTER_QUESTION =
  "Was this faster reduction intended (for example the patient's own choice, or a safety reason), and is the patient coping: withdrawal, pain, mood, sleep, suicidality? If not intended, consider holding at the current dose rather than going back up, and revise the plan.";

export const ABOVE_START_CAUTION =
  "Going back up is not recommended without a careful review of benefits and risks, maximized non-opioid treatment and attention to distress (CDC 2022 draft l.2428-2430). " +
  "If the increase is real, the overdose risk is higher than before the taper (tolerance lost, l.2439-2441): check the orders, assess for opioid use disorder (Recommendation 12) and offer naloxone.";

export const PAUSE_NEUTRAL =
  "Pauses are allowed and the taper can restart when the patient is ready; slow down further at lower doses (CDC 2022 draft l.2425-2427, 2641-2644).";

export const mme = (value: number): string => `${fmt(value)} MME/day`;
