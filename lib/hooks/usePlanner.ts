"use client";
/** The planner's state: options and checklist (persisted per tab and patient) and the plan they give. */
import { useCallback, useMemo } from "react";
import type { Confirmations, PlanOutcome, TaperOptions } from "@/lib/domain";
import { percentPerWeek, proposeTaperPlan, TAPER_DEFAULTS } from "@/lib/taper";
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
  /**
   * The chosen pace is faster than the guidance default for this patient (view.defaults, from the
   * duration of use) and no reason is recorded: the plan is shown but cannot be saved or handed out
   * until the clinician records the reason a rapid taper needs (issue 22).
   */
  beyondGuidance: { chosenPercentPerWeek: number; guidancePercentPerWeek: number } | null;
}

/** Faster than the guidance default with no recorded reason (a recorded rapid-taper reason covers it). Pure. */
export function beyondGuidance(options: TaperOptions, defaults: TaperOptions): Planner["beyondGuidance"] {
  const chosen = percentPerWeek(options, TAPER_DEFAULTS);
  const guidance = percentPerWeek(defaults, TAPER_DEFAULTS);
  if (chosen <= guidance + 1e-9) return null;
  if (options.rapidTaper !== null && options.rapidTaper.reason.trim() !== "") return null;
  return { chosenPercentPerWeek: chosen, guidancePercentPerWeek: guidance };
}

const NO_CONFIRMATIONS: Confirmations = { checked: {}, followUpDate: null };

export function usePlanner(view: ClinicalView, patientId: string, asOf: string): Planner {
  const [options, setOptions] = usePersistentState("options", patientId, () => view.defaults, isTaperOptions);
  const [confirmations, setConfirmations] = usePersistentState("confirmations", patientId, () => NO_CONFIRMATIONS, isConfirmations);
  const outcome = useMemo(() => proposeTaperPlan(view.regimen, options, asOf, { gates: view.gates }), [view.regimen, view.gates, options, asOf]);
  const resetOptions = useCallback(() => setOptions(view.defaults), [setOptions, view.defaults]);
  const beyond = useMemo(() => beyondGuidance(options, view.defaults), [options, view.defaults]);
  return { options, setOptions, resetOptions, confirmations, setConfirmations, outcome, beyondGuidance: beyond };
}
