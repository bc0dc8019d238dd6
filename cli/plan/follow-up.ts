/**
 * `plan <bundle.json> --patient <id> --follow-up [--as-of D]` (issue "Follow-up visits", item 5):
 * where the patient is on the taper plan in effect. The bundle holds the earlier CarePlan(s) and
 * the current orders; the answer is lib/careplan `followUpFromCarePlans` (the same call as the
 * app and the CDS card), printed as one JSON object.
 * Bad input is exit 2 with one sentence: no such patient; a CarePlan that cannot be read (not a
 * valid CarePlan, or the plan in effect's steps unreadable); CarePlans none of which is this
 * app's (another app's pain plan is never read as ours). Another app's plan beside ours is listed
 * in `ignored` and warned about on stderr.
 */
import type { FollowUpResult, IsoDate, UnreadableResource } from "@/lib/domain";
import { followUpFromCarePlans, readTaperCarePlans } from "@/lib/careplan";
import { roundTo } from "@/lib/domain/numbers";
import type { PlanArgs } from "./args";
import { readPatientResources, type PatientResources } from "./bundle";
import { currentMme } from "./current-mme";
import type { RunResult } from "./main";

const r2 = (x: number | null): number | null => (x === null ? null : roundTo(x, 2));
const bad = (sentence: string): RunResult => ({ code: 2, stdout: "", stderr: `plan --follow-up: ${sentence}\n` });

export function runFollowUp(args: PlanArgs, now: Date): RunResult {
  const read = readPatientResources(args.bundlePath, args.patientId, { carePlans: true });
  if (!read.ok) return bad(read.error);
  const res = read.resources;
  const broken = res.unreadableOther.find((u) => u.resourceType === "CarePlan");
  if (broken !== undefined) return bad(`${broken.reference ?? "a CarePlan"} cannot be read: ${broken.issues.join("; ")}`);
  const { plans, ignored } = readTaperCarePlans(res.carePlans);
  const others = ignored.filter((i) => i.reason === "not-this-app");
  if (plans.length === 0 && others.length > 0) return bad(others.map((o) => o.sentence).join(" "));
  const asOf = args.asOf ?? now.toISOString().slice(0, 10);
  const result = followUpFromCarePlans(res.carePlans, currentMme(res, asOf, args.factorTableId), asOf);
  const inEffect = plans.find((p) => p.reference === result.carePlan);
  if (inEffect !== undefined && !inEffect.staircase.ok) return bad(`the plan in effect, ${inEffect.reference}, cannot be read: ${inEffect.staircase.reason}`);
  const body = followUpJson(result, res, asOf, args.factorTableId);
  const warning = others.length > 0 ? `plan --follow-up: warning: ${others.map((o) => o.sentence).join(" ")}\n` : "";
  return { code: 0, stdout: `${JSON.stringify(body, null, 2)}\n`, stderr: warning };
}

/** The issue's required fields first, then the rest of the engine's result (numbers to 2 places). */
function followUpJson(f: FollowUpResult, res: PatientResources, asOf: IsoDate, factorTable: string): unknown {
  return {
    status: f.status,
    carePlan: f.carePlan,
    stepDue: f.stepDue,
    plannedMmePerDay: r2(f.plannedMmePerDay),
    currentMmePerDay: r2(f.currentMmePerDay),
    currentComplete: f.currentComplete,
    reasons: f.reasons,
    question: f.question,
    summary: f.summary,
    tone: f.tone,
    currentState: f.currentState,
    stepDueStart: f.stepDueStart,
    startMmePerDay: r2(f.startMmePerDay),
    heldAtStep: f.heldAtStep,
    tolerance: f.tolerance === null ? null : { mmePerDay: r2(f.tolerance.mmePerDay), sentence: f.tolerance.sentence },
    chain: f.chain.map((c) => ({ ...c, startMmePerDay: r2(c.startMmePerDay) })),
    ignored: f.ignored,
    patient: `Patient/${res.patientId}`,
    asOf,
    factorTable,
    unreadable: [...res.unreadableOrders, ...res.unreadableOther].map((u: UnreadableResource) => ({ reference: u.reference, issues: u.issues })),
  };
}
