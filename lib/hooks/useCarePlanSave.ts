"use client";
/**
 * Saving the plan to the chart: build -> validate -> show what will be written -> on explicit
 * confirmation, one conditional create. Never retried automatically; a retry is the
 * clinician's click and reuses the proposal identifier, so it can never create a second
 * CarePlan. Editing the plan after a save starts a new proposal (a new identifier).
 */
import { useCallback, useRef, useState } from "react";
import type { CarePlan } from "fhir/r4";
import type { Confirmations, ResourceRef, TaperPlan } from "@/lib/domain";
import { buildCarePlan, isPlanAgreed, PROPOSAL_IDENTIFIER_SYSTEM } from "@/lib/careplan";
import type { SmartSession } from "@/lib/smart/session-types";
import { isProposalRecord, type ProposalRecord } from "./guards";
import { usePersistentState } from "./persist";
import type { ClinicalView } from "./useClinicalView";

export type SaveState =
  | { kind: "idle" }
  | { kind: "preparing" }
  | { kind: "confirming"; carePlan: CarePlan; problems: string[] }
  | { kind: "saving"; carePlan: CarePlan }
  | { kind: "saved"; carePlan: CarePlan; id: string | null; message: string }
  /** `retryable` false: trying again from this window cannot succeed (the session is over, or another patient). */
  | { kind: "failed"; carePlan: CarePlan; message: string; detail: string | null; retryable: boolean };

/**
 * One plan state for every screen: nothing saved yet; the plan on screen is the one saved in the
 * chart; or it was saved and has been edited since (the handout and print view are then not the
 * saved plan until it is saved again).
 */
export type PlanSaveState = "unsaved" | "saved" | "changed-since-saved";

export interface CarePlanSave {
  state: SaveState;
  planState: PlanSaveState;
  proposal: ProposalRecord | null;
  /** Build and validate the CarePlan, then show it for confirmation. */
  prepare: () => void;
  /** The explicit confirmation: one write. */
  confirm: () => void;
  cancel: () => void;
  /** The CarePlan as built now (for download and print even when saving is not possible). */
  build: () => CarePlan;
}

function fingerprint(plan: TaperPlan, confirmations: Confirmations): string {
  return JSON.stringify([plan.options, plan.startMmePerDay, plan.steps.length, confirmations]);
}

function newIdentifier(): string {
  return `urn:uuid:${crypto.randomUUID()}`;
}

export function useCarePlanSave(session: SmartSession, view: ClinicalView, plan: TaperPlan | null, confirmations: Confirmations): CarePlanSave {
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const [proposal, setProposal] = usePersistentState<ProposalRecord | null>("proposal", session.patientId, () => null, isProposalRecord);
  const inFlight = useRef(false);

  const identifierFor = useCallback((p: TaperPlan): string => {
    const fp = fingerprint(p, confirmations);
    if (proposal && proposal.fingerprint === fp) return proposal.identifier;
    const identifier = newIdentifier();
    setProposal({ identifier, fingerprint: fp, savedId: null, saved: false });
    return identifier;
  }, [confirmations, proposal, setProposal]);

  const build = useCallback((): CarePlan => {
    if (!plan) throw new Error("no plan to build");
    const patientRef: ResourceRef = `Patient/${session.patientId}`;
    return buildCarePlan(plan, {
      patientRef,
      ...(session.encounterId ? { encounterRef: `Encounter/${session.encounterId}` } : {}),
      ...(session.user?.reference ? { authorRef: session.user.reference } : {}),
      created: new Date().toISOString(),
      identifier: { system: PROPOSAL_IDENTIFIER_SYSTEM, value: identifierFor(plan) },
      mme: view.mme,
      readiness: view.readiness,
      confirmations,
      intent: session.issuer.carePlanIntent,
      // Agreed with the patient (the checklist, the condition to save): a plan in effect, PainTreatmentCarePlan.
      agreed: isPlanAgreed(confirmations),
    });
  }, [plan, session, view, confirmations, identifierFor]);

  const prepare = useCallback(() => {
    if (!plan) return;
    setState({ kind: "preparing" });
    const carePlan = build();
    import("@/lib/fhir/careplan")
      .then(({ validateCarePlan }) => validateCarePlan(carePlan))
      .then(
        (v) => setState({ kind: "confirming", carePlan, problems: v.issues.filter((i) => i.severity === "error").map((i) => `${i.path}: ${i.message}`) }),
        () => setState({ kind: "confirming", carePlan, problems: ["The CarePlan could not be checked before saving (the validator did not load). Try again."] }),
      );
  }, [plan, build]);

  const confirm = useCallback(() => {
    if (state.kind !== "confirming" || state.problems.length > 0 || inFlight.current) return;
    inFlight.current = true;
    const carePlan = state.carePlan;
    setState({ kind: "saving", carePlan });
    import("@/lib/fhir/careplan")
      .then(({ saveCarePlan }) => saveCarePlan(session.transport, carePlan, { patientRef: `Patient/${session.patientId}` }))
      .then((outcome) => {
        if (outcome.kind === "created" || outcome.kind === "already-saved") {
          const identifier = carePlan.identifier?.[0]?.value ?? "";
          setProposal({ identifier, fingerprint: plan ? fingerprint(plan, confirmations) : (proposal?.fingerprint ?? ""), savedId: outcome.id, saved: true });
          setState({ kind: "saved", carePlan, id: outcome.id, message: outcome.message });
        } else if (outcome.kind === "invalid") {
          setState({ kind: "failed", carePlan, message: outcome.message, detail: outcome.issues.map((i) => i.message).join(" "), retryable: true });
        } else {
          const retryable = outcome.reason !== "careplan.save.unauthorized" && outcome.reason !== "careplan.save.patient-mismatch";
          setState({ kind: "failed", carePlan, message: outcome.message, detail: outcome.operationOutcomeText, retryable });
        }
      }, () => setState({ kind: "failed", carePlan, message: "The plan could not be saved: the app did not finish the request. Nothing is lost: retry, download or print it.", detail: null, retryable: true }))
      .finally(() => {
        inFlight.current = false;
      });
  }, [state, session, proposal, setProposal, plan, confirmations]);

  const cancel = useCallback(() => setState({ kind: "idle" }), []);
  const planState: PlanSaveState = !proposal?.saved ? "unsaved" : plan && proposal.fingerprint === fingerprint(plan, confirmations) ? "saved" : "changed-since-saved";
  return { state, planState, proposal, prepare, confirm, cancel, build };
}
