/**
 * The patient handout, as plain data: used by the print view and by "copy as text".
 * Plain language, about a 6th-grade reading level (checked by a readability test).
 * Content sources: CDC 2022 Rec 5 supporting text (withdrawal signs, slowing and pausing,
 * loss of tolerance and naloxone: clinical-sources.md 1.4-1.6); HHS 2019 (never abrupt).
 * "Often better in 5 to 10 days": early withdrawal symptoms settle in 5-10 days (clinical-sources.md 1.6,
 * [C]: a secondary summary of HHS 2019, not the guide's own text).
 * 988 is the US Suicide & Crisis Lifeline (call or text).
 */
import type { StepProduct, TaperPlan } from "@/lib/domain";
import { fmtDate } from "./format";

export interface HandoutRow {
  from: string;
  doses: string[];
}

export interface Handout {
  title: string;
  startDate: string;
  nextVisit: string | null;
  rows: HandoutRow[];
  sections: { heading: string; lines: string[] }[];
}

/**
 * A step's lines: the engine's patient instruction for each product, word for word (the schedule
 * and the CarePlan show the clinician's instruction of the same step), so the three never disagree.
 */
function stepLines(products: StepProduct[]): string[] {
  return products.length === 0 ? ["No more opioid medicine."] : products.map((p) => p.patientText);
}

export function buildHandout(plan: TaperPlan, nextVisit: string | null): Handout {
  const rows = plan.steps.map((s) => ({
    from: fmtDate(s.start),
    doses: stepLines(s.products),
  }));
  return {
    title: "Your plan to slowly lower your opioid pain medicine",
    startDate: fmtDate(plan.options.startDate),
    nextVisit: nextVisit ? fmtDate(nextVisit) : null,
    rows,
    sections: [
      { heading: "Why we go slowly", lines: [
        "We lower your dose a little at a time. Going slow helps your body get used to each new dose.",
        "You will not be cut off. If a step is too hard, tell us. We can slow down or pause.",
      ] },
      { heading: "What you may feel", lines: [
        "After a lower dose, for a few days you may have more pain, trouble sleeping, or feel worried or restless.",
        "You may sweat, yawn, have a runny nose, an upset stomach, loose stools, or body aches.",
        "These feelings often get better in 5 to 10 days.",
      ] },
      { heading: "What helps", lines: [
        "Walk or move a little each day. Take a warm shower. Go to bed at the same time each night.",
        "Drink water and eat small meals. Ask us about medicines that ease these feelings.",
        "Take your medicine only as this plan says. Do not take extra doses.",
      ] },
      { heading: "Naloxone can save your life", lines: [
        "Your body gets used to a lower dose fast. If you go back to an old, higher dose, you could overdose.",
        "Keep naloxone (Narcan) at home. Show your family or friends how to use it.",
        "If someone will not wake up or is not breathing well: give naloxone and call 911.",
      ] },
      { heading: "Call us right away if", lines: [
        "the withdrawal feelings are very bad or do not get better,",
        "your pain is too much to handle,",
        "you took more medicine than this plan says.",
        "If you feel very sad or think about hurting yourself, call or text 988 at any time.",
      ] },
    ],
  };
}

/** The handout as plain text, for "copy as text" into a note or a message. */
export function handoutAsText(h: Handout): string {
  const lines = [h.title, "", `Start: ${h.startDate}`];
  if (h.nextVisit) lines.push(`Next visit: ${h.nextVisit}`);
  lines.push("", "Your doses:");
  for (const r of h.rows) lines.push(`- From ${r.from}: ${r.doses.join(" ")}`);
  for (const s of h.sections) lines.push("", `${s.heading}:`, ...s.lines.map((l) => `- ${l}`));
  return lines.join("\n");
}
