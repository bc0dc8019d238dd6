/**
 * The "starting dose and how it was computed" section: factor table, completeness, one
 * row per order (counted, excluded or not computable, never dropped), and every assumption
 * the MME engine flagged. Source: CDC 2022 (MME as a reassessment aid); clinical-sources.md section 2.
 */
import type { IngredientMme, MmeResult, OrderMme, TaperPlan } from "@/lib/domain";
import { FACTOR_TABLE_LABELS } from "./codes";
import type { Block, Cell, Section } from "./document";
import { formatMme, formatNumber } from "./format";

const ORDER_STATUS_LABELS: Record<OrderMme["status"], string> = {
  counted: "counted",
  excluded: "excluded",
  "not-computable": "not computable",
};

/** "oxycodone 30 mg/d x 1.5 = 45 MME/day". */
export function ingredientArithmetic(i: IngredientMme): string {
  return `${i.ingredient} ${formatNumber(i.dailyAmount, 3)} ${i.dailyAmountUnit} x ${formatNumber(i.factor, 4)} = ${formatMme(i.mmePerDay)}`;
}

/** One line per order, for the note and the plain text. */
export function orderLine(order: OrderMme): string {
  const mme = order.mmePerDay === null ? "no MME" : formatMme(order.mmePerDay);
  const why = order.message === null ? "" : ` (${order.message})`;
  return `${order.display} [${order.medicationRequest}]: ${mme}, ${ORDER_STATUS_LABELS[order.status]}${why}`;
}

/** "120 MME/day (complete)", "at least 80 MME/day (incomplete: ...)", "unknown". */
export function startingDoseSentence(plan: TaperPlan, mme: MmeResult): string {
  const table = `${mme.factorTableId} (${FACTOR_TABLE_LABELS[mme.factorTableId]})`;
  const state =
    mme.state === "complete"
      ? "every current opioid order was computed"
      : mme.state === "incomplete"
        ? `incomplete, so the computed total is a floor: ${mme.incompleteReasons.join("; ") || "some orders could not be computed"}`
        : `unknown: ${mme.incompleteReasons.join("; ") || "the medication list could not be read"}`;
  return (
    `Starting dose: ${formatMme(plan.startMmePerDay)}. Computed as of ${mme.asOf} (look-back ${mme.lookbackDays} days) ` +
    `with conversion-factor table ${table}; ${state}.`
  );
}

function orderRow(order: OrderMme): Cell[] {
  const arithmetic: string[] =
    order.ingredients.length > 0 ? order.ingredients.map(ingredientArithmetic) : [order.message ?? "-"];
  return [
    [order.display, order.medicationRequest],
    order.sig ?? "-",
    arithmetic,
    order.mmePerDay === null ? "-" : formatNumber(order.mmePerDay),
    order.message === null ? ORDER_STATUS_LABELS[order.status] : [ORDER_STATUS_LABELS[order.status], order.message],
  ];
}

/** "Oxycodone 10 mg tablet: PRN order counted at its maximum (mme.assume.prn-max)". */
export function assumptionLines(mme: MmeResult): string[] {
  return mme.orders.flatMap((o) => o.assumptions.map((a) => `${o.display}: ${a.message} (${a.code})`));
}

export function mmeSection(plan: TaperPlan, mme: MmeResult): Section {
  const blocks: Block[] = [{ kind: "paragraph", text: startingDoseSentence(plan, mme) }];
  if (plan.factorTableId !== mme.factorTableId) {
    blocks.push({
      kind: "paragraph",
      text: `Note: the plan uses factor table ${plan.factorTableId}, the MME result ${mme.factorTableId}.`,
    });
  }
  blocks.push({
    kind: "table",
    caption: "MME per order",
    head: ["Medication order", "Sig", "Daily amount x factor", "MME/day", "Status"],
    rows: mme.orders.map(orderRow),
  });
  const assumptions = assumptionLines(mme);
  blocks.push(
    assumptions.length > 0
      ? { kind: "list", items: assumptions }
      : { kind: "paragraph", text: "No assumption was needed to compute these numbers." },
  );
  return { heading: "Starting dose and how it was computed", blocks };
}
