"use client";
/**
 * Trends: MME/day estimated from the order history, with pain/PEG, PHQ-9 and GAD-7 on the
 * same time axis (one chart each, same dates). Loaded after the summary (dynamic import).
 */
import type { Medication, MedicationRequest, Observation } from "fhir/r4";
import { useTrends, TRENDS_MONTHS_SHOWN } from "@/lib/hooks/useTrends";
import { fmtMme } from "./format";
import { TimeChart } from "./TimeChart";

export function TrendsPanel({ requests, medications, observations, asOf }: { requests: readonly MedicationRequest[]; medications: readonly Medication[]; observations: readonly Observation[]; asOf: string }) {
  const { from, timeline, incomplete, series } = useTrends(requests, medications, observations, asOf);
  const now = timeline[timeline.length - 1]?.mmePerDay ?? 0;
  return (
    <div>
      <p className="muted small">
        The last {TRENDS_MONTHS_SHOWN} months. MME/day is estimated from prescriptions (order dates and supply), not from
        what was dispensed or taken.
      </p>
      {incomplete && <p className="note-box">Some orders in this period could not be computed: the MME line is a floor there.</p>}
      <div className="trends-grid">
      <TimeChart
        series={{ id: "mme", label: "MME/day (from orders)", unit: "MME/day", kind: "step", points: timeline.map((p) => ({ date: p.date, value: p.mmePerDay })) }}
        from={from}
        to={asOf}
        caption={timeline.length <= 1 && (timeline[0]?.mmePerDay ?? 0) === 0 ? "No opioid orders in this period." : `Now ${fmtMme(now)} MME/day.`}
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
