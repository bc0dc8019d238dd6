/**
 * Dose arithmetic, order by order: units (UCUM and known non-UCUM spellings, unit-less),
 * frequency (repeat, timeOfDay, when, timing code, sig text), PRN maxima and caps, several
 * doseAndRate entries, several dosage instructions, patches, liquids, dispense estimates.
 * Each row's arithmetic is in its comment.
 */
import type { Dosage, Timing } from "fhir/r4";
import { describe, expect, it } from "vitest";
import { codes, every, mg, ml, one, order, patch, perDay, tab, UCUM } from "./builders";

const OXY_5 = "1049621"; // oxycodone 5 mg tablet
const APAP_OXY_5 = "1049221"; // APAP 325 / oxycodone 5 mg tablet
const OXY_1_PER_ML = "1049604"; // oxycodone 1 mg/mL oral solution
const FENTANYL_25 = "245134"; // 72 HR fentanyl 25 mcg/h patch
const FENTANYL_75 = "197696";
const HYDROCODONE_APAP_7_5 = "857005";
const MORPHINE_ER_15 = "891881";

describe("dose units: UCUM codes and known non-UCUM spellings, in one place", () => {
  it.each([
    // unit, code, system -> 2 units q6h of oxycodone 5 mg = 2 x 5 x 4 = 40 mg x 1.5 = 60
    ["tablet", "{tbl}", UCUM],
    ["TAB", "TAB", "http://terminology.hl7.org/CodeSystem/v3-orderableDrugForm"],
    ["tablets", undefined, undefined],
    ["Tablet", "TAB", undefined],
    ["capsule", "{capsule}", UCUM],
    ["each", "1", UCUM],
  ])("%s / %s -> 60", (unit, code, system) => {
    const dose = { value: 2, ...(unit === undefined ? {} : { unit }), ...(code === undefined ? {} : { code }), ...(system === undefined ? {} : { system }) };
    const o = one(order(OXY_5, every(dose, 6)));
    expect(o.mmePerDay).toBeCloseTo(60, 9);
    expect(o.unitsPerAdministration).toBe(2);
  });

  it.each([
    // mass: the opioid amount. 10 mg q6h = 40 mg x 1.5 = 60; 10000 ug = 10 mg
    [mg(10), 60],
    [{ value: 10000, unit: "ug", system: UCUM, code: "ug" }, 60],
    [{ value: 10000, unit: "mcg" }, 60],
  ])("mass dose %o -> %s", (dose, expected) => {
    expect(one(order(OXY_5, every(dose, 6))).mmePerDay).toBeCloseTo(expected, 9);
  });

  it("unit-less dose (Synthea: doseQuantity {value: 1}) = one tablet, flagged", () => {
    // 1 tablet q6h of APAP/oxycodone 5 mg = 20 mg x 1.5 = 30
    const o = one(order(APAP_OXY_5, every({ value: 1 }, 6)));
    expect(o.mmePerDay).toBeCloseTo(30, 9);
    expect(codes(o)).toContain("mme.assume.unitless-dose");
  });

  it.each([
    // a unit that does not fit the product contradicts it (a volume for a tablet, a tablet count for a
    // solution, a rate for a tablet); an unknown spelling or code vs unit disagreeing is not read
    [OXY_5, ml(5), "mme.conflicting-dose"],
    [OXY_1_PER_ML, tab(1), "mme.conflicting-dose"],
    [OXY_5, { value: 25, unit: "mcg/h", code: "ug/h" }, "mme.conflicting-dose"],
    [OXY_5, { value: 1, unit: "scoop" }, "mme.unknown-dose-unit"],
    [OXY_5, { value: 1, unit: "tablet", code: "mg", system: UCUM }, "mme.unknown-dose-unit"],
    [OXY_5, { value: 0, unit: "tablet" }, "mme.invalid-value"],
    [OXY_5, { value: -2, unit: "tablet" }, "mme.invalid-value"],
    [OXY_5, { unit: "tablet" }, "mme.missing-dose"],
  ])("%s with %o -> not computable %s", (rx, dose, reason) => {
    const o = one(order(rx, every(dose, 6)));
    expect(o.status).toBe("not-computable");
    expect(o.reason).toBe(reason);
    expect(o.mmePerDay).toBeNull();
    expect(o.message?.length).toBeGreaterThan(10);
  });

  it("oral solution: 5 mL of 1 mg/mL q4h = 30 mg/day x 1.5 = 45", () => {
    expect(one(order(OXY_1_PER_ML, every(ml(5), 4))).mmePerDay).toBeCloseTo(45, 9);
  });
});

describe("frequency: never assumed to be once a day", () => {
  const dose = { doseAndRate: [{ doseQuantity: tab(1) }] };
  it.each<[Timing, number]>([
    // timing -> doses/day; oxycodone 5 mg x doses x 1.5
    [{ repeat: { frequency: 2, period: 1, periodUnit: "d" } }, 2],
    [{ repeat: { frequency: 1, frequencyMax: 2, period: 4, periodUnit: "h" } }, 12], // up to 2 every 4 h
    [{ repeat: { frequency: 1, period: 4, periodMax: 6, periodUnit: "h" } }, 6], // every 4-6 h: 4 h
    [{ repeat: { frequency: 1, period: 1, periodUnit: "wk" } }, 1 / 7],
    [{ repeat: { period: 8, periodUnit: "h" } }, 3], // period without frequency: once per period
    [{ repeat: { frequency: 3, periodUnit: "d" } }, 3], // unit without period: 1 d, flagged
    [{ repeat: { timeOfDay: ["08:00:00", "20:00:00"] } }, 2],
    [{ repeat: { when: ["MORN", "HS"] } }, 2],
    [{ repeat: { when: ["AC"] } }, 3], // before meals: three a day
    [{ code: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation", code: "TID" }] } }, 3],
    [{ code: { text: "Q6H" } }, 4],
  ])("%o -> %s a day", (timing, doses) => {
    const o = one(order(OXY_5, { ...dose, timing }));
    expect(o.status).toBe("counted");
    expect(o.administrationsPerDay).toBeCloseTo(doses, 9);
    expect(o.mmePerDay).toBeCloseTo(5 * doses * 1.5, 9);
  });

  it("timing code is reported as the frequency source", () => {
    const o = one(order(OXY_5, { doseAndRate: [{ doseQuantity: tab(1) }], timing: { code: { text: "BID" } } }));
    expect(o.sources).toEqual({ product: "rxnorm-catalog", dose: "structured", frequency: "timing-code" });
  });

  it.each<[Partial<Dosage>, string]>([
    [{}, "mme.missing-frequency"],
    [{ timing: { repeat: { frequency: 2 } } }, "mme.missing-frequency"],
    [{ timing: { repeat: { frequency: 1, period: 0, periodUnit: "h" } } }, "mme.invalid-value"],
  ])("no usable frequency %o -> %s", (extra, reason) => {
    const o = one(order(OXY_5, { doseAndRate: [{ doseQuantity: tab(1) }], ...extra }));
    expect(o.status).toBe("not-computable");
    expect(o.reason).toBe(reason);
  });
});

describe("the sig text is a reading: it fills what the structured fields lack, and must agree with what they state", () => {
  it("frequency from the sig text when the structured timing is absent: 1 tab q4h -> 6/day x 5 x 1.5 = 45", () => {
    const o = one(order(OXY_5, { text: "Take 1 tablet by mouth every 4 hours", doseAndRate: [{ doseQuantity: tab(1) }] }));
    expect(o.mmePerDay).toBeCloseTo(45, 9);
    expect(o.sources.frequency).toBe("sig-text");
    expect(codes(o)).toContain("mme.assume.sig-frequency");
  });

  it("dose and frequency from the sig only, PRN range -> the maximum: 2 tabs q4h prn = 12 x 5 x 1.5 = 90", () => {
    const o = one(order(OXY_5, { text: "1-2 tablets by mouth every 4 hours as needed for pain" }));
    expect(o.mmePerDay).toBeCloseTo(90, 9);
    expect(o.asNeeded).toBe(true);
    expect(o.sources).toMatchObject({ dose: "sig-text", frequency: "sig-text" });
  });

  it("a sig that disagrees with the structured dose makes the order not computable, with both readings in words", () => {
    const a = one(order(OXY_5, every(tab(1), 6)));
    const b = one(order(OXY_5, every(tab(1), 6, { text: "Take 2 tablets every 6 hours" })));
    // structured: 1 tablet x 4 a day x 5 mg x 1.5 = 30; the sig says 2 tablets: which one?
    expect(a.mmePerDay).toBeCloseTo(30, 9);
    expect(b.status).toBe("not-computable");
    expect(b.reason).toBe("mme.conflicting-dose");
    expect(b.message).toBe("The order states the dose per administration differently: structured dose says 1 tablet, sig text says 2 tablets.");
    expect(b.readings.filter((r) => r.fact === "dose").map((r) => r.agrees)).toEqual([true, false]);
  });

  it("a sig that disagrees with the structured frequency: not computable", () => {
    const b = one(order(OXY_5, every(tab(1), 6, { text: "Take 1 tablet every 4 hours" })));
    expect(b.reason).toBe("mme.conflicting-frequency");
    expect(b.message).toBe("The order states the number of administrations a day differently: timing.repeat says 4 a day, sig text says 6 a day.");
  });

  it("a sig that agrees confirms the number, and the ledger says which readings agreed", () => {
    const o = one(order(OXY_5, every(tab(1), 6, { text: "Take 1 tablet (5 mg total) by mouth every 6 hours" })));
    expect(o.mmePerDay).toBeCloseTo(30, 9);
    expect(o.readings.filter((r) => r.fact !== "product")).toEqual([
      { fact: "dose", where: "structured dose", value: "1 tablet", agrees: true },
      { fact: "dose", where: "sig text", value: "1 tablet", agrees: true },
      { fact: "dose", where: "sig text (also written 5 mg)", value: "1 tablet", agrees: true },
      { fact: "frequency", where: "timing.repeat", value: "4 a day", agrees: true },
      { fact: "frequency", where: "sig text", value: "4 a day", agrees: true },
    ]);
  });

  it("an omitted dose with a frequency stays not computable (never one unit assumed)", () => {
    const o = one(order(OXY_5, { timing: { repeat: { frequency: 4, period: 1, periodUnit: "d" } } }));
    expect(o.reason).toBe("mme.missing-dose");
  });
});

describe("PRN: counted at its maximum, lowered by caps only when lower", () => {
  const prn = (extra: Partial<Dosage>): Dosage => every(tab(2), 4, { asNeededBoolean: true, ...extra });
  it("no cap: 2 tabs q4h prn = 12 x 5 x 1.5 = 90, flagged", () => {
    const o = one(order(OXY_5, prn({})));
    expect(o.mmePerDay).toBeCloseTo(90, 9);
    expect(codes(o)).toContain("mme.assume.prn-max");
  });

  it.each([
    // cap -> daily tablets
    [{ maxDosePerPeriod: { numerator: tab(6), denominator: { value: 1, unit: "d", code: "d", system: UCUM } } }, 6],
    [{ maxDosePerPeriod: { numerator: tab(4), denominator: { value: 12, unit: "h", code: "h", system: UCUM } } }, 8],
    [{ maxDosePerPeriod: { numerator: tab(12), denominator: { value: 3, unit: "d", code: "d", system: UCUM } } }, 12], // could all be taken in one day
    [{ maxDosePerPeriod: { numerator: tab(20), denominator: { value: 1, unit: "d", code: "d", system: UCUM } } }, 12], // higher than the schedule: not applied
    [{ maxDosePerAdministration: tab(1) }, 6],
    [{ maxDosePerPeriod: { numerator: mg(30), denominator: { value: 1, unit: "d", code: "d", system: UCUM } } }, 6],
  ])("%o -> %s tablets a day", (cap, tablets) => {
    const o = one(order(OXY_5, prn(cap)));
    expect(o.mmePerDay).toBeCloseTo(tablets * 5 * 1.5, 9);
  });

  it("a cap that cannot be read is not applied (that can only keep the MME higher), and says so", () => {
    const o = one(order(OXY_5, prn({ maxDosePerPeriod: { numerator: { value: 3, unit: "scoops" }, denominator: { value: 1, unit: "d" } } })));
    expect(o.mmePerDay).toBeCloseTo(90, 9);
    expect(o.readings.find((r) => r.where === "maxDosePerPeriod")?.value).toContain("not applied");
  });

  it("a cap below the schedule of a scheduled (non-PRN) order contradicts it: not computable", () => {
    // 2 tablets every 4 hours = 12 a day, but at most 6 a day?
    const o = one(order(OXY_5, every(tab(2), 4, { maxDosePerPeriod: { numerator: tab(6), denominator: { value: 1, unit: "d" } } })));
    expect(o.reason).toBe("mme.conflicting-frequency");
    expect(o.message).toBe("The order allows 12 tablets a day but its maxDosePerPeriod is 6 tablets a day.");
  });

  it("a cap written without a unit in the sig ('mdd 6') is in the dose's unit: 1-2 every 6 hours prn, mdd 6 -> 6 a day", () => {
    const o = one(order(OXY_5, { text: "1-2 by mouth every 6 hours as needed for pain mdd 6" }));
    // the interval allows 2 x 4 = 8; the maximum daily dose of 6 binds: 6 x 5 mg x 1.5 = 45
    expect(o.mmePerDay).toBeCloseTo(45, 9);
  });
});

describe("several doseAndRate entries and several dosage instructions", () => {
  it("entries that disagree (1 tablet calculated, 2 tablets admin-amount): not computable, none wins", () => {
    const o = one(order(OXY_5, { timing: { repeat: { frequency: 4, period: 1, periodUnit: "d" } }, doseAndRate: [{ type: { text: "calculated" }, doseQuantity: tab(1) }, { type: { text: "admin-amount" }, doseQuantity: tab(2) }] }));
    expect(o.reason).toBe("mme.conflicting-dose");
    expect(o.message).toBe('The order states the dose per administration differently: doseAndRate "calculated" says 1 tablet, doseAndRate "admin-amount" says 2 tablets.');
  });

  it("Epic's three entries in mg, tablets and tablets agree: 5 mg = 1 tablet of 5 mg", () => {
    const o = one(order(OXY_5, { timing: { repeat: { frequency: 4, period: 1, periodUnit: "d" } }, doseAndRate: [{ type: { text: "calculated" }, doseQuantity: mg(5) }, { type: { text: "admin-amount" }, doseQuantity: tab(1) }, { type: { coding: [{ system: "http://epic.com/CodeSystem/dose-rate-type", code: "ordered" }] }, doseQuantity: tab(1) }] }));
    // 1 tablet x 4 x 5 mg x 1.5 = 30
    expect(o.mmePerDay).toBeCloseTo(30, 9);
    expect(o.readings.filter((r) => r.fact === "dose").map((r) => [r.where, r.agrees])).toEqual([['doseAndRate "calculated"', true], ['doseAndRate "admin-amount"', true], ['doseAndRate "ordered"', true]]);
  });

  it("same sequence adds up: 1 tab morning + 2 tabs night (sequence 1) = 3 tabs x 5 x 1.5 = 22.5", () => {
    const o = one(order(OXY_5, [perDay(tab(1), 1, { sequence: 1 }), perDay(tab(2), 1, { sequence: 1 })]));
    expect(o.mmePerDay).toBeCloseTo(22.5, 9);
    expect(codes(o)).toContain("mme.assume.concurrent-dosages");
  });

  it("different sequences without durations: which step is in force cannot be told -> not computable (never 'the highest')", () => {
    const o = one(order(OXY_5, [perDay(tab(1), 4, { sequence: 1 }), perDay(tab(2), 4, { sequence: 2 })]));
    expect(o.reason).toBe("mme.uncertain-schedule");
    expect(o.message).toContain("step 1 of 2 (sequence 1) has no duration");
  });

  it("a taper in progress: steps with durations are walked from the start date to the step in force", () => {
    // authored 2025-05-15; step 1: 2 tabs QID for 7 days (05-15..05-21), step 2: 1 tab QID for 14 days (05-22..06-04),
    // step 3: 1 tab BID. As of 2025-06-01 step 2 applies: 1 x 4 x 5 mg x 1.5 = 30 MME/day.
    const days = (n: number) => ({ timing: { repeat: { frequency: 0, period: 1, periodUnit: "d" as const, boundsDuration: { value: n, unit: "d", system: UCUM, code: "d" } } } });
    const step = (tabs: number, times: number, seq: number, duration: number | null): Dosage => {
      const d = perDay(tab(tabs), times, { sequence: seq });
      const repeat = { ...d.timing?.repeat, ...(duration === null ? {} : { boundsDuration: days(duration).timing.repeat.boundsDuration }) };
      return { ...d, timing: { repeat } };
    };
    const o = one(order(OXY_5, [step(2, 4, 1, 7), step(1, 4, 2, 14), step(1, 2, 3, null)]));
    expect(o.mmePerDay).toBeCloseTo(30, 9);
    expect(o.assumptions.find((a) => a.code === "mme.assume.step-in-force")?.message).toBe("Successive dosage steps: step 2 of 3 (sequence 2) applies from 2025-05-22 to 2025-06-04.");
  });
});

describe("patches: mcg/h x 2.4 x patches worn, whatever the change interval", () => {
  it.each([
    // patches, change interval (h) -> MME
    [1, 72, 180], [1, 24, 180], [1, 48, 180], [2, 72, 360], [0.5, 72, 90],
  ])("%s x 75 mcg/h patch every %s h -> %s", (n, hours, expected) => {
    expect(one(order(FENTANYL_75, every(patch(n), hours))).mmePerDay).toBeCloseTo(expected, 9);
  });

  it("75 mcg/h is exactly 180 (no 0.33333333 truncation)", () => {
    expect(one(order(FENTANYL_75, every(patch(1), 72))).mmePerDay).toBe(180);
  });

  it("a patch dose written as a rate: 50 mcg/h of 25 mcg/h patches = 2 worn = 120", () => {
    const o = one(order(FENTANYL_25, every({ value: 50, unit: "mcg/h", code: "ug/h", system: UCUM }, 72)));
    expect(o.patchesWorn).toBe(2);
    expect(o.mmePerDay).toBeCloseTo(120, 9);
  });

  it("a patch needs no frequency: 1 patch, no timing -> 60", () => {
    expect(one(order(FENTANYL_25, { doseAndRate: [{ doseQuantity: patch(1) }] })).mmePerDay).toBeCloseTo(60, 9);
  });
});

describe("dispense estimate only when no usable dosage", () => {
  const supply = (days: number) => ({ value: days, unit: "days", system: UCUM, code: "d" });
  it("no dosage: 60 tablets / 30 days of hydrocodone 7.5 = 2 a day = 15, flagged", () => {
    const o = one(order(HYDROCODONE_APAP_7_5, null, { dispenseRequest: { quantity: tab(60), expectedSupplyDuration: supply(30) } }));
    expect(o.mmePerDay).toBeCloseTo(15, 9);
    expect(codes(o)).toContain("mme.assume.dispense-estimate");
    expect(o.sources).toMatchObject({ dose: "dispense-estimate", frequency: "dispense-estimate" });
  });

  it("dosage missing its frequency: the estimate, not once a day", () => {
    const o = one(order(MORPHINE_ER_15, { doseAndRate: [{ doseQuantity: tab(1) }] }, { dispenseRequest: { quantity: tab(60), expectedSupplyDuration: supply(30) } }));
    expect(o.mmePerDay).toBeCloseTo(30, 9);
  });

  it("structured dosage present: the dispense request is ignored", () => {
    const o = one(order(MORPHINE_ER_15, perDay(tab(1), 3), { dispenseRequest: { quantity: tab(10), expectedSupplyDuration: supply(30) } }));
    expect(o.mmePerDay).toBeCloseTo(45, 9);
  });

  it("nothing usable: not computable (missing dosage)", () => {
    const o = one(order(MORPHINE_ER_15, null));
    expect(o.reason).toBe("mme.missing-dosage");
  });
});

describe("a mass dose of a combination product", () => {
  it("is read as the opioid amount (CDC IG convention) and says so: APAP/oxycodone, 10 mg q6h = 40 mg x 1.5 = 60", () => {
    const o = one(order(APAP_OXY_5, every(mg(10), 6)));
    expect(o.mmePerDay).toBeCloseTo(60, 9);
    expect(o.assumptions.find((a) => a.code === "mme.assume.mass-is-opioid")?.message).toContain("not of acetaminophen");
  });

  it("a single-ingredient product needs no such note", () => {
    expect(codes(one(order(OXY_5, every(mg(10), 6))))).not.toContain("mme.assume.mass-is-opioid");
  });
});
