/**
 * Cautions that stop the plan (issue 21): a `blocks` gate means no proposed plan unless the
 * clinician recorded an override with its reason; a `requires-confirmation` gate needs the
 * clinician's confirmation. The gates come from readiness (OUD, pregnancy, cancer, palliative
 * care, sickle cell disease...) and from the regimen itself: a current order of medication for
 * opioid use disorder holds the plan of any other opioid (CDC 2022 Rec 12). Whether a decision
 * releases a gate is readiness's rule (`resolves`, lib/taper/readiness/gates.ts). The plan records
 * every gate it passed and the decision that released it (`TaperPlan.cautions`, the CarePlan).
 */
import type { GateDecision, PlanCaution, PlanGate, PlanRefusal } from "@/lib/domain";
import { cdc22Rec, HHS_2019 } from "../citations";
import { resolves } from "../readiness/gates";
import { OUD_TREATMENT_INSTEAD, type Regimen } from "../regimen";

/** The gate a current order of medication for opioid use disorder raises for the rest of the plan. */
export function regimenGates(regimen: Regimen): PlanGate[] {
  if (regimen.oudTreatment.length === 0) return [];
  return [{
    findingId: "caution.oud",
    kind: "blocks",
    title: "Medication for opioid use disorder",
    reason: `${regimen.oudTreatment.map((o) => o.display).join("; ")}: current medication for opioid use disorder. CDC 2022 Rec 12 and HHS 2019: offer or continue medication for opioid use disorder; do not taper it as if it were a pain medicine.`,
    instead: OUD_TREATMENT_INSTEAD,
    citations: [cdc22Rec(12, "offer or arrange medication for opioid use disorder"), HHS_2019],
  }];
}

/** Gates merged by finding id (the regimen's and readiness's OUD gates are one), in order. */
export function mergeGates(...lists: PlanGate[][]): PlanGate[] {
  const out: PlanGate[] = [];
  for (const gate of lists.flat()) {
    const found = out.findIndex((g) => g.findingId === gate.findingId);
    if (found === -1) out.push(gate);
    else if (gate.kind === "blocks" && out[found]?.kind !== "blocks") out[found] = gate;
  }
  return out;
}

/** The refusal while gates are open (null when every gate is resolved), and the cautions the plan records. */
export function evaluateGates(gates: PlanGate[], decisions: GateDecision[]): { refusal: PlanRefusal | null; cautions: PlanCaution[] } {
  const open = gates.filter((g) => !decisions.some((d) => resolves(g, d)));
  const cautions = gates.flatMap((g): PlanCaution[] => {
    const decision = decisions.find((d) => resolves(g, d));
    if (decision === undefined) return [];
    return [{ findingId: g.findingId, kind: g.kind, title: g.title, reason: g.reason, ask: g.kind === "blocks" ? g.instead : g.confirm, decision: { kind: decision.kind, reason: decision.reason.trim() } }];
  });
  if (open.length === 0) return { refusal: null, cautions };
  const lines = open.map((g) => (g.kind === "blocks" ? `${g.title}: ${g.reason} Instead: ${g.instead}` : `${g.title}: ${g.reason} Confirm: ${g.confirm}`));
  const how = open.some((g) => g.kind === "blocks")
    ? " The clinician may still plan where the guideline allows, only with an override and its reason recorded (it is written into the CarePlan)."
    : "";
  return { refusal: { code: "taper.gated", message: `No taper is proposed. ${lines.join(" ")}${how}`, gates: open }, cautions };
}
