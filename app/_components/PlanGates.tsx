"use client";
import { useId, useState } from "react";
import type { PlanCaution, GateDecision, PlanGate, TaperOptions } from "@/lib/domain";

/**
 * Cautions that hold the plan (issue 21): each open gate with its reason and what to do instead;
 * a `blocks` gate is released only by an override with a reason, a `requires-confirmation` gate
 * by the clinician's confirmation. Both are recorded in the CarePlan. Recorded decisions are
 * listed with a way to withdraw them.
 */
export function PlanGates({ open, recorded, options, onChange }: {
  open: PlanGate[];
  recorded: PlanCaution[];
  options: TaperOptions;
  onChange: (next: TaperOptions) => void;
}) {
  if (open.length === 0 && recorded.length === 0) return null;
  const record = (d: GateDecision) => onChange({ ...options, gateDecisions: [...options.gateDecisions.filter((x) => x.findingId !== d.findingId), d] });
  const withdraw = (findingId: string) => onChange({ ...options, gateDecisions: options.gateDecisions.filter((x) => x.findingId !== findingId) });
  return (
    <section className="plan-gates" aria-labelledby="plan-gates-heading" data-testid="plan-gates">
      <h2 id="plan-gates-heading">Cautions that hold the plan</h2>
      {open.map((g) => <OpenGate key={g.findingId} gate={g} onDecide={record} />)}
      {recorded.length > 0 && (
        <ul className="recorded-decisions">
          {recorded.map((c) => (
            <li key={c.findingId} data-testid="gate-decision" data-finding-id={c.findingId}>
              <strong>{c.title}:</strong> {c.decision.kind === "override" ? `planned anyway, reason: ${c.decision.reason}` : "confirmed"} (recorded in the CarePlan).{" "}
              <button type="button" className="link" onClick={() => withdraw(c.findingId)}>Withdraw</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function OpenGate({ gate, onDecide }: { gate: PlanGate; onDecide: (d: GateDecision) => void }) {
  const id = useId();
  const [reason, setReason] = useState("");
  return (
    <div className="problem gate" role="group" aria-labelledby={`${id}-title`} data-testid="open-gate" data-finding-id={gate.findingId} data-kind={gate.kind}>
      <p id={`${id}-title`}><strong>{gate.title}</strong>{gate.kind === "blocks" ? ": no taper is proposed." : ": confirm before a plan is proposed."}</p>
      <p>{gate.reason}</p>
      {gate.kind === "blocks" ? (
        <>
          <p><strong>Instead:</strong> {gate.instead}</p>
          <label htmlFor={`${id}-reason`}>To plan anyway where the guideline allows, the reason (recorded in the CarePlan)</label>
          <textarea id={`${id}-reason`} rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="override-reason" />
          <div className="actions">
            <button type="button" disabled={reason.trim() === ""} onClick={() => onDecide({ findingId: gate.findingId, kind: "override", reason: reason.trim() })} data-testid="override-record">
              Record override and plan
            </button>
          </div>
        </>
      ) : (
        <label className="inline">
          <input type="checkbox" onChange={(e) => { if (e.target.checked) onDecide({ findingId: gate.findingId, kind: "confirmed", reason: "" }); }} data-testid="gate-confirm" />
          {gate.confirm}
        </label>
      )}
    </div>
  );
}
