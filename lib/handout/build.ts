/**
 * Builds the handout (types.ts) in one language. The calendar has one row per plan step with
 * the planner's instructions (English: `patientText` word for word; Spanish: from the same
 * structured step data), and a "no change" row for each further interval of a step kept longer,
 * so a patient reading month by month sees every month without the same dose repeated.
 */
import { addDays, addMonths } from "@/lib/domain/dates";
import type { IsoDate, StepProduct, TaperInterval, TaperPlan, TaperStep } from "@/lib/domain";
import { longDateIn } from "./locale-format";
import type { HandoutMessages } from "./messages";
import { MESSAGES_EN } from "./messages-en";
import { MESSAGES_ES } from "./messages-es";
import type { Handout, HandoutFact, HandoutInput, HandoutLanguage, HandoutRow } from "./types";

export function messagesFor(language: HandoutLanguage): HandoutMessages {
  return language === "es" ? MESSAGES_ES : MESSAGES_EN;
}

/** The instructions of a step in the handout's language. */
export function stepLines(products: StepProduct[], m: HandoutMessages): string[] {
  if (products.length === 0) return [m.noMoreOpioid];
  return products.map((p) => {
    if (m.instruction === MESSAGES_EN.instruction) return p.patientText;
    const text = p.patientInstruction === undefined ? null : m.instruction(p.patientInstruction);
    return text ?? m.untranslated(p.patientText);
  });
}

/** Interval boundaries of the plan (anchored at its start, as the planner counts them) strictly inside a step. */
function boundariesInside(step: TaperStep, planStart: IsoDate, interval: TaperInterval): IsoDate[] {
  if (step.intervals <= 1) return [];
  const at = (j: number): IsoDate =>
    interval.unit === "month" ? addMonths(planStart, j * interval.count) : addDays(planStart, j * interval.count * (interval.unit === "week" ? 7 : 1));
  const out: IsoDate[] = [];
  // an interval is at least a day: a step of n intervals has at most n-1 boundaries inside it
  for (let j = 1; out.length < step.intervals - 1; j++) {
    const d = at(j);
    if (d >= step.end) break;
    if (d > step.start) out.push(d);
  }
  return out;
}

function calendar(plan: TaperPlan, m: HandoutMessages): HandoutRow[] {
  const planStart = plan.steps[0]?.start ?? plan.options.startDate;
  const rows: HandoutRow[] = [];
  for (const step of plan.steps) {
    const same = step.index > 0 && step.products.length > 0 && step.products.every((p) => p.change === "none");
    rows.push({ stepIndex: step.index, from: longDateIn(m.locale, step.start), doses: stepLines(step.products, m), noChange: same, note: same ? m.sameDose : null });
    for (const d of boundariesInside(step, planStart, plan.options.interval)) {
      rows.push({ stepIndex: null, from: longDateIn(m.locale, d), doses: [m.noChange(plan.options.interval)], noChange: true, note: null });
    }
  }
  return rows;
}

export function buildHandout(input: HandoutInput): Handout {
  const m = messagesFor(input.language);
  const { plan, patient, clinic } = input;
  const facts: HandoutFact[] = [
    { label: m.patient, value: patient?.name ?? null },
    { label: m.birthDate, value: patient?.birthDate ? longDateIn(m.locale, patient.birthDate) : null },
    { label: m.clinician, value: input.clinician },
    clinic?.phone
      ? { label: m.clinicPhone, value: [clinic.name, clinic.phone].filter(Boolean).join(": "), keepTogether: clinic.phone }
      : { label: m.clinicPhone, value: null },
  ];
  const dates: HandoutFact[] = [{ label: m.start, value: longDateIn(m.locale, plan.steps[0]?.start ?? plan.options.startDate) }];
  if (input.nextVisit) dates.push({ label: m.nextVisit, value: longDateIn(m.locale, input.nextVisit) });
  return {
    language: input.language,
    title: m.title,
    facts,
    dates,
    calendarHeading: m.calendarHeading,
    calendarHead: m.calendarHead,
    rows: calendar(plan, m),
    sections: m.sections(clinic?.phone ?? null, clinic?.afterHoursPhone ?? null),
  };
}
