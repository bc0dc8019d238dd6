import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildPatientSearches, encodeQuery, encodeTokens, lookbackDate, type QueryOptions } from "@/lib/fhir/queries";
import { READINESS_OBSERVATION_CODES, URINE_DRUG_SCREEN_CODES } from "@/lib/fhir/observation-codes";

const OPTIONS: QueryOptions = { asOf: new Date("2025-06-30T12:00:00Z"), lookbackDays: 730, pageSize: 200, observationCategoryRequired: false };

function find(key: string, options = OPTIONS, patient = "123") {
  return buildPatientSearches(patient, options).filter((s) => s.key === key);
}

describe("buildPatientSearches", () => {
  it("MedicationRequest: patient, _include of the Medication, page size, every value encoded", () => {
    const [mr] = find("medicationRequests");
    expect(mr?.url).toBe("MedicationRequest?patient=123&_include=MedicationRequest%3Amedication&_count=200");
  });

  it("Observation: LOINC tokens percent-encoded (system|code), OR-joined by literal commas, newest first, lookback", () => {
    const [obs] = find("observations");
    const url = obs?.url ?? "";
    expect(url).toContain("code=http%3A%2F%2Floinc.org%7C72514-3,http%3A%2F%2Floinc.org%7C91148-7,");
    // 2025-06-30 - 365 d = 2024-06-30; - 365 d more = 2023-07-01 (that span holds 2024-02-29)
    expect(url).toContain("date=ge2023-07-01");
    expect(url).toContain("_sort=-date");
    expect(url).not.toMatch(/[|]|:\/\//);
    const query = new URLSearchParams(url.slice(url.indexOf("?") + 1));
    expect(query.get("code")?.split(",")).toEqual(READINESS_OBSERVATION_CODES.map((c) => `http://loinc.org|${c}`));
    expect(query.get("category")).toBeNull();
  });

  it("asks for the urine drug tests of the CDC IG value sets, including every screen code of clinical-sources section 5 the rules evaluate", () => {
    // opiates, fentanyl, fentanyl+norfentanyl, oxycodone, oxycodone+oxymorphone, methadone, EDDP, buprenorphine, bup+norbup,
    // benzodiazepines, benzoylecgonine, benzoylecgonine (mass/volume screen), PCP, 6-MAM
    const section5 = ["19295-5", "59673-4", "58379-9", "19642-8", "58430-0", "19550-3", "93495-0", "93494-3", "58359-1", "14316-4", "14314-9", "70146-6", "19659-2", "19321-9"];
    expect(URINE_DRUG_SCREEN_CODES).toEqual(expect.arrayContaining(section5));
    // a cut-off is not a result, and confirmatory amounts are left out of the URL
    expect(URINE_DRUG_SCREEN_CODES).not.toContain("19299-7"); // Opiates cutoff [Mass/volume] in Urine for Screen method
    expect(URINE_DRUG_SCREEN_CODES).not.toContain("16251-1"); // Morphine [Mass/volume] in Urine by Confirmatory method
    expect(URINE_DRUG_SCREEN_CODES).toContain("19710-3"); // traMADol [Presence] in Urine by Screen method
  });

  it("keeps the Observation search URL within a size every server accepts (8 kB)", () => {
    for (const category of [false, true]) {
      for (const s of find("observations", { ...OPTIONS, observationCategoryRequired: category })) expect(s.url.length, s.url.slice(0, 60)).toBeLessThan(8000);
    }
  });

  it("asks for the PHQ-9, PHQ-2 and GAD-7 panels, so an item recorded only inside its panel is read", () => {
    for (const panel of ["44249-1", "89206-7", "55757-9", "69737-5"]) expect(READINESS_OBSERVATION_CODES).toContain(panel);
  });

  it("Epic quirk: one Observation search per category, category encoded, pain asked under survey and vital-signs", () => {
    const obs = find("observations", { ...OPTIONS, observationCategoryRequired: true });
    const categories = obs.map((s) => new URLSearchParams(s.url.slice(s.url.indexOf("?") + 1)).get("category"));
    expect(categories).toEqual([
      "http://terminology.hl7.org/CodeSystem/observation-category|survey",
      "http://terminology.hl7.org/CodeSystem/observation-category|vital-signs",
      "http://terminology.hl7.org/CodeSystem/observation-category|laboratory",
    ]);
    expect(obs[0]?.url).toContain("category=http%3A%2F%2Fterminology.hl7.org%2FCodeSystem%2Fobservation-category%7Csurvey");
    expect(obs[0]?.url).toContain("%7C72514-3");
    expect(obs[1]?.url).toContain("%7C72514-3");
    expect(obs[2]?.url).toContain("%7C19295-5");
    expect(obs[2]?.url).not.toContain("%7C72514-3");
  });

  it("Condition: active and historical (no clinical-status filter)", () => {
    expect(find("conditions")[0]?.url).toBe("Condition?patient=123&_count=200");
  });

  it("CarePlan: earlier pain plans by category LOINC 80764-4", () => {
    expect(find("carePlans")[0]?.url).toBe("CarePlan?patient=123&category=http%3A%2F%2Floinc.org%7C80764-4&_count=200");
  });

  it("encodes a patient id with reserved characters so it cannot add parameters", () => {
    const [mr] = find("medicationRequests", OPTIONS, "a&b=c/d e");
    expect(mr?.url).toContain("patient=a%26b%3Dc%2Fd%20e&");
  });

  it("property: any patient id round-trips through every search URL and adds no parameter", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (id) => {
        for (const spec of buildPatientSearches(id, OPTIONS)) {
          const query = new URLSearchParams(spec.url.slice(spec.url.indexOf("?") + 1));
          expect(query.getAll("patient")).toEqual([id]);
        }
      }),
    );
  });
});

describe("encoding helpers", () => {
  it.each([
    [[["code", "http://loinc.org|1-8"]] as const, "code=http%3A%2F%2Floinc.org%7C1-8"],
    [[["date", "ge2024-01-01"], ["_sort", "-date"]] as const, "date=ge2024-01-01&_sort=-date"],
  ])("encodeQuery %#", (params, expected) => {
    expect(encodeQuery(params)).toBe(expected);
  });

  it("encodeTokens keeps the OR comma literal and encodes a comma inside a code", () => {
    expect(encodeTokens("s", ["a", "b,c"])).toBe("s%7Ca,s%7Cb%2Cc");
  });

  it.each([
    ["2025-03-01T00:00:00Z", 1, "2025-02-28"],
    ["2024-03-01T00:00:00Z", 1, "2024-02-29"],
    ["2025-01-01T23:59:00Z", 365, "2024-01-02"],
  ])("lookbackDate(%s, %i) = %s", (asOf, days, expected) => {
    expect(lookbackDate(new Date(asOf), days)).toBe(expected);
  });
});
