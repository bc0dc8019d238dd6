import { describe, expect, it } from "vitest";
import { mmeTimeline } from "@/lib/mme/timeline";
import { every, order, parsed, perDay, tab } from "./builders";

// Catalog: 1049683 oxycodone 10 mg tablet (x1.5); 1049621 oxycodone 5 mg; 857005 APAP/hydrocodone 7.5 mg (x1).
const supply = (days: number, refills = 0) => ({
  dispenseRequest: { expectedSupplyDuration: { value: days, unit: "days", system: "http://unitsofmeasure.org", code: "d" }, numberOfRepeatsAllowed: refills },
});

describe("mmeTimeline", () => {
  it("holds an order's MME for its supply, then drops to zero", () => {
    // oxycodone 10 mg q6h = 4/day x 10 mg x 1.5 = 60 MME/day, 30-day supply from Jan 1
    const mr = parsed(order("1049683", every(tab(1), 6), { status: "completed", authoredOn: "2025-01-01", ...supply(30) }));
    expect(mmeTimeline({ medicationRequests: [mr], from: "2024-12-01", to: "2025-03-01" })).toEqual([
      { date: "2024-12-01", mmePerDay: 0, complete: true, orders: 0 },
      { date: "2025-01-01", mmePerDay: 60, complete: true, orders: 1 },
      { date: "2025-01-31", mmePerDay: 0, complete: true, orders: 0 },
    ]);
  });

  it("lets a re-order of the same product replace the previous one instead of adding up", () => {
    // monthly re-orders with no stated supply: each would cover 90 days (the lookback), but the
    // next order of the same product ends the previous window: 60, then 30 (5 mg -> different product)
    const a = parsed(order("1049683", every(tab(1), 6), { status: "completed", authoredOn: "2025-01-01" }));
    const b = parsed(order("1049683", every(tab(1), 6), { status: "completed", authoredOn: "2025-02-01" }));
    const points = mmeTimeline({ medicationRequests: [a, b], from: "2025-01-01", to: "2025-03-01" });
    expect(points).toEqual([{ date: "2025-01-01", mmePerDay: 60, complete: true, orders: 1 }]);
  });

  it("adds different products taken at the same time", () => {
    // oxycodone 60 + hydrocodone 7.5 mg x 4/day = 30 -> 90
    const oxy = parsed(order("1049683", every(tab(1), 6), { authoredOn: "2025-01-01", ...supply(60) }));
    const hydro = parsed(order("857005", perDay(tab(1), 4), { authoredOn: "2025-01-15", ...supply(30) }));
    const points = mmeTimeline({ medicationRequests: [oxy, hydro], from: "2025-01-01", to: "2025-03-31" });
    expect(points.map((p) => [p.date, p.mmePerDay])).toEqual([
      ["2025-01-01", 60],
      ["2025-01-15", 90],
      ["2025-02-14", 60],
      ["2025-03-02", 0],
    ]);
  });

  it("marks an interval incomplete when an order in it could not be computed (a floor, never a lower number)", () => {
    const noDose = parsed(order("1049683", null, { authoredOn: "2025-01-01", ...supply(30) }));
    const [first, second] = mmeTimeline({ medicationRequests: [noDose], from: "2025-01-01", to: "2025-02-28" });
    expect(first).toEqual({ date: "2025-01-01", mmePerDay: 0, complete: false, orders: 1 });
    expect(second).toEqual({ date: "2025-01-31", mmePerDay: 0, complete: true, orders: 0 });
  });

  it("ignores entered-in-error orders and non-opioids", () => {
    const wrong = parsed(order("1049683", every(tab(1), 6), { status: "entered-in-error", authoredOn: "2025-01-01" }));
    const lisinopril = parsed(order("314076", perDay(tab(1), 1), { authoredOn: "2025-01-01", medicationCodeableConcept: { coding: [{ system: "http://www.nlm.nih.gov/research/umls/rxnorm", code: "314076", display: "lisinopril 10 MG Oral Tablet" }] } }));
    expect(mmeTimeline({ medicationRequests: [wrong, lisinopril], from: "2025-01-01", to: "2025-02-01" })).toEqual([
      { date: "2025-01-01", mmePerDay: 0, complete: true, orders: 0 },
    ]);
  });

  it("tells a stretch with no order on file (no data) apart from a counted dose: two years without orders are 0 orders, not 0 MME", () => {
    // oxycodone 10 mg q6h (60 MME/day) for 30 days in Jan 2023, nothing for two years, again from Feb 2025
    const early = parsed(order("1049683", every(tab(1), 6), { status: "completed", authoredOn: "2023-01-01", ...supply(30) }));
    const late = parsed(order("1049683", every(tab(1), 6), { authoredOn: "2025-02-01", ...supply(30) }));
    const points = mmeTimeline({ medicationRequests: [early, late], from: "2023-01-01", to: "2025-02-15" });
    expect(points.map((p) => [p.date, p.mmePerDay, p.orders])).toEqual([
      ["2023-01-01", 60, 1],
      ["2023-01-31", 0, 0],
      ["2025-02-01", 60, 1],
    ]);
  });

  it("returns nothing for an inverted range", () => {
    expect(mmeTimeline({ medicationRequests: [], from: "2025-02-01", to: "2025-01-01" })).toEqual([]);
  });
});
