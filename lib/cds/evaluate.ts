/**
 * The CDS engine's entry point (pure): a hook call's typed inputs -> a CDS Hooks 2.0
 * response. The HTTP route and the `cds` command both call this through lib/cds-service,
 * so they answer identically.
 *
 * - `opioid-mme-order-sign` (order-sign, order-select): cards only when a draft order is an
 *   opioid (MME, naloxone, benzodiazepine, OUD) or a benzodiazepine/CNS depressant added to
 *   a current opioid; nothing for unrelated orders.
 * - `opioid-taper-patient-view` (patient-view): a summary card (MME, plan in effect and the
 *   follow-up status, cautions)
 *   and the naloxone, benzodiazepine and OUD cards, when the patient has a current opioid.
 * - When the medication orders could not be obtained at all (no prefetch and no FHIR access),
 *   no card is computed: the response has no cards and says why in its `extension`.
 */
import { assess, type CdsAssessment } from "./assess";
import { cnsDepressantCard, hasCurrentOpioid, oudCard } from "./cards/cautions";
import { isOpioidOrder } from "./cards/common";
import { mmeCard } from "./cards/mme";
import { naloxoneCard } from "./cards/naloxone";
import { patientSummaryCard } from "./cards/patient-summary";
import type { CdsEvaluationInput } from "./inputs";
import { taperPlanStatus } from "./plan-status";
import type { CdsCard, CdsResponse } from "./types";

/** The `extension` key of a response that could not be computed (reverse-domain style, CDS Hooks 2.0 "Extensions"). */
export const NO_DATA_EXTENSION = "org.opioid-taper-planner.no-data";

function present(cards: ReadonlyArray<CdsCard | null>): CdsCard[] {
  return cards.filter((c): c is CdsCard => c !== null);
}

/** A draft that is a benzodiazepine or other CNS depressant (named in the readiness finding's evidence). */
function draftIsCnsDepressant(a: CdsAssessment): boolean {
  const finding = a.readiness.findings.find((f) => f.id === "reason.cns-depressants");
  return finding?.outcome === "current" && finding.evidence.some((e) => e.reference !== undefined && a.draftRefs.includes(e.reference));
}

function orderSignCards(input: CdsEvaluationInput, a: CdsAssessment, requester: string | undefined): CdsCard[] {
  const opioidDraft = a.draftOrders.some(isOpioidOrder);
  if (!opioidDraft && !draftIsCnsDepressant(a)) return [];
  if (!opioidDraft) return present([cnsDepressantCard(input, a)]);
  return present([oudCard(input, a), mmeCard(input, a), cnsDepressantCard(input, a), naloxoneCard(input, a, requester)]);
}

function patientViewCards(input: CdsEvaluationInput, a: CdsAssessment, requester: string | undefined): CdsCard[] {
  const plan = taperPlanStatus(input.record.carePlans, input.record.parts.carePlans, a.mme, input.asOf);
  const summary = patientSummaryCard(input, a, plan);
  if (!hasCurrentOpioid(a)) return present([summary]);
  return present([oudCard(input, a), summary, cnsDepressantCard(input, a), naloxoneCard(input, a, requester)]);
}

/**
 * The response for one hook call. `requester` (a `Practitioner/<id>` from `context.userId`)
 * becomes the requester of a suggested draft order.
 */
export function evaluateCds(input: CdsEvaluationInput, requester?: string): CdsResponse {
  const meds = input.record.parts.medications;
  if (meds.state === "unavailable") {
    return { cards: [], extension: { [NO_DATA_EXTENSION]: `No cards: the patient's medication orders were not available (${meds.reason}).` } };
  }
  const a = assess(input);
  const cards = input.serviceId === "opioid-taper-patient-view" ? patientViewCards(input, a, requester) : orderSignCards(input, a, requester);
  return { cards };
}
