/**
 * Trends: a record with a two-year gap in its orders draws a gap ("no order data"), never a line
 * at 0 MME/day (issue 22: missing data drawn as zero read as "off opioids"). The series comes
 * from the engine (lib/hooks trendsData -> lib/mme mmeTimeline); the chart is rendered to markup.
 */
import { renderToStaticMarkup } from "react-dom/server";
import type { MedicationRequest } from "fhir/r4";
import { describe, expect, it } from "vitest";
import { TrendsPanel } from "@/app/_components/TrendsPanel";
import { gapSpans, stepRuns } from "@/app/_components/TimeChart";
import { trendsData } from "@/lib/hooks/useTrends";

const AS_OF = "2025-03-01";
/** oxycodone 10 mg tablet every 6 hours (4/day x 10 mg x 1.5 = 60 MME/day), 30-day supply. */
function oxy(authoredOn: string, status: MedicationRequest["status"]): MedicationRequest {
  return {
    resourceType: "MedicationRequest",
    id: `oxy-${authoredOn}`,
    status,
    intent: "order",
    subject: { reference: "Patient/p" },
    authoredOn,
    medicationCodeableConcept: { coding: [{ system: "http://www.nlm.nih.gov/research/umls/rxnorm", code: "1049683", display: "oxycodone hydrochloride 10 MG Oral Tablet" }] },
    dosageInstruction: [{ timing: { repeat: { frequency: 1, period: 6, periodUnit: "h" } }, doseAndRate: [{ doseQuantity: { value: 1, unit: "tablet" } }] }],
    dispenseRequest: { expectedSupplyDuration: { value: 30, unit: "days", system: "http://unitsofmeasure.org", code: "d" } },
  };
}
// Orders in March 2023 and from February 2025; nothing in between (two years).
const REQUESTS = [oxy("2023-03-10", "completed"), oxy("2025-02-10", "active")];

describe("Trends chart: no order data is a gap, not zero", () => {
  const data = trendsData({ requests: REQUESTS, medications: [], observations: [], asOf: AS_OF });

  it("the engine's series marks the two years without orders as covered by no order", () => {
    const uncovered = data.timeline.filter((p) => p.orders === 0);
    const gapStart = uncovered.find((p) => p.date >= "2023-04-01");
    expect(gapStart?.date).toBe("2023-04-09");
    const next = data.timeline.find((p) => p.date > "2023-04-09");
    expect(next).toMatchObject({ date: "2025-02-10", mmePerDay: 60, orders: 1 });
  });

  it("splits the drawn line at the gap (two runs), and the gap spans the two years", () => {
    const points = data.timeline.map((p) => ({ date: p.date, value: p.orders === 0 ? null : p.mmePerDay }));
    const runs = stepRuns(points, AS_OF);
    expect(runs.map((r) => [r.points[0]?.date, r.end])).toEqual([
      ["2023-03-10", "2023-04-09"],
      ["2025-02-10", AS_OF],
    ]);
    expect(gapSpans(points, AS_OF)).toContainEqual({ from: "2023-04-09", to: "2025-02-10" });
    // no run is ever drawn at 0 over the gap
    expect(runs.flatMap((r) => r.points).every((p) => p.value === 60)).toBe(true);
  });

  it("renders a hatched gap with 'no order data' on hover and in the data table, and no zero row there", () => {
    const html = renderToStaticMarkup(<TrendsPanel requests={REQUESTS} medications={[]} observations={[]} asOf={AS_OF} />);
    expect(html).toContain('data-testid="chart-gap"');
    expect(html).toMatch(/Apr 9, 2023 to Feb 10, 2025: no order data/);
    expect(html).toMatch(/<td>Apr 9, 2023<\/td><td>no order data<\/td>/);
    expect(html).not.toMatch(/<td>Apr 9, 2023<\/td><td>0<\/td>/);
    expect((html.match(/data-testid="chart-run"/g) ?? []).length).toBe(2);
    expect(html).toContain("50 (informational)");
    expect(html).not.toMatch(/\(1 values\)|\(s\)/);
  });
});
