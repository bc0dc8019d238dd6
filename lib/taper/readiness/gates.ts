/**
 * Plan gates: the findings whose effect on the plan is `blocks` or `requires-confirmation`,
 * and whether the clinician's recorded decisions resolve them. The planner, the `plan`
 * command and the CDS service call `openGates`: any gate left open means no proposed plan.
 * - a `blocks` gate is resolved only by an `override` with a non-empty reason;
 * - a `requires-confirmation` gate by a `confirmed` (or an `override`) decision.
 * Sources: CDC 2022 Rec 12 (OUD), draft l.2436-2438, 2523-2528 (pregnancy), l.301-304,
 * 396-424 (scope: cancer, palliative, sickle cell), l.2613-2615 (suicide risk).
 */
import type { Finding, GateDecision, PlanGate } from "@/lib/domain";

/** One gate per finding whose effect is not `informs`, in the order of the findings. */
export function gatesOf(findings: readonly Finding[]): PlanGate[] {
  return findings.flatMap((f): PlanGate[] => {
    const base = { findingId: f.id, title: f.title, reason: f.sentence, citations: f.citations };
    switch (f.planEffect.kind) {
      case "blocks": return [{ ...base, kind: "blocks", instead: f.planEffect.instead }];
      case "requires-confirmation": return [{ ...base, kind: "requires-confirmation", confirm: f.planEffect.confirm }];
      case "informs": return [];
    }
  });
}

/** True when `decision` resolves `gate` (see the file header). */
export function resolves(gate: PlanGate, decision: GateDecision): boolean {
  if (decision.findingId !== gate.findingId) return false;
  if (decision.kind === "override") return decision.reason.trim() !== "";
  return gate.kind === "requires-confirmation";
}

/** The gates no decision resolves: a plan may be proposed only when this is empty. */
export function openGates(gates: readonly PlanGate[], decisions: readonly GateDecision[]): PlanGate[] {
  return gates.filter((g) => !decisions.some((d) => resolves(g, d)));
}

/**
 * The refusal the planner returns while gates are open: code `taper.gated`, and a message
 * with each gate's title and what to do instead (or what to confirm).
 */
export function gateRefusal(open: readonly PlanGate[]): { code: "taper.gated"; message: string } | null {
  if (open.length === 0) return null;
  const lines = open.map((g) => (g.kind === "blocks" ? `${g.title}: ${g.instead}` : `${g.title}: confirm that ${lowerFirst(g.confirm)}`));
  return { code: "taper.gated", message: `No taper is proposed. ${lines.join(" ")}` };
}

function lowerFirst(text: string): string {
  return text.length === 0 ? text : `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}
