import { describe, expect, it } from "vitest";
import { buildHandout, handoutAsText } from "@/lib/handout";
import { every, order, patch, tab } from "../mme/builders";
import { CLINIC, handoutOf, planFor } from "./support";

/** Syllables by vowel groups (a standard approximation for English readability formulas). */
function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, "");
  if (w.length <= 3) return 1;
  const groups = w.replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, "").replace(/^y/, "").match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups?.length ?? 1);
}

/** Flesch-Kincaid grade level: 0.39 (words/sentences) + 11.8 (syllables/words) - 15.59. */
function fkGrade(lines: string[]): number {
  const text = lines.join(" ");
  const sentences = Math.max(1, text.split(/[.!?:]+\s|[.!?]$/).filter((s) => s.trim().length > 0).length);
  const words = text.split(/\s+/).filter((w) => /[A-Za-z]/.test(w));
  const syl = words.reduce((n, w) => n + syllables(w), 0);
  return 0.39 * (words.length / sentences) + 11.8 * (syl / words.length) - 15.59;
}

describe("patient handout (English)", () => {
  // 1860151: oxycodone ER 30 mg (abuse-deterrent) q12h; 1049621: oxycodone 5 mg q6h
  const plan = planFor([order("1860151", every(tab(1), 12)), order("1049621", every(tab(1), 6))]);
  const handout = handoutOf(plan);
  const stepRows = handout.rows.filter((r) => r.stepIndex !== null);

  it("reads at about a 6th-grade level (Flesch-Kincaid grade at most 7)", () => {
    const grade = fkGrade(handout.sections.flatMap((s) => s.lines));
    expect(fkGrade(["Discontinuation necessitates individualized pharmacological management of physiological dependence considerations."])).toBeGreaterThan(12);
    expect(grade).toBeLessThanOrEqual(7);
  });

  it("opens with the patient's name and date of birth, the clinician and the clinic's phone", () => {
    expect(handout.facts).toEqual([
      { label: "Patient", value: "Ana Lopez" },
      { label: "Date of birth", value: "April 9, 1961" },
      { label: "Your clinician", value: "Dr. Alice Prescott" },
      { label: "Clinic phone", value: "Maple Street Clinic: (555) 010-0100", keepTogether: "(555) 010-0100" },
    ]);
    expect(handout.dates).toEqual([{ label: "Start", value: "June 1, 2025" }, { label: "Your next visit", value: "July 1, 2025" }]);
  });

  it("says when to call with the number, never 'Call us right away if' and nothing", () => {
    const call = handout.sections.at(-1);
    expect(call?.heading).toBe("Call us at (555) 010-0100 if");
    expect(call?.lines).toContain("At night or on weekends, call (555) 010-0199.");
    // without a configured phone: a line to write the number on, not a dangling sentence
    const noPhone = handoutOf(plan, "en", null);
    expect(noPhone.sections.at(-1)?.heading).toBe("When to call us");
    expect(noPhone.sections.at(-1)?.lines[0]).toMatch(/^Our phone number: _+\. Call us if:$/);
    expect(noPhone.facts.find((f) => f.label === "Clinic phone")?.value).toBeNull();
  });

  it("covers withdrawal and what helps, alcohol and sedatives, naloxone and leftover medicine (FDA disposal)", () => {
    const headings = handout.sections.map((s) => s.heading);
    expect(headings).toEqual(["Why we go slowly", "What you may feel", "What helps", "Alcohol, sleeping pills and nerve pills",
      "Naloxone can save your life", "Pills and patches you no longer need", "Call us at (555) 010-0100 if"]);
    const text = handoutAsText(handout);
    expect(text).toMatch(/Do not drink alcohol/);
    expect(text).toMatch(/take-back/);
    expect(text).toContain("fda.gov/drugdisposal");
    expect(text).toMatch(/Fold a used patch in half, sticky sides together, and flush it\./);
  });

  it("names doses in plain words, never the RxNorm name, and ends with its own stop line", () => {
    const doses = stepRows.flatMap((r) => r.doses).join("\n");
    expect(doses).toContain("1 oxycodone ER 30 mg tablet");
    expect(doses).not.toMatch(/MG|Extended Release|Abuse-Deterrent/);
    expect(stepRows).toHaveLength(plan.steps.length);
    expect(stepRows.at(-1)?.doses.join(" ")).toMatch(/^Stop oxycodone: take your last dose on [A-Z][a-z]+ \d+, \d{4}\. From .*, take no more oxycodone\.$/);
  });

  it("says the same as the schedule, step for step: each product's patient instruction, word for word", () => {
    plan.steps.forEach((s, i) => expect(stepRows[i]?.doses).toEqual(s.products.map((p) => p.patientText)));
  });

  it("a step kept several months shows one 'no change this month' row per further month, not the dose again", () => {
    const long = plan.steps.find((s) => s.intervals > 1);
    expect(long, "this plan keeps a dose longer (the ER switch)").toBeDefined();
    if (long === undefined) return;
    const at = handout.rows.findIndex((r) => r.stepIndex === long.index);
    const inside = handout.rows.slice(at + 1, at + long.intervals);
    expect(inside).toHaveLength(long.intervals - 1);
    for (const r of inside) expect(r).toMatchObject({ stepIndex: null, doses: ["No change this month: keep taking the same dose."], noChange: true });
    // one row per month of the whole plan: the calendar reads month by month
    const months = plan.steps.reduce((n, s) => n + s.intervals, 0);
    expect(handout.rows).toHaveLength(months);
  });

  it("says a split day dose by dose", () => {
    const split = stepRows.find((r) => r.doses.some((d) => d.includes("doses a day")));
    expect(split?.doses.join(" ")).toMatch(/Take 2 doses a day, 12 hours apart: 1 oxycodone ER 30 mg tablet for the 1st dose of the day, and 1 oxycodone ER 15 mg tablet and 1 oxycodone ER 10 mg tablet for the 2nd dose\./);
  });

  it("tells patch users to wear and change patches, and when to take off the last one", () => {
    // 245134: fentanyl 25 mcg/h, 1 patch every 72 h
    const patchPlan = planFor([order("245134", every(patch(1), 72))]);
    const rows = buildHandout({ plan: patchPlan, language: "en", patient: null, clinician: null, clinic: CLINIC, nextVisit: null }).rows.filter((r) => r.stepIndex !== null);
    expect(rows[0]?.doses[0]).toBe("Wear 1 fentanyl 25 mcg/h patch at all times. Put on a new one every 72 hours.");
    expect(rows.at(-1)?.doses[0]).toMatch(/^Take off your last fentanyl patch on [A-Z][a-z]+ \d+, \d{4}\. Do not put on a new one\./);
  });

  it("has the same content as text for copying into a note, with blanks where the chart had nothing", () => {
    const text = handoutAsText(handout);
    expect(text).toContain("Patient: Ana Lopez");
    expect(text).toContain("Date of birth: April 9, 1961");
    expect(text).toContain("Your next visit: July 1, 2025");
    expect(text).toContain("call or text 988");
    for (const r of handout.rows) expect(text).toContain(r.from);
    const blank = handoutAsText(buildHandout({ plan, language: "en", patient: null, clinician: null, clinic: null, nextVisit: null }));
    expect(blank).toMatch(/Patient: _+\nDate of birth: _+\nYour clinician: _+\nClinic phone: _+/);
  });
});

describe("a planned pause", () => {
  it("says 'No change' before the doses of the paused step, and still gives them word for word", () => {
    const plan = planFor([order("1049621", every(tab(2), 6))], { pauses: [{ atStep: 2, intervals: 1 }] });
    const paused = plan.steps.find((s) => s.kind === "pause");
    expect(paused, "the planner made a pause step").toBeDefined();
    const row = handoutOf(plan).rows.find((r) => r.stepIndex === paused?.index);
    expect(row?.note).toBe("No change: keep taking the same dose.");
    expect(row?.doses).toEqual(paused?.products.map((p) => p.patientText));
    expect(handoutAsText(handoutOf(plan))).toContain(`- ${row?.from ?? "?"}: No change: keep taking the same dose. ${row?.doses.join(" ") ?? ""}`);
    expect(handoutOf(plan, "es").rows.find((r) => r.stepIndex === paused?.index)?.note).toBe("Sin cambios: siga con la misma dosis.");
  });
});
