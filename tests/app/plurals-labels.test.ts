/**
 * One home for the words of quantities and product labels (issue 22: "11 patchs", "patch(s)",
 * "(4 tablet a day)", "methadone ER 10 mg tablet"): every dose unit at counts 0, 1, 1.5, 2 and 11.
 */
import { describe, expect, it } from "vitest";
import { fmtQuantity, plural, pluralUnit } from "@/app/_components/format";
import { shortProductLabel } from "@/lib/taper";

const EXPECTED: Record<string, string> = {
  tablet: "tablets",
  capsule: "capsules",
  patch: "patches",
  film: "films",
  lozenge: "lozenges",
  suppository: "suppositories",
  spray: "sprays",
  mL: "mL",
  mg: "mg",
  mcg: "mcg",
  unit: "units",
  dose: "doses",
  step: "steps",
  day: "days",
  week: "weeks",
  month: "months",
};

describe("plurals", () => {
  for (const [unit, many] of Object.entries(EXPECTED)) {
    it(`${unit}: 1 ${unit}, and ${many} for 0, 1.5, 2 and 11`, () => {
      expect(fmtQuantity(1, unit)).toBe(`1 ${unit}`);
      for (const n of [0, 1.5, 2, 11]) expect(fmtQuantity(n, unit)).toBe(`${String(n)} ${many}`);
      expect(pluralUnit(unit)).toBe(many);
    });
  }
  it("never writes (s), (es) or a made-up plural", () => {
    const all = Object.keys(EXPECTED).flatMap((u) => [0, 1, 2, 11].map((n) => fmtQuantity(n, u)));
    expect(all.join(" ")).not.toMatch(/\(s\)|\(es\)|patchs|\b1 \w+s\b(?<!1 mcg)/);
    expect(fmtQuantity(11, "patch")).toBe("11 patches");
    expect(plural(1, "value")).toBe("1 value");
    expect(plural(4, "tablet")).toBe("4 tablets");
  });
});

describe("product labels", () => {
  it("methadone tablets are not labelled ER (long-acting by nature, not an extended-release form)", () => {
    expect(shortProductLabel("864706", "methadone hydrochloride 10 MG Oral Tablet")).toBe("methadone 10 mg tablet");
  });
});

describe("engine text as a clinician reads it", () => {
  it("line references become short human references; [U:] marks and empty brackets go", async () => {
    const { plainText, citationShort } = await import("@/app/_components/format");
    expect(plainText("About 10 % per month or slower is better tolerated (CDC 2022 draft l.2422-2424).")).toBe("About 10 % per month or slower is better tolerated (CDC 2022).");
    expect(plainText("risks (CDC 2022 draft l.2466-2498, 2650-2659).")).toBe("risks (CDC 2022).");
    expect(plainText("not recommended (CDC 2022 Rec 5); mark it")).toBe("not recommended (CDC 2022, Recommendation 5); mark it");
    expect(plainText("Instrument scoring [U: not verified in clinical-sources.md] applies")).toBe("Instrument scoring applies");
    expect(citationShort({ source: "CDC 2022", section: "Recommendation 8 (offer naloxone)" })).toBe("CDC 2022, Recommendation 8");
    expect(citationShort({ source: "CDC 2022 draft", section: "l.2536-2554 (when to taper)" })).toBe("CDC 2022");
  });
});
