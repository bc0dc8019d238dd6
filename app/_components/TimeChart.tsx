import { fmtDate, fmtNumber, plural } from "./format";

export interface ChartPoint {
  /** ISO date. */
  date: string;
  /** The value from this date; `null` = no data here (drawn as a gap, listed as "no order data"), never 0. */
  value: number | null;
}

export interface ChartSeries {
  id: string;
  label: string;
  unit: string;
  points: ChartPoint[];
  /** `step`: a value holds until the next point (doses); `dots`: discrete measurements (scores). */
  kind: "step" | "dots";
  /** Fixed y-range when the scale is known (e.g. 0-10 pain, 0-27 PHQ-9). */
  yMax?: number;
  /** Informational reference lines (e.g. 50 and 90 MME/day), each with its label. */
  refLines?: readonly { value: number; label: string }[];
  /** What a `null` point means, in the data table and on hover. */
  gapLabel?: string;
}

const W = 640;
const PAD = { left: 40, right: 12, top: 10, bottom: 22 };

function toTime(date: string): number {
  return Date.parse(date.length === 10 ? `${date}T00:00:00Z` : date);
}

/** A run of points between two gaps (a step line is drawn per run; a gap is never drawn as 0). */
export interface StepRun {
  points: { date: string; value: number }[];
  /** Where the run ends (the next point's date: a gap's start or the chart's end). */
  end: string;
}

/** Splits a step series at its no-data points: each run is drawn on its own; the gaps stay empty. Pure. */
export function stepRuns(points: readonly ChartPoint[], to: string): StepRun[] {
  const runs: StepRun[] = [];
  let current: StepRun | null = null;
  for (const p of points) {
    if (p.value === null) {
      if (current) { current.end = p.date; runs.push(current); current = null; }
      continue;
    }
    if (!current) current = { points: [], end: to };
    current.points.push({ date: p.date, value: p.value });
  }
  if (current) runs.push(current);
  return runs;
}

/** The gaps of a step series: [start, end) date pairs with no data. Pure. */
export function gapSpans(points: readonly ChartPoint[], to: string): { from: string; to: string }[] {
  return points.flatMap((p, i) => (p.value === null ? [{ from: p.date, to: points[i + 1]?.date ?? to }] : []));
}

/**
 * A lean SVG time chart (no chart library: a few hundred bytes of code keep the bundle small).
 * Every chart comes with a text alternative: a caption summarizing it and the data as a table.
 * No data is a gap (hatched, "no order data" on hover and in the table), never a line at zero.
 */
export function TimeChart({ series, from, to, height = 120, caption }: { series: ChartSeries; from: string; to: string; height?: number; caption: string }) {
  const t0 = toTime(from);
  const t1 = Math.max(toTime(to), t0 + 1);
  const all = series.points.filter((p) => p.value === null || Number.isFinite(p.value)).sort((a, b) => toTime(a.date) - toTime(b.date));
  const values = all.flatMap((p) => (p.value === null ? [] : [p.value]));
  const refMax = Math.max(0, ...(series.refLines ?? []).map((r) => r.value));
  const maxValue = series.yMax ?? Math.max(1, refMax, ...values) * 1.1;
  const x = (d: string) => PAD.left + ((Math.min(Math.max(toTime(d), t0), t1) - t0) / (t1 - t0)) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - v / maxValue) * (height - PAD.top - PAD.bottom);
  const captionId = `chart-${series.id}-caption`;
  const gapLabel = series.gapLabel ?? "no data";
  const runs = series.kind === "step" ? stepRuns(all, to) : [];
  const gaps = series.kind === "step" ? gapSpans(all, to) : [];
  const rows = all.length;
  return (
    <figure className="chart" aria-labelledby={captionId}>
      <figcaption id={captionId}>
        <strong>{series.label}</strong> <span className="muted small">{caption}</span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${height}`} role="img" aria-label={`${series.label}: ${caption}`} className="chart-svg">
        <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} className="axis" />
        {(series.refLines ?? []).map((r) => (
          <g key={r.value}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(r.value)} y2={y(r.value)} className="ref-line" />
            <text x={W - PAD.right} y={y(r.value) - 2} textAnchor="end" className="tick">{r.label}</text>
          </g>
        ))}
        {gaps.map((g) => (
          <rect key={g.from} data-testid="chart-gap" x={x(g.from)} y={PAD.top} width={Math.max(1, x(g.to) - x(g.from))} height={y(0) - PAD.top} className="chart-gap">
            <title>{`${fmtDate(g.from)} to ${fmtDate(g.to)}: ${gapLabel}`}</title>
          </rect>
        ))}
        <text x={PAD.left - 4} y={y(maxValue) + 8} textAnchor="end" className="tick">{fmtNumber(maxValue)}</text>
        <text x={PAD.left - 4} y={y(0)} textAnchor="end" className="tick">0</text>
        <text x={PAD.left} y={height - 4} className="tick">{fmtDate(from)}</text>
        <text x={W - PAD.right} y={height - 4} textAnchor="end" className="tick">{fmtDate(to)}</text>
        {runs.map((r) => <path key={r.points[0]?.date} d={stepPath(r, x, y)} className="series-line" data-testid="chart-run" />)}
        {series.kind === "dots" && all.flatMap((p, i) => (p.value === null ? [] : [<circle key={`${p.date}-${i}`} cx={x(p.date)} cy={y(p.value)} r={3.5} className="series-dot"><title>{`${fmtDate(p.date)}: ${fmtNumber(p.value)}`}</title></circle>]))}
      </svg>
      <details className="chart-data">
        <summary>Data table ({plural(rows, "value")})</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col">{series.label} ({series.unit})</th>
            </tr>
          </thead>
          <tbody>
            {all.map((p, i) => (
              <tr key={`${p.date}-${i}`}>
                <td>{fmtDate(p.date)}</td>
                <td>{p.value === null ? gapLabel : fmtNumber(p.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

function stepPath(run: StepRun, x: (d: string) => number, y: (v: number) => number): string {
  let d = "";
  run.points.forEach((p, i) => {
    d += i === 0 ? `M${x(p.date)},${y(p.value)}` : `H${x(p.date)}V${y(p.value)}`;
  });
  return `${d}H${x(run.end)}`;
}
