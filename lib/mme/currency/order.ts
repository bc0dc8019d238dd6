/**
 * Step 4 of a reading, for every order (opioid or not: readiness, trends and the commands use the
 * same rule): is this order current at `asOf`?
 * - status `active`, or `on-hold` (current, flagged: it may resume); `unknown` cannot be left out
 *   silently; absent (a pharmacy fill record such as a PDMP entry) is decided by its dates alone;
 *   any other status is not current;
 * - intent an order or a plan (`order`, `plan`, `original-order`, `reflex-order`, `filler-order`,
 *   `instance-order`; absent: flagged); `proposal`/`option` and `doNotPerform` are not orders;
 * - dates at `asOf`: starts after it -> future; else authored within the lookback, OR inside
 *   `dispenseRequest.validityPeriod` (both ends needed), OR within the supply the order allows
 *   (authoredOn + expectedSupplyDuration x (1 + numberOfRepeatsAllowed)). A fill record without a
 *   status is current only within its supply, when it states one. No date at all: current,
 *   flagged. Refills count because each supplies another duration (the reading that never lowers
 *   the total);
 * - timing bounds: when every dosage instruction's bounds ended before `asOf` the order ended;
 *   when they all start after it, it has not started (lib/mme/currency/schedule.ts).
 * Sources: DEFAULT_LOOKBACK_DAYS (lib/mme/constants.ts, CDC 2022 Rec 7); FHIR R4 MedicationRequest.
 */
import type { Assumption, ExclusionReason, IsoDate } from "@/lib/domain";
import { dayNumber, formatDay } from "@/lib/mme/dates";
import { at, num, period, str } from "@/lib/mme/read/json";
import { durationHours } from "@/lib/mme/units";
import { linesAt } from "./schedule";

export type Currency =
  | { kind: "current"; assumptions: Assumption[] }
  | { kind: "excluded"; reason: ExclusionReason; message: string }
  | { kind: "unknown-status"; message: string };

const ORDER_INTENTS: ReadonlySet<string> = new Set(["order", "plan", "original-order", "reflex-order", "filler-order", "instance-order"]);
const HOURS_PER_DAY = 24;

function excluded(reason: ExclusionReason, message: string): Currency {
  return { kind: "excluded", reason, message };
}

/** One exclusion per status value, built once (most orders of a real record are stopped or completed). */
const STATUS_EXCLUSIONS = new Map<string, Currency>();

function statusExclusion(status: string): Currency {
  let found = STATUS_EXCLUSIONS.get(status);
  if (found === undefined) {
    found = excluded("mme.excluded.status", `Status "${status}": not a current order.`);
    if (STATUS_EXCLUSIONS.size < 64) STATUS_EXCLUSIONS.set(status, found);
  }
  return found;
}

function statusCheck(order: unknown, assumptions: Assumption[]): Currency | null {
  const status = at(order, "status");
  if (status === "unknown") return { kind: "unknown-status", message: 'The order\'s status is "unknown": it may be active, so it cannot be left out.' };
  if (status === "on-hold") assumptions.push({ code: "mme.assume.on-hold", message: "On hold: counted, since it may resume." });
  else if (status === undefined) assumptions.push({ code: "mme.assume.no-status", message: "The record has no status (e.g. a pharmacy fill): current only by its dates." });
  else if (status !== "active") return statusExclusion(typeof status === "string" ? status : JSON.stringify(status) ?? "(unreadable)");
  const intent = at(order, "intent");
  if (intent === undefined) assumptions.push({ code: "mme.assume.no-intent", message: "The record states no intent: read as an order." });
  else if (typeof intent !== "string" || !ORDER_INTENTS.has(intent)) return excluded("mme.excluded.intent", `Intent "${String(intent)}": a proposal, not an order.`);
  if (at(order, "doNotPerform") === true) return excluded("mme.excluded.intent", "A do-not-perform order: the medication is not to be taken.");
  return null;
}

/** Last day covered by the supply the order allows, or null when it states none. */
export function supplyEndDay(order: unknown): number | null {
  const dispense = at(order, "dispenseRequest");
  const hours = durationHours(at(dispense, "expectedSupplyDuration"));
  const authored = dayNumber(str(at(order, "authoredOn")), "first");
  if (authored === null || hours === null) return null;
  const repeats = num(at(dispense, "numberOfRepeatsAllowed"));
  const fills = 1 + (repeats !== undefined && repeats > 0 ? Math.floor(repeats) : 0);
  return authored + Math.ceil((hours / HOURS_PER_DAY) * fills);
}

function dateCheck(order: unknown, asOfDay: number, asOf: IsoDate, lookbackDays: number, assumptions: Assumption[], hasStatus: boolean): Currency {
  const authoredText = str(at(order, "authoredOn"));
  const authoredFirst = dayNumber(authoredText, "first");
  const authoredLast = dayNumber(authoredText, "last");
  const validity = period(at(at(order, "dispenseRequest"), "validityPeriod"));
  const validStart = dayNumber(validity?.start, "first");
  const validEnd = dayNumber(validity?.end, "last");
  const startsAfter = Math.max(authoredFirst ?? -Infinity, validStart ?? -Infinity);
  if (startsAfter > asOfDay) return excluded("mme.excluded.future", `Starts ${formatDay(startsAfter)}, after ${asOf}.`);
  if (authoredLast === null && validStart === null && validEnd === null) {
    assumptions.push({ code: "mme.assume.undated", message: "The order has no authored date or validity period: counted as current." });
    return { kind: "current", assumptions };
  }
  const end = supplyEndDay(order);
  const inSupply = end !== null && end >= asOfDay;
  if (!hasStatus && end !== null) {
    if (inSupply) return { kind: "current", assumptions };
    return excluded("mme.excluded.stale", `A fill record whose supply ended on ${formatDay(end)}, before ${asOf}: not current.`);
  }
  const inLookback = authoredLast !== null && authoredLast >= asOfDay - lookbackDays;
  const inValidity = validStart !== null && validEnd !== null && validStart <= asOfDay && asOfDay <= validEnd;
  if (inLookback || inValidity || inSupply) {
    if (!inSupply && end !== null && !inValidity) {
      assumptions.push({ code: "mme.assume.supply-ended", message: `Its supply (with refills) ran out on ${formatDay(end)}; still counted: written in the last ${lookbackDays} days.` });
    }
    return { kind: "current", assumptions };
  }
  const when = authoredLast === null ? "undated" : `authored ${formatDay(authoredLast)}`;
  return excluded("mme.excluded.stale", `Marked active but ${when}, more than ${lookbackDays} days before ${asOf}, and no validity period or supply covers ${asOf}: not counted as current.`);
}

function boundsCheck(order: unknown, asOfDay: number): Currency | null {
  const lines = linesAt(order, asOfDay);
  if (lines.kind === "ended") return excluded("mme.excluded.ended", lines.message);
  if (lines.kind === "not-started") return excluded("mme.excluded.future", lines.message);
  return null;
}

/**
 * Decides whether one order is current at `asOf` (`asOfDay` is its day number). Never throws.
 * Renewals and supersession across orders: lib/mme/currency/renewals.ts.
 */
export function orderCurrency(order: unknown, asOfDay: number, asOf: IsoDate, lookbackDays: number): Currency {
  const assumptions: Assumption[] = [];
  const status = statusCheck(order, assumptions);
  if (status !== null) return status;
  const dates = dateCheck(order, asOfDay, asOf, lookbackDays, assumptions, at(order, "status") !== undefined);
  if (dates.kind !== "current") return dates;
  return boundsCheck(order, asOfDay) ?? dates;
}
