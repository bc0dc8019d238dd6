/**
 * The one rounding rule for display (lib/domain/numbers). Every place that shows an MME/day value
 * must agree with it: the MME engine's formatMme (lib/mme/format.ts), the screens (fmtMme), the
 * CarePlan text and the readiness sentences.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDecimal, formatMmePerDay, roundTo } from "@/lib/domain/numbers";
import { formatMme as engineFormatMme } from "@/lib/mme";
import { formatMme as carePlanFormatMme } from "@/lib/careplan/format";
import { fmt as taperFmt } from "@/lib/taper/format";
import { fmtMme, fmtNumber } from "@/app/_components/format";

describe("roundTo / formatDecimal", () => {
  it.each([
    // value, decimals, expected: half away from zero, ties as written in decimal
    [22.45, 1, 22.5],
    [8.345, 2, 8.35],
    [1.005, 2, 1.01],
    [179.9999982, 1, 180], // the CDC IG's 75 mcg/h patch (0.33333333 truncation)
    [0.15 * 3, 2, 0.45], // 0.44999999999999996 in binary
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [-0.04, 1, 0], // never "-0"
    [7.5, 1, 7.5],
    [0.075, 3, 0.075], // fentanyl 75 mcg/h in mg/h keeps its digits at 3 places
  ])("roundTo(%s, %s) = %s", (value, decimals, expected) => {
    expect(roundTo(value, decimals)).toBe(expected);
  });

  it("writes no trailing zeros and says unknown for a non-finite value", () => {
    expect(formatDecimal(12, 2)).toBe("12");
    expect(formatDecimal(21.8666, 2)).toBe("21.87");
    expect(formatDecimal(-0.001, 1)).toBe("0");
    expect(formatDecimal(Number.NaN, 1)).toBe("unknown");
    expect(formatDecimal(Number.POSITIVE_INFINITY, 1)).toBe("unknown");
  });
});

describe("every MME/day display agrees", () => {
  it("the engine, the screens, the CarePlan and the readiness sentences round MME/day the same way", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100_000, noNaN: true }), (mme) => {
        const text = formatMmePerDay(mme);
        expect(engineFormatMme(mme)).toBe(text);
        expect(fmtMme(mme)).toBe(text);
        expect(carePlanFormatMme(mme)).toBe(`${text} MME/day`);
        expect(taperFmt(mme)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([[22.45, "22.5"], [179.9999982, "180"], [60, "60"], [0.05, "0.1"]])("%s MME/day is shown as %s everywhere", (mme, shown) => {
    expect(formatMmePerDay(mme)).toBe(shown);
    expect(engineFormatMme(mme)).toBe(shown);
  });

  it("dose amounts on screen use the same rule at two decimals", () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 10_000, noNaN: true }), (v) => {
      expect(fmtNumber(v)).toBe(formatDecimal(v, 2));
    }));
  });
});
