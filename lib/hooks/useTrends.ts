/**
 * The Trends screen's data: MME/day over time from the order history (lib/mme `mmeTimeline`) and the
 * score series (lib/taper `observationSeries`, the readiness rules' readers), over the same window.
 * The screen only draws what this returns.
 */
import { useMemo } from "react";
import type { Medication, MedicationRequest, Observation } from "fhir/r4";
import type { IsoDate } from "@/lib/domain";
import { addDays } from "@/lib/domain/dates";
import { mmeTimeline, type TimelinePoint } from "@/lib/mme";
import { observationSeries, type ObservationSeries } from "@/lib/taper";

/** How far back the Trends screen looks. */
export const TRENDS_MONTHS_SHOWN = 24;
/** 24 months as days (mean Gregorian month, 30.44 days). */
const WINDOW_DAYS = Math.round(TRENDS_MONTHS_SHOWN * 30.44);

export interface TrendsData {
  from: IsoDate;
  to: IsoDate;
  timeline: TimelinePoint[];
  /** True when some order in the window could not be computed: the MME line is a floor there. */
  incomplete: boolean;
  series: ObservationSeries;
}

/** Pure: the data for `asOf`, computed by the engines. */
export function trendsData(input: { requests: readonly MedicationRequest[]; medications: readonly Medication[]; observations: readonly Observation[]; asOf: IsoDate }): TrendsData {
  const from = addDays(input.asOf, -WINDOW_DAYS);
  const timeline = mmeTimeline({ medicationRequests: input.requests, medications: input.medications, from, to: input.asOf });
  return { from, to: input.asOf, timeline, incomplete: timeline.some((p) => !p.complete), series: observationSeries(input.observations, from, input.asOf) };
}

export function useTrends(requests: readonly MedicationRequest[], medications: readonly Medication[], observations: readonly Observation[], asOf: IsoDate): TrendsData {
  return useMemo(() => trendsData({ requests, medications, observations, asOf }), [requests, medications, observations, asOf]);
}
