"use client";
/**
 * Joins the FHIR record to the pure engines, in memory: MME (lib/mme), readiness and the
 * starting regimen (lib/taper), the MME timeline and observation series for Trends.
 * Safety: a medication list that could not be read gives an "unknown" MME (never a lower
 * number); a truncated one an "incomplete" MME.
 */
import { useMemo } from "react";
import useSWR from "swr";
import type { Patient } from "fhir/r4";
import type { MmeResult, PlanGate, ReadinessResult, TaperOptions } from "@/lib/domain";
import { unreadableOrders } from "@/lib/fhir/load";
import { DEFAULT_OBSERVATION_LOOKBACK_DAYS, lookbackDate } from "@/lib/fhir/queries";
import type { MedicationPart, PatientRecord, SearchOutcome } from "@/lib/fhir/record";
import { calculateMme, needsNdcLookup, unknownMmeResult } from "@/lib/mme";
import type { NdcLookup } from "@/lib/mme";
import { assessReadiness, defaultRationale, defaultTaperOptions, regimenFromMme, type ReadinessSource, type Regimen } from "@/lib/taper";
import { SWR_OPTIONS } from "./swr-options";
import type { PatientState } from "./usePatientRecord";

export interface ClinicalView {
  mme: MmeResult;
  readiness: ReadinessResult;
  regimen: Regimen;
  defaults: TaperOptions;
  rationale: string;
  /** Cautions that hold the plan (readiness gates). */
  gates: PlanGate[];
}

/** The first day of the Observation window the record was read with (lib/fhir queries.ts). */
function observationsFrom(asOf: string): string {
  return lookbackDate(new Date(`${asOf.slice(0, 10)}T00:00:00Z`), DEFAULT_OBSERVATION_LOOKBACK_DAYS);
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

function computeMme(part: MedicationPart, asOf: string, ndcLookup: NdcLookup | undefined): MmeResult {
  if (part.medicationListState === "unknown") {
    return unknownMmeResult(asOf, "cdc-2022", part.search.sentence ?? "The medication orders could not be read.");
  }
  return calculateMme({
    medicationRequests: part.medicationRequests,
    medications: part.medications,
    unreadable: unreadableOrders(part.unreadable),
    asOf,
    truncated: part.medicationListState === "incomplete",
    ndcLookup,
  });
}

/** Loads the NDC table only when some order is coded with an NDC alone. */
function useNdcLookup(part: MedicationPart | undefined): { ready: boolean; lookup: NdcLookup | undefined } {
  const needed = part !== undefined && needsNdcLookup(part.medicationRequests, part.medications);
  const { data, error } = useSWR(needed ? "ndc-table" : null, async () => (await import("@/lib/mme/ndc/load")).loadNdcLookup(), SWR_OPTIONS);
  // If the table cannot load, the NDC-only orders stay not computable (the MME says incomplete).
  return { ready: !needed || data !== undefined || error !== undefined, lookup: data };
}

/** The MME from the medication orders alone: on screen before the rest of the record arrives. */
export function useMme(part: MedicationPart | undefined, asOf: string): MmeResult | null {
  const ndc = useNdcLookup(part);
  return useMemo(() => (part && ndc.ready ? computeMme(part, asOf, ndc.lookup) : null), [part, asOf, ndc.ready, ndc.lookup]);
}

/**
 * Readiness, regimen and defaults once the whole record and the Patient (or why it could not
 * be read) are in; `mme` from `useMme` (the same object).
 */
export function useClinicalView(record: PatientRecord | undefined, mme: MmeResult | null, asOf: string, patient: PatientState): ClinicalView | null {
  // stable memo inputs: the SWR-held resource, or the reason it is missing (PatientState objects are new on each render)
  const patientResource: Patient | null = patient.status === "ready" ? patient.patient : null;
  const patientMissing = patient.status === "unavailable" ? patient.reason : null;
  const patientLoading = patient.status === "loading";
  return useMemo(() => {
    if (!record || !mme || patientLoading) return null;
    const readiness = assessReadiness(
      {
        mme,
        medicationRequests: record.medicationRequests,
        medications: record.medications,
        observations: record.observations,
        observationsFrom: observationsFrom(asOf),
        conditions: record.conditions,
        unavailable: unavailableSources(record),
        ...(patientResource ? { patient: patientResource } : { patientUnavailable: patientMissing ?? "not read" }),
      },
      asOf,
    );
    const regimen = regimenFromMme(mme, record.medicationRequests);
    return {
      mme,
      readiness,
      regimen,
      defaults: defaultTaperOptions(readiness, regimen, asOf),
      rationale: defaultRationale(readiness),
      gates: readiness.gates,
    };
  }, [record, mme, asOf, patientResource, patientMissing, patientLoading]);
}
