import { describe, expect, it } from "vitest";
import { administrationsPerDayFromTimingCode, GTS_ABBREVIATION_SYSTEM, GTS_ADMINISTRATIONS_PER_DAY } from "@/lib/mme/frequency/timing-code";

const gts = (code: string, display?: string) => ({ coding: [{ system: GTS_ABBREVIATION_SYSTEM, code, ...(display === undefined ? {} : { display }) }] });

describe("administrationsPerDayFromTimingCode", () => {
  it.each([
    // code, administrations per day (FHIR R4 TimingAbbreviation definitions)
    ["QD", 1], ["QOD", 0.5], ["BID", 2], ["TID", 3], ["QID", 4], ["AM", 1], ["PM", 1], ["BED", 1],
    ["Q1H", 24], ["Q2H", 12], ["Q3H", 8], ["Q4H", 6], ["Q6H", 4], ["Q8H", 3],
    ["WK", 1 / 7], // weekly
    ["MO", 1 / 30], // monthly = 30 days (CDC MMECalculator ToDaily)
  ])("GTS code %s -> %d per day", (code, perDay) => {
    expect(administrationsPerDayFromTimingCode(gts(code))).toMatchObject({ perDay, code, via: "gts-code" });
  });

  it("covers every frequency code of the TimingAbbreviation value set", () => {
    expect(Object.keys(GTS_ADMINISTRATIONS_PER_DAY).sort()).toEqual(
      ["AM", "BED", "BID", "MO", "PM", "Q1H", "Q2H", "Q3H", "Q4H", "Q6H", "Q8H", "QD", "QID", "QOD", "TID", "WK"],
    );
  });

  it("accepts the older canonical URL and lower-case codes", () => {
    expect(administrationsPerDayFromTimingCode({ coding: [{ system: "http://hl7.org/fhir/v3/GTSAbbreviation", code: "bid" }] })?.perDay).toBe(2);
  });

  it.each([
    // codes outside the table, or from another system, are read as text
    [{ coding: [{ system: GTS_ABBREVIATION_SYSTEM, code: "Q12H" }] }, 2, "code-text"],
    [{ coding: [{ system: "urn:oid:1.2.840.114350.1.13.0.1.7.4.798268.7025", code: "Q6H PRN" }] }, 4, "code-text"],
    [{ coding: [{ code: "12345", display: "Every 4-6 hours" }] }, 6, "display"], // shortest interval = most administrations
    [{ text: "twice daily" }, 2, "text"],
    [{ text: "every 72 hours" }, 1 / 3, "text"],
    [{ coding: [{ system: "http://example.org/local", code: "TWICE_A_DAY", display: "2 times a day" }] }, 2, "code-text"], // both read 2; the code comes first
  ])("%j -> %d per day via %s", (concept, perDay, via) => {
    const r = administrationsPerDayFromTimingCode(concept);
    expect(r?.perDay).toBeCloseTo(perDay, 12);
    expect(r?.via).toBe(via);
  });

  it.each([
    ["no concept", undefined],
    ["null", null],
    ["empty", {}],
    ["a non-frequency GTS code (JB: business days)", gts("JB")],
    ["unreadable text", { text: "as directed" }],
    ["codings that disagree", { coding: [{ system: GTS_ABBREVIATION_SYSTEM, code: "BID" }], text: "three times daily" }],
    ["an ambiguous display", { coding: [{ display: "q6h or q4h" }] }],
  ])("%s -> null", (_label, concept) => {
    expect(administrationsPerDayFromTimingCode(concept)).toBeNull();
  });

  it("agreeing code and text give the code's reading", () => {
    expect(administrationsPerDayFromTimingCode({ ...gts("Q6H", "Q6H"), text: "every 6 hours" })).toMatchObject({ perDay: 4, code: "Q6H", via: "gts-code" });
  });
});
