"use client";
/**
 * Joins the FHIR record to the pure engines, in memory: MME (lib/mme), readiness and the
 * starting regimen (lib/taper), the MME timeline and observation series for Trends.
 * Safety: a medication list that could not be read gives an "unknown" MME (never a lower
 * number); a truncated one an "incomplete" MME.
 */
import { useMemo } from "react";
import useSWR from "swr";
import type { MmeResult, ReadinessResult, ResourceRef, TaperOptions, UnreadableResource } from "@/lib/domain";
import type { PatientRecord, SearchOutcome } from "@/lib/fhir/record";
import { calculateMme, unknownMmeResult } from "@/lib/mme";
import { needsNdcLookup } from "@/lib/mme/ndc/needs";
import type { NdcLookup } from "@/lib/mme/integrations";
import { assessReadiness, defaultRationale, defaultTaperOptions, regimenFromMme, type ReadinessSource, type Regimen } from "@/lib/taper";
import { SWR_OPTIONS } from "./swr-options";

export interface ClinicalView {
  mme: MmeResult;
  readiness: ReadinessResult;
  regimen: Regimen;
  defaults: TaperOptions;
  rationale: string;
  /** MedicationRequests and Observations the numbers were computed from (CarePlan supportingInfo). */
  supportingRefs: ResourceRef[];
}

/** Unreadable resources that may be medication orders (an unknown type might be one): they make the MME incomplete. */
function unreadableOrders(record: PatientRecord): UnreadableResource[] {
  return record.unreadable.filter((u) => u.resourceType === "MedicationRequest" || u.resourceType === null);
}

function unavailableSources(record: PatientRecord): Partial<Record<ReadinessSource, string>> {
  const reason = (o: SearchOutcome): string | null => (o.state === "failed" || o.state === "not-granted" ? (o.sentence ?? "could not be read") : null);
  const out: Partial<Record<ReadinessSource, string>> = {};
  const obs = reason(record.searches.observations);
  const cond = reason(record.searches.conditions);
  const meds = reason(record.searches.medicationRequests);
  if (obs) out.observations = obs;
  if (cond) out.conditions = cond;
  if (meds) out.medications = meds;
  return out;
}

function computeMme(record: PatientRecord, asOf: string, ndcLookup: NdcLookup | undefined): MmeResult {
  if (record.medicationListState === "unknown") {
    return unknownMmeResult(asOf, "cdc-2022", record.searches.medicationRequests.sentence ?? "The medication orders could not be read.");
  }
  return calculateMme({
    medicationRequests: record.medicationRequests,
    medications: record.medications,
    unreadable: unreadableOrders(record),
    asOf,
    truncated: record.medicationListState === "incomplete",
    ndcLookup,
  });
}

function supportingRefs(mme: MmeResult, readiness: ReadinessResult): ResourceRef[] {
  const refs = new Set<ResourceRef>();
  for (const o of mme.orders) if (o.status !== "excluded" || o.reason !== "mme.excluded.not-an-opioid") refs.add(o.medicationRequest);
  for (const f of readiness.findings) for (const e of f.evidence) if (e.reference) refs.add(e.reference);
  return [...refs];
}

/** Loads the NDC table only when some order is coded with an NDC alone. */
function useNdcLookup(record: PatientRecord | undefined): { ready: boolean; lookup: NdcLookup | undefined } {
  const needed = record !== undefined && needsNdcLookup(record.medicationRequests, record.medications);
  const { data, error } = useSWR(needed ? "ndc-table" : null, async () => (await import("@/lib/mme/ndc/load")).loadNdcLookup(), SWR_OPTIONS);
  // If the table cannot load, the NDC-only orders stay not computable (the MME says incomplete).
  return { ready: !needed || data !== undefined || error !== undefined, lookup: data };
}

export function useClinicalView(record: PatientRecord | undefined, asOf: string): ClinicalView | null {
  const ndc = useNdcLookup(record);
  return useMemo(() => {
    if (!record || !ndc.ready) return null;
    const mme = computeMme(record, asOf, ndc.lookup);
    const readiness = assessReadiness(
      {
        mme,
        medicationRequests: record.medicationRequests,
        medications: record.medications,
        observations: record.observations,
        conditions: record.conditions,
        unavailable: unavailableSources(record),
      },
      asOf,
    );
    const regimen = regimenFromMme(mme);
    return {
      mme,
      readiness,
      regimen,
      defaults: defaultTaperOptions(readiness, regimen, asOf),
      rationale: defaultRationale(readiness),
      supportingRefs: supportingRefs(mme, readiness),
    };
  }, [record, asOf, ndc.ready, ndc.lookup]);
}
