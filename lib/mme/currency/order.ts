/**
 * Which orders are current at `asOf` (issue 3):
 * - status `active` (and `on-hold`, counted and shown as on hold, since it may resume);
 *   `unknown` cannot be left out silently (not computable); other statuses are excluded;
 * - intent an order or a plan (`order`, `plan`, `original-order`, `reflex-order`,
 *   `filler-order`, `instance-order`); `proposal`/`option` and `doNotPerform` are excluded;
 * - and, at `asOf`: authored within the lookback, OR inside `dispenseRequest.validityPeriod`
 *   (both ends needed: an open-ended validity is not read as "forever"), OR within the supply
 *   the order allows: authoredOn + expectedSupplyDuration x (1 + numberOfRepeatsAllowed).
 *   Refills are counted because each one supplies another duration; counting them keeps an
 *   order current as long as the patient may still hold tablets (the reading that never
 *   lowers the total). Authored after `asOf`: excluded as future. No date at all: counted,
 *   flagged.
 */
import type { ExclusionReason, IsoDate } from "@/lib/domain";
import type { MedicationRequest } from "fhir/r4";
import { dayNumber, formatDay } from "@/lib/mme/dates";
import { assume, type Notes } from "@/lib/mme/notes";
import { durationHours } from "@/lib/mme/units";

export type Currency =
  | { kind: "current" }
  | { kind: "excluded"; reason: ExclusionReason; message: string }
  | { kind: "unknown-status"; message: string };

const CURRENT: Currency = { kind: "current" };
const ORDER_INTENTS = new Set(["order", "plan", "original-order", "reflex-order", "filler-order", "instance-order"]);
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
    STATUS_EXCLUSIONS.set(status, found);
  }
  return found;
}

function statusCheck(mr: MedicationRequest, notes: Notes): Currency | null {
  if (mr.status === "unknown") return { kind: "unknown-status", message: 'The order\'s status is "unknown": it may be active, so it cannot be left out.' };
  if (mr.status === "on-hold") assume(notes, "mme.assume.on-hold", "On hold: counted, since it may resume.");
  else if (mr.status !== "active") return statusExclusion(mr.status);
  if (!ORDER_INTENTS.has(mr.intent)) return excluded("mme.excluded.intent", `Intent "${mr.intent}": a proposal, not an order.`);
  if (mr.doNotPerform === true) return excluded("mme.excluded.intent", "A do-not-perform order: the medication is not to be taken.");
  return null;
}

/** Last day covered by the supply the order allows, or null when it states none. */
function supplyEnd(mr: MedicationRequest, authoredFirst: number | null): number | null {
  const hours = durationHours(mr.dispenseRequest?.expectedSupplyDuration);
  if (authoredFirst === null || hours === null) return null;
  const fills = 1 + (mr.dispenseRequest?.numberOfRepeatsAllowed ?? 0);
  return authoredFirst + Math.ceil((hours / HOURS_PER_DAY) * fills);
}

function dateCheck(mr: MedicationRequest, asOfDay: number, asOf: IsoDate, lookbackDays: number, notes: Notes): Currency {
  const authoredFirst = dayNumber(mr.authoredOn, "first");
  const authoredLast = dayNumber(mr.authoredOn, "last");
  const validity = mr.dispenseRequest?.validityPeriod;
  const validStart = dayNumber(validity?.start, "first");
  const validEnd = dayNumber(validity?.end, "last");
  const startsAfter = Math.max(authoredFirst ?? -Infinity, validStart ?? -Infinity);
  if (startsAfter > asOfDay) return excluded("mme.excluded.future", `Starts ${formatDay(startsAfter)}, after ${asOf}.`);
  if (authoredLast === null && validStart === null && validEnd === null) {
    assume(notes, "mme.assume.undated", "The order has no authored date or validity period: counted as current.");
    return CURRENT;
  }
  const inLookback = authoredLast !== null && authoredLast >= asOfDay - lookbackDays;
  const inValidity = validStart !== null && validEnd !== null && validStart <= asOfDay && asOfDay <= validEnd;
  const end = supplyEnd(mr, authoredFirst);
  const inSupply = end !== null && end >= asOfDay;
  if (inLookback || inValidity || inSupply) return CURRENT;
  const when = authoredLast === null ? "undated" : `authored ${formatDay(authoredLast)}`;
  return excluded("mme.excluded.stale", `Marked active but ${when}, more than ${lookbackDays} days before ${asOf}, and no validity period or supply covers ${asOf}: not counted as current.`);
}

/** Decides whether an order is current at `asOf` (a day number; `asOf` for sentences). */
export function evaluateCurrency(mr: MedicationRequest, asOfDay: number, asOf: IsoDate, lookbackDays: number, notes: Notes): Currency {
  return statusCheck(mr, notes) ?? dateCheck(mr, asOfDay, asOf, lookbackDays, notes);
}
