/** Readiness findings over scenario-named FHIR fixtures (tests/taper/fixtures), validated by lib/fhir's schemas. */
import { describe, expect, it } from "vitest";
import type { Finding, ReadinessResult } from "@/lib/domain";
import { assessReadiness, defaultTaperOptions, proposeTaperPlan, regimenFromMme } from "@/lib/taper";
import { fixture, loadBundleFile, scenarioInputs } from "./scenario";

const AS_OF = "2025-03-01";
function assess(name: string, unavailable: Parameters<typeof scenarioInputs>[2] = {}): ReadinessResult {
  return assessReadiness(scenarioInputs(loadBundleFile(fixture(name)), AS_OF, unavailable), AS_OF);
}
function get(result: ReadinessResult, id: string): Finding {
  const f = result.findings.find((x) => x.id === id);
  if (f === undefined) throw new Error(`no finding ${id}`);
  return f;
}
const statuses = (result: ReadinessResult, ids: string[]): Record<string, string> => Object.fromEntries(ids.map((id) => [id, get(result, id).status]));

describe("long-term oxycodone ER with a benzodiazepine and no naloxone", () => {
  const r = assess("long-term-oxycodone-benzo-no-naloxone");
  it("finds the reasons and cautions in the data", () => {
    expect(statuses(r, [
      "context.mme-50", "context.mme-90", "reason.no-meaningful-improvement", "context.long-term-use", "reason.cns-depressants",
      "caution.depression", "caution.anxiety", "caution.suicide-risk", "caution.naloxone", "caution.oud", "caution.drug-screen",
    ])).toEqual({
      "context.mme-50": "present", "context.mme-90": "present", // oxycodone ER 30 mg q12h = 60 mg x 1.5 = 90: at or above both bands
      "reason.no-meaningful-improvement": "present", "context.long-term-use": "present", "reason.cns-depressants": "present",
      "caution.depression": "present", "caution.anxiety": "not-found", "caution.suicide-risk": "not-found",
      "caution.naloxone": "present", "caution.oud": "not-found", "caution.drug-screen": "unknown",
    });
  });
  it("compares the latest score with the baseline at or before the start of opioid therapy, and says it is pain only", () => {
    // CDC 2022 draft l.2536-2554 item 3 ("opioids have not meaningfully reduced pain or improved function"); CDC pocket guide: >= 30 %.
    // First opioid order 2022-06-01; no PEG: the 0-10 pain score; baseline 7 (2022-05-20, before the start), latest 6.5 (2025-02-20):
    // (7 - 6.5) / 7 = 7.1 % < 30 %
    const f = get(r, "reason.no-meaningful-improvement");
    expect(f.outcome).toBe("not-improved");
    expect(f.title).toBe("Pain not meaningfully improved");
    expect(f.sentence).toContain("pain only; function was not measured");
    expect(f.evidence.map((e) => [e.label, e.value, e.date])).toEqual([
      ["Start of opioid therapy (earliest opioid order)", undefined, "2022-06-01"],
      ["PEG", "none on file", undefined],
      ["Baseline (at or before the start): Pain 0-10", "7", "2022-05-20"],
      ["Latest: Pain 0-10", "6.5", "2025-02-20"],
      ["Change", "improved 7.1 % (baseline 2022-05-20 to latest 2025-02-20)", undefined],
    ]);
    expect(f.evidence[2]?.reference).toBe("Observation/pain-1");
  });
  it("finds long-term use from the earliest opioid order, even a stopped one, and selects the monthly default", () => {
    expect(r.longTermUse).toBe(true);
    expect(r.earliestOpioidDate).toBe("2022-06-01");
    expect(get(r, "context.long-term-use").evidence[0]?.reference).toBe("MedicationRequest/oxy-old");
    const regimen = regimenFromMme(scenarioInputs(loadBundleFile(fixture("long-term-oxycodone-benzo-no-naloxone")), AS_OF).mme);
    expect(defaultTaperOptions(r, regimen, AS_OF)).toMatchObject({ ratePercent: 10, interval: { unit: "month", count: 1 }, basis: "original", startDate: AS_OF });
  });
  it("cites its sources and reads the benzodiazepine by its RxNorm code", () => {
    const f = get(r, "reason.cns-depressants");
    expect(f.evidence).toEqual([{ reference: "MedicationRequest/lorazepam", label: "lorazepam 1 MG Oral Tablet", value: "status active", date: "2025-02-10" }]);
    expect(f.citations.map((c) => c.source)).toContain("CDC 2022");
    for (const finding of r.findings) expect(finding.citations.length).toBeGreaterThan(0);
  });
  it("lists the five confirmations as unknown", () => {
    expect(r.findings.filter((f) => f.category === "confirm").map((f) => [f.id, f.status])).toEqual([
      ["confirm.patient-agrees", "unknown"], ["confirm.goals-agreed", "unknown"], ["confirm.oud-assessed", "unknown"],
      ["confirm.naloxone-offered", "unknown"], ["confirm.follow-up-arranged", "unknown"],
    ]);
  });
});

describe("conditions not available (permission not granted)", () => {
  const r = assess("long-term-oxycodone-benzo-no-naloxone", { conditions: "permission not granted (patient/Condition.rs)" });
  it("makes every condition-based finding unknown with the reason, never 'not found'", () => {
    for (const id of ["reason.overdose", "reason.sleep-apnea", "caution.pregnancy", "caution.cancer", "caution.palliative", "caution.sickle-cell", "caution.oud", "caution.anxiety", "caution.suicide-risk"]) {
      const f = get(r, id);
      expect(f.status, id).toBe("unknown");
      expect(f.evidence.some((e) => e.value === "permission not granted (patient/Condition.rs)"), id).toBe(true);
    }
    expect(r.unavailable).toEqual(["Conditions: permission not granted (patient/Condition.rs)"]);
  });
  it("still reports positive evidence from other sources (a PHQ-9 of 12)", () => {
    expect(get(r, "caution.depression").status).toBe("present");
  });
});

describe("opioid use disorder on buprenorphine", () => {
  const inputs = scenarioInputs(loadBundleFile(fixture("oud-on-buprenorphine")), AS_OF);
  const r = assessReadiness(inputs, AS_OF);
  it("advises treating the disorder rather than tapering, with the diagnosis and the treatment as evidence", () => {
    const f = get(r, "caution.oud");
    expect(f.status).toBe("present");
    expect(f.evidence.map((e) => e.reference)).toEqual(["Condition/oud", "MedicationRequest/suboxone"]);
    expect(f.outcome).toBe("on-treatment");
    expect(f.planEffect).toEqual({ kind: "blocks", instead: "Continue medication treatment for opioid use disorder and offer naloxone." });
    expect(get(r, "caution.naloxone").status).toBe("not-found");
  });
  it("never plans a buprenorphine taper", () => {
    const outcome = proposeTaperPlan(regimenFromMme(inputs.mme), defaultTaperOptions(r, regimenFromMme(inputs.mme), AS_OF), AS_OF);
    expect(outcome.ok ? "planned" : outcome.refusal.code).toBe("taper.nothing-to-taper");
  });
  it("says what is missing instead of 'no problem'", () => {
    expect(statuses(r, ["reason.no-meaningful-improvement", "caution.depression", "context.long-term-use"])).toEqual({
      "reason.no-meaningful-improvement": "unknown", "caution.depression": "unknown", "context.long-term-use": "unknown",
    });
    expect(get(r, "caution.depression").evidence).toEqual([{ label: "PHQ-9 total / PHQ-2 total", value: "none in the last 365 days" }]);
    expect(r.longTermUse).toBeNull();
  });
});

describe("short use of IR oxycodone, decimal pain score", () => {
  const r = assess("short-use-ir-oxycodone");
  it("applies the 30 % rule exactly: 8 -> 5.61 is 29.9 %, not meaningful", () => {
    // (8 - 5.61) / 8 = 29.875 %
    const f = get(r, "reason.no-meaningful-improvement");
    expect(f.status).toBe("present");
    expect(f.evidence.at(-1)?.value).toBe("improved 29.9 % (baseline 2025-01-15 to latest 2025-02-25)");
  });
  it("never reads an earliest order under a year old as short-term use: the duration is unknown, the monthly protocol preselected (issue 20 item 2)", () => {
    // a record that does not reach back a year (a new EHR, a transfer, a 90-day lookback) cannot tell
    expect(r.longTermUse).toBe(false);
    expect(defaultTaperOptions(r, regimenFromMme(scenarioInputs(loadBundleFile(fixture("short-use-ir-oxycodone")), AS_OF).mme), AS_OF))
      .toMatchObject({ interval: { unit: "month", count: 1 }, basis: "original", duration: { value: "unknown", source: "record" } });
  });
  it("a negative PHQ-2 with conditions readable is 'not found'", () => {
    expect(get(r, "caution.depression").status).toBe("not-found");
  });
});

describe("PEG from a panel and medications identified by name", () => {
  const r = assess("peg-improved-named-medications");
  it("computes the PEG baseline from the panel's three items and finds meaningful improvement", () => {
    // baseline (8 + 7 + 9) / 3 = 8; latest mean score 5; (8 - 5) / 8 = 37.5 % >= 30 %
    const f = get(r, "reason.no-meaningful-improvement");
    expect(f.status).toBe("not-found");
    expect(f.evidence.map((e) => e.value)).toContain("8 (mean of the 3 items (8, 7, 9) computed here)");
  });
  it("says when a medication was identified by its name rather than a code, and shows stale orders as such", () => {
    const cns = get(r, "reason.cns-depressants");
    expect(cns.status).toBe("present");
    expect(cns.evidence.map((e) => [e.reference, e.value])).toEqual([
      ["MedicationRequest/gabapentin", "identified by ingredient name in the text; no code matched; status active"],
      ["MedicationRequest/diazepam-1998", "status active; old order: not counted as current"],
    ]);
    expect(get(r, "caution.naloxone").evidence[0]?.value).toMatch(/^identified by ingredient name/);
  });
});

describe("cancer, pregnancy, overdose history, sleep apnea", () => {
  const r = assess("cancer-pregnancy-overdose-apnea");
  it("finds each from SNOMED CT or ICD-10-CM codes", () => {
    expect(statuses(r, ["caution.cancer", "caution.pregnancy", "reason.overdose", "reason.sleep-apnea"])).toEqual({
      "caution.cancer": "present", "caution.pregnancy": "present", "reason.overdose": "present", "reason.sleep-apnea": "present",
    });
  });
  it("counts an accidental poisoning (T40.2X1A) but not an adverse effect (T40.2X5A), and only the current pregnancy", () => {
    expect(get(r, "reason.overdose").evidence.map((e) => e.reference)).toEqual(["Condition/od"]);
    expect(get(r, "caution.pregnancy").evidence.map((e) => e.reference)).toEqual(["Condition/pregnancy"]);
  });
});

describe("urine drug screens", () => {
  it("flags unexpected positives and a prescribed opioid not detected; THC is not flagged", () => {
    const f = get(assess("drug-screens"), "caution.drug-screen");
    expect(f.status).toBe("present");
    expect(f.evidence.map((e) => [e.reference, e.value])).toEqual([
      ["Observation/uds-cocaine", "presumptive positive (screen): confirm with specific testing; not a prescribed medicine"],
      ["Observation/uds-oxy", "negative; prescribed but not detected"],
      ["Observation/uds-benzo", "presumptive positive (screen): confirm with specific testing; not prescribed"],
    ]);
  });
});

describe("MME bands when the MME is incomplete", () => {
  it("is unknown below the band and says the total is a floor", () => {
    const inputs = scenarioInputs(loadBundleFile(fixture("short-use-ir-oxycodone")), AS_OF);
    const partial = { ...inputs, mme: { ...inputs.mme, state: "incomplete" as const, complete: false, totalMmePerDay: 40, incompleteReasons: ["1 order could not be computed"] } };
    const r = assessReadiness(partial, AS_OF);
    expect(get(r, "context.mme-50").status).toBe("unknown");
    expect(get(r, "context.mme-50").evidence[0]?.value).toBe("at least 40 MME/day (factor table cdc-2022)");
    expect(get(r, "caution.mme-incomplete").status).toBe("present");
  });
});
