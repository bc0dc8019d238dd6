import { fmtDate, fmtNumber } from "./format";

export interface ChartPoint {
  /** ISO date. */
  date: string;
  value: number;
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
}

const W = 640;
const PAD = { left: 40, right: 12, top: 10, bottom: 22 };

function toTime(date: string): number {
  return Date.parse(date.length === 10 ? `${date}T00:00:00Z` : date);
}

/**
 * A lean SVG time chart (no chart library: a few hundred bytes of code keep the bundle small).
 * Every chart comes with a text alternative: a caption summarizing it and the data as a table.
 */
export function TimeChart({ series, from, to, height = 120, caption }: { series: ChartSeries; from: string; to: string; height?: number; caption: string }) {
  const t0 = toTime(from);
  const t1 = Math.max(toTime(to), t0 + 1);
  const pts = series.points.filter((p) => Number.isFinite(p.value)).sort((a, b) => toTime(a.date) - toTime(b.date));
  const maxValue = series.yMax ?? Math.max(1, ...pts.map((p) => p.value)) * 1.1;
  const x = (d: string) => PAD.left + ((Math.min(Math.max(toTime(d), t0), t1) - t0) / (t1 - t0)) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - v / maxValue) * (height - PAD.top - PAD.bottom);
  const path = series.kind === "step" ? stepPath(pts, x, y, to) : "";
  const captionId = `chart-${series.id}-caption`;
  return (
    <figure className="chart" aria-labelledby={captionId}>
      <figcaption id={captionId}>
        <strong>{series.label}</strong> <span className="muted small">{caption}</span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${height}`} role="img" aria-label={`${series.label}: ${caption}`} className="chart-svg">
        <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} className="axis" />
        <text x={PAD.left - 4} y={y(maxValue) + 8} textAnchor="end" className="tick">{fmtNumber(maxValue)}</text>
        <text x={PAD.left - 4} y={y(0)} textAnchor="end" className="tick">0</text>
        <text x={PAD.left} y={height - 4} className="tick">{fmtDate(from)}</text>
        <text x={W - PAD.right} y={height - 4} textAnchor="end" className="tick">{fmtDate(to)}</text>
        {series.kind === "step" && <path d={path} className="series-line" />}
        {series.kind === "dots" && pts.map((p, i) => <circle key={`${p.date}-${i}`} cx={x(p.date)} cy={y(p.value)} r={3.5} className="series-dot" />)}
      </svg>
      <details className="chart-data">
        <summary>Data table ({pts.length} values)</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">{series.label} ({series.unit})</th>
            </tr>
          </thead>
          <tbody>
            {pts.map((p, i) => (
              <tr key={`${p.date}-${i}`}>
                <td>{fmtDate(p.date)}</td>
                <td>{fmtNumber(p.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

function stepPath(pts: ChartPoint[], x: (d: string) => number, y: (v: number) => number, to: string): string {
  if (pts.length === 0) return "";
  let d = "";
  pts.forEach((p, i) => {
    d += i === 0 ? `M${x(p.date)},${y(p.value)}` : `H${x(p.date)}V${y(p.value)}`;
  });
  return `${d}H${x(to)}`;
}
