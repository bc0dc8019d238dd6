/**
 * Runs the engines for a hook call: lib/mme's `calculateMme` over the patient's orders plus
 * the draft orders being signed, and lib/taper's `assessReadiness` over the same record.
 * The cards are built from these typed results only (lib/cds/cards); no clinical rule is
 * repeated here.
 *
 * Draft orders (CDS Hooks order-sign/order-select `context.draftOrders`) are the orders the
 * clinician is about to sign. They arrive with `status: draft`, which the MME engine rightly
 * leaves out of a patient's current dose; here they are counted as if signed (status
 * `active`, intent `order`, authored on `asOf` when undated; `doNotPerform` is kept), so the total is the dose the
 * patient will be on once they are signed. A draft that renews an existing order with the
 * same product and dose is counted once (lib/mme supersedes the older duplicate).
 */
import type { MedicationRequest } from "fhir/r4";
import type { MmeResult, OrderMme, ReadinessResult } from "@/lib/domain";
import { calculateMme } from "@/lib/mme";
import { assessReadiness, type ReadinessSource } from "@/lib/taper";
import type { CdsEvaluationInput, CdsRecordPart } from "./inputs";

export interface CdsAssessment {
  mme: MmeResult;
  readiness: ReadinessResult;
  /** `MedicationRequest/<id>` of each draft order, in context order. */
  draftRefs: string[];
  /** The MME engine's reading of each draft order. */
  draftOrders: OrderMme[];
}

/** A draft as the order it becomes when signed (id assigned when the client sent none). */
export function asSigned(draft: MedicationRequest, index: number, asOf: string): MedicationRequest {
  return {
    ...draft,
    id: draft.id ?? `draft-${index + 1}`,
    status: "active",
    intent: "order",
    authoredOn: draft.authoredOn ?? asOf,
  };
}

const READINESS_PART: Record<Exclude<CdsRecordPart, "carePlans">, ReadinessSource> = {
  medications: "medications",
  observations: "observations",
  conditions: "conditions",
};

function unavailableSources(input: CdsEvaluationInput): Partial<Record<ReadinessSource, string>> {
  const out: Partial<Record<ReadinessSource, string>> = {};
  for (const part of ["medications", "observations", "conditions"] as const) {
    const state = input.record.parts[part];
    if (state.state === "unavailable") out[READINESS_PART[part]] = state.reason;
  }
  return out;
}

/** The MME and readiness of the patient with the draft orders counted as signed. */
export function assess(input: CdsEvaluationInput): CdsAssessment {
  const { record } = input;
  // A draft the client also returned in the prefetch (saved with status draft) is counted once, as signed.
  const draftIds = new Set(input.drafts.flatMap((d) => (d.id === undefined ? [] : [d.id])));
  const existing = record.medicationRequests.filter((mr) => !(mr.status === "draft" && mr.id !== undefined && draftIds.has(mr.id)));
  // Another order with the same id is a different order (data error): both are kept, the draft renamed.
  const takenIds = new Set(existing.flatMap((mr) => (mr.id === undefined ? [] : [mr.id])));
  const signed = input.drafts.map((d, i) => {
    const s = asSigned(d, i, input.asOf);
    return s.id !== undefined && takenIds.has(s.id) ? { ...s, id: `${s.id}.draft-${i + 1}` } : s;
  });
  const draftRefs = signed.map((d) => `MedicationRequest/${d.id ?? ""}`);
  const medicationRequests = [...existing, ...signed];
  const medsPart = record.parts.medications;
  const mme = calculateMme({
    medicationRequests,
    medications: record.medications,
    unreadable: record.unreadable,
    asOf: input.asOf,
    truncated: medsPart.state === "incomplete",
  });
  const readiness = assessReadiness({
    mme,
    medicationRequests,
    medications: record.medications,
    observations: record.observations,
    conditions: record.conditions,
    unavailable: unavailableSources(input),
  }, input.asOf);
  const draftOrders = draftRefs.flatMap((ref) => mme.orders.filter((o) => o.medicationRequest === ref));
  return { mme, readiness, draftRefs, draftOrders };
}
