/** The `schedule` JSON of the plan command: the issue's required fields first, more after. */
import type { Finding, MmeResult, PlanRefusal, TaperPlan, UnreadableResource } from "@/lib/domain";
import { roundTo } from "@/lib/domain/numbers";

const r2 = (x: number): number => roundTo(x, 2);

export function scheduleJson(plan: TaperPlan, findings: Finding[], mme: MmeResult, patientId: string, unreadable: UnreadableResource[]): unknown {
  return {
    startMmePerDay: r2(plan.startMmePerDay),
    steps: plan.steps.map((s) => ({
      start: s.start,
      totalMmePerDay: r2(s.totalMmePerDay),
      products: s.products.map((p) => ({
        rxnorm: p.rxnorm, display: p.display, administrationsPerDay: p.administrationsPerDay, mmePerDay: r2(p.mmePerDay),
        key: p.key, label: p.label, asNeeded: p.asNeeded, change: p.change, scheduleText: p.scheduleText, patientText: p.patientText,
        doses: p.doses, dispense: p.dispense,
      })),
      index: s.index, end: s.end, intervals: s.intervals, kind: s.kind, percentOfStart: r2(s.percentOfStart),
      rate: { nominalMmePerDay: r2(s.rate.nominalMmePerDay), removedMmePerDay: r2(s.rate.removedMmePerDay), differences: s.rate.differences },
      note: s.note,
    })),
    findings,
    patient: `Patient/${patientId}`,
    asOf: mme.asOf,
    factorTable: plan.factorTableId,
    targetMmePerDay: r2(plan.targetMmePerDay),
    endDate: plan.endDate,
    options: plan.options,
    rationale: plan.rationale,
    warnings: plan.warnings,
    notTapered: plan.notTapered,
    cautions: plan.cautions,
    actualUse: plan.actualUse,
    followUps: plan.followUps,
    monitoring: plan.monitoring,
    unreadable: unreadable.map((u) => ({ reference: u.reference, issues: u.issues })),
  };
}

export function refusalJson(refusal: PlanRefusal, findings: Finding[], mme: MmeResult, patientId: string): unknown {
  return { refusal, findings, patient: `Patient/${patientId}`, asOf: mme.asOf, mme: { state: mme.state, totalMmePerDay: mme.totalMmePerDay, incompleteReasons: mme.incompleteReasons } };
}
