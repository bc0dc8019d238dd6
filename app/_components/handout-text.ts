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
import { formatDecimal } from "@/lib/domain/numbers";
import { fmtDate, fmtNumber } from "./format";
import { shortProductLabel } from "@/lib/taper";

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

function timesADay(perDay: number): string {
  if (perDay === 1) return "once a day";
  if (perDay === 2) return "2 times a day";
  if (perDay === 0.5) return "every other day";
  if (perDay < 1) return `once every ${fmtNumber(1 / perDay)} days`;
  return `${fmtNumber(perDay)} times a day`;
}

/** "1 oxycodone ER 30 mg tablet", "2 oxycodone 5 mg tablets + 1 oxycodone 10 mg tablet". */
function unitsText(p: StepProduct): string {
  return p.components
    .map((c) => {
      const label = shortProductLabel(c.rxnorm, c.display);
      const plural = c.count === 1 ? label : label.replace(/(tablet|capsule|patch|film|spray)$/, (w) => (w === "patch" ? "patches" : `${w}s`));
      return `${fmtNumber(c.count)} ${plural}`;
    })
    .join(" + ");
}

/** One product's line(s) for a step; a day split between two real doses is said dose by dose. */
function productLines(parts: StepProduct[]): string[] {
  const first = parts[0];
  if (!first) return [];
  if (first.doseUnit === "mcg/h") {
    const hours = first.administrationsPerDay > 0 ? formatDecimal(24 / first.administrationsPerDay, 1) : "72";
    return [`Wear ${unitsText(first)} at all times. Put on new ones every ${hours} hours.`];
  }
  if (parts.length === 1) return [`Take ${unitsText(first)}, ${timesADay(first.administrationsPerDay)}.`];
  const total = parts.reduce((n, p) => n + p.administrationsPerDay, 0);
  const hours = total > 0 ? fmtNumber(24 / total) : "";
  return [
    `Take ${fmtNumber(total)} doses a day, ${hours} hours apart, not all the same:`,
    ...parts.map((p) => `${fmtNumber(p.administrationsPerDay)} of them: ${unitsText(p)}.`),
  ];
}

function stepLines(products: StepProduct[]): string[] {
  const active = products.filter((p) => p.administrationsPerDay > 0);
  if (active.length === 0) return ["No more opioid medicine."];
  const byKey = new Map<string, StepProduct[]>();
  for (const p of active) byKey.set(p.key, [...(byKey.get(p.key) ?? []), p]);
  return [...byKey.values()].flatMap(productLines);
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
