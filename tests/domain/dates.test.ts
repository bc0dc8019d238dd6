/** Calendar arithmetic (lib/domain/dates): the one home the engines, CarePlan, queries and hooks share. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addMonths, daysBetween, fromDayNumber, isValidIsoDate, toDayNumber } from "@/lib/domain/dates";
import { inclusiveEnd } from "@/lib/careplan/format";
import { lookbackDate } from "@/lib/fhir/queries";

describe("calendar dates", () => {
  it.each([
    ["2024-02-28", 1, "2024-02-29"], // leap year
    ["2023-02-28", 1, "2023-03-01"],
    ["2024-12-31", 1, "2025-01-01"],
    ["2025-03-01", -1, "2025-02-28"],
    ["1923-11-10", 90, "1924-02-08"], // Synthea's oldest "active" order
  ])("addDays(%s, %i) = %s", (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it.each([
    ["2025-01-31", 1, "2025-02-28"], // clamped to the end of the month
    ["2024-01-31", 1, "2024-02-29"],
    ["2025-01-31", 2, "2025-03-31"], // from the same anchor: no drift
    ["2025-11-15", 3, "2026-02-15"],
  ])("addMonths(%s, %i) = %s", (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });

  it("reads the date part of a dateTime; a partial or impossible date is null (never guessed)", () => {
    expect(toDayNumber("2025-03-01T23:30:00-05:00")).toBe(toDayNumber("2025-03-01"));
    expect(toDayNumber("2025-03")).toBeNull();
    expect(toDayNumber("2025-02-30")).toBeNull();
    expect(isValidIsoDate("2025-02-28")).toBe(true);
    expect(isValidIsoDate("2025-02-28T00:00:00Z")).toBe(false);
    expect(daysBetween("2025-01-01", "2024-12-25")).toBe(-7);
    expect(daysBetween("2025-01-01", "not a date")).toBeNull();
  });

  it("agrees with the UTC calendar for every day from 1900 to 2200", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1) / 86_400_000, max: Date.UTC(2200, 0, 1) / 86_400_000 }), fc.integer({ min: -1000, max: 1000 }), (day, n) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        expect(fromDayNumber(day)).toBe(iso);
        expect(toDayNumber(iso)).toBe(day);
        expect(addDays(iso, n)).toBe(new Date((day + n) * 86_400_000).toISOString().slice(0, 10));
      }),
      { numRuns: 2000 },
    );
  });

  it("the CarePlan's inclusive end and the searches' look-back date use it", () => {
    expect(inclusiveEnd("2025-03-01", "2025-03-08")).toBe("2025-03-07");
    expect(inclusiveEnd("2025-03-01", "2025-03-01")).toBe("2025-03-01");
    expect(inclusiveEnd("2025-03-01", "2025-03")).toBeNull();
    expect(lookbackDate(new Date("2025-03-01T12:00:00Z"), 90)).toBe("2024-12-01");
  });
});
