/**
 * Cautions before tapering: opioid use disorder (CDC 2022 Rec 12; draft l.2675-2681) and
 * an MME that is not complete. Pregnancy, cancer, palliative care and sickle cell disease
 * are in scope.ts; naloxone in naloxone.ts.
 */
import type { Evidence, FindingOf, IsoDate, PlanEffect } from "@/lib/domain";
import { CITE } from "../citations";
import { OPIOID_RELATED, OPIOID_USE_DISORDER, OPIOID_USE_DISORDER_IN_REMISSION } from "../codes/conditions";
import { matchesConditionList } from "./fhir";
import { type ConditionMatch, finding, matchingConditions, unavailableEvidence } from "./finding";
import { type ClassifiedOrder, currency, orderEvidence } from "./medications";
import type { ReadinessInputs } from "./types";

/** In remission by its code or words (value set opioid-use-disorder-in-remission) or its clinical status (remission, inactive, resolved). */
function inRemission(m: ConditionMatch): boolean {
  return m.state === "inactive" || matchesConditionList(m.condition.code, OPIOID_USE_DISORDER_IN_REMISSION) !== null;
}

const MOUD_INSTEAD = "Offer or arrange medication treatment for opioid use disorder (buprenorphine or methadone) and naloxone; detoxification alone is not recommended.";

/**
 * Opioid use disorder: a diagnosis (any status but refuted; value set opioid-use-disorder), a
 * current buprenorphine OUD formulation, methadone or naltrexone with an OUD diagnosis.
 * Treatment or an active coded diagnosis blocks the taper (offer or continue medication
 * treatment instead); a diagnosis in remission, one named only in words, an opioid-related
 * condition (withdrawal, opioid-induced disorder, unspecified use) or naltrexone without a
 * diagnosis asks the clinician to assess and confirm.
 */
export function oudFinding(inputs: ReadinessInputs, orders: ClassifiedOrder[], asOf: IsoDate, lookbackDays: number): FindingOf<"caution.oud"> {
  const draft = { id: "caution.oud" as const, category: "caution" as const, label: "Opioid use disorder", citations: [CITE.oudRec12, CITE.oud, CITE.naloxone] };
  const conditions = matchingConditions(inputs, OPIOID_USE_DISORDER, asOf, { activeOnly: false });
  const coded = conditions.filter((c) => !c.byName);
  const current = (cls: "buprenorphine-oud" | "methadone" | "naltrexone") => orders.filter((o) => o.classes.some((c) => c.cls === cls) && currency(o, asOf, lookbackDays) === "current");
  const moud = current("buprenorphine-oud");
  const methadone = coded.length > 0 ? current("methadone") : [];
  const naltrexone = current("naltrexone");
  const treatment = [...moud, ...methadone, ...(coded.length > 0 ? naltrexone : [])];
  const evidence: Evidence[] = [
    ...conditions.map((c) => c.evidence),
    ...moud.map((o) => orderEvidence(o, "buprenorphine-oud", "a formulation used to treat opioid use disorder")),
    ...methadone.map((o) => orderEvidence(o, "methadone", "with an opioid use disorder diagnosis")),
    ...naltrexone.map((o) => orderEvidence(o, "naltrexone", "an opioid antagonist: it blocks opioid analgesics")),
  ];
  if (treatment.length > 0) {
    return finding(draft, "on-treatment", {
      title: "Treatment for opioid use disorder",
      sentence: "The patient is being treated for opioid use disorder: continue the medication treatment and offer naloxone; this tool does not taper buprenorphine or methadone for opioid use disorder.",
      planEffect: { kind: "blocks", instead: "Continue medication treatment for opioid use disorder and offer naloxone." },
    }, evidence);
  }
  const active = coded.filter((c) => !inRemission(c));
  if (active.length > 0) {
    return finding(draft, "active", {
      title: "Opioid use disorder recorded",
      sentence: "Opioid use disorder is recorded: offer or arrange medication treatment (buprenorphine or methadone) and naloxone rather than a taper.",
      planEffect: { kind: "blocks", instead: MOUD_INSTEAD },
    }, evidence);
  }
  if (coded.length > 0) {
    return finding(draft, "in-remission", {
      title: "Opioid use disorder in remission",
      sentence: "Opioid use disorder in remission is recorded: a taper can unmask a return to use. Reassess with DSM-5 criteria, offer medication treatment and naloxone, and plan a taper only if the disorder is still in remission.",
      planEffect: { kind: "requires-confirmation", confirm: "Opioid use disorder reassessed (DSM-5) and still in remission; medication treatment and naloxone offered." },
    }, evidence);
  }
  const related = matchingConditions(inputs, OPIOID_RELATED, asOf, { activeOnly: false });
  if (conditions.length + related.length + naltrexone.length > 0) {
    return finding(draft, "possible", {
      title: "Possible opioid use disorder",
      sentence: naltrexone.length > 0 && conditions.length + related.length === 0
        ? "Naltrexone is prescribed: it treats opioid or alcohol use disorder and blocks opioid analgesics. Confirm why it is prescribed and assess for opioid use disorder with DSM-5 criteria before planning."
        : "An opioid-related condition is recorded (withdrawal, an opioid-induced disorder, unspecified opioid use, or a use disorder named only in words): assess for opioid use disorder with DSM-5 criteria before planning; if it is present, offer medication treatment rather than a taper.",
      planEffect: { kind: "requires-confirmation", confirm: "Opioid use disorder assessed with DSM-5 criteria and not present." },
    }, [...evidence, ...related.map((c) => c.evidence)]);
  }
  const missing = (["conditions", "medications"] as const).filter((s) => inputs.unavailable[s] !== undefined);
  if (missing.length > 0) {
    const gaps = missing.map((s) => unavailableEvidence(s, inputs.unavailable[s] ?? ""));
    return finding(draft, "unknown", {
      title: "Opioid use disorder: could not be checked",
      sentence: `The chart could not be fully read (${gaps.map((g) => `${g.label.toLowerCase()}: ${g.value ?? ""}`).join("; ")}). Assess for opioid use disorder with DSM-5 criteria before planning.`,
      planEffect: { kind: "requires-confirmation", confirm: "Opioid use disorder assessed with DSM-5 criteria and not present." },
    }, gaps);
  }
  return finding(draft, "none-recorded", {
    title: "No opioid use disorder recorded",
    sentence: "No opioid use disorder diagnosis or treatment is recorded. The chart cannot rule it out: assess with DSM-5 criteria before and during the taper.",
  });
}

/** The MME engine could not compute every current order (or read the list): the dose is a floor or unknown; the planner refuses by itself. */
export function mmeIncompleteFinding(inputs: ReadinessInputs): FindingOf<"caution.mme-incomplete"> {
  const draft = { id: "caution.mme-incomplete" as const, category: "caution" as const, label: "Current dose", citations: [CITE.notTaking] };
  const { mme } = inputs;
  if (mme.state === "complete") return finding(draft, "complete", { title: "Current dose fully computed", sentence: "Every current opioid order was computed." });
  const failed = mme.orders.filter((o) => o.status === "not-computable").map((o): Evidence => ({ reference: o.medicationRequest, label: o.display, value: o.message ?? o.reason ?? "not computable" }));
  const evidence = [...failed, ...mme.incompleteReasons.map((r): Evidence => ({ label: "Why", value: r }))];
  const held: PlanEffect = { kind: "informs" };
  if (mme.state === "unknown") {
    return finding(draft, "list-unreadable", { title: "Current dose unknown", sentence: "The medication list could not be read: the current dose is unknown and no plan can be proposed.", planEffect: held }, evidence);
  }
  return finding(draft, "incomplete", { title: "Current dose not fully known", sentence: "Some current opioid orders could not be computed: the total is a floor, and no plan is proposed until they are clarified.", planEffect: held }, evidence);
}
