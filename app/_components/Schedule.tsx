"use client";
import { Fragment, useState } from "react";
import type { TaperPlan, TaperStep } from "@/lib/domain";
import { fmtDate, fmtMme, fmtNumber, fmtQuantity, plainText } from "./format";
import { shortProductLabel } from "@/lib/taper";

const KIND_LABEL: Record<TaperStep["kind"], string> = {
  start: "Current dose",
  reduce: "Reduce",
  pause: "Pause",
  hold: "Hold",
  "extend-interval": "Fewer doses a day",
  switch: "Switch to immediate release",
  stop: "Stop",
};

const SHOWN_FIRST = 6;

/**
 * The schedule as a table: one row per step, with dates, doses, MME and units to dispense.
 * A long schedule shows its first steps and the last one, with a button for all of them (the
 * sidebar is narrow; the save checklist sits below).
 */
export function ScheduleTable({ plan }: { plan: TaperPlan }) {
  const [all, setAll] = useState(false);
  const long = plan.steps.length > SHOWN_FIRST + 2;
  const steps = !long || all ? plan.steps : [...plan.steps.slice(0, SHOWN_FIRST), ...plan.steps.slice(-1)];
  return (
    <>
    <div className="table-scroll" role="region" aria-label="Taper schedule" tabIndex={0}>
      <table className="schedule" data-testid="schedule">
        <caption className="sr-only">Taper schedule, {plan.steps.length} steps</caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">From</th>
            <th scope="col">Dose</th>
            <th scope="col">MME/day</th>
            <th scope="col">Dispense</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s, i) => (
            <Fragment key={s.index}>
            {long && !all && i === SHOWN_FIRST && (
              <tr className="schedule-gap">
                <td colSpan={5}>… {plan.steps.length - SHOWN_FIRST - 1} more steps …</td>
              </tr>
            )}
            <tr data-testid="schedule-row" data-kind={s.kind}>
              <th scope="row" data-label="Step">
                {s.index} <span className="muted small">{KIND_LABEL[s.kind]}</span>
              </th>
              <td data-label="From">{fmtDate(s.start)}</td>
              <td data-label="Dose">
                {s.products.map((p) => (
                  <div key={p.key} data-testid="schedule-instruction" data-change={p.change}>{p.scheduleText}</div>
                ))}
                {s.products.every((p) => p.administrationsPerDay === 0) && <div>No opioid</div>}
                {s.intervals > 1 && <div className="small"><strong>Kept {s.intervals} {intervalWord(plan)}s.</strong></div>}
                {s.rate.differences.length > 0 && (
                  <ul className="muted small step-why" data-testid="step-why" aria-label="Why this step differs from the nominal rate">
                    {s.rate.differences.map((d) => <li key={d.code} data-code={d.code}>{plainText(d.sentence)}</li>)}
                  </ul>
                )}
              </td>
              <td data-testid="schedule-mme" data-label="MME/day">
                {fmtMme(s.totalMmePerDay)} <span className="muted small">({fmtNumber(s.percentOfStart)} %)</span>
              </td>
              <td data-label="Dispense">
                {mergeDispense(s).map((d) => (
                  <div key={d.label} title={d.title}>
                    {fmtQuantity(d.quantity, d.unit)} {d.label}
                  </div>
                ))}
              </td>
            </tr>
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
    {long && (
      <div className="actions no-print">
        <button type="button" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? "Show fewer steps" : `Show all ${plan.steps.length} steps`}
        </button>
      </div>
    )}
    </>
  );
}

function intervalWord(plan: TaperPlan): string {
  return plan.options.interval.count === 1 ? plan.options.interval.unit : `${plan.options.interval.count}-${plan.options.interval.unit}`;
}

/** Dispense lines of a step, same product added up (a split daily dose lists a product twice). */
function mergeDispense(step: TaperStep): { label: string; title: string; quantity: number; unit: string }[] {
  const out = new Map<string, { label: string; title: string; quantity: number; unit: string }>();
  for (const d of step.products.flatMap((p) => p.dispense)) {
    const key = `${d.rxnorm ?? d.display}|${d.unit}`;
    const found = out.get(key);
    if (found) found.quantity += d.quantity;
    else out.set(key, { label: shortProductLabel(d.rxnorm, d.display), title: d.display, quantity: d.quantity, unit: d.unit });
  }
  return [...out.values()];
}

/** Warnings from the plan engine (methadone, fentanyl, rate beyond guidance...). */
export function PlanWarnings({ plan }: { plan: TaperPlan }) {
  if (plan.warnings.length === 0 && plan.notTapered.length === 0) return null;
  return (
    <div className="warnings" role="note" aria-label="Plan warnings">
      <ul>
        {plan.warnings.map((w) => (
          <li key={w.code} data-testid="plan-warning" data-code={w.code}>{plainText(w.message)}</li>
        ))}
        {plan.notTapered.map((n) => (
          <li key={n.display}>{n.display}: {n.reason}</li>
        ))}
      </ul>
    </div>
  );
}

/** Follow-up and monitoring, as the plan lists them (collapsed: long lists, read once). */
export function FollowUpList({ plan }: { plan: TaperPlan }) {
  return (
    <details className="followup">
      <summary>Follow-up ({plan.followUps.length} visits, at least monthly) and what to monitor</summary>
      <h3>Follow-up</h3>
      <ul>
        {plan.followUps.slice(0, 6).map((f) => (
          <li key={`${f.date}-${f.purpose}`}>{fmtDate(f.date)}: {f.purpose}</li>
        ))}
        {plan.followUps.length > 6 && <li className="muted">… and {plan.followUps.length - 6} more, at least monthly until {fmtDate(plan.endDate)}</li>}
      </ul>
      <h3>Monitor</h3>
      <ul>
        {plan.monitoring.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    </details>
  );
}
