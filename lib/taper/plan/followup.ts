/**
 * Follow-up dates and what to monitor. Follow up at least monthly during a taper, at each
 * dose change (weekly when steps are weekly: successful studies used weekly contact), and
 * once after the last change (CDC 2022 draft l.2414-2415, 2617-2619, 2466-2498).
 */
import type { FollowUp, TaperStep } from "@/lib/domain";
import type { TaperEngineConfig } from "../config";
import { addDays, daysBetween } from "../dates";

export const MONITORING: readonly string[] = [
  "Withdrawal signs: anxiety, insomnia, abdominal pain, vomiting, diarrhea, sweating, dilated pupils, tremor, fast heart rate, gooseflesh; if significant, slow down or pause (CDC 2022 draft l.2416-2418, 2629-2632, 2661-2662).",
  "Pain intensity (0-10) and function (PEG scale): worsening pain is a common withdrawal symptom that usually fades (CDC 2022 draft l.2579-2588).",
  "Mood and anxiety (PHQ-9 / PHQ-2, GAD-7): depression and anxiety can appear or worsen; arrange behavioral-health support (CDC 2022 draft l.2604-2617).",
  "Suicidality (PHQ-9 item 9; ask directly): risk of suicide and overdose rises after stopping (CDC 2022 draft l.2466-2498).",
  "Signs of opioid use disorder unmasked by the taper: offer medication treatment rather than continuing the taper (CDC 2022 draft l.2675-2681; Rec 12).",
  "Overdose risk: tolerance is lost within about a week, so resuming the previous dose can be fatal; naloxone on hand and household taught to use it (CDC 2022 draft l.2439-2441; Rec 8).",
  "Other CNS depressants (benzodiazepines, gabapentinoids, muscle relaxants, sleep medicines): coordinate with their prescribers (CDC 2022 Rec 11).",
];

/** Follow-ups at every step, gaps filled so none exceeds `followUpMaxGapDays`, and one after the last step. */
export function followUps(steps: TaperStep[], config: TaperEngineConfig): FollowUp[] {
  const out: FollowUp[] = [];
  let last = steps[0]?.start ?? null;
  for (const step of steps.slice(1)) {
    if (last !== null) fillGap(out, last, step.start, config.followUpMaxGapDays);
    out.push({ date: step.start, purpose: purposeFor(step) });
    last = step.start;
  }
  const end = steps[steps.length - 1]?.start;
  if (end !== undefined) {
    if (steps.length === 1 && last !== null) fillGap(out, last, addDays(end, config.followUpAfterEndDays), config.followUpMaxGapDays);
    out.push({
      date: addDays(end, config.followUpAfterEndDays),
      purpose: "After the last change: withdrawal, pain, function, mood and suicidality; overdose risk if the previous dose is resumed (tolerance is lost within about a week); naloxone on hand (CDC 2022 draft l.2439-2441, 2466-2498).",
    });
  }
  return out;
}

function fillGap(out: FollowUp[], from: string, to: string, maxGapDays: number): void {
  let cursor = from;
  for (;;) {
    const gap = daysBetween(cursor, to);
    if (gap === null || gap <= maxGapDays) return;
    cursor = addDays(cursor, maxGapDays);
    out.push({ date: cursor, purpose: "Monthly check during the taper: withdrawal, pain, function, mood, suicidality (CDC 2022 draft l.2414-2415)." });
  }
}

function purposeFor(step: TaperStep): string {
  const what = step.kind === "pause" ? "the dose is held" : step.kind === "stop" ? "a medicine stops" : step.kind === "switch" ? "a medicine changes form" : "the dose changes";
  return `Step ${step.index} (${what}): check withdrawal, pain, function, mood and suicidality before continuing; slow down or pause if needed (CDC 2022 draft l.2414-2415, 2641-2644).`;
}
