/**
 * `calculateMme`: every MedicationRequest of a patient -> one OrderMme each (counted,
 * excluded with a reason, or not computable with a reason), and the total MME/day.
 *
 * Rule above all: missing, unreadable or truncated data never lowers the total silently.
 * It makes the result `incomplete` (the total is then a floor), with sentences saying why.
 * Per-order MME stays unrounded; the total is summed from unrounded values (round only for
 * display: `formatMme`). Pure: no I/O, no clock.
 */
import type { FactorTableId, IsoDate, MmeResult, OpioidIngredient, OrderMme, UnreadableResource } from "@/lib/domain";
import { DEFAULT_LOOKBACK_DAYS, MME_BAND_HIGH, MME_BAND_REASSESS } from "./constants";
import { dayNumber, isIsoDate } from "./dates";
import { DEFAULT_FACTOR_TABLE_ID } from "./factors/tables";
import { readOrder, type OrderContext } from "./read-order";
import { supersedeDuplicates } from "./currency/renewals";
import { applyTotalDoseTiers } from "./factors/tiers";
import { indexMedications } from "./identify";
import { arr, at, str } from "./read/json";
import type { MmeInput } from "./input";

export const TRUNCATED_SENTENCE = "record truncated: MME may be incomplete";

function unreadableOrder(value: unknown, index: number): OrderMme {
  const u = readUnreadable(value);
  return {
    medicationRequest: u.reference ?? `MedicationRequest/#unreadable-${index + 1}`,
    status: "not-computable",
    reason: "mme.unreadable-resource",
    message: `This MedicationRequest could not be read: ${u.issues.join("; ") || "invalid resource"}.`,
    display: u.display ?? "(unreadable MedicationRequest)",
    product: null,
    fhirStatus: null,
    fhirIntent: null,
    authoredOn: null,
    sig: null,
    unitsPerAdministration: null,
    administrationsPerDay: null,
    asNeeded: false,
    ingredients: [],
    mmePerDay: null,
    assumptions: [],
    sources: { product: null, dose: null, frequency: null },
    discrepancies: [],
    readings: [],
  };
}

/** An UnreadableResource as given, read defensively (it may come from any caller). */
function readUnreadable(value: unknown): Pick<UnreadableResource, "reference" | "issues" | "display"> {
  const reference = str(at(value, "reference"));
  const display = str(at(value, "display"));
  const issues = arr(at(value, "issues")).filter((i): i is string => typeof i === "string");
  return { reference: reference ?? null, issues, display: display ?? null };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function summarize(orders: readonly OrderMme[], truncated: boolean): Pick<MmeResult, "totalMmePerDay" | "byIngredient" | "incompleteReasons"> {
  let total = 0;
  const byIngredient: Partial<Record<OpioidIngredient, number>> = {};
  for (const o of orders) {
    if (o.status !== "counted") continue;
    for (const i of o.ingredients) {
      total += i.mmePerDay;
      byIngredient[i.ingredient] = (byIngredient[i.ingredient] ?? 0) + i.mmePerDay;
    }
  }
  const failed = orders.filter((o) => o.status === "not-computable").length;
  const reasons = failed > 0 ? [`${plural(failed, "order")} could not be computed`] : [];
  if (truncated) reasons.push(TRUNCATED_SENTENCE);
  return { totalMmePerDay: total, byIngredient, incompleteReasons: reasons };
}

/** The result when the medication list itself could not be read: state `unknown`, total null. */
export function unknownMmeResult(asOf: IsoDate, factorTableId: FactorTableId, reason: string, lookbackDays = DEFAULT_LOOKBACK_DAYS): MmeResult {
  return {
    factorTableId,
    asOf,
    lookbackDays,
    state: "unknown",
    complete: false,
    totalMmePerDay: null,
    byIngredient: {},
    bands: { atOrAbove50: false, atOrAbove90: false },
    orders: [],
    incompleteReasons: [reason],
  };
}

/**
 * Computes the MME of every order at `input.asOf` with the chosen factor table.
 * Never throws for any MedicationRequest content; an invalid `asOf` or lookback gives an
 * `unknown` result (a programming error of the caller, said in the reason).
 */
export function calculateMme(input: MmeInput): MmeResult {
  const factorTableId = input.factorTableId === "cdc-2016" ? "cdc-2016" : DEFAULT_FACTOR_TABLE_ID;
  const lookbackDays = input.lookbackDays ?? DEFAULT_LOOKBACK_DAYS;
  const asOf = typeof input.asOf === "string" ? input.asOf : String(input.asOf);
  const asOfDay = dayNumber(asOf);
  if (!isIsoDate(asOf) || asOfDay === null) return unknownMmeResult(asOf, factorTableId, `invalid as-of date "${asOf}"`, lookbackDays);
  if (!Number.isInteger(lookbackDays) || lookbackDays < 0) return unknownMmeResult(input.asOf, factorTableId, `invalid lookback of ${lookbackDays} days`, DEFAULT_LOOKBACK_DAYS);
  const ctx: OrderContext = {
    asOf: input.asOf,
    asOfDay,
    lookbackDays,
    factorTableId,
    medications: indexMedications(arr(input.medications)),
    ndcLookup: typeof input.ndcLookup === "function" ? input.ndcLookup : undefined,
  };
  const requests = arr(input.medicationRequests);
  const evaluated: OrderMme[] = [];
  for (let i = 0; i < requests.length; i += 1) evaluated.push(readOrder(requests[i], i, ctx));
  const orders = [...applyTotalDoseTiers(supersedeDuplicates(evaluated, requests), factorTableId), ...arr(input.unreadable).map(unreadableOrder)];
  const truncated = input.truncated === true;
  const summary = summarize(orders, truncated);
  const complete = summary.incompleteReasons.length === 0;
  const total = summary.totalMmePerDay ?? 0;
  return {
    factorTableId,
    asOf: input.asOf,
    lookbackDays,
    state: complete ? "complete" : "incomplete",
    complete,
    ...summary,
    bands: { atOrAbove50: total >= MME_BAND_REASSESS, atOrAbove90: total >= MME_BAND_HIGH },
    orders,
  };
}
