/**
 * The `mme` command's JSON, per patient and per order (issue 3's contract, plus sources,
 * message, display, ingredients). Numbers are unrounded (round only for display).
 */
import type { FindingOutcomes, MmeResult, OrderMme } from "@/lib/domain";

/**
 * The outcomes of two readiness findings (lib/taper `medicationFindings`), for population
 * counts: `cnsDepressants` is `reason.cns-depressants` (current benzodiazepine or other
 * sedative orders, CDC 2022 Rec 11), `naloxone` is `caution.naloxone` (CDC 2022 Rec 8).
 */
export interface MedicationFindingsJson {
  cnsDepressants: FindingOutcomes["reason.cns-depressants"];
  naloxone: FindingOutcomes["caution.naloxone"];
}

export function orderJson(o: OrderMme): Record<string, unknown> {
  return {
    medicationRequest: o.medicationRequest,
    status: o.status,
    mmePerDay: o.mmePerDay,
    reason: o.reason,
    message: o.message,
    display: o.display,
    assumptions: o.assumptions.map((a) => a.message),
    assumptionCodes: o.assumptions.map((a) => a.code),
    sources: o.sources,
    ingredients: o.ingredients.map((i) => ({
      ingredient: i.ingredient,
      dailyAmount: i.dailyAmount,
      unit: i.dailyAmountUnit,
      factor: i.factor,
      factorKind: i.factorKind,
      factorSource: i.factorCitation.source,
      mmePerDay: i.mmePerDay,
    })),
    sig: o.sig,
    asNeeded: o.asNeeded,
    unitsPerAdministration: o.unitsPerAdministration,
    administrationsPerDay: o.administrationsPerDay,
    ...(o.patchesWorn === undefined ? {} : { patchesWorn: o.patchesWorn }),
    discrepancies: o.discrepancies,
    readings: o.readings,
    ...(o.supersededBy === undefined ? {} : { supersededBy: o.supersededBy }),
    fhirStatus: o.fhirStatus,
    authoredOn: o.authoredOn,
  };
}

export function patientJson(patientRef: string | null, r: MmeResult, findings: MedicationFindingsJson | null): Record<string, unknown> {
  return {
    patient: patientRef,
    totalMmePerDay: r.totalMmePerDay,
    complete: r.complete,
    state: r.state,
    incompleteReasons: r.incompleteReasons,
    bands: r.bands,
    medicationFindings: findings,
    byIngredient: r.byIngredient,
    orders: r.orders.map(orderJson),
  };
}
