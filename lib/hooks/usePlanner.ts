"use client";
/** The planner's state: options and checklist (persisted per tab and patient) and the plan they give. */
import { useCallback, useMemo } from "react";
import type { Confirmations, PlanOutcome, TaperOptions } from "@/lib/domain";
import { proposeTaperPlan } from "@/lib/taper";
import { isConfirmations, isTaperOptions } from "./guards";
import { usePersistentState } from "./persist";
import type { ClinicalView } from "./useClinicalView";

export interface Planner {
  options: TaperOptions;
  setOptions: (next: TaperOptions) => void;
  resetOptions: () => void;
  confirmations: Confirmations;
  setConfirmations: (next: Confirmations) => void;
  outcome: PlanOutcome;
}

const NO_CONFIRMATIONS: Confirmations = { checked: {}, followUpDate: null };

export function usePlanner(view: ClinicalView, patientId: string, asOf: string): Planner {
  const [options, setOptions] = usePersistentState("options", patientId, () => view.defaults, isTaperOptions);
  const [confirmations, setConfirmations] = usePersistentState("confirmations", patientId, () => NO_CONFIRMATIONS, isConfirmations);
  const outcome = useMemo(() => proposeTaperPlan(view.regimen, options, asOf, { gates: view.gates }), [view.regimen, view.gates, options, asOf]);
  const resetOptions = useCallback(() => setOptions(view.defaults), [setOptions, view.defaults]);
  return { options, setOptions, resetOptions, confirmations, setConfirmations, outcome };
}
