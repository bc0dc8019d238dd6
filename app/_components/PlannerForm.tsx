"use client";
import { useId } from "react";
import type { RegimenItem, TaperBasis, TaperIntervalUnit, TaperOptions } from "@/lib/domain";
import { fmtMme } from "./format";
import { NumberField } from "./NumberField";

const BASES: readonly TaperBasis[] = ["original", "current", "two-phase"];
const BASIS_LABEL: Record<TaperBasis, string> = {
  original: "A fixed step of the starting dose (linear)",
  current: "A percentage of the current dose (slower near the end)",
  "two-phase": "Weekly protocol: 10 % of the original until ~30 % remains, then 10 % of what remains",
};

/** Taper options the clinician can change. Controlled: props in, `onChange` out. */
export function PlannerForm({ options, regimen, onChange }: { options: TaperOptions; regimen: RegimenItem[]; onChange: (next: TaperOptions) => void }) {
  const id = useId();
  const set = (patch: Partial<TaperOptions>) => onChange({ ...options, ...patch });
  return (
    <form className="planner-form" onSubmit={(e) => e.preventDefault()} aria-label="Taper options">
      <div className="field-row">
        <label htmlFor={`${id}-rate`}>Reduction per step (%)</label>
        <NumberField id={`${id}-rate`} inputMode="decimal" min={1} max={50} step={1} value={options.ratePercent}
          valid={(v) => v > 0} onValue={(v) => set({ ratePercent: v })} />
      </div>
      <fieldset className="field-row">
        <legend>Every</legend>
        <label className="sr-only" htmlFor={`${id}-count`}>Interval length</label>
        <NumberField id={`${id}-count`} min={1} max={90} value={options.interval.count} className="narrow"
          valid={(v) => Number.isInteger(v) && v >= 1} onValue={(v) => set({ interval: { ...options.interval, count: v } })} />
        <label className="sr-only" htmlFor={`${id}-unit`}>Interval unit</label>
        <select id={`${id}-unit`} value={options.interval.unit} onChange={(e) => set({ interval: { ...options.interval, unit: toUnit(e.target.value) } })}>
          <option value="day">days</option>
          <option value="week">weeks</option>
          <option value="month">months</option>
        </select>
      </fieldset>
      <div className="field-row">
        <label htmlFor={`${id}-basis`}>Step size</label>
        <select id={`${id}-basis`} value={options.basis} onChange={(e) => set({ basis: toBasis(e.target.value) })}>
          {BASES.map((b) => (
            <option key={b} value={b}>{BASIS_LABEL[b]}</option>
          ))}
        </select>
      </div>
      <fieldset className="field-row">
        <legend>Goal</legend>
        <label className="inline">
          <input type="radio" name={`${id}-target`} checked={options.target.kind === "mme"}
            onChange={() => set({ target: { kind: "mme", mmePerDay: options.target.kind === "mme" ? options.target.mmePerDay : 50 } })} />
          Lower dose
        </label>
        {options.target.kind === "mme" && (
          <>
            <label className="sr-only" htmlFor={`${id}-target-mme`}>Target MME per day</label>
            <NumberField id={`${id}-target-mme`} min={0} className="narrow" value={options.target.mmePerDay}
              valid={(v) => v >= 0} onValue={(v) => set({ target: { kind: "mme", mmePerDay: v } })} />
            <span aria-hidden="true">MME/day</span>
          </>
        )}
        <label className="inline">
          <input type="radio" name={`${id}-target`} checked={options.target.kind === "discontinue"} onChange={() => set({ target: { kind: "discontinue" } })} />
          Stop (discontinue)
        </label>
      </fieldset>
      {regimen.length > 1 && <ProductOrder options={options} regimen={regimen} onChange={set} />}
      <div className="field-row">
        <label htmlFor={`${id}-start`}>Start date</label>
        <input id={`${id}-start`} type="date" value={options.startDate} onChange={(e) => { if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value)) set({ startDate: e.target.value }); }} />
      </div>
      <Pauses options={options} onChange={set} />
      {regimen.some((r) => r.product.release === "ER/LA" && r.product.ingredients[0]?.ingredient !== "methadone" && r.product.doseForm === "oral-solid") && (
        <div className="field-row">
          <label htmlFor={`${id}-er`}>At the lowest extended-release strength</label>
          <select id={`${id}-er`} value={options.erAtLowest} onChange={(e) => set({ erAtLowest: e.target.value === "stop" ? "stop" : "switch-to-ir" })} data-testid="er-at-lowest">
            <option value="switch-to-ir">Switch to immediate release, then continue</option>
            <option value="stop">Stop</option>
          </select>
        </div>
      )}
      {regimen.some((r) => r.product.ingredients[0]?.ingredient === "methadone") && <MethadoneFaster options={options} onChange={set} />}
      <RapidTaper options={options} onChange={set} />
    </form>
  );
}

function MethadoneFaster({ options, onChange }: { options: TaperOptions; onChange: (p: Partial<TaperOptions>) => void }) {
  const id = useId();
  return (
    <fieldset className="field-row">
      <legend>Methadone</legend>
      <label className="inline">
        <input type="checkbox" checked={options.methadoneFaster !== null} onChange={(e) => onChange({ methadoneFaster: e.target.checked ? { reason: "" } : null })} data-testid="methadone-faster" />
        Change methadone more often than every 2 weeks (long, variable half-life: not recommended)
      </label>
      {options.methadoneFaster !== null && (
        <>
          <label htmlFor={`${id}-reason`}>Reason (required; shown as a warning in the plan and the CarePlan)</label>
          <input id={`${id}-reason`} type="text" value={options.methadoneFaster.reason} maxLength={300} onChange={(e) => onChange({ methadoneFaster: { reason: e.target.value } })} />
        </>
      )}
    </fieldset>
  );
}

function ProductOrder({ options, regimen, onChange }: { options: TaperOptions; regimen: RegimenItem[]; onChange: (p: Partial<TaperOptions>) => void }) {
  const order = options.productOrder ?? [...regimen].sort((a, b) => b.mmePerDay - a.mmePerDay).map((r) => r.key);
  const move = (index: number, delta: number) => {
    const next = [...order];
    const [item] = next.splice(index, 1);
    if (item === undefined) return;
    next.splice(index + delta, 0, item);
    onChange({ productOrder: next });
  };
  return (
    <fieldset className="field-row">
      <legend>Which opioid first (one at a time)</legend>
      <ol className="product-order">
        {order.map((key, i) => {
          const item = regimen.find((r) => r.key === key);
          if (!item) return null;
          return (
            <li key={key}>
              <span>{item.product.name} ({fmtMme(item.mmePerDay)} MME/day)</span>
              <button type="button" onClick={() => move(i, -1)} disabled={i === 0} aria-label={`Move ${item.product.name} earlier`}>↑</button>
              <button type="button" onClick={() => move(i, 1)} disabled={i === order.length - 1} aria-label={`Move ${item.product.name} later`}>↓</button>
            </li>
          );
        })}
      </ol>
    </fieldset>
  );
}

function Pauses({ options, onChange }: { options: TaperOptions; onChange: (p: Partial<TaperOptions>) => void }) {
  const id = useId();
  const pause = options.pauses[0];
  return (
    <fieldset className="field-row">
      <legend>Pause</legend>
      <label className="inline">
        <input type="checkbox" checked={pause !== undefined} onChange={(e) => onChange({ pauses: e.target.checked ? [{ atStep: 3, intervals: 1 }] : [] })} />
        Hold the dose for a while
      </label>
      {pause && (
        <>
          <label htmlFor={`${id}-at`}>after step</label>
          <input id={`${id}-at`} type="number" min={1} className="narrow" value={pause.atStep}
            onChange={(e) => { const v = Math.round(Number(e.target.value)); if (v >= 1) onChange({ pauses: [{ ...pause, atStep: v }] }); }} />
          <label htmlFor={`${id}-for`}>for (intervals)</label>
          <input id={`${id}-for`} type="number" min={1} className="narrow" value={pause.intervals}
            onChange={(e) => { const v = Math.round(Number(e.target.value)); if (v >= 1) onChange({ pauses: [{ ...pause, intervals: v }] }); }} />
        </>
      )}
    </fieldset>
  );
}

function RapidTaper({ options, onChange }: { options: TaperOptions; onChange: (p: Partial<TaperOptions>) => void }) {
  const id = useId();
  return (
    <fieldset className="field-row">
      <legend>Safety-driven rapid taper</legend>
      <label className="inline">
        <input type="checkbox" checked={options.rapidTaper !== null} onChange={(e) => onChange({ rapidTaper: e.target.checked ? { reason: "" } : null })} />
        Faster than the guidance is needed for safety (record the reason)
      </label>
      {options.rapidTaper !== null && (
        <>
          <label htmlFor={`${id}-reason`}>Reason (required)</label>
          <input id={`${id}-reason`} type="text" value={options.rapidTaper.reason} maxLength={300} onChange={(e) => onChange({ rapidTaper: { reason: e.target.value } })} />
        </>
      )}
    </fieldset>
  );
}

function toUnit(v: string): TaperIntervalUnit {
  return v === "day" || v === "month" ? v : "week";
}
function toBasis(v: string): TaperBasis {
  return v === "current" || v === "two-phase" ? v : "original";
}
