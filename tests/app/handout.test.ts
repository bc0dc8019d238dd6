import { describe, expect, it } from "vitest";
import { buildHandout, handoutAsText } from "@/app/_components/handout-text";
import { defaultTaperOptions, proposeTaperPlan, regimenFromMme } from "@/lib/taper";
import { AS_OF, every, order, patch, run, tab } from "../mme/builders";

function planFor(orders: Parameters<typeof run>[0]) {
  const mme = run(orders);
  const regimen = regimenFromMme(mme);
  const outcome = proposeTaperPlan(regimen, defaultTaperOptions({ longTermUse: true }, regimen, AS_OF), AS_OF);
  if (!outcome.ok) throw new Error(outcome.refusal.message);
  return outcome.plan;
}

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

describe("patient handout", () => {
  // 1860151: oxycodone ER 30 mg (abuse-deterrent) q12h; 1049621: oxycodone 5 mg q6h
  const plan = planFor([order("1860151", every(tab(1), 12)), order("1049621", every(tab(1), 6))]);
  const handout = buildHandout(plan, "2025-07-01");

  it("reads at about a 6th-grade level (Flesch-Kincaid grade at most 7)", () => {
    const grade = fkGrade(handout.sections.flatMap((s) => s.lines));
    expect(fkGrade(["Discontinuation necessitates individualized pharmacological management of physiological dependence considerations."])).toBeGreaterThan(12);
    expect(grade).toBeLessThanOrEqual(7);
  });

  it("names doses in plain words, never the RxNorm name, and ends with its own stop line", () => {
    const doses = handout.rows.flatMap((r) => r.doses).join("\n");
    expect(doses).toContain("1 oxycodone ER 30 mg tablet");
    expect(doses).not.toMatch(/MG|Extended Release|Abuse-Deterrent/);
    expect(handout.rows).toHaveLength(plan.steps.length);
    expect(handout.rows.at(-1)?.doses.join(" ")).toMatch(/^Stop oxycodone: take your last dose on [A-Z][a-z]+ \d+, \d{4}\. From .*, take no more oxycodone\.$/);
  });

  it("says the same as the schedule, step for step: each product's patient instruction, word for word", () => {
    plan.steps.forEach((s, i) => expect(handout.rows[i]?.doses).toEqual(s.products.map((p) => p.patientText)));
  });

  it("says a split day dose by dose", () => {
    const split = handout.rows.find((r) => r.doses.some((d) => d.includes("doses a day")));
    expect(split?.doses.join(" ")).toMatch(/Take 2 doses a day, 12 hours apart: 1 oxycodone ER 30 mg tablet for the 1st dose of the day, and 1 oxycodone ER 15 mg tablet and 1 oxycodone ER 10 mg tablet for the 2nd dose\./);
  });

  it("tells patch users to wear and change patches, and when to take off the last one", () => {
    // 245134: fentanyl 25 mcg/h, 1 patch every 72 h
    const patchPlan = planFor([order("245134", every(patch(1), 72))]);
    const rows = buildHandout(patchPlan, null).rows;
    expect(rows[0]?.doses[0]).toBe("Wear 1 fentanyl 25 mcg/h patch at all times. Put on a new one every 72 hours.");
    expect(rows.at(-1)?.doses[0]).toMatch(/^Take off your last fentanyl patch on [A-Z][a-z]+ \d+, \d{4}\. Do not put on a new one\./);
  });

  it("has the same content as text for copying into a note", () => {
    const text = handoutAsText(handout);
    expect(text).toContain("Next visit:");
    expect(text).toContain("call or text 988");
    for (const r of handout.rows) expect(text).toContain(r.from);
  });
});
