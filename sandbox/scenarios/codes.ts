/**
 * Codes used by the scenario patients. RxNorm opioid codes and displays are the ones in
 * lib/mme/catalog (data/rxnorm-opioids.tsv); LOINC codes from
 * docs/clinical-sources.md section 5; alprazolam 308048 as in the HL7 CDC opioid CPG
 * examples; conditions coded in SNOMED CT and ICD-10-CM.
 */
import type { Coding } from "fhir/r4";
import { LOINC_SYSTEM as LOINC, RXNORM_SYSTEM as RXNORM, SNOMED_SYSTEM as SNOMED, UCUM_SYSTEM as UCUM } from "@/lib/domain/code-systems";

export { LOINC, RXNORM, SNOMED, UCUM };
export const ICD10 = "http://hl7.org/fhir/sid/icd-10-cm";

const rx = (code: string, display: string): Coding => ({ system: RXNORM, code, display });

/** Medications (RxNorm SCD). */
export const MED = {
  oxycodoneEr30: rx("1860151", "Abuse-Deterrent 12 HR oxycodone hydrochloride 30 MG Extended Release Oral Tablet"),
  oxycodoneEr20: rx("1860129", "Abuse-Deterrent 12 HR oxycodone hydrochloride 20 MG Extended Release Oral Tablet"),
  oxycodoneEr15: rx("1860154", "Abuse-Deterrent 12 HR oxycodone hydrochloride 15 MG Extended Release Oral Tablet"),
  oxycodone5: rx("1049621", "oxycodone hydrochloride 5 MG Oral Tablet"),
  oxycodone10: rx("1049683", "oxycodone hydrochloride 10 MG Oral Tablet"),
  apapOxycodone5: rx("1049221", "acetaminophen 325 MG / oxycodone hydrochloride 5 MG Oral Tablet"),
  fentanyl25: rx("245134", "72 HR fentanyl 0.025 MG/HR Transdermal System"),
  apapHydrocodone5: rx("857002", "acetaminophen 325 MG / hydrocodone bitartrate 5 MG Oral Tablet"),
  apapHydrocodone75: rx("857005", "acetaminophen 325 MG / hydrocodone bitartrate 7.5 MG Oral Tablet"),
  apapHydrocodone10: rx("856999", "acetaminophen 325 MG / hydrocodone bitartrate 10 MG Oral Tablet"),
  vicodin: rx("1310197", "Acetaminophen 300 MG / HYDROcodone Bitartrate 5 MG [Vicodin]"),
  methadone10: rx("864706", "methadone hydrochloride 10 MG Oral Tablet"),
  tramadol50: rx("835603", "tramadol hydrochloride 50 MG Oral Tablet"),
  morphineEr15: rx("891881", "morphine sulfate 15 MG Extended Release Oral Tablet"),
  morphineEr30: rx("891888", "morphine sulfate 30 MG Extended Release Oral Tablet"),
  morphine15: rx("892582", "morphine sulfate 15 MG Oral Tablet"),
  buprenorphineNaloxone8: rx("1010604", "buprenorphine 8 MG / naloxone 2 MG Sublingual Film"),
  naloxoneNasal4mg: rx("1725059", "naloxone hydrochloride 40 MG/ML Nasal Spray"),
  alprazolam05: rx("308048", "alprazolam 0.5 MG Oral Tablet"),
  gabapentin300: rx("310431", "gabapentin 300 MG Oral Capsule"),
  acetaminophen500: rx("198440", "acetaminophen 500 MG Oral Tablet"),
  lisinopril10: rx("314076", "lisinopril 10 MG Oral Tablet"),
} as const;

/** Observation codes (LOINC). */
export const OBS = {
  pain: { system: LOINC, code: "72514-3", display: "Pain severity - 0-10 verbal numeric rating [Score] - Reported" },
  pegPanel: { system: LOINC, code: "91148-7", display: "Pain intensity, Enjoyment of life, General activity (PEG) 3 item pain scale" },
  pegPain: { system: LOINC, code: "75893-8", display: "Pain intensity average past week" },
  pegEnjoyment: { system: LOINC, code: "91145-3", display: "Pain interference with enjoyment of life past week" },
  pegActivity: { system: LOINC, code: "91146-1", display: "Pain interference with general activity past week" },
  pegMean: { system: LOINC, code: "91147-9", display: "Mean score [PEG]" },
  phq9Total: { system: LOINC, code: "44261-6", display: "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]" },
  phq9Item9: { system: LOINC, code: "44260-8", display: "Thoughts that you would be better off dead, or of hurting yourself in some way" },
  phq2Total: { system: LOINC, code: "55758-7", display: "Patient Health Questionnaire 2 item (PHQ-2) total score [Reported]" },
  phq9TeenTotal: { system: LOINC, code: "89204-2", display: "Patient Health Questionnaire-9: Modified for Teens total score [Reported.PHQ.Teen]" },
  gad7Total: { system: LOINC, code: "70274-6", display: "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]" },
  respiratoryRate: { system: LOINC, code: "9279-1", display: "Respiratory rate" },
  heartRate: { system: LOINC, code: "8867-4", display: "Heart rate" },
  pregnancyStatus: { system: LOINC, code: "82810-3", display: "Pregnancy status" },
  udsOxycodone: { system: LOINC, code: "19642-8", display: "oxyCODONE [Presence] in Urine by Screen method" },
  udsOpiates: { system: LOINC, code: "19295-5", display: "Opiates [Presence] in Urine by Screen method" },
  udsFentanyl: { system: LOINC, code: "59673-4", display: "fentaNYL [Presence] in Urine by Screen method" },
  udsMethadone: { system: LOINC, code: "19550-3", display: "Methadone [Presence] in Urine by Screen method" },
  udsBuprenorphine: { system: LOINC, code: "93494-3", display: "Buprenorphine [Presence] in Urine by Screen method" },
  udsBenzodiazepines: { system: LOINC, code: "14316-4", display: "Benzodiazepines [Presence] in Urine by Screen method" },
} as const;

/** PHQ-9 item answers (LOINC answer list LL358-3) with their ordinal values. */
export const PHQ_ANSWERS = [
  { code: "LA6568-5", display: "Not at all", score: 0 },
  { code: "LA6569-3", display: "Several days", score: 1 },
  { code: "LA6570-1", display: "More than half the days", score: 2 },
  { code: "LA6571-9", display: "Nearly every day", score: 3 },
] as const;

/** Conditions: [SNOMED CT, ICD-10-CM] codings. */
export const COND = {
  chronicLowBackPain: [{ system: SNOMED, code: "278860009", display: "Chronic low back pain" }, { system: ICD10, code: "M54.50", display: "Low back pain, unspecified" }],
  otherChronicPain: [{ system: ICD10, code: "G89.29", display: "Other chronic pain" }],
  fibromyalgia: [{ system: SNOMED, code: "203082005", display: "Fibromyalgia" }, { system: ICD10, code: "M79.7", display: "Fibromyalgia" }],
  generalizedAnxiety: [{ system: SNOMED, code: "21897009", display: "Generalized anxiety disorder" }, { system: ICD10, code: "F41.1", display: "Generalized anxiety disorder" }],
  opioidDependence: [{ system: SNOMED, code: "75544000", display: "Opioid dependence" }, { system: ICD10, code: "F11.20", display: "Opioid dependence, uncomplicated" }],
  majorDepression: [{ system: SNOMED, code: "370143000", display: "Major depressive disorder" }, { system: ICD10, code: "F33.1", display: "Major depressive disorder, recurrent, moderate" }],
  pregnancy: [{ system: SNOMED, code: "77386006", display: "Pregnant" }, { system: ICD10, code: "Z33.1", display: "Pregnant state, incidental" }],
  sleepApnea: [{ system: SNOMED, code: "78275009", display: "Obstructive sleep apnea syndrome" }, { system: ICD10, code: "G47.33", display: "Obstructive sleep apnea (adult) (pediatric)" }],
  kneeOsteoarthritis: [{ system: SNOMED, code: "239873007", display: "Osteoarthritis of knee" }, { system: ICD10, code: "M17.11", display: "Unilateral primary osteoarthritis, right knee" }],
  postProceduralPain: [{ system: ICD10, code: "G89.18", display: "Other acute postprocedural pain" }],
  hypertension: [{ system: SNOMED, code: "38341003", display: "Hypertensive disorder" }, { system: ICD10, code: "I10", display: "Essential (primary) hypertension" }],
} as const satisfies Record<string, readonly Coding[]>;
