/**
 * Worked examples for each numbered problem of issue 20, with the guideline text each follows
 * (quoted as paraphrased in docs/clinical-sources.md, "Taper plan" and sections 1.5-1.8).
 * MME factors (CDC 2022): oxycodone 1.5, morphine 1, tapentadol 0.4, tramadol 0.2, methadone 4.7,
 * fentanyl patch 2.4 per mcg/h.
 */
import type { MedicationRequest } from "fhir/r4";
import { describe, expect, it } from "vitest";
import type { TaperPlan } from "@/lib/domain";
import { UCUM_SYSTEM } from "@/lib/domain/code-systems";
import { productByRxnorm } from "@/lib/mme/catalog";
import { defaultTaperOptions, proposeTaperPlan, protocolFor, regimenFromMme } from "@/lib/taper";
import { isMarketed } from "@/lib/taper/plan/marketed";
import { item, mmeResult, options, order, regimen } from "./helpers";

function planOf(...args: Parameters<typeof proposeTaperPlan>): TaperPlan {
  const outcome = proposeTaperPlan(...args);
  if (!outcome.ok) throw new Error(`refused: ${outcome.refusal.code} ${outcome.refusal.message}`);
  return outcome.plan;
}
const texts = (plan: TaperPlan): string[] => plan.steps.flatMap((s) => s.products.map((p) => p.scheduleText));

describe("1. Medication for opioid use disorder is never tapered", () => {
  // CDC 2022 Rec 12: "offer or arrange evidence-based medication for OUD; detoxification alone is not
  // recommended"; HHS 2019: do not taper it as if it were a pain medicine.
  const methadoneOud = { display: "methadone 10 MG/ML Oral Concentrate (80 mg daily, opioid treatment program)", reason: "Medication for opioid use disorder." };
  it("refuses, with the reason, what to do instead, and the guideline", () => {
    const r = { ...regimen(), oudTreatment: [methadoneOud], notTapered: [methadoneOud] };
    const outcome = proposeTaperPlan(r, options(), "2025-01-01");
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.refusal.code).toBe("taper.oud-treatment");
    expect(outcome.refusal.message).toMatch(/never tapered by this tool.*Continue it \(or arrange it\).*CDC 2022 Rec 12; HHS 2019/);
  });
  it("holds a plan for another opioid until an override with a reason is recorded, and records it", () => {
    const r = { ...regimen(item("1049683", 1, 3)), oudTreatment: [methadoneOud], notTapered: [methadoneOud] };
    const held = proposeTaperPlan(r, options(), "2025-01-01");
    expect(held.ok ? "" : held.refusal.code).toBe("taper.gated");
    expect(held.ok ? [] : held.refusal.gates?.map((g) => [g.findingId, g.kind])).toEqual([["caution.oud", "blocks"]]);
    expect(proposeTaperPlan(r, options({ gateDecisions: [{ findingId: "caution.oud", kind: "override", reason: "  " }] }), "2025-01-01").ok).toBe(false);
    const plan = planOf(r, options({ gateDecisions: [{ findingId: "caution.oud", kind: "override", reason: "oxycodone for fracture pain; OTP prescriber agrees" }] }), "2025-01-01");
    expect(plan.cautions).toEqual([expect.objectContaining({ findingId: "caution.oud", kind: "blocks", decision: { kind: "override", reason: "oxycodone for fracture pain; OTP prescriber agrees" } })]);
    expect(texts(plan).join(" ")).not.toMatch(/methadone/);
    expect(plan.warnings.map((w) => w.code)).toContain("taper.oud-treatment-continues");
  });
});

describe("2. Unknown duration of use is not short-term use", () => {
  // CDC 2022 draft l.2422-2424: "~10 % per month or slower is better tolerated, especially after >= 1 year
  // of use"; l.2638-2641: the weekly protocol is for weeks to months of use.
  const r = regimen(item("1049683", 1, 3));
  it.each([
    [true, "one-year-or-more", "month"],
    [false, "unknown", "month"], // earliest order under a year old: the record may simply be short
    [null, "unknown", "month"],
  ] as const)("longTermUse %s -> duration %s, interval %s (the slower protocol preselected)", (longTermUse, duration, unit) => {
    const o = defaultTaperOptions({ longTermUse }, r, "2025-01-01");
    expect(o.duration).toEqual({ value: duration, source: "record" });
    expect(o.interval.unit).toBe(unit);
    expect(o.basis).toBe("original");
  });
  it("uses the weekly protocol only when the clinician answers 'weeks to months'", () => {
    expect(protocolFor("less-than-a-year")).toEqual({ ratePercent: 10, interval: { unit: "week", count: 1 }, basis: "two-phase" });
    expect(protocolFor("unknown")).toEqual({ ratePercent: 10, interval: { unit: "month", count: 1 }, basis: "original" });
  });
});

describe("3. As-needed orders are planned from actual use, never from their maximum", () => {
  // oxycodone 10 mg every 4 hours as needed (up to 6 a day = 90 MME at the maximum), 124 tablets a month:
  // 124 / 30 = 4.13 a day, rounded down: 4 a day = 40 mg x 1.5 = 60 MME
  const request: MedicationRequest = {
    resourceType: "MedicationRequest", id: "prn", status: "active", intent: "order", subject: { reference: "Patient/p1" },
    dispenseRequest: { quantity: { value: 124, unit: "tablet" }, expectedSupplyDuration: { value: 30, unit: "days", system: UCUM_SYSTEM, code: "d" } },
  };
  const r = regimenFromMme(mmeResult([order("1049683", 1, 6, { medicationRequest: "prn", asNeeded: true })]), [request]);
  it("prefills doses a day from the order's supply, rounded down, and says where the number came from", () => {
    expect(r.items[0]?.prescribedSupply).toEqual({
      dosesPerDay: 4, source: "prescribed-supply",
      detail: "The order supplies 124 tablets for 30 days: 4.13 doses a day, rounded down to 4. This is what was prescribed, not what was taken: confirm with the patient.",
    });
  });
  it("starts at actual use (never above it) and keeps as-needed wording", () => {
    const plan = planOf(r, defaultTaperOptions({ longTermUse: true }, r, "2025-01-01"), "2025-01-01");
    expect(plan.startMmePerDay).toBe(60);
    expect(plan.steps[0]?.products[0]?.scheduleText).toBe("oxycodone 10 mg (1 x 10 mg tablet) as needed, up to 4 times a day");
    expect(plan.steps[0]?.products[0]?.patientText).toBe("Take 1 oxycodone 10 mg tablet only when needed for pain, no more than 4 times a day.");
    expect(plan.actualUse[0]?.use.source).toBe("prescribed-supply");
  });
  it("uses what the clinician entered, and refuses without any actual use", () => {
    const entered = planOf(r, options({ actualUse: { "MedicationRequest/prn": { dosesPerDay: 2, source: "entered", detail: "" } } }), "2025-01-01");
    expect(entered.startMmePerDay).toBe(30);
    const noSupply = regimenFromMme(mmeResult([order("1049683", 1, 6, { medicationRequest: "prn", asNeeded: true })]));
    const refused = proposeTaperPlan(noSupply, options(), "2025-01-01");
    expect(refused.ok ? "" : refused.refusal.code).toBe("taper.actual-use-needed");
  });
});

describe("4. Every strength is a marketed US product", () => {
  // CDC NDC compilation 2018: morphine ER tablets 15, 30, 60, 100, 200 mg; no 5 mg
  const plan = planOf(regimen(item("891893", 1, 2)), options(), "2025-01-01"); // morphine ER 60 mg every 12 hours
  it("never uses a morphine ER 5 mg tablet, or any strength the compilation does not list", () => {
    const components = plan.steps.flatMap((s) => s.products.flatMap((p) => p.doses.flatMap((d) => d.components)));
    expect(components.some((c) => c.rxnorm === "895217")).toBe(false);
    for (const c of components) {
      const product = productByRxnorm(c.rxnorm ?? "");
      expect(product !== null && isMarketed(product), c.display).toBe(true);
    }
  });
  it("rounds toward the slower taper where the rate's dose cannot be made, and says so", () => {
    const rounded = plan.steps.filter((s) => s.rate.differences.some((d) => d.code === "rounded-to-marketed"));
    expect(rounded.length).toBeGreaterThan(0);
    for (const s of rounded) expect(s.rate.removedMmePerDay).toBeLessThan(s.rate.nominalMmePerDay);
  });
});

describe("5. No hold followed by one large cut: bounded steps, no catch-up", () => {
  // CDC 2022 draft l.2425-2427, 2641-2644: slow or pause, then restart; the rate is a maximum per interval
  it("fentanyl 50 mcg/h: 25 -> 12 mcg/h (31.2 MME, 26 % of the start) comes only after 25 mcg/h was kept 3 months, and both rows say why", () => {
    // 50 x 2.4 = 120 MME; allowance 12 a month; 62.5 % steps are forced by the patch strengths
    const plan = planOf(regimen(item("245135", 1, 1 / 3)), options(), "2025-01-01");
    const at25 = plan.steps.find((s) => s.products[0]?.doses[0]?.amount === 25);
    const at12 = plan.steps.find((s) => s.products[0]?.doses[0]?.amount === 12);
    expect(at25?.intervals).toBe(3); // ceil(31.2 / 12)
    expect(at25?.rate.differences.map((d) => d.code)).toContain("kept-longer");
    expect(at12?.rate.differences[0]?.sentence).toMatch(/^The smallest step possible from here .* removes 31.2 MME\/day .* more than the 12 MME\/day the rate allows in one interval; the dose before it is kept 3 intervals/);
  });
  it.each([
    ["tapentadol ER 100 mg every 12 hours", "1148797", 2],
    ["tramadol 50 mg every 6 hours", "835603", 4],
  ])("%s: a 25 %% step is taken only after enough intervals at the dose before it", (_name, rxnorm, perDay) => {
    const plan = planOf(regimen(item(rxnorm, 1, perDay)), options(), "2025-01-01");
    plan.steps.forEach((s, i) => {
      const before = plan.steps[i - 1];
      if (before === undefined || s.kind === "pause") return;
      const removed = before.totalMmePerDay - s.totalMmePerDay;
      expect(removed).toBeLessThanOrEqual(0.1 * plan.startMmePerDay * before.intervals + 1e-9);
    });
  });
  it("after a pause, the taper resumes at the same rate: no step removes more than one interval's allowance because of the pause", () => {
    const plan = planOf(regimen(item("1049683", 1, 3)), options({ pauses: [{ atStep: 1, intervals: 3 }] }), "2025-01-01");
    expect(plan.steps[1]?.kind).toBe("pause");
    expect(plan.steps[2]?.rate.removedMmePerDay).toBeLessThanOrEqual(4.5);
  });
  it("the tool still refuses a 25 % rate as too fast", () => {
    const outcome = proposeTaperPlan(regimen(item("1049683", 1, 3)), options({ ratePercent: 25, interval: { unit: "week", count: 1 } }), "2025-01-01");
    expect(outcome.ok ? "" : outcome.refusal.code).toBe("taper.rate-too-fast");
  });
});

describe("6. ER products are never spaced to once a day or every other day: they switch to immediate release at their lowest strength", () => {
  // CDC 2022 draft l.2431-2435: at the smallest available dose, lengthen the interval; stop when taken
  // less often than once a day. VA Opioid Taper Decision Tool: continue on a short-acting form.
  it.each([
    ["oxycodone ER 20 mg every 12 hours", "1860154", "oxycodone ER", "oxycodone"],
    ["morphine ER 30 mg every 12 hours", "891888", "morphine ER", "morphine"],
    ["tapentadol ER 100 mg every 12 hours", "1148797", "tapentadol ER", "tapentadol"],
  ])("%s", (_name, rxnorm, er, ir) => {
    const plan = planOf(regimen(item(rxnorm, 1, 2)), options(), "2025-01-01");
    for (const s of plan.steps) {
      for (const p of s.products) if (p.label === er && p.change !== "stopped") expect(p.administrationsPerDay).toBe(2);
    }
    const switched = plan.steps.find((s) => s.kind === "switch");
    expect(switched?.products[0]?.scheduleText).toMatch(new RegExp(`^Switch from ${er} to immediate-release ${ir} \\(last ${er} dose on \\d{4}-\\d{2}-\\d{2}\\): ${ir} `));
    expect(texts(plan).join("\n")).not.toMatch(/every other day|every 48 hours/);
  });
  it("or stops, when the clinician chooses", () => {
    const plan = planOf(regimen(item("1860154", 1, 2)), options({ erAtLowest: "stop" }), "2025-01-01");
    expect(plan.steps.some((s) => s.kind === "switch")).toBe(false);
    expect(plan.steps.at(-1)?.products[0]?.scheduleText).toMatch(/^Stop oxycodone ER \(was 10 mg every 12 hours\): last dose on/);
  });
});

describe("7. Discontinuation plans reach zero", () => {
  it.each([
    ["one 12 mcg/h patch", "577057", 1],
    ["two 12 mcg/h patches", "577057", 2],
    ["one 25 mcg/h patch", "245134", 1],
  ])("%s: the last step is zero, with its own line to remove the last patch", (_name, rxnorm, patches) => {
    const plan = planOf(regimen(item(rxnorm, patches, 1 / 3)), options(), "2025-01-01");
    const last = plan.steps.at(-1);
    expect(last?.totalMmePerDay).toBe(0);
    expect(last?.products[0]?.scheduleText).toBe(`Stop fentanyl patch (was 12 mcg/h): remove the last patch on ${last?.start}; no new patch`);
    expect(last?.products[0]?.patientText).toMatch(/^Take off your last fentanyl patch on [A-Z][a-z]+ \d+, \d{4}\. Do not put on a new one\./);
  });
});

describe("8. One clear instruction per product per step", () => {
  it("oxycodone ER and immediate-release oxycodone never read as one product: the stop line names the ER product", () => {
    const plan = planOf(regimen(item("1860154", 1, 2), item("1049683", 1, 2)), options(), "2025-01-01");
    for (const s of plan.steps) expect(new Set(s.products.map((p) => p.label)).size).toBe(s.products.length);
    const stop = plan.steps.flatMap((s) => s.products).find((p) => p.key === "1860154" && p.change === "stopped");
    expect(stop?.scheduleText).toMatch(/^Stop oxycodone ER \(was \d+ mg every 12 hours\): last dose on/);
  });
  it("two orders of the same tablet on different schedules are told apart", () => {
    const a = item("1049683", 1, 2);
    const b = { ...item("1049683", 1, 1), key: "1049683@MedicationRequest/b", orderRefs: ["MedicationRequest/b"] };
    const plan = planOf(regimen(a, b), options(), "2025-01-01");
    expect(plan.steps[0]?.products.map((p) => p.label)).toEqual(["oxycodone", "oxycodone (2nd order)"]);
  });
  it("a day split between two doses is one instruction", () => {
    const plan = planOf(regimen(item("1049683", 1, 3)), options(), "2025-01-01");
    expect(plan.steps[1]?.products).toHaveLength(1);
    expect(plan.steps[1]?.products[0]?.doses).toHaveLength(2);
  });
});

describe("9. Intervals a patient can follow", () => {
  // "every 4, 6, 8, 12 or 24 hours, or N times a day"
  it("six doses a day of the smallest tablet become five: '5 times a day', never 'every 4.8 hours'", () => {
    const plan = planOf(regimen(item("1049621", 1, 6)), options(), "2025-01-01"); // oxycodone 5 mg every 4 hours
    const all = texts(plan).join("\n");
    expect(all).toContain("oxycodone 5 mg (1 x 5 mg tablet) 5 times a day");
    expect(all).not.toMatch(/\d+\.\d+ hours/);
    for (const t of texts(plan).slice(1)) expect(t).toMatch(/every (4|6|8|12) hours|once a day|\d+ times a day|^Stop /);
  });
  it("an order written every 5 hours becomes 4 doses a day, every 6 hours", () => {
    const plan = planOf(regimen(item("1049683", 1, 24 / 5)), options(), "2025-01-01");
    expect(plan.steps[0]?.products[0]?.scheduleText).toBe("oxycodone 10 mg (1 x 10 mg tablet) every 5 hours"); // as ordered
    expect(plan.steps[1]?.products[0]?.scheduleText).toMatch(/every 6 hours/);
  });
});

describe("Methadone: at most one change every 2 weeks by default; faster only as an explicit choice, with the warning", () => {
  // CDC 2022 draft l.5673-5692: methadone's long, variable half-life; extra caution
  const weekly = { interval: { unit: "week" as const, count: 1 }, basis: "two-phase" as const, duration: { value: "less-than-a-year" as const, source: "clinician" as const } };
  it("weekly protocol: each methadone dose is kept at least 2 weeks", () => {
    const plan = planOf(regimen(item("864706", 1, 2)), options(weekly), "2025-01-01"); // methadone 10 mg every 12 hours = 94 MME
    for (const s of plan.steps.slice(0, -1)) expect(s.intervals).toBeGreaterThanOrEqual(2);
    expect(plan.warnings.map((w) => w.code)).not.toContain("taper.methadone-faster");
  });
  it("faster only with the clinician's reason, carried as a warning", () => {
    // methadone 1 mg/mL, 10 mL every 12 hours = 20 mg/day = 94 MME: 0.5 mL steps are small enough for weekly changes
    const liquid = regimen(item("864761", 10, 2));
    expect(proposeTaperPlan(liquid, options({ ...weekly, methadoneFaster: { reason: " " } }), "2025-01-01").ok).toBe(false);
    expect(planOf(liquid, options(weekly), "2025-01-01").steps.slice(0, -1).every((s) => s.intervals >= 2)).toBe(true);
    const plan = planOf(liquid, options({ ...weekly, methadoneFaster: { reason: "patient request after cardiology review" } }), "2025-01-01");
    expect(plan.steps.some((s, i) => i < plan.steps.length - 1 && s.intervals === 1)).toBe(true);
    expect(plan.warnings.find((w) => w.code === "taper.methadone-faster")?.message).toMatch(/by the clinician's explicit choice: patient request after cardiology review/);
  });
});
