import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_SIG_CHARS, parseSig, type NumberRange, type ParsedSig } from "@/lib/mme/sig";

/** Tokens of real sigs, so random sentences reach the parser's deeper paths. */
const TOKENS = [
  "take", "apply", "1", "2", "0", "1-2", "0.5", "1/2", "½", "one", "two", "half", "and", "a", "to", "or", "then",
  "tab", "tabs", "tab(s)", "tablet", "capsule", "patch", "ml", "mg", "mcg", "tsp", "spray", "film", "(", ")",
  "(four)", "(5 mg total)", "q", "q6h", "q 4-6 h", "every", "hours", "hrs", "h", "days", "week", "other", "day",
  "x", "x2", "2x", "times", "twice", "daily", "bid", "tid", "qid", "qd", "qod", "qhs", "hs", "am", "pm", "8am",
  "morning", "bedtime", "prn", "as needed", "po", "by mouth", "sl", "transdermal", "max", "not to exceed",
  "up to", "per", "/", "24", "72", "999999", "1e308", "-", ".", ",", "#30", "for", "acetaminophen", "Q.6.H.",
];
const sigLike = fc.array(fc.constantFrom(...TOKENS), { maxLength: 25 }).map((t) => t.join(" "));
const anyText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: "grapheme", maxLength: 200 }), sigLike);

function numbersOf(r: ParsedSig): number[] {
  const ranges: NumberRange[] = [r.dose, r.doseAlternate, r.administrationsPerDay].filter((x): x is NumberRange => x !== null);
  return [
    ...ranges.flatMap((x) => [x.min, x.max]),
    ...r.caps.flatMap((c) => [c.amount, c.periodHours]),
    ...(r.patchChangeHours === null ? [] : [r.patchChangeHours]),
  ];
}

describe("parseSig properties", () => {
  it("never throws, and every number is finite and >= 0, with min <= max", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const r = parseSig(text);
        for (const n of numbersOf(r)) {
          expect(Number.isFinite(n)).toBe(true);
          expect(n).toBeGreaterThanOrEqual(0);
        }
        for (const range of [r.dose, r.doseAlternate, r.administrationsPerDay]) {
          if (range !== null) expect(range.max).toBeGreaterThanOrEqual(range.min);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("reports a used frequency as > 0 per day and a patch interval consistent with it", () => {
    fc.assert(
      fc.property(sigLike, (text) => {
        const r = parseSig(text);
        if (r.administrationsPerDay !== null) expect(r.administrationsPerDay.max).toBeGreaterThan(0);
        if (r.patchChangeHours !== null) {
          expect(r.administrationsPerDay).not.toBeNull();
          expect(r.patchChangeHours * (r.administrationsPerDay?.max ?? NaN)).toBeCloseTo(24, 9);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("does not depend on letter case or repeated spaces", () => {
    fc.assert(
      fc.property(sigLike, (text) => {
        const a = parseSig(text);
        const b = parseSig(text.toUpperCase().replace(/ /g, "   "));
        expect([b.dose, b.administrationsPerDay, b.asNeeded]).toEqual([a.dose, a.administrationsPerDay, a.asNeeded]);
      }),
      { numRuns: 1000 },
    );
  });

  it("reads nothing from a text over the length limit, and says so", () => {
    const r = parseSig("1 tab q6h ".repeat(MAX_SIG_CHARS));
    expect([r.dose, r.administrationsPerDay]).toEqual([null, null]);
    expect(r.warnings.map((w) => w.code)).toEqual(["sig.too-long"]);
  });

  it("stays fast on adversarial text at the length limit (no catastrophic backtracking)", () => {
    const nasty = ["(one ", "1-", "max ", "q ", "every 1 ", "1 / ", "a.", "((((", "up to 1 "];
    for (const piece of nasty) {
      const text = piece.repeat(Math.floor(MAX_SIG_CHARS / piece.length));
      const r = parseSig(text);
      expect(r.text.length).toBeLessThanOrEqual(MAX_SIG_CHARS);
    }
  });

  it.each(["", "   ", "\n\t"])("treats blank text %j as no sig", (text) => {
    const r = parseSig(text);
    expect([r.dose, r.administrationsPerDay, r.asNeeded]).toEqual([null, null, false]);
    expect(r.warnings.map((w) => w.code)).toEqual(["sig.empty"]);
  });
});
