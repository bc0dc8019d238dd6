/**
 * Real vendor resources (tests/fixtures/ehr-samples, permissively licensed: Epic public sandbox
 * Apache-2.0, PDMP SCRIPT facade BSD, Zus aggregator MIT), read as the engine receives them: raw,
 * unvalidated JSON (the PDMP records have no status, intent or subject, so they are not valid R4).
 * Each stated reading (the fixture README) must be matched, or refused with a reason; never a
 * confident wrong number. Where a sample is not an opioid, its real dosage shape is also read with
 * the product swapped for an opioid, so the vendor's way of writing dose and frequency is tested.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { calculateMme, readOrderIdentities } from "@/lib/mme";
import { makeNdcLookup } from "@/lib/mme/ndc";
import { NDC_TABLE } from "@/lib/mme/ndc/ndc-table.generated";
import { RXNORM } from "./builders";

const DIR = "tests/fixtures/ehr-samples";
const ndcLookup = makeNdcLookup(NDC_TABLE);

function resources(file: string, type: string): Record<string, unknown>[] {
  const bundle = JSON.parse(readFileSync(join(DIR, file), "utf8")) as { entry: { resource: Record<string, unknown> }[] };
  return bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === type);
}

describe("PDMP (NCPDP SCRIPT converted to FHIR): NDC + quantity + days supply only, no status", () => {
  const fills = resources("pdmp-ncpdp-script-facade-r4.json", "MedicationRequest");

  it("entry[0] oxycodone 5 mg / acetaminophen 325 (NDC 00228298150), 1 tablet for 1 day: 5 mg x 1.5 = 7.5 MME/day on the day of the fill", () => {
    const r = calculateMme({ medicationRequests: [fills[0]], asOf: "2017-05-07", ndcLookup });
    const o = r.orders[0];
    expect(o?.status).toBe("counted");
    expect(o?.mmePerDay).toBeCloseTo(7.5, 9);
    expect(o?.sources).toEqual({ product: "ndc-table", dose: "dispense-estimate", frequency: "dispense-estimate" });
    // the name "OXYCODONE-ACETAMINOPHEN 5-325" confirms the opioid; its strengths have no unit, so it does not confirm 5 mg
    expect(o?.readings.find((f) => f.where === 'name "OXYCODONE-ACETAMINOPHEN 5-325"')?.agrees).toBe(true);
    expect(o?.discrepancies.join(" ")).toContain("without a unit");
    expect(o?.assumptions.map((a) => a.code)).toEqual(expect.arrayContaining(["mme.assume.no-status", "mme.assume.no-intent", "mme.assume.dispense-estimate"]));
  });

  it("8 methadone 10 mg fills (NDC 00406577101), 1 tablet for 1 day each: 10 mg x 4.7 = 47 on the day of a fill, never summed", () => {
    const methadone = fills.slice(1);
    expect(methadone).toHaveLength(8);
    for (const fill of methadone) {
      const day = String(fill.authoredOn);
      const r = calculateMme({ medicationRequests: methadone, asOf: day, ndcLookup });
      // only the fill of that day is current: a fill without a status is current within its supply only
      expect(r.totalMmePerDay).toBeCloseTo(47, 9);
      expect(r.orders.filter((o) => o.status === "counted")).toHaveLength(1);
      expect(r.state).toBe("complete");
    }
    // under the 2016 table, methadone 10 mg/day is in the (0, 20] tier: x4 = 40
    expect(calculateMme({ medicationRequests: methadone, asOf: "2019-10-15", ndcLookup, factorTableId: "cdc-2016" }).totalMmePerDay).toBeCloseTo(40, 9);
  });

  it("between fills nothing is current (the last 1-day supply ran out): 0, complete", () => {
    const r = calculateMme({ medicationRequests: fills, asOf: "2019-11-20", ndcLookup });
    expect(r.totalMmePerDay).toBe(0);
    expect(r.orders.every((o) => o.status === "excluded")).toBe(true);
  });

  it("without the NDC table the fills cannot be given a strength from their code alone: named, so read from the name where it states one", () => {
    const r = calculateMme({ medicationRequests: [fills[1]], asOf: "2018-05-07" });
    // "METHADONE HCL 10 MG TABLET": the name alone gives methadone 10 mg per tablet -> 47, flagged as read from the name
    expect(r.orders[0]?.mmePerDay).toBeCloseTo(47, 9);
    expect(r.orders[0]?.sources.product).toBe("name-parse");
    const oxy = calculateMme({ medicationRequests: [fills[0]], asOf: "2017-05-07" });
    // "OXYCODONE-ACETAMINOPHEN 5-325" states no unit: the strength is unknown, not guessed
    expect(oxy.orders[0]?.reason).toBe("mme.unknown-strength");
  });
});

describe("Epic public sandbox: medicationReference to a Medication with 9 codings, count 365 + timeOfDay", () => {
  const [mr] = resources("epic-public-sandbox-r4.json", "MedicationRequest");
  const medications = resources("epic-public-sandbox-r4.json", "Medication");

  it("drospirenone-ethinyl estradiol is read as not an opioid, and the shared identity says it is current", () => {
    const r = calculateMme({ medicationRequests: [mr], medications, asOf: "2019-06-01" });
    expect(r.orders[0]?.reason).toBe("mme.excluded.not-an-opioid");
    const [id] = readOrderIdentities([mr], { asOf: "2019-06-01", medications });
    expect(id?.kind).toBe("not-opioid");
    expect(id?.currency.state).toBe("current");
    // the Medication's codings reach readiness's classifier through the shared identity
    expect(id?.codings.some((c) => c.code === "748794")).toBe(true);
  });

  it("its dosage shape (timeOfDay 09:00, count 365, no frequency; text '1 (one) time each day') read for oxycodone 5 mg: 1 a day, 5 x 1.5 = 7.5", () => {
    const swapped = { ...mr, medicationReference: undefined, medicationCodeableConcept: { coding: [{ system: RXNORM, code: "1049621" }] } };
    const o = calculateMme({ medicationRequests: [swapped], asOf: "2019-06-01" }).orders[0];
    expect(o?.status).toBe("counted");
    expect(o?.mmePerDay).toBeCloseTo(7.5, 9);
    // timeOfDay and the sig text both say once a day; the fill (28 tablets for 28 days) agrees
    expect(o?.readings.filter((f) => f.fact === "frequency").map((f) => [f.where, f.value, f.agrees])).toEqual([
      ["timing.repeat.timeOfDay", "1 a day", true],
      ["sig text", "1 a day", true],
      ["patient instruction", "1 a day", true],
    ]);
    expect(o?.readings.find((f) => f.where === "dispenseRequest")?.agrees).toBe(true);
  });
});

describe("Zus aggregated record: insulin pen in mL, a dispense quantity given in days", () => {
  const [mr] = resources("zus-aggregator-sandbox-r4.json", "MedicationRequest");

  it("insulin glargine is read as not an opioid", () => {
    expect(calculateMme({ medicationRequests: [mr], asOf: "2022-11-01" }).orders[0]?.reason).toBe("mme.excluded.not-an-opioid");
  });

  it("its shape read for oxycodone 1 mg/mL solution: 'Inject 3 ML ... every morning' = 3 mL a day x 1 mg x 1.5 = 4.5; the quantity in 'days' is not a number of mL and is not read", () => {
    const swapped = { ...mr, status: "active", authoredOn: "2022-11-01", medicationCodeableConcept: { coding: [{ system: RXNORM, code: "1049604" }] } };
    const o = calculateMme({ medicationRequests: [swapped], asOf: "2022-11-01" }).orders[0];
    expect(o?.mmePerDay).toBeCloseTo(4.5, 9);
    expect(o?.readings.find((f) => f.where === "dispenseRequest")).toMatchObject({ agrees: null, value: expect.stringContaining("not read") });
  });
});
