import { describe, expect, it } from "vitest";
import { parseSig } from "@/lib/mme/sig";
import { SIG_CORPUS, type SigCase } from "./corpus";

const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;

describe("parseSig: the sig corpus", () => {
  it("has at least 60 sigs", () => {
    expect(SIG_CORPUS.length).toBeGreaterThanOrEqual(60);
  });

  it.each(SIG_CORPUS.map((c): [string, SigCase] => [c.text, c]))("%j", (_text, c) => {
    const r = parseSig(c.text);
    // dose per administration: [min, max, unit], or null
    expect(r.dose === null ? null : [r.dose.min, r.dose.max, r.dose.unit]).toEqual(c.dose);
    // administrations per day: [min, max], or null
    if (c.perDay === null) expect(r.administrationsPerDay).toBeNull();
    else {
      expect(r.administrationsPerDay).not.toBeNull();
      expect(close(r.administrationsPerDay?.min ?? NaN, c.perDay[0])).toBe(true);
      expect(close(r.administrationsPerDay?.max ?? NaN, c.perDay[1])).toBe(true);
    }
    expect(r.asNeeded).toBe(c.prn);
    if (c.route !== undefined) expect(r.route).toBe(c.route);
    if (c.patchChangeHours !== undefined) expect(r.patchChangeHours).toBeCloseTo(c.patchChangeHours ?? NaN, 9);
    if (c.everyOtherDay !== undefined) expect(r.everyOtherDay).toBe(c.everyOtherDay);
    if (c.atBedtime !== undefined) expect(r.atBedtime).toBe(c.atBedtime);
    if (c.caps !== undefined) expect(r.caps).toEqual(c.caps);
    if (c.alternate !== undefined) expect(r.doseAlternate === null ? null : [r.doseAlternate.min, r.doseAlternate.max, r.doseAlternate.unit]).toEqual(c.alternate);
    if (c.dosePerDay !== undefined) expect(r.dosePerDay === null ? null : [r.dosePerDay.min, r.dosePerDay.max, r.dosePerDay.unit]).toEqual(c.dosePerDay);
    else expect(r.dosePerDay).toBeNull();
    for (const code of c.warnings ?? []) expect(r.warnings.map((w) => w.code)).toContain(code);
    // A sig read without doubt carries no warning about the parts it read.
    if (c.warnings === undefined) expect(r.warnings).toEqual([]);
  });
});
