/**
 * Cautions before tapering (CDC 2022 draft l.2436-2444, 2523-2533, 2604-2617, 2675-2681;
 * Rec 8, Rec 12): opioid use disorder, pregnancy, cancer or end-of-life care, no naloxone,
 * and an MME that is not complete.
 */
import type { Evidence, Finding, IsoDate } from "@/lib/domain";
import { CITE } from "../citations";
import { CANCER_PALLIATIVE, OPIOID_USE_DISORDER, PREGNANCY } from "../codes/conditions";
import type { ReadinessConfig } from "../config";
import { daysBetween } from "../dates";
import { conditionFinding, finding, matchingConditions, unavailableEvidence } from "./finding";
import { type ClassifiedOrder, currency, orderEvidence } from "./medications";
import type { ReadinessInputs } from "./types";

/** Opioid use disorder: diagnosis (any status but refuted), current buprenorphine OUD formulations, methadone with an OUD diagnosis. */
export function oudFinding(inputs: ReadinessInputs, orders: ClassifiedOrder[], asOf: IsoDate, lookbackDays: number): Finding {
  const draft = { id: "caution.oud", category: "caution" as const, title: "Signs of opioid use disorder", citations: [CITE.oud, CITE.oudRec12, CITE.naloxone] };
  const conditions = matchingConditions(inputs, OPIOID_USE_DISORDER, asOf, { activeOnly: false });
  const moud = orders.filter((o) => o.classes.some((c) => c.cls === "buprenorphine-oud") && currency(o, asOf, lookbackDays) === "current");
  const methadone = conditions.length > 0 ? orders.filter((o) => o.classes.some((c) => c.cls === "methadone") && currency(o, asOf, lookbackDays) === "current") : [];
  const evidence: Evidence[] = [
    ...conditions.map((c) => c.evidence),
    ...moud.map((o) => orderEvidence(o, "buprenorphine-oud", "a formulation used to treat opioid use disorder")),
    ...methadone.map((o) => orderEvidence(o, "methadone", "with an opioid use disorder diagnosis")),
  ];
  if (evidence.length > 0) {
    return finding(draft, "present", "Opioid use disorder is recorded or being treated: offer or continue medication treatment (buprenorphine or methadone) and naloxone rather than tapering; this tool never tapers buprenorphine. Detoxification alone is not recommended.", evidence);
  }
  const missing = (["conditions", "medications"] as const).filter((s) => inputs.unavailable[s] !== undefined);
  if (missing.length > 0) {
    return finding(draft, "unknown", `Could not be fully checked (${missing.map((s) => `${s}: ${inputs.unavailable[s] ?? ""}`).join("; ")}). Assess for opioid use disorder with DSM-5 criteria.`, missing.map((s) => unavailableEvidence(s, inputs.unavailable[s] ?? "")));
  }
  return finding(draft, "not-found", "No opioid use disorder diagnosis or treatment order in this record. The chart cannot rule it out: assess with DSM-5 criteria before and during the taper.", []);
}

/** A current pregnancy (active, onset within `pregnancyMaxDays`): expert consultation first. */
export function pregnancyFinding(inputs: ReadinessInputs, asOf: IsoDate, config: ReadinessConfig): Finding {
  return conditionFinding(inputs, { id: "caution.pregnancy", category: "caution", title: "Pregnancy", citations: [CITE.pregnancy] }, PREGNANCY, asOf, {
    present: "A current pregnancy is recorded: get expert consultation before any taper (withdrawal risks for patient and fetus); for opioid use disorder in pregnancy, medication treatment is preferred over withdrawal.",
    notFound: "No current pregnancy recorded.",
  }, { activeOnly: true, maxAgeDays: config.pregnancyMaxDays });
}

/** Active cancer, palliative or end-of-life care: chronic-pain taper guidance likely does not apply. */
export function cancerPalliativeFinding(inputs: ReadinessInputs, asOf: IsoDate): Finding {
  return conditionFinding(inputs, { id: "caution.cancer-palliative", category: "caution", title: "Cancer, palliative or end-of-life care", citations: [CITE.cancerExclusion, CITE.whenToTaper] }, CANCER_PALLIATIVE, asOf, {
    present: "Active cancer, palliative or end-of-life care is recorded: the guidance for tapering long-term opioids for chronic pain likely does not apply; tapering is likely not indicated.",
    notFound: "No active cancer, palliative or end-of-life condition recorded.",
  }, { activeOnly: true });
}

/** A current opioid order of any kind: counted, not computable, or buprenorphine (still an opioid, and an overdose risk with other depressants). */
function hasCurrentOpioid(inputs: ReadinessInputs): boolean {
  return inputs.mme.state !== "complete" || inputs.mme.orders.some((o) =>
    o.status === "counted" || o.status === "not-computable" || (o.reason === "mme.excluded.buprenorphine" && (o.fhirStatus === "active" || o.fhirStatus === "on-hold")));
}

/** Naloxone ordered within `naloxoneLookbackDays` (by code or, said so, by name); otherwise offer it. */
export function naloxoneFinding(inputs: ReadinessInputs, orders: ClassifiedOrder[], asOf: IsoDate, config: ReadinessConfig): Finding {
  const draft = { id: "caution.no-naloxone", category: "caution" as const, title: "No naloxone on file", citations: [CITE.naloxone, CITE.toleranceLoss] };
  if (inputs.unavailable.medications !== undefined) {
    return finding(draft, "unknown", `Could not be checked (medications not available: ${inputs.unavailable.medications}). Offer naloxone.`, [unavailableEvidence("medications", inputs.unavailable.medications)]);
  }
  const naloxone = orders.filter((o) => o.classes.some((c) => c.cls === "naloxone") && o.status !== "entered-in-error"
    && (o.authoredOn === null || (daysBetween(o.authoredOn, asOf) ?? Infinity) <= config.naloxoneLookbackDays));
  if (naloxone.length > 0) {
    return finding(draft, "not-found", "Naloxone was prescribed: check the patient still has it, that it is in date, and that the household knows how to use it.", naloxone.map((o) => orderEvidence(o, "naloxone")));
  }
  if (!hasCurrentOpioid(inputs)) {
    return finding(draft, "not-found", "No current opioid order: no taper to plan. Offer naloxone if other risk factors exist (CDC 2022 Rec 8).", []);
  }
  return finding(draft, "present", `No naloxone order in the last ${Math.round(config.naloxoneLookbackDays / 365)} years: offer naloxone. Patients who are tapering lose tolerance within about a week and are at risk of overdose if they return to their previous dose.`, []);
}

/** The MME engine could not compute every current order (or read the list): the dose is a floor or unknown. */
export function mmeIncompleteFinding(inputs: ReadinessInputs): Finding {
  const draft = { id: "caution.mme-incomplete", category: "caution" as const, title: "Current dose not fully known", citations: [CITE.notTaking] };
  const { mme } = inputs;
  if (mme.state === "complete") return finding(draft, "not-found", "Every current opioid order was computed.", []);
  const failed = mme.orders.filter((o) => o.status === "not-computable").map((o): Evidence => ({ reference: o.medicationRequest, label: o.display, value: o.message ?? o.reason ?? "not computable" }));
  return finding(draft, "present", mme.state === "unknown"
    ? "The medication list could not be read: the current dose is unknown and no plan can be proposed."
    : "Some current opioid orders could not be computed: the total is a floor, and no plan is proposed until they are clarified.",
  [...failed, ...mme.incompleteReasons.map((r): Evidence => ({ label: "Why", value: r }))]);
}
