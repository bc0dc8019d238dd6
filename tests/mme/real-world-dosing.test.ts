/**
 * The sig-text parser, timing codes and NDC table through the engine (issue 10), with the whole
 * sig corpus rather than a handful of texts:
 * - sig-only orders compute dose.max x perDay.max x strength x factor, or are not computable
 *   when the text leaves the dose or the frequency unknown (never a guess);
 * - adding any sig text (corpus or random) to a structured order either leaves its MME as it was
 *   (the sig agrees, or states nothing readable) or makes it not computable (the sig disagrees):
 *   it never changes the number;
 * - timing codes and NDC-only orders resolve, and say so in `sources`.
 */
import fc from "fast-check";
import type { MedicationRequest } from "fhir/r4";
import { describe, expect, it } from "vitest";
import { calculateMme } from "@/lib/mme";
import { makeNdcLookup, NDC_SYSTEM } from "@/lib/mme/ndc";
import { NDC_TABLE } from "@/lib/mme/ndc/ndc-table.generated";
import { GTS_ABBREVIATION_SYSTEM } from "@/lib/mme/frequency/timing-code";
import { AS_OF, one, order, parsed, perDay, tab } from "./builders";
import { SIG_CORPUS } from "./sig/corpus";

const OXY_5 = "1049621"; // oxycodone 5 mg tablet, factor 1.5
const OXY_SOLUTION_1 = "1049604"; // oxycodone 1 mg/mL oral solution
const FENTANYL_75 = "197696"; // fentanyl 75 mcg/h patch: 180 MME per patch worn

/** Product for a corpus dose unit, and MME per unit of dose. */
const PRODUCT_BY_UNIT: Partial<Record<string, { rxnorm: string; mmePerUnit: number }>> = {
  tablet: { rxnorm: OXY_5, mmePerUnit: 5 * 1.5 },
  mg: { rxnorm: OXY_5, mmePerUnit: 1.5 },
  mL: { rxnorm: OXY_SOLUTION_1, mmePerUnit: 1 * 1.5 },
};

const sigOnly = (rxnorm: string, text: string): MedicationRequest => order(rxnorm, { text });

describe("sig-only orders through the engine (corpus)", () => {
  // Texts that also state the dose as a mass ("(15 mg total)") are cross-checked against the
  // product strength: see "a dose restated as a mass" below.
  const computable = SIG_CORPUS.filter((c) => c.dose !== null && c.perDay !== null && c.dose[2] !== null && PRODUCT_BY_UNIT[c.dose[2]] !== undefined && (c.caps ?? []).length === 0 && c.alternate === undefined);

  it("exercises most of the corpus", () => {
    expect(computable.length).toBeGreaterThanOrEqual(50);
  });

  it.each(computable.map((c) => [c.text, c] as const))("%j -> dose max x doses/day max x MME per unit", (_t, c) => {
    const unit = c.dose?.[2] ?? "";
    const product = PRODUCT_BY_UNIT[unit];
    const o = one(sigOnly(product?.rxnorm ?? "", c.text));
    // e.g. "1-2 tablets every 4-6 hours": 2 tablets x 6 a day x 5 mg x 1.5 = 90
    const expected = (c.dose?.[1] ?? NaN) * (c.perDay?.[1] ?? NaN) * (product?.mmePerUnit ?? NaN);
    expect(o.status).toBe("counted");
    expect(o.mmePerDay).toBeCloseTo(expected, 9);
    expect(o.sources).toMatchObject({ dose: "sig-text", frequency: "sig-text" });
    expect(o.asNeeded).toBe(c.prn);
  });

  it.each(SIG_CORPUS.filter((c) => c.dosePerDay === undefined && (c.dose === null || (c.perDay === null && c.dose[2] !== "patch"))).map((c) => [c.text] as const))(
    "%j leaves the dose or frequency unknown -> not computable",
    (text) => {
      const o = one(sigOnly(OXY_5, text));
      expect(o.status).toBe("not-computable");
      expect(o.mmePerDay).toBeNull();
    },
  );

  it.each(SIG_CORPUS.filter((c) => c.dosePerDay !== undefined).map((c) => [c.text, c.dosePerDay?.[1] ?? NaN] as const))(
    "%j (parts with their own dose and time) -> %d tablets a day x 5 mg x 1.5",
    (text, tablets) => {
      expect(one(sigOnly(OXY_5, text)).mmePerDay).toBeCloseTo(tablets * 7.5, 9);
    },
  );

  it.each([
    // "Take 1 tablet (5 mg total)": 1 tablet of 5 mg agrees; of 10 mg it does not
    ["Take 1 tablet (5 mg total) by mouth every 12 hours", OXY_5, "counted"],
    ["Take 1 tablet (5 mg total) by mouth every 12 hours", "1049683", "not-computable"],
    // Cerner "dose = units": 10 mg = 2 tab of 5 mg agrees; 650 mg = 2 tab (acetaminophen) does not
    ["10 mg = 2 tab, Oral, every 6 hr, PRN: pain", OXY_5, "counted"],
    ["650 mg = 2 tab, Oral, every 6 hr, PRN: pain", OXY_5, "not-computable"],
  ] as const)("a dose restated as a mass is checked against the strength: %j with %s -> %s", (text, rxnorm, status) => {
    expect(one(sigOnly(rxnorm, text)).status).toBe(status);
  });

  it.each(SIG_CORPUS.filter((c) => c.dose?.[2] === "patch").map((c) => [c.text, c.dose?.[1] ?? NaN] as const))(
    "%j -> %d patch(es) worn x 75 mcg/h x 2.4, whatever the change interval",
    (text, patches) => {
      expect(one(sigOnly(FENTANYL_75, text)).mmePerDay).toBeCloseTo(patches * 180, 9);
    },
  );
});

/** A structured, current oxycodone order, PRN or not. */
const structured = fc
  .record({ units: fc.integer({ min: 1, max: 3 }), times: fc.integer({ min: 1, max: 6 }), asNeeded: fc.boolean(), rxnorm: fc.constantFrom(OXY_5, FENTANYL_75) })
  .map(({ units, times, asNeeded, rxnorm }) =>
    order(rxnorm, perDay(rxnorm === FENTANYL_75 ? { value: units, unit: "patch" } : tab(units), times, { asNeededBoolean: asNeeded })),
  );
const TOKENS = ["take", "1", "2", "6", "tab", "patch", "ml", "mg", "q", "4", "h", "every", "hours", "bid", "prn", "max", "per", "day", "/", "then", "(", ")"];
const anySig = fc.oneof(
  fc.constantFrom(...SIG_CORPUS.map((c) => c.text)),
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 12 }).map((t) => t.join(" ")),
  fc.string({ maxLength: 60 }),
);

describe("adding a sig text to a structured order never changes its number: it confirms it or makes it not computable", () => {
  it("as dosageInstruction.text or patientInstruction, corpus or random text", () => {
    const seen = { same: 0, refused: 0 };
    fc.assert(
      fc.property(structured, anySig, fc.boolean(), (mr, text, asPatientInstruction) => {
        const field = asPatientInstruction ? { patientInstruction: text } : { text };
        const withText = { ...mr, dosageInstruction: mr.dosageInstruction?.map((d) => ({ ...d, ...field })) };
        const before = calculateMme({ medicationRequests: [parsed(mr)], asOf: AS_OF }).orders[0];
        const after = calculateMme({ medicationRequests: [parsed(withText)], asOf: AS_OF }).orders[0];
        // A sig cap may lower an as-needed order's maximum: that is a reading of "the most it allows".
        const capped = after?.assumptions.some((a) => a.code.startsWith("mme.cap.")) === true;
        if (after?.status === "counted" && !capped) {
          expect(after.mmePerDay).toBe(before?.mmePerDay);
          seen.same += 1;
        } else if (after?.status === "not-computable") {
          expect(["mme.conflicting-dose", "mme.conflicting-frequency", "mme.implausible"]).toContain(after.reason);
          seen.refused += 1;
        }
      }),
      { numRuns: 400 },
    );
    expect(seen.same).toBeGreaterThan(50);
    expect(seen.refused).toBeGreaterThan(20);
  });

  it("a sig cap lower than the structured schedule of an as-needed order lowers it (the most the order allows), and says so", () => {
    const o = one(order(OXY_5, perDay(tab(2), 6, { asNeededBoolean: true, text: "2 tabs every 4 hours as needed, max 8 tablets per day" })));
    // 2 tablets x 6 a day = 12, capped at 8 tablets a day: 8 x 5 mg x 1.5 = 60
    expect(o.mmePerDay).toBeCloseTo(60, 9);
    expect(o.assumptions.map((a) => a.code)).toContain("mme.cap.per-period");
  });
});

describe("timing codes and NDC codes through the engine", () => {
  it.each([
    // code, administrations/day; 1 tablet of oxycodone 5 mg: perDay x 7.5
    [{ coding: [{ system: GTS_ABBREVIATION_SYSTEM, code: "QID" }] }, 4],
    [{ coding: [{ system: GTS_ABBREVIATION_SYSTEM, code: "Q8H" }] }, 3],
    [{ coding: [{ system: GTS_ABBREVIATION_SYSTEM, code: "QOD" }] }, 0.5],
    [{ text: "every 4-6 hours" }, 6],
  ])("timing.code %j -> %d a day", (code, n) => {
    const o = one(order(OXY_5, { timing: { code }, doseAndRate: [{ doseQuantity: tab(1) }] }));
    expect(o.mmePerDay).toBeCloseTo(n * 7.5, 9);
    expect(o.sources.frequency).toBe("timing-code");
  });

  it.each([
    // NDC as written (10/11 digits, dashed or not) -> Percocet 5/325: 1 tab QID = 4 x 5 x 1.5 = 30
    ["00590-0127-65"],
    ["00590012765"],
    ["0590-0127-65"],
  ])("NDC-only order %s -> 30, product from the NDC table", (ndc) => {
    const mr = order("x", perDay(tab(1), 4), { medicationCodeableConcept: { coding: [{ system: NDC_SYSTEM, code: ndc }] } });
    const o = one(mr, { ndcLookup: makeNdcLookup(NDC_TABLE) });
    expect(o.mmePerDay).toBeCloseTo(30, 9);
    expect(o.sources.product).toBe("ndc-table");
  });

  it("every NDC product whose only factor is the data file's (TIRF fentanyl, meperidine, levorphanol...) gets that factor per NDC", () => {
    const lookup = makeNdcLookup(NDC_TABLE);
    const dataFileOnly = /^(?:Fentanyl SA|Meperidine|Levorphanol|Pentazocine|Dihydrocodeine|Butorphanol|Levomethadyl)$/;
    const groups = NDC_TABLE.products.filter((p) => dataFileOnly.test(p.drug));
    expect(groups.length).toBeGreaterThan(60);
    for (const p of groups) {
      const ndc = p.ndcs[0] ?? "";
      const unit = lookup(ndc)?.product?.unit ?? "";
      const mr = order("x", perDay({ value: 1, unit }, 1), { medicationCodeableConcept: { coding: [{ system: NDC_SYSTEM, code: ndc }] } });
      // 1 unit (tablet, lozenge, film, spray, mL) a day: strength per unit x the file's factor,
      // e.g. Subsys 100 mcg/spray x 0.18 = 18; Lazanda 100 mcg/spray x 0.16 = 16
      expect(one(mr, { ndcLookup: lookup }).mmePerDay, `${p.productName} ${ndc}`).toBeCloseTo((p.strengthPerUnit ?? NaN) * (p.mmeConversionFactor ?? NaN), 9);
    }
  });
});
