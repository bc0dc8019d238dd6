"use client";
import type { TaperPlan } from "@/lib/domain";
import type { Planner } from "@/lib/hooks/usePlanner";
import type { ClinicalView } from "@/lib/hooks/useClinicalView";
import { fmtMme, fmtNumber, plainText } from "./format";
import { durationQuestion } from "@/lib/taper";
import { PlanGates } from "./PlanGates";
import { PlanInputs } from "./PlanInputs";
import { PlannerForm } from "./PlannerForm";
import { FollowUpList, PlanWarnings, ScheduleTable } from "./Schedule";
import { TimeChart } from "./TimeChart";

/** The planner: options, the proposed schedule (table and chart), its warnings and follow-up. */
export function PlannerPanel({ view, planner, children }: { view: ClinicalView; planner: Planner; children?: React.ReactNode }) {
  const { outcome } = planner;
  return (
    <div>
      <p className="muted small" data-testid="plan-rationale">{plainText(view.rationale)}</p>
      <PlanGates open={outcome.ok ? [] : (outcome.refusal.gates ?? [])} recorded={outcome.ok ? outcome.plan.cautions : []} options={planner.options} onChange={planner.setOptions} />
      <PlanInputs options={planner.options} items={view.regimen.items} durationSentence={durationQuestion(view.readiness)} onChange={planner.setOptions} />
      <div className="grid-2">
        <div>
          <h2>Options</h2>
          <PlannerForm options={planner.options} regimen={view.regimen.items} onChange={planner.setOptions} />
          <div className="actions">
            <button type="button" onClick={planner.resetOptions}>Reset to the guidance defaults</button>
          </div>
        </div>
        <div>
          <h2>Proposed schedule</h2>
          {planner.beyondGuidance && (
            <p className="problem" role="alert" data-testid="beyond-guidance">
              <strong>Faster than the guidance for this patient:</strong> this pace is about{" "}
              {fmtNumber(planner.beyondGuidance.chosenPercentPerWeek)} % of the dose a week; the guidance pace here is about{" "}
              {fmtNumber(planner.beyondGuidance.guidancePercentPerWeek)} % a week (slower is better tolerated after long use,
              CDC 2022, Recommendation 5). To use it, tick “Safety-driven rapid taper” and record the reason; otherwise reset to
              the guidance defaults. It cannot be saved or handed out until then.
            </p>
          )}
          {outcome.ok ? (
            <PlanSummary plan={outcome.plan} />
          ) : (
            <p className="problem" role="alert" data-testid="plan-refusal" data-code={outcome.refusal.code}>
              <strong>No plan proposed:</strong> {plainText(outcome.refusal.message)}
            </p>
          )}
        </div>
      </div>
      {outcome.ok && (
        <>
          <ScheduleTable plan={outcome.plan} />
          <FollowUpList plan={outcome.plan} />
        </>
      )}
      {children}
    </div>
  );
}

function PlanSummary({ plan }: { plan: TaperPlan }) {
  const last = plan.steps[plan.steps.length - 1];
  return (
    <>
      <p data-testid="plan-summary">
        From <strong>{fmtMme(plan.startMmePerDay)} MME/day</strong> to{" "}
        <strong>{plan.targetMmePerDay === 0 ? "stopping" : `${fmtMme(plan.targetMmePerDay)} MME/day`}</strong> in{" "}
        {plan.steps.length - 1} steps, ending {plan.endDate}.
        {last && last.totalMmePerDay > plan.targetMmePerDay ? ` The last step is ${fmtMme(last.totalMmePerDay)} MME/day.` : ""}
      </p>
      <PlanWarnings plan={plan} />
      <TimeChart
        series={{ id: "plan", label: "Planned MME/day", unit: "MME/day", kind: "step", points: plan.steps.map((s) => ({ date: s.start, value: s.totalMmePerDay })) }}
        from={plan.steps[0]?.start ?? plan.options.startDate}
        to={plan.endDate}
        height={110}
        caption={`${plan.steps.length} steps from ${fmtMme(plan.startMmePerDay)} MME/day.`}
      />
    </>
  );
}
