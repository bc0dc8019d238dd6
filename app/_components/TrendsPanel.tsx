"use client";
/**
 * Trends: MME/day estimated from the order history, with pain/PEG, PHQ-9 and GAD-7 on the
 * same time axis (one chart each, same dates). Loaded after the summary (dynamic import).
 */
import type { Medication, MedicationRequest, Observation } from "fhir/r4";
import { useTrends, TRENDS_MONTHS_SHOWN } from "@/lib/hooks/useTrends";
import { fmtMme } from "./format";
import { TimeChart } from "./TimeChart";

/** CDC 2022 (Recommendation 4): 50 and 90 MME/day are points to reassess, informational, not limits. */
const MME_REFERENCE_LINES = [
  { value: 50, label: "50 (informational)" },
  { value: 90, label: "90 (informational)" },
] as const;

export function TrendsPanel({ requests, medications, observations, asOf }: { requests: readonly MedicationRequest[]; medications: readonly Medication[]; observations: readonly Observation[]; asOf: string }) {
  const { from, timeline, incomplete, series } = useTrends(requests, medications, observations, asOf);
  const last = timeline[timeline.length - 1];
  const now = last?.mmePerDay ?? 0;
  const nowCovered = (last?.orders ?? 0) > 0;
  return (
    <div>
      <p className="muted small">
        The last {TRENDS_MONTHS_SHOWN} months. MME/day is estimated from prescriptions (order dates and supply), not from
        what was dispensed or taken.
      </p>
      {incomplete && <p className="note-box">Some orders in this period could not be computed: the MME line is a floor there.</p>}
      <div className="trends-grid">
      <TimeChart
        series={{
          id: "mme",
          label: "MME/day (from orders)",
          unit: "MME/day",
          kind: "step",
          points: timeline.map((p) => ({ date: p.date, value: p.orders === 0 ? null : p.mmePerDay })),
          gapLabel: "no order data",
          refLines: MME_REFERENCE_LINES,
        }}
        from={from}
        to={asOf}
        caption={timeline.every((p) => p.orders === 0) ? "No opioid orders in this period." : `${nowCovered ? `Now ${fmtMme(now)} MME/day.` : "No order covers today."} Gaps are periods with no order data, not zero.`}
      />
      <TimeChart series={{ id: "pain", label: "Pain (0-10)", unit: "score", kind: "dots", yMax: 10, points: series.pain }} from={from} to={asOf} caption={describe(series.pain.length)} />
      <TimeChart series={{ id: "peg", label: "PEG (0-10, pain, enjoyment, activity)", unit: "score", kind: "dots", yMax: 10, points: series.peg }} from={from} to={asOf} caption={describe(series.peg.length)} />
      <TimeChart series={{ id: "phq9", label: "PHQ-9 (depression, 0-27)", unit: "score", kind: "dots", yMax: 27, points: series.phq9 }} from={from} to={asOf} caption={describe(series.phq9.length)} />
      <TimeChart series={{ id: "gad7", label: "GAD-7 (anxiety, 0-21)", unit: "score", kind: "dots", yMax: 21, points: series.gad7 }} from={from} to={asOf} caption={describe(series.gad7.length)} />
      </div>
    </div>
  );
}

function describe(n: number): string {
  return n === 0 ? "No results in this period." : `${n} result${n === 1 ? "" : "s"}.`;
}
