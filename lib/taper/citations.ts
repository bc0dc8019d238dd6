/**
 * Citations for every taper and readiness rule, as in docs/clinical-sources.md
 * section 1. Line numbers refer to the CDC 2022 public-comment draft (docket
 * CDC-2022-0024-0002), read in full; the final MMWR recommendations were checked against
 * the draft's statements (clinical-sources.md sections 0 and 6).
 */
import type { Citation } from "@/lib/domain";

const CDC22_FINAL_URL = "https://www.cdc.gov/mmwr/volumes/71/rr/rr7103a1.htm";
const CDC22_DRAFT_URL = "https://www.regulations.gov/document/CDC-2022-0024-0002";

/** A passage of the CDC 2022 draft guideline, by line range. */
export function cdc22Draft(lines: string, topic: string): Citation {
  return { source: "CDC 2022 draft", section: `l.${lines} (${topic})`, url: CDC22_DRAFT_URL };
}

/** A final CDC 2022 recommendation statement. */
export function cdc22Rec(rec: number, topic: string): Citation {
  return { source: "CDC 2022", section: `Recommendation ${rec} (${topic})`, url: CDC22_FINAL_URL };
}

export const HHS_2019: Citation = {
  source: "HHS 2019",
  section: "Guide for Clinicians on the Appropriate Dosage Reduction or Discontinuation of Long-Term Opioid Analgesics",
};

export const CDC_POCKET_GUIDE_PEG: Citation = {
  source: "CDC pocket guide (2016)",
  section: "Tapering opioids for chronic pain: meaningful improvement = at least 30 % on the PEG scale",
};

/** The project's own decision where no source gives a number; always named as such. */
export function productDecision(what: string): Citation {
  return { source: "Product decision (no guideline source)", section: what };
}

/** Standard scoring of a published instrument (not in clinical-sources.md; marked unverified there). */
export function instrumentScoring(what: string): Citation {
  return { source: "Instrument scoring [U: not verified in clinical-sources.md]", section: what };
}

export const CITE = {
  whenToTaper: cdc22Draft("2536-2554", "when to consider tapering; adopted from HHS 2019"),
  mme50: cdc22Draft("2272-2291, 2337-2344, 2375-2386", "at or above 50 MME/day: reassess, add precautions"),
  mme90: cdc22Draft("2705, 3164-3169", "90 MME/day appears only as a study cut-point"),
  noThresholdTriggers: cdc22Draft("2454-2458", "thresholds must not force rapid tapers"),
  rateMonthly: cdc22Draft("2422-2424, 2635-2637", "~10 % per month or slower after 1 year or more of use"),
  rateWeekly: cdc22Draft("2638-2641", "10 % of the original dose per week until ~30 % remains, then 10 % of the remaining dose (Berna 2015)"),
  longerUseLongerTaper: cdc22Draft("2419-2421, 2633-2634", "longer prior use, longer taper"),
  slowAndPause: cdc22Draft("2425-2427, 2641-2644", "slow or pause for withdrawal; slow at low doses"),
  intervalExtension: cdc22Draft("2431-2435, 2647-2649", "at the smallest dose lengthen the interval; stop when taken less than daily"),
  followUp: cdc22Draft("2414-2415, 2617-2619", "follow up at least monthly; successful studies used weekly contact"),
  withdrawalSigns: cdc22Draft("2416-2418, 2629-2632", "withdrawal signs to watch"),
  withdrawalManagement: cdc22Draft("2661-2674", "slow or pause first; symptom medications"),
  noAbrupt: cdc22Rec(5, "no abrupt discontinuation or rapid reduction unless life-threatening"),
  rapidRisks: cdc22Draft("2466-2498", "rapid taper risks: overdose, mental-health crisis"),
  rapidForSafety: cdc22Draft("2650-2659", "faster tapers may be justified for safety"),
  toleranceLoss: cdc22Draft("2439-2441, 2589-2593", "tolerance lost within about a week: overdose education, naloxone"),
  naloxone: cdc22Rec(8, "offer naloxone when risk factors exist, including tapering"),
  oud: cdc22Draft("2675-2681", "assess for OUD; offer buprenorphine or methadone rather than taper"),
  oudRec12: cdc22Rec(12, "offer or arrange medication for opioid use disorder"),
  mentalHealth: cdc22Draft("2604-2617, 2442-2444", "behavioral-health support before tapering; watch mood and suicidality"),
  mentalHealthConditions: cdc22Draft("3192-3208", "mental health conditions: depression, anxiety, PTSD, bipolar disorder; acute suicide risk"),
  benzodiazepines: cdc22Draft("2529-2533, 3606-3609", "coordinate with prescribers; taper opioids first may be safer"),
  cnsRec11: cdc22Rec(11, "caution with benzodiazepines and other CNS depressants"),
  pregnancy: cdc22Draft("2436-2438, 2523-2528", "pregnancy: expert consultation before tapering"),
  buyIn: cdc22Draft("2407, 2412-2413, 2564-2578", "shared decision making; patient helps choose which drug first"),
  goals: cdc22Draft("2408-2411, 2432-2434, 2594-2603", "set goals; maximize non-opioid treatment"),
  counsel: cdc22Draft("2579-2588", "counsel: most patients report stable or better function"),
  notTaking: cdc22Draft("2534-2535", "patients not taking their opioids need no taper"),
  overdoseEvent: cdc22Draft("2536-2554", "item 8: overdose or other serious event"),
  riskConditions: cdc22Draft("2536-2554", "item 9: conditions that raise risk (sleep apnea...)"),
  uds: cdc22Rec(10, "toxicology testing; never dismiss patients over results"),
  methadoneFentanyl: cdc22Draft("5673-5692", "extra caution with methadone and transdermal fentanyl"),
  scope: cdc22Draft("301-304, 396-424", "does not apply to sickle cell disease-related pain, cancer pain treatment, palliative or end-of-life care; refer to their own guidelines"),
  cancerExclusion: { source: "CDC opioid CDS IG 2022.1.0", section: "OpioidCDSRoutines.cql exclusions: sickle cell disease, active cancer, terminal conditions, hospice" },
  reassessRec7: cdc22Draft("2886-2910", "reassess at least every 3 months"),
} as const satisfies Record<string, Citation>;

/** The FHIR R4 element an EHR records a death in (deceasedBoolean or deceasedDateTime). */
export const FHIR_PATIENT_DECEASED: Citation = {
  source: "FHIR R4",
  section: "Patient.deceased[x] (\"Indicates if the individual is deceased or not\")",
  url: "https://hl7.org/fhir/R4/patient-definitions.html#Patient.deceased_x_",
};
