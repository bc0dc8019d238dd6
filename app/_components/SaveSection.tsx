"use client";
import { useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import type { CarePlan, Patient } from "fhir/r4";
import type { Confirmations, MmeResult, ReadinessResult, TaperPlan } from "@/lib/domain";
import { buildPrintedPlan, carePlanJsonForDownload, renderXhtml } from "@/lib/careplan";
import type { CarePlanSave } from "@/lib/hooks/useCarePlanSave";
import type { PatientState } from "@/lib/hooks/usePatientRecord";
import { downloadText, printTarget } from "./browser-actions";
import { checklistComplete, ConfirmChecklist } from "./ConfirmChecklist";
import { fmtDate } from "./format";
import { deceasedText, patientMrn, patientName } from "./patient-identity";

export interface SaveSectionProps {
  plan: TaperPlan | null;
  confirmations: Confirmations;
  onConfirmationsChange: (c: Confirmations) => void;
  save: CarePlanSave;
  canWrite: { allowed: boolean; reason: string | null };
  patient: PatientState;
  minDate: string;
  /** The MME and readiness results the plan was made from (the printed plan lists them). */
  view: { mme: MmeResult; readiness: ReadinessResult };
}

/** The checklist, then save to chart with an explicit confirmation; download and print always available. */
export function SaveSection(props: SaveSectionProps) {
  const { plan, confirmations, save, canWrite } = props;
  const [narrative, setNarrative] = useState<string | null>(null);
  const print = () => {
    if (!plan) return;
    const p = props.patient.status === "ready" ? props.patient.patient : null;
    const header = {
      patientName: p ? patientName(p) : null, birthDate: p?.birthDate ? fmtDate(p.birthDate) : null, mrn: p ? patientMrn(p) : null,
      clinician: null, printedOn: fmtDate(new Date().toISOString()),
    };
    setNarrative(renderXhtml(buildPrintedPlan(plan, { ...props.view, confirmations }, header)));
    setTimeout(() => printTarget("careplan"), 0);
  };
  const complete = checklistComplete(confirmations);
  const busy = save.state.kind === "preparing" || save.state.kind === "saving";
  return (
    <section aria-labelledby="save-heading">
      <h2 id="save-heading">Agree and save</h2>
      <ConfirmChecklist value={confirmations} onChange={props.onConfirmationsChange} minDate={props.minDate} />
      {!canWrite.allowed && (
        <p className="note-box" data-testid="cannot-save">{canWrite.reason ?? "This EHR does not allow the app to save care plans."} You can still download or print the plan.</p>
      )}
      <div className="actions no-print">
        <button type="button" className="primary" data-testid="review-save"
          disabled={!plan || !complete || !canWrite.allowed || busy || save.state.kind === "confirming"}
          onClick={save.prepare}>
          Review and save to chart…
        </button>
        <button type="button" disabled={!plan} onClick={() => { const d = carePlanJsonForDownload(save.build()); downloadText(d.fileName, d.mimeType, d.text); }}>
          Download CarePlan (JSON)
        </button>
        <button type="button" disabled={!plan} onClick={print}>Print plan</button>
      </div>
      {plan && !complete && canWrite.allowed && <p className="muted small">Saving is possible once every item above is checked and a follow-up date is set.</p>}
      <SaveStatus {...props} />
      {narrative !== null && createPortal(
        <div data-print-target="careplan" data-testid="printable-careplan" className="narrative printed-plan" dangerouslySetInnerHTML={{ __html: narrative }} />,
        document.body,
      )}
    </section>
  );
}

function PatientIdentity({ patient }: { patient: PatientState }) {
  if (patient.status !== "ready") return <p className="note-box">Patient details could not be shown: check in the EHR that this is the right patient.</p>;
  const p: Patient = patient.patient;
  const deceased = deceasedText(p);
  return <p data-testid="confirm-patient"><strong>Patient:</strong> {patientName(p) ?? "name not recorded"}, born {fmtDate(p.birthDate)}{deceased ? `, ${deceased.toLowerCase()}` : ""}</p>;
}

/** Moves keyboard focus to the element when it appears (the dialog, the save result). */
function useFocusOnMount<T extends HTMLElement>(): React.RefObject<T | null> {
  const ref = useRef<T | null>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}

function ConfirmDialog({ children }: { children: React.ReactNode }) {
  const ref = useFocusOnMount<HTMLDivElement>();
  return (
    <div ref={ref} tabIndex={-1} className="dialog" role="dialog" aria-modal="false" aria-labelledby="confirm-title" data-testid="confirm-dialog">
      {children}
    </div>
  );
}

function SavedResult({ save }: { save: CarePlanSave }) {
  const ref = useFocusOnMount<HTMLDivElement>();
  const s = save.state;
  if (s.kind !== "saved") return null;
  const changed = save.planState === "changed-since-saved";
  return (
    <div ref={ref} tabIndex={-1} className={changed ? "note-box" : "success"} role="status" data-testid="save-result" data-careplan-id={s.id ?? ""} data-plan-state={save.planState}>
      {changed ? (
        <p>
          <strong>Changed since saved:</strong> the plan on screen is not the one saved in the chart (the handout and the
          printed plan follow the screen). Save again to replace it, or reset your changes.
        </p>
      ) : (
        <p>{s.message.replace(/ as CarePlan\/[^\s;.]+/g, "")}</p>
      )}
      {s.id && (
        <details className="tech-details">
          <summary>Technical details</summary>
          <p className="small">CarePlan id <code>{s.id}</code></p>
        </details>
      )}
    </div>
  );
}

function SaveStatus({ save, patient, canWrite }: SaveSectionProps) {
  const s = save.state;
  if (s.kind === "preparing") return <p role="status">Checking the plan before saving…</p>;
  if (s.kind === "confirming" || s.kind === "saving") {
    return (
      <ConfirmDialog>
        <h3 id="confirm-title">Save this plan to the chart?</h3>
        <PatientIdentity patient={patient} />
        <WhatWillBeWritten carePlan={s.carePlan} />
        {s.kind === "confirming" && s.problems.length > 0 && (
          <div className="problem" role="alert">
            <p><strong>The CarePlan is not valid, so it will not be sent:</strong></p>
            <ul>{s.problems.map((p) => <li key={p}>{p}</li>)}</ul>
          </div>
        )}
        <div className="actions">
          <button type="button" className="primary" data-testid="confirm-save" onClick={save.confirm}
            disabled={s.kind === "saving" || (s.kind === "confirming" && s.problems.length > 0)}>
            {s.kind === "saving" ? "Saving…" : "Save to chart"}
          </button>
          <button type="button" onClick={save.cancel} disabled={s.kind === "saving"}>Cancel</button>
        </div>
      </ConfirmDialog>
    );
  }
  if (s.kind === "saved") return <SavedResult save={save} />;
  if (s.kind === "failed") {
    return (
      <div className="problem" role="alert" data-testid="save-error">
        <p>{s.message}</p>
        {s.detail && !s.message.includes(s.detail) && <p className="small">Details: {s.detail}</p>}
        {s.retryable && canWrite.allowed ? (
          <>
            <p className="small">Nothing you entered is lost. Retry, or download or print the plan.</p>
            <button type="button" onClick={save.prepare}>Retry…</button>
          </>
        ) : (
          <p className="small">Nothing you entered is lost: download or print the plan with the buttons above.</p>
        )}
      </div>
    );
  }
  return null;
}

function WhatWillBeWritten({ carePlan }: { carePlan: CarePlan }) {
  return (
    <>
      <p>
        The care plan “{carePlan.title}”, from {fmtDate(carePlan.period?.start)} to {fmtDate(carePlan.period?.end)}, is
        added to the patient’s chart as {carePlan.status === "active" ? "an active plan" : `a ${carePlan.status ?? "draft"} plan`}.
      </p>
      {carePlan.description && <p className="small">{carePlan.description}</p>}
      <details className="tech-details">
        <summary>Technical details</summary>
        <p className="small">
          FHIR CarePlan, status {carePlan.status}, intent {carePlan.intent}, {carePlan.activity?.length ?? 0} activities.
        </p>
        <pre className="json-preview">{JSON.stringify(carePlan, null, 2)}</pre>
      </details>
    </>
  );
}
