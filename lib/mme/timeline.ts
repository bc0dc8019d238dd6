/**
 * MME/day over time, estimated from the order history (for the Trends screen).
 *
 * Each opioid order is assumed taken from its authored date for the supply it states
 * (expectedSupplyDuration x (1 + refills)), else until the validity period ends, else for
 * the same lookback the engine uses to call an order current (DEFAULT_LOOKBACK_DAYS). A
 * newer order for the same product ends the older one's window (a re-order or a dose change
 * replaces it, instead of piling up). Different products overlap and add up.
 * Each order's MME is computed by `calculateMme` as if current on its authored day, so the
 * timeline uses exactly the engine's factors and assumptions. An interval where an order
 * could not be computed is marked incomplete (the value is a floor). This is an estimate
 * from prescriptions, not from dispensing or use; the screen says so.
 */
import type { FactorTableId, IsoDate } from "@/lib/domain";
import type { Medication, MedicationRequest } from "fhir/r4";
import { calculateMme } from "./total";
import { DEFAULT_LOOKBACK_DAYS } from "./constants";
import { dayNumber, formatDay } from "./dates";
import { durationHours } from "./units";

export interface TimelinePoint {
  /** First day of this value; it holds until the next point. */
  date: IsoDate;
  mmePerDay: number;
  /** False when an order active in this interval could not be computed (the value is a floor). */
  complete: boolean;
  /**
   * How many opioid orders cover this interval. 0 means the record has no order data here: the
   * 0 MME/day is "no order on file", not "took no opioid" (the Trends chart draws it as a gap).
   */
  orders: number;
}

interface Window {
  product: string;
  start: number;
  end: number;
  mmePerDay: number | null;
}

const SKIP_STATUSES = new Set(["entered-in-error", "draft", "cancelled"]);

function windowEnd(mr: MedicationRequest, start: number, lookbackDays: number): number {
  const hours = durationHours(mr.dispenseRequest?.expectedSupplyDuration);
  if (hours !== null) return start + Math.ceil((hours / 24) * (1 + (mr.dispenseRequest?.numberOfRepeatsAllowed ?? 0)));
  const validEnd = dayNumber(mr.dispenseRequest?.validityPeriod?.end, "last");
  if (validEnd !== null && validEnd >= start) return validEnd + 1;
  return start + lookbackDays;
}

function orderWindow(mr: MedicationRequest, medications: readonly Medication[], tableId: FactorTableId, lookbackDays: number): Window | null {
  if (SKIP_STATUSES.has(mr.status) || mr.intent === "proposal" || mr.intent === "option") return null;
  const start = dayNumber(mr.authoredOn, "first");
  if (start === null) return null;
  const asIfCurrent: MedicationRequest = { ...mr, status: "active" };
  const result = calculateMme({ medicationRequests: [asIfCurrent], medications, asOf: formatDay(start), factorTableId: tableId, lookbackDays });
  const order = result.orders[0];
  if (!order || order.status === "excluded") return null;
  const product = order.product?.rxnorm ?? order.display;
  return { product, start, end: windowEnd(mr, start, lookbackDays), mmePerDay: order.status === "counted" ? order.mmePerDay : null };
}

/** A newer order for the same product ends the previous one's window. */
function clipReorders(windows: Window[]): Window[] {
  const byProduct = new Map<string, Window[]>();
  for (const w of windows) byProduct.set(w.product, [...(byProduct.get(w.product) ?? []), w]);
  const out: Window[] = [];
  for (const list of byProduct.values()) {
    list.sort((a, b) => a.start - b.start);
    list.forEach((w, i) => {
      const next = list[i + 1];
      out.push(next && next.start < w.end ? { ...w, end: Math.max(w.start, next.start) } : w);
    });
  }
  return out.filter((w) => w.end > w.start);
}

/**
 * Step series of MME/day between `from` and `to` (inclusive days), one point per change.
 * Pure: `from`/`to` are given by the caller.
 */
export function mmeTimeline(input: {
  medicationRequests: readonly MedicationRequest[];
  medications?: readonly Medication[];
  from: IsoDate;
  to: IsoDate;
  factorTableId?: FactorTableId;
  lookbackDays?: number;
}): TimelinePoint[] {
  const from = dayNumber(input.from, "first");
  const to = dayNumber(input.to, "last");
  if (from === null || to === null || to < from) return [];
  const lookback = input.lookbackDays ?? DEFAULT_LOOKBACK_DAYS;
  const windows = clipReorders(
    input.medicationRequests.flatMap((mr) => orderWindow(mr, input.medications ?? [], input.factorTableId ?? "cdc-2022", lookback) ?? []),
  ).filter((w) => w.end > from && w.start <= to);
  const changes = new Set<number>([from]);
  for (const w of windows) {
    if (w.start > from) changes.add(w.start);
    if (w.end <= to) changes.add(w.end);
  }
  const points: TimelinePoint[] = [];
  for (const day of [...changes].sort((a, b) => a - b)) {
    const active = windows.filter((w) => w.start <= day && day < w.end);
    const point = {
      date: formatDay(day),
      mmePerDay: active.reduce((sum, w) => sum + (w.mmePerDay ?? 0), 0),
      complete: active.every((w) => w.mmePerDay !== null),
      orders: active.length,
    };
    const last = points[points.length - 1];
    if (!last || last.mmePerDay !== point.mmePerDay || last.complete !== point.complete || (last.orders === 0) !== (point.orders === 0)) points.push(point);
  }
  return points;
}
