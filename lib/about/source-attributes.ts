/**
 * "About this tool": the decision-support source attributes (ONC HTI-1, 45 CFR 170.315(b)(11)
 * source attributes; what health systems' CDS committees ask of every such tool). The one source
 * of the app's About page (app/about), its JSON (GET /api/about) and docs/source-attributes.md
 * (npm run generate:source-attributes). Every citation names a section of docs/clinical-sources.md
 * (tests/about/source-attributes.test.ts checks each resolves). Pure data: no I/O.
 */

/** A citation: the source in words and the section of docs/clinical-sources.md that holds its facts. */
export interface Citation {
  text: string;
  /** Section number in docs/clinical-sources.md, e.g. "1.5" (a heading "### 1.5 ..."). */
  section: string;
}

export interface SourceAttributes {
  name: string;
  /** The app's version (package.json). */
  version: string;
  /** Release date of this version (YYYY-MM-DD). */
  releaseDate: string;
  developer: string;
  funding: string;
  intendedUse: string;
  intendedUsers: string[];
  notIntendedFor: string[];
  evidence: Citation[];
  inputs: { fhirData: string[]; demographics: string[] };
  validation: string[];
  limitations: string[];
  reportProblem: string;
}

export const SOURCE_ATTRIBUTES: SourceAttributes = {
  name: "Opioid Taper Planner",
  version: "0.1.0",
  releaseDate: "2026-12-03",
  developer: "The Opioid Taper Planner project (open source; this repository).",
  funding: "No external funding; no commercial sponsor; no payment from any manufacturer of the medicines it names.",
  intendedUse:
    "Helps a clinician review a patient's current long-term opioid dose in morphine milligram equivalents (MME), check readiness for a taper, " +
    "agree a slow, individual taper of real doses with the patient, write it to the chart as a FHIR CarePlan and print a patient handout. " +
    "It supports the clinician's judgement; it makes no decision and places no order.",
  intendedUsers: ["Prescribing clinicians (physicians, nurse practitioners, physician assistants) caring for adults on long-term opioids for pain", "Pharmacists and care teams reviewing a taper"],
  notIntendedFor: [
    "Patients using it on their own",
    "Converting one opioid into another (MME is not a conversion tool)",
    "Treating opioid use disorder, cancer pain, palliative or end-of-life care, or acute pain",
    "Forcing a dose reduction or a rapid taper because a number crossed a threshold",
  ],
  evidence: [
    { text: "HHS Guide for Clinicians on the Appropriate Dosage Reduction or Discontinuation of Long-Term Opioid Analgesics (2019): when to taper, risks of rapid tapers", section: "1.2" },
    { text: "CDC Clinical Practice Guideline for Prescribing Opioids for Pain, United States, 2022 (MMWR Recomm Rep 71(3)): recommendations used by the app", section: "1.8" },
    { text: "CDC 2022 guideline and HHS 2019 guide: when to consider tapering", section: "1.3" },
    { text: "CDC 2022 guideline: taper rate and mechanics (about 10 % per month after a year or more of use; at most 10 % per week)", section: "1.5" },
    { text: "CDC 2022 guideline: withdrawal management and monitoring during a taper", section: "1.6" },
    { text: "MME thresholds: 50 and 90 MME/day are points to reassess, not limits (CDC 2016 vs 2022)", section: "1.9" },
    { text: "MME conversion factors: CDC 2022 guideline table; CDC NCIPC data files 2016 (Aug 2016) and 2018 (Sep 2018)", section: "2" },
    { text: "CDC opioid MME calculator IG (cqframework/opioid-mme-r4, 2023-10-05): how the daily dose is computed", section: "3" },
    { text: "RxNorm products and CDC opioid CDS IG value sets (expansions 2022-05-09 to 2025-04-09)", section: "4" },
    { text: "LOINC codes of the scores and screens read (PEG, PHQ-9, GAD-7, urine drug tests)", section: "5" },
  ],
  inputs: {
    fhirData: [
      "Patient (identity, deceased)",
      "MedicationRequest and Medication (opioid, benzodiazepine, other sedative, naloxone and opioid use disorder treatment orders; the last 90 days and current orders)",
      "MedicationDispense quantities, where the EHR sends them, for the actual use of as-needed orders",
      "Observation (pain and PEG scores, PHQ-9/PHQ-2, GAD-7, urine drug tests)",
      "Condition (opioid use disorder, overdose, suicide attempt, sleep apnea, pregnancy, cancer, palliative and end-of-life conditions)",
      "CarePlan (earlier taper plans written by this app)",
    ],
    demographics: [
      "Age, sex, gender and race are not used: no output changes with them.",
      "A recorded current pregnancy is a caution (expert consultation before tapering); it changes the readiness findings, not the MME.",
      "A deceased patient gets no plan.",
    ],
  },
  validation: [
    "Unit tests (npm run test:unit, tests/): MME worked examples with the arithmetic and factor source (tests/mme), the CDC MME calculator IG test cases (tests/mme/cdc-ig.test.ts), the public SMART sandbox's Synthea patients (tests/mme/sandbox.test.ts), real EHR sample resources (tests/fixtures/ehr-samples), taper plans and readiness (tests/taper), the CarePlan against FHIR R4 and HL7 PainTreatmentCarePlan (tests/fhir/careplan-validate.test.ts)",
    "End-to-end tests in a browser against a local SMART sandbox EHR (npm run test:e2e, e2e/): launch, screens, write-back, CDS Hooks",
    "Held-out checks: cases and real samples the team has not seen are run against the main branch; the only passing answers are right or safely incomplete",
    "Performance budgets (npm run bench, docs/benchmarks.md)",
  ],
  limitations: [
    "MME estimates relative overdose risk; it is not a conversion tool between opioids.",
    "As-needed (PRN) orders count the prescribed maximum unless the clinician enters actual use or the EHR sends dispenses.",
    "Data the EHR did not send (outside prescriptions, the PDMP, other systems) are not seen: check the PDMP.",
    "An order whose dose cannot be read is shown as not computable and the total as incomplete, never guessed.",
    "Thresholds are informational wording, never mandates; no plan is faster than the guidance without a recorded reason.",
    "Methadone and buprenorphine for opioid use disorder are never tapered by the app.",
  ],
  reportProblem: "Open an issue in the project's repository, or tell your health system's CDS or IT team, who can reach the developer. Say what you saw, on which screen, and when; never include patient details.",
};
