/**
 * Worked examples for each category of issue 13 ("MME readings that cannot be confidently
 * wrong"), through the engine entry as an EHR sends the data (raw JSON, unvalidated). Each states
 * the arithmetic; the factors are the CDC 2022 clinical table (docs/clinical-sources.md section 2:
 * oxycodone 1.5, hydrocodone 1, morphine 1, methadone 4.7, fentanyl patch 2.4 per mcg/h) or, where
 * CDC 2022 gives none, the CDC MME data file (same section: fentanyl nasal spray 0.16 and buccal
 * tablet 0.13 per mcg). The bounds are lib/mme/bounds.ts (docs/clinical-sources.md "Plausibility
 * bounds"). Shapes are written after the real vendor samples the team studied (Epic, Oracle
 * Health, PDMP); the vendor texts themselves are not copied where their licence does not allow it.
 */
import { describe, expect, it } from "vitest";
import type { OrderMme } from "@/lib/domain";
import { calculateMme, isCurrentOpioidOrder, readOrderIdentities } from "@/lib/mme";
import { regimenFromMme } from "@/lib/taper";

const RX = "http://www.nlm.nih.gov/research/umls/rxnorm";
const UCUM = "http://unitsofmeasure.org";
const GTS = "http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation";
const AS_OF = "2025-06-01";
const OXY_5_TAB = "1049621"; // oxycodone hydrochloride 5 MG Oral Tablet
const METHADONE_10_TAB = "864706"; // methadone hydrochloride 10 MG Oral Tablet
const FENTANYL_25_PATCH = "245134"; // 72 HR fentanyl 0.025 MG/HR Transdermal System
const BUP_NAL_8_FILM = "1010604"; // buprenorphine 8 MG / naloxone 2 MG Sublingual Film

type Json = Record<string, unknown>;
const order = (extra: Json): Json => ({ resourceType: "MedicationRequest", id: "mr", status: "active", intent: "order", subject: { reference: "Patient/p" }, authoredOn: "2025-05-15", ...extra });
const named = (text: string): Json => ({ medicationCodeableConcept: { text } });
const coded = (...codes: string[]): Json => ({ medicationCodeableConcept: { coding: codes.map((code) => ({ system: RX, code })) } });
const everyHours = (h: number, extra: Json = {}): Json => ({ repeat: { frequency: 1, period: h, periodUnit: "h", ...extra } });
const dose = (value: number, unit: string | null, timing: Json, extra: Json = {}): Json => ({
  dosageInstruction: [{ timing, doseAndRate: [{ doseQuantity: { value, ...(unit === null ? {} : { unit }) } }], ...extra }],
});
const sig = (text: string, extra: Json = {}): Json => ({ dosageInstruction: [{ text, ...extra }] });

function one(mr: Json, asOf = AS_OF): OrderMme {
  const o = calculateMme({ medicationRequests: [mr], asOf }).orders[0];
  if (o === undefined) throw new Error("no order");
  return o;
}

function counted(o: OrderMme, mme: number): void {
  expect(o.status, o.message ?? "").toBe("counted");
  expect(o.mmePerDay ?? NaN).toBeCloseTo(mme, 9);
}

function refused(o: OrderMme, reason: string, words: string): void {
  expect(o.status).toBe("not-computable");
  expect(o.reason).toBe(reason);
  expect(o.message ?? "").toContain(words);
}

describe("Epic and Oracle Health display names of combination products: the opioid's strength, never the acetaminophen's", () => {
  it('"oxyCODONE-acetaminophen (PERCOCET) 10-325 MG per tablet", 1 tablet q6h: 1 x 4 x 10 mg x 1.5 = 60 (not 325 mg x 4 x 1.5 = 1,950)', () => {
    counted(one(order({ ...named("oxyCODONE-acetaminophen (PERCOCET) 10-325 MG per tablet"), ...dose(1, "tablet", everyHours(6)) })), 60);
  });
  it('all-caps Medi-Span "HYDROCODONE-ACETAMINOPHEN 10-325 MG OR TABS", 1 tablet q6h: 4 x 10 mg x 1 = 40', () => {
    counted(one(order({ ...named("HYDROCODONE-ACETAMINOPHEN 10-325 MG OR TABS"), ...dose(1, "tablet", everyHours(6)) })), 40);
  });
  it('"OXYCODONE-ASPIRIN 4.8355-325 MG OR TABS" (the salt-exact strength), 1 tablet q6h: 4 x 4.8355 mg x 1.5 = 29.013', () => {
    counted(one(order({ ...named("OXYCODONE-ASPIRIN 4.8355-325 MG OR TABS"), ...dose(1, "tablet", everyHours(6)) })), 4 * 4.8355 * 1.5);
  });
  it("a dose in the combination's opioid mg (10 mg of a 10-325 tablet) is 1 tablet: 4 x 10 x 1.5 = 60", () => {
    counted(one(order({ ...named("oxyCODONE-acetaminophen (PERCOCET) 10-325 MG per tablet"), ...dose(10, "mg", everyHours(6)) })), 60);
  });
});

describe("concentrations: mg per the stated volume, and a dose in mL", () => {
  it('"oxyCODONE 5 mg/5 mL oral solution", 10 mL q6h: 1 mg/mL x 10 mL x 4 x 1.5 = 60 (not 5 mg/mL: 300)', () => {
    counted(one(order({ ...named("oxyCODONE 5 mg/5 mL oral solution"), ...dose(10, "mL", everyHours(6)) })), 60);
  });
  it('"morphine 100 mg/5 mL oral solution", 0.5 mL q4h: 20 mg/mL x 0.5 mL x 6 x 1 = 60', () => {
    counted(one(order({ ...named("morphine 100 mg/5 mL oral solution"), ...dose(0.5, "mL", everyHours(4)) })), 60);
  });
  it('"morphine 10 mg/5 mL (2 mg/mL) oral solution", 5 mL q4h: the two ways of writing it agree: 2 x 5 x 6 x 1 = 60', () => {
    counted(one(order({ ...named("morphine 10 mg/5 mL (2 mg/mL) oral solution"), ...dose(5, "mL", everyHours(4)) })), 60);
  });
  it('"morphine 10 mg/5 mL (20 mg/mL)": the name states two strengths that disagree: not computable', () => {
    refused(one(order({ ...named("morphine 10 mg/5 mL (20 mg/mL) oral solution"), ...dose(5, "mL", everyHours(4)) })), "mme.unknown-strength", "two different strengths");
  });
});

describe("a mass dose in the non-opioid component, a wrong unit, absurd counts: outside the bounds, never counted", () => {
  it("325 mg of an oxycodone 5 / acetaminophen 325 tablet: 1 tablet by the acetaminophen or 65 by the oxycodone: refused, saying so", () => {
    const o = one(order({ ...named("oxyCODONE-acetaminophen 5-325 MG per tablet"), ...dose(325, "mg", everyHours(6)) }));
    refused(o, "mme.conflicting-dose", "could be the acetaminophen amount of 1 tablet (325 mg each) or the opioid amount of 65 tablets");
  });
  it("300 mg of acetaminophen/codeine 300-30 (10 codeine tablets is inside the bounds): still ambiguous, refused (not 300 x 4 x 0.15 = 180)", () => {
    const o = one(order({ ...named("acetaminophen-codeine (TYLENOL #3) 300-30 MG per tablet"), ...dose(300, "mg", everyHours(6)) }));
    refused(o, "mme.conflicting-dose", "acetaminophen amount of 1 tablet (300 mg each) or the opioid amount of 10 tablets");
  });
  it("30 mg of the same tablet is the codeine of 1 tablet: 30 x 4 x 0.15 = 18", () => {
    counted(one(order({ ...named("acetaminophen-codeine (TYLENOL #3) 300-30 MG per tablet"), ...dose(30, "mg", everyHours(6)) })), 18);
  });
  it("a wrong mass far outside any reading (2,000 mg of a 5-325 tablet, 400 tablets): refused by the bounds, naming the likely cause", () => {
    const o = one(order({ ...named("oxyCODONE-acetaminophen 5-325 MG per tablet"), ...dose(2000, "mg", everyHours(6)) }));
    refused(o, "mme.implausible", "400 tablets per administration is outside the plausible range for this form (0.25 to 10)");
    expect(o.message).toContain("acetaminophen amount would read this way");
  });
  it("5 mcg of a 5 mg tablet (0.001 tablet): refused, not 1,000 times too low", () => {
    refused(one(order({ ...coded(OXY_5_TAB), ...dose(5, "mcg", everyHours(6)) })), "mme.implausible", "0.001 tablets per administration");
  });
  it("25 mg of a 25 mcg/h patch: refused (the mass of a patch is not a dose)", () => {
    refused(one(order({ ...coded(FENTANYL_25_PATCH), ...dose(25, "mg", everyHours(72)) })), "mme.conflicting-dose", "cannot be read");
  });
  it("3,000 tablets a dose: refused", () => {
    refused(one(order({ ...coded(OXY_5_TAB), ...dose(3000, "tablet", everyHours(6)) })), "mme.implausible", "3000 tablets per administration");
  });
  it("a fifth of a patch: refused (patches worn 0.5 to 6)", () => {
    refused(one(order({ ...coded(FENTANYL_25_PATCH), ...dose(0.2, "patch", everyHours(72)) })), "mme.implausible", "outside the plausible range for this form (0.5 to 6)");
  });
});

describe("sprays, buccal and sublingual forms by their per-unit strength", () => {
  it('"fentanyl citrate 100 MCG/ACTUAT Nasal Spray", 1 spray q4h: 100 mcg x 6 = 600 mcg/day x 0.16 (CDC data file) = 96', () => {
    counted(one(order({ ...named("fentanyl citrate 100 MCG/ACTUAT Nasal Spray"), ...dose(1, "spray", everyHours(4)) })), 96);
  });
  it("the same spray dosed in mL: refused (a spray is not dosed by volume; mcg per mL x mL would be wrong)", () => {
    refused(one(order({ ...named("fentanyl citrate 100 MCG/ACTUAT Nasal Spray"), ...dose(0.1, "mL", everyHours(4)) })), "mme.conflicting-dose", "is not a liquid");
  });
  it('"butorphanol tartrate 10 mg/mL nasal spray", 1 spray: the mg per spray is not stated: refused, never mg/mL x 1', () => {
    refused(one(order({ ...named("butorphanol tartrate 10 mg/mL nasal spray"), ...dose(1, "spray", everyHours(4)) })), "mme.conflicting-dose", "dosed in mL");
  });
  it('"fentanyl 200 MCG Buccal Tablet", 1 tablet q6h: 800 mcg/day x 0.13 (CDC data file) = 104', () => {
    counted(one(order({ ...named("fentanyl 200 MCG Buccal Tablet"), ...dose(1, "tablet", everyHours(6)) })), 104);
  });
});

describe("conflicting codings: not computable with both readings, never 'first one wins'", () => {
  it("buprenorphine/naloxone 8 mg listed before oxycodone 5 mg in one order: both named, the order needs review (not excluded, not 0)", () => {
    const r = calculateMme({ medicationRequests: [order({ ...coded(BUP_NAL_8_FILM, OXY_5_TAB), ...dose(1, "tablet", everyHours(6)) })], asOf: AS_OF });
    const o = r.orders[0];
    if (o === undefined) throw new Error("no order");
    refused(o, "mme.conflicting-product", "RxNorm 1010604 names buprenorphine but RxNorm 1049621 names oxycodone");
    expect(r.state).toBe("incomplete");
  });
  it("the same two codes in the other order: the same answer", () => {
    refused(one(order({ ...coded(OXY_5_TAB, BUP_NAL_8_FILM), ...dose(1, "tablet", everyHours(6)) })), "mme.conflicting-product", "buprenorphine");
  });
});

describe("every reading of the dose and the frequency must agree; the ledger says which confirmed the number", () => {
  const epic = (admin: number) => order({
    ...coded(OXY_5_TAB),
    dosageInstruction: [{
      timing: everyHours(6),
      doseAndRate: [
        { type: { text: "calculated" }, doseQuantity: { value: 10, unit: "mg" } },
        { type: { text: "admin-amount" }, doseQuantity: { value: admin, unit: "tablet(s)" } },
        { type: { coding: [{ system: "http://epic.com/CodeSystem/dose-rate-type", code: "ordered" }] }, doseQuantity: { value: 10, unit: "mg" } },
      ],
    }],
  });
  it("Epic's calculated 10 mg, admin-amount 2 tablets and ordered 10 mg agree: 2 x 4 x 5 mg x 1.5 = 60, each reading marked as agreeing", () => {
    const o = one(epic(2));
    counted(o, 60);
    const dose = o.readings.filter((r) => r.fact === "dose");
    expect(dose.length).toBe(3);
    expect(dose.every((r) => r.agrees === true)).toBe(true);
  });
  it("admin-amount 1 tablet against 10 mg calculated: not computable, the disagreement in words", () => {
    refused(one(epic(1)), "mme.conflicting-dose", 'doseAndRate "calculated" says 2 tablets, doseAndRate "admin-amount" says 1 tablet');
  });
  it("timing.repeat 3 a day against timing.code Q12H: not computable", () => {
    const mr = order({ ...coded(OXY_5_TAB), dosageInstruction: [{ timing: { repeat: { frequency: 3, period: 1, periodUnit: "d" }, code: { coding: [{ system: GTS, code: "Q12H" }] } }, doseAndRate: [{ doseQuantity: { value: 1, unit: "tablet" } }] }] });
    refused(one(mr), "mme.conflicting-frequency", 'timing.repeat says 3 a day, timing.code "Q12H" says 2 a day');
  });
  it('Oracle Health\'s frequency only as timing.code text "q12hr": 1 tablet x 2 x 5 mg x 1.5 = 15', () => {
    counted(one(order({ ...coded(OXY_5_TAB), dosageInstruction: [{ timing: { code: { text: "q12hr" } }, doseAndRate: [{ doseQuantity: { value: 1, unit: "tablet" } }] }] })), 15);
  });
  it("timeOfDay 08:00 and 20:00 only: 2 a day: 2 x 5 x 1.5 = 15", () => {
    counted(one(order({ ...coded(OXY_5_TAB), dosageInstruction: [{ timing: { repeat: { timeOfDay: ["08:00:00", "20:00:00"] } }, doseAndRate: [{ doseQuantity: { value: 1, unit: "tablet" } }] }] })), 15);
  });
  it("once a week on Monday, Wednesday and Friday: the days and the rate disagree: not computable; three a week on those days: 3/7 x 5 x 1.5", () => {
    const weekly = (frequency: number) => order({ ...coded(OXY_5_TAB), dosageInstruction: [{ timing: { repeat: { dayOfWeek: ["mon", "wed", "fri"], frequency, period: 1, periodUnit: "wk" } }, doseAndRate: [{ doseQuantity: { value: 1, unit: "tablet" } }] }] });
    refused(one(weekly(1)), "mme.conflicting-frequency", "timing.repeat.dayOfWeek");
    counted(one(weekly(3)), (3 / 7) * 5 * 1.5);
  });
  it("the fill: 120 tablets for 30 days confirms 1 tablet q6h (4 a day): 30; 240 tablets for 30 days (8 a day) contradicts it: not computable", () => {
    const fill = (tablets: number) => order({ ...coded(OXY_5_TAB), ...dose(1, "tablet", everyHours(6)), dispenseRequest: { quantity: { value: tablets, unit: "tablet" }, expectedSupplyDuration: { value: 30, unit: "days", system: UCUM, code: "d" } } });
    const agreeing = one(fill(120));
    counted(agreeing, 30);
    expect(agreeing.readings.find((r) => r.where === "dispenseRequest")?.agrees).toBe(true);
    refused(one(fill(240)), "mme.conflicting-dose", "The fill supplies 8 tablets a day");
  });
});

describe("sigs: every dose of a multi-part sig, and caps with or without a unit", () => {
  it('"2 tablets three times daily and 1 at bedtime": 7 tablets a day x 5 mg x 1.5 = 52.5 (not 6 x 5 x 1.5 = 45)', () => {
    counted(one(order({ ...coded(OXY_5_TAB), ...sig("2 tablets three times daily and 1 at bedtime") })), 52.5);
  });
  it('"1-2 tablets every 4 hours as needed, max 6/day": the cap binds: 6 x 5 x 1.5 = 45 (not 12 x 5 x 1.5 = 90)', () => {
    counted(one(order({ ...coded(OXY_5_TAB), ...sig("1-2 tablets every 4 hours as needed, max 6/day", { asNeededBoolean: true }) })), 45);
  });
  it('Epic "Max Daily Amount: 20 mg" on 1 tablet q4h PRN: 20 mg x 1.5 = 30 (not 6 x 5 x 1.5 = 45)', () => {
    counted(one(order({ ...coded(OXY_5_TAB), ...dose(1, "tablet", everyHours(4), { asNeededBoolean: true, text: "Take 1 tablet every 4 hours as needed. Max Daily Amount: 20 mg" }) })), 30);
  });
  it("a structured maxDosePerPeriod of 4 tablets a day on q4h PRN: 4 x 5 x 1.5 = 30", () => {
    const mr = order({ ...coded(OXY_5_TAB), dosageInstruction: [{ asNeededBoolean: true, timing: everyHours(4), doseAndRate: [{ doseQuantity: { value: 1, unit: "tablet" } }], maxDosePerPeriod: { numerator: { value: 4, unit: "tablet" }, denominator: { value: 1, unit: "d", system: UCUM, code: "d" } } }] });
    counted(one(mr), 30);
  });
  it('a dose range "1-2 tablets" q6h: the maximum: 2 x 4 x 5 x 1.5 = 60', () => {
    counted(one(order({ ...coded(OXY_5_TAB), dosageInstruction: [{ timing: everyHours(6), doseAndRate: [{ doseRange: { low: { value: 1, unit: "tablet" }, high: { value: 2, unit: "tablet" } } }] }] })), 60);
  });
  it('"(160 mg total)" beside "1 tablet" of a 5 mg tablet: the sig contradicts itself: not computable', () => {
    refused(one(order({ ...coded(OXY_5_TAB), ...sig("Chew 1 tablet (160 mg total) every 6 (six) hours as needed for mild pain for up to 10 days.") })), "mme.conflicting-dose", "32 tablets");
  });
  it('a taper written in words ("... on week 1, ... on week 2 ...") is not read as one dose: not computable', () => {
    const o = one(order({ ...coded(OXY_5_TAB), ...sig("Take 1 tab 5 xdaily on week 1 ,1 tab 4 xdaily on week 2, 1 tab 3 xdaily on week 3, then 1 tab daily on week 4") }));
    expect(o.status).toBe("not-computable");
  });
});

describe("bounds, sequences by date, renewals and exhausted supplies: each order counted once, at the right step", () => {
  it("boundsPeriod that ended before the as-of date: excluded with the date", () => {
    const o = one(order({ ...coded(OXY_5_TAB), ...dose(1, "tablet", everyHours(6, { boundsPeriod: { start: "2025-05-15", end: "2025-05-25" } })) }));
    expect([o.status, o.reason, o.message]).toEqual(["excluded", "mme.excluded.ended", "Its dosage instructions ended on 2025-05-25 (timing bounds), before the as-of date."]);
  });
  it("boundsDuration of 5 days from 2025-05-15: ended on 2025-05-19", () => {
    const o = one(order({ ...coded(OXY_5_TAB), ...dose(1, "tablet", everyHours(6, { boundsDuration: { value: 5, unit: "days", system: UCUM, code: "d" } })) }));
    expect(o.reason).toBe("mme.excluded.ended");
    expect(o.message).toContain("2025-05-19");
  });
  it("a taper as dosage sequences of 14 days (4, 3, then 2 tablets a day from 2025-05-01): the step in force on each date", () => {
    const step = (sequence: number, perDay: number): Json => ({ sequence, timing: { repeat: { frequency: perDay, period: 1, periodUnit: "d", boundsDuration: { value: 14, unit: "d", system: UCUM, code: "d" } } }, doseAndRate: [{ doseQuantity: { value: 1, unit: "tablet" } }] });
    const mr = order({ ...coded(OXY_5_TAB), authoredOn: "2025-05-01", dosageInstruction: [step(1, 4), step(2, 3), step(3, 2)] });
    counted(one(mr, "2025-05-05"), 4 * 5 * 1.5); // step 1: 30
    counted(one(mr, "2025-05-20"), 3 * 5 * 1.5); // step 2: 22.5
    counted(one(mr, "2025-06-01"), 2 * 5 * 1.5); // step 3: 15
    expect(one(mr, "2025-06-20").reason).toBe("mme.excluded.ended"); // after 2025-06-11
  });
  it("a renewal naming its priorPrescription: the earlier order is superseded, the total is counted once (30, not 60)", () => {
    const first = order({ id: "old", ...coded(OXY_5_TAB), authoredOn: "2025-04-01", ...dose(1, "tablet", everyHours(6)) });
    const renewal = order({ id: "new", ...coded(OXY_5_TAB), authoredOn: "2025-05-20", ...dose(1, "tablet", everyHours(6)), priorPrescription: { reference: "MedicationRequest/old" } });
    const r = calculateMme({ medicationRequests: [first, renewal], asOf: AS_OF });
    expect(r.totalMmePerDay).toBeCloseTo(30, 9);
    expect(r.orders.map((o) => [o.medicationRequest, o.status, o.reason])).toEqual([["MedicationRequest/old", "excluded", "mme.excluded.superseded"], ["MedicationRequest/new", "counted", null]]);
  });
  it("a new order of the same product after the earlier 30-day supply ran out: the earlier one is superseded with the date its supply ran out", () => {
    const first = order({ id: "old", ...coded(OXY_5_TAB), authoredOn: "2025-04-20", ...dose(1, "tablet", everyHours(6)), dispenseRequest: { quantity: { value: 120, unit: "tablet" }, expectedSupplyDuration: { value: 30, unit: "d", system: UCUM, code: "d" } } });
    const next = order({ id: "next", ...coded(OXY_5_TAB), authoredOn: "2025-05-25", ...dose(1, "tablet", everyHours(6)) });
    const r = calculateMme({ medicationRequests: [first, next], asOf: AS_OF });
    expect(r.totalMmePerDay).toBeCloseTo(30, 9);
    expect(r.orders[0]?.reason).toBe("mme.excluded.superseded");
    expect(r.orders[0]?.message).toContain("Its supply ran out on 2025-05-20");
  });
});

describe("methadone (and buprenorphine) for opioid use disorder: excluded with its own reason, flagged for the planner", () => {
  const methadone = (extra: Json) => order({ ...coded(METHADONE_10_TAB), ...dose(8, "tablet", { repeat: { frequency: 1, period: 1, periodUnit: "d" } }), ...extra });
  it("a reason code ICD-10-CM F11.20: mme.excluded.oud-treatment, the reason in words, not added (80 mg x 4.7 = 376 would have been)", () => {
    const r = calculateMme({ medicationRequests: [methadone({ reasonCode: [{ coding: [{ system: "http://hl7.org/fhir/sid/icd-10-cm", code: "F11.20", display: "Opioid dependence, uncomplicated" }] }] })], asOf: AS_OF });
    const o = r.orders[0];
    expect([o?.status, o?.reason]).toEqual(["excluded", "mme.excluded.oud-treatment"]);
    expect(o?.message).toContain("reason code ICD-10 F11.20");
    expect(r.totalMmePerDay).toBe(0);
    // still a current opioid for readiness and CDS (overdose risk), and never tapered: the planner lists it apart
    expect(o !== undefined && isCurrentOpioidOrder(o)).toBe(true);
    const regimen = regimenFromMme(r);
    expect(regimen.items).toEqual([]);
    expect(regimen.notTapered.map((n) => n.reason)).toEqual([expect.stringContaining("opioid use disorder")]);
  });
  it("an opioid treatment program named in a note: excluded the same way", () => {
    const o = one(methadone({ note: [{ text: "Dispensed by the opioid treatment program" }] }));
    expect(o.reason).toBe("mme.excluded.oud-treatment");
    expect(o.message).toContain('note "Dispensed by the opioid treatment program"');
  });
  it("methadone for pain (no OUD signal), 10 mg q8h: counted: 30 mg x 4.7 = 141", () => {
    counted(one(order({ ...coded(METHADONE_10_TAB), ...dose(1, "tablet", everyHours(8)) })), 141);
  });
});

describe("one reading of identity and currency for every consumer", () => {
  it("on hold counts and a proposal does not, in the MME and in the shared identity readiness uses", () => {
    const hold = order({ id: "hold", status: "on-hold", ...coded(OXY_5_TAB), ...dose(1, "tablet", everyHours(6)) });
    const proposal = order({ id: "proposal", intent: "proposal", ...coded(OXY_5_TAB), ...dose(1, "tablet", everyHours(6)) });
    const ids = readOrderIdentities([hold, proposal], { asOf: AS_OF });
    expect(ids.map((i) => i.currency.state)).toEqual(["current", "not-current"]);
    const r = calculateMme({ medicationRequests: [hold, proposal], asOf: AS_OF });
    expect(r.orders.map((o) => o.status)).toEqual(["counted", "excluded"]);
    expect(r.orders[1]?.reason).toBe(ids[1]?.currency.reason);
  });
});
