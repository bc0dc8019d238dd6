/**
 * The MME card of the order-sign service: the total MME/day the patient will be on once the
 * draft orders are signed (lib/mme), said plainly when incomplete ("at least N") and never
 * "below 50" unless every current order was computed. The 50 and 90 MME/day bands come from
 * the engine's `bands` (lib/mme/constants.ts) and are worded as points to reassess, not
 * mandates (CDC 2022 supporting text; thresholds must never force a rapid taper, Rec 5).
 */
import type { MmeResult } from "@/lib/domain";
import { formatMme } from "@/lib/mme";
import type { CdsAssessment } from "../assess";
import type { CdsEvaluationInput } from "../inputs";
import { CDC_2022_SOURCE, OVERRIDE_REASONS } from "../sources";
import { md, plural, summaryText } from "../text";
import type { CdsCard, CdsIndicator } from "../types";
import { isOpioidOrder, orderLine, plannerLink, taperWordingAllowed } from "./common";

const BANDS_NOTE =
  "50 and 90 MME/day are points to pause and reassess benefits and risks (CDC 2022), not limits or mandates; " +
  "a dose threshold is never a reason for an abrupt or rapid taper (CDC 2022 Recommendation 5).";

function headline(mme: MmeResult, total: number, withDrafts: boolean): { text: string; indicator: CdsIndicator } | null {
  const scope = withDrafts ? " with this order" : "";
  const value = `${formatMme(total)} MME/day`;
  if (mme.state === "incomplete") {
    const failed = mme.orders.filter((o) => o.status === "not-computable").length;
    const why = failed > 0 ? `${plural(failed, "order")} could not be computed` : "the medication list was not complete";
    const band = mme.bands.atOrAbove90 ? ", already at or above 90" : mme.bands.atOrAbove50 ? ", already at or above 50" : "";
    if (total <= 0) return { text: `Total MME/day${scope} not known: ${why}`, indicator: "info" };
    return { text: `At least ${value}${scope}${band}: ${why}`, indicator: mme.bands.atOrAbove50 ? "warning" : "info" };
  }
  if (mme.bands.atOrAbove90) return { text: `Total ${value}${scope}: at or above 90, a point to reassess (CDC 2022)`, indicator: "warning" };
  if (mme.bands.atOrAbove50) return { text: `Total ${value}${scope}: at or above 50, a point to reassess (CDC 2022)`, indicator: "info" };
  return null;
}

function detail(mme: MmeResult, draftRefs: readonly string[], taperAllowed: boolean): string {
  const lines = mme.orders.filter(isOpioidOrder).map((o) => orderLine(o, draftRefs.includes(o.medicationRequest)));
  const parts = [`**Opioid orders** (conversion factors ${md(mme.factorTableId)}, as of ${mme.asOf}):`, ...lines];
  if (mme.state === "incomplete") {
    parts.push("", `The total is a floor: ${mme.incompleteReasons.map(md).join("; ")}. Check these orders before relying on the number.`);
  }
  parts.push("", BANDS_NOTE);
  if (taperAllowed) parts.push("If benefits no longer outweigh risks, the planner proposes a slow, individual taper of real doses.");
  return parts.join("\n");
}

/**
 * The MME card, or null when there is nothing to say: no opioid among the draft orders, the
 * list unknown, or a complete total below 50 MME/day.
 */
export function mmeCard(input: CdsEvaluationInput, a: CdsAssessment): CdsCard | null {
  const { mme } = a;
  if (mme.state === "unknown" || mme.totalMmePerDay === null) return null;
  if (!a.draftOrders.some(isOpioidOrder)) return null;
  const head = headline(mme, mme.totalMmePerDay, a.draftRefs.length > 0);
  if (head === null) return null;
  const taperAllowed = taperWordingAllowed(a.readiness);
  return {
    uuid: input.idFor("card:mme"),
    summary: summaryText(head.text),
    detail: detail(mme, a.draftRefs, taperAllowed),
    indicator: head.indicator,
    source: CDC_2022_SOURCE,
    overrideReasons: [OVERRIDE_REASONS.benefitsOutweighRisks, OVERRIDE_REASONS.acuteShortTerm, OVERRIDE_REASONS.palliative, OVERRIDE_REASONS.doseIncorrect],
    links: [plannerLink(input, taperAllowed ? "plan" : "review")],
  };
}
