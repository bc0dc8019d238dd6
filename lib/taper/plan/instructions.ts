/**
 * One instruction per product per step (text.ts gives the words): what the clinician reads in
 * the schedule and the CarePlan, and what the patient reads in the handout. A product that stops
 * gets its own stop line ("last dose on <date>", "remove the last patch on <date>"); after that
 * it is no longer listed.
 */
import type { IsoDate, PatientInstruction, PatientProductName, PatientUnits, ProductChange } from "@/lib/domain";
import { addDays } from "../dates";
import { fmt } from "../format";
import { dailyAmountOf, type DoseGroup, type DoseState, type ProductLadder } from "./ladder";
import { frequencyText, longDate, ordinalDoses, patchChangeText, patientUnitsText, productLabel, timesADay, unitStrengths, unitsText } from "./text";

export interface Instruction {
  label: string;
  change: ProductChange;
  scheduleText: string;
  patientText: string;
  /** `patientText` as structured data (the same numbers and dates), for a handout in another language. */
  patient: PatientInstruction;
}

/** The instruction for a product at a step; `previous` is its state at the step before (null at the start). */
export function instructionFor(ladder: ProductLadder, state: DoseState, previous: DoseState | null, stepStart: IsoDate): Instruction {
  const label = labelOf(ladder, state);
  const change = changeOf(state, previous);
  if (state.stage === "stopped") return stopInstruction(ladder, previous ?? state, stepStart);
  const dose = doseInstruction(ladder, state);
  if (state.stage !== "switched" || previous === null) return { label, change, ...dose };
  const before = labelOf(ladder, previous);
  const lastDay = addDays(stepStart, -1);
  return {
    label,
    change,
    scheduleText: `Switch from ${before} to immediate-release ${label} (last ${before} dose on ${lastDay}): ${dose.scheduleText}`,
    patientText: `Stop ${before}: take your last one on ${longDate(lastDay)}. From ${longDate(stepStart)}: ${dose.patientText}`,
    patient: { kind: "switch", previous: patientName(ladder, previous), lastDay, start: stepStart, then: dose.patient },
  };
}

function labelOf(ladder: ProductLadder, state: DoseState): string {
  const base = productLabel(state.product, ladder.kind);
  return `${base}${ladder.asNeeded ? " (as needed)" : ""}${ladder.labelSuffix}`;
}

function changeOf(state: DoseState, previous: DoseState | null): ProductChange {
  if (previous === null || previous === state) return "none";
  if (state.stage === "stopped") return "stopped";
  if (state.stage === "switched") return "switched";
  if (state.stage === "fewer-doses") return "fewer-doses";
  return "reduced";
}

/** "10 mg every 12 hours", "12 mcg/h", "5 mg as needed, up to twice a day", "17.5 mg a day": what a stop line stops. */
function shortDose(ladder: ProductLadder, state: DoseState): string {
  const first = state.groups[0];
  if (first === undefined) return "";
  if (ladder.kind === "patch") return `${fmt(first.level.amount, 2)} mcg/h`;
  if (ladder.asNeeded) return `${fmt(first.level.amount, 2)} mg as needed, up to ${timesADay(state.perDay)}`;
  if (state.groups.length > 1) return `${fmt(dailyAmountOf(ladder.kind, state.groups), 2)} mg a day`;
  return `${fmt(first.level.amount, 2)} mg ${frequencyText(state.perDay)}`;
}

function stopInstruction(ladder: ProductLadder, last: DoseState, stepStart: IsoDate): Instruction {
  const label = labelOf(ladder, last);
  const name = `${productLabel(last.product, ladder.kind)}${ladder.labelSuffix}`;
  const was = shortDose(ladder, last);
  if (ladder.kind === "patch") {
    return {
      label, change: "stopped",
      scheduleText: `Stop ${name} (was ${was}): remove the last patch on ${stepStart}; no new patch`,
      patientText: `Take off your last ${name} on ${longDate(stepStart)}. Do not put on a new one. This is the end of this medicine.`,
      patient: { kind: "stop-patch", name: patientName(ladder, last), removeOn: stepStart },
    };
  }
  const lastDay = addDays(stepStart, -1);
  return {
    label, change: "stopped",
    scheduleText: `Stop ${name} (was ${was}): last dose on ${lastDay}`,
    patientText: `Stop ${name}: take your last dose on ${longDate(lastDay)}. From ${longDate(stepStart)}, take no more ${name}.`,
    patient: { kind: "stop", name: patientName(ladder, last), lastDay, from: stepStart },
  };
}

function doseInstruction(ladder: ProductLadder, state: DoseState): { scheduleText: string; patientText: string; patient: PatientInstruction } {
  const { kind } = ladder;
  const product = state.product;
  const label = labelOf(ladder, state).replace(/ \(as needed\)/, "");
  const first = state.groups[0];
  const name = patientName(ladder, state);
  if (first === undefined) return { scheduleText: label, patientText: label, patient: { kind: "scheduled", name, units: [], perDay: 0 } };
  const amount = (g: DoseGroup): string => `${fmt(g.level.amount, 2)} ${kind === "patch" ? "mcg/h" : "mg"}`;
  if (kind === "patch") {
    return {
      scheduleText: `${label} ${amount(first)} (${unitsText(first, kind, product)}), changed ${patchChangeText(state.perDay)}`,
      patientText: `Wear ${patientUnitsText(first, kind, product)} at all times. Put on ${first.level.components.reduce((n, c) => n + c.count, 0) === 1 ? "a new one" : "new ones"} ${patchChangeText(state.perDay)}.`,
      patient: { kind: "patch", name, units: unitsOf(first, ladder, state), changeEveryHours: state.perDay > 0 ? 24 / state.perDay : 72 },
    };
  }
  if (ladder.asNeeded) {
    return {
      scheduleText: `${label} ${amount(first)} (${unitsText(first, kind, product)}) as needed, up to ${timesADay(state.perDay)}`,
      patientText: `Take ${patientUnitsText(first, kind, product)} only when needed for pain, no more than ${timesADay(state.perDay)}.`,
      patient: { kind: "as-needed", name, units: unitsOf(first, ladder, state), maxPerDay: state.perDay },
    };
  }
  const second = state.groups[1];
  const freq = frequencyText(state.perDay);
  if (second === undefined) {
    const often = state.perDay === 1 || !Number.isInteger(state.perDay) || freq.endsWith("times a day") ? "" : ` (${timesADay(state.perDay)})`;
    return {
      scheduleText: `${label} ${amount(first)} (${unitsText(first, kind, product)}) ${freq}`,
      patientText: `Take ${patientUnitsText(first, kind, product)} ${freq}${often}.`,
      patient: { kind: "scheduled", name, units: unitsOf(first, ladder, state), perDay: state.perDay },
    };
  }
  const daily = `${fmt(dailyAmountOf(kind, state.groups), 2)} mg a day`;
  const apart = freq.startsWith("every") ? `, ${freq.replace("every ", "")} apart` : "";
  return {
    scheduleText: `${label} ${daily}, ${freq}: ${amount(first)} (${unitsText(first, kind, product)}) at ${ordinalDoses(1, first.perDay).replace(/^the /, "")}, ${amount(second)} (${unitsText(second, kind, product)}) at ${ordinalDoses(first.perDay + 1, second.perDay).replace(/^the /, "")}`,
    patientText: `Take ${fmt(state.perDay)} doses a day${apart}: ${patientUnitsText(first, kind, product)} for ${ordinalDoses(1, first.perDay)} of the day, and ${patientUnitsText(second, kind, product)} for ${ordinalDoses(first.perDay + 1, second.perDay)}.`,
    patient: { kind: "split", name, perDay: state.perDay, groups: [first, second].map((g) => ({ units: unitsOf(g, ladder, state), perDay: g.perDay })) },
  };
}

/** The product's name in parts, as `productLabel` and `labelSuffix` word it in English. */
function patientName(ladder: ProductLadder, state: DoseState): PatientProductName {
  const product = state.product;
  const ordinal = /^ \((\d+)(?:st|nd|rd|th) order\)$/.exec(ladder.labelSuffix);
  const form = ladder.kind === "patch" ? "patch" : ladder.kind === "liquid" ? "liquid" : product.unit === "capsule" ? "capsule" : "tablet";
  const ingredient = product.ingredients[0]?.ingredient ?? product.name;
  return {
    ingredient,
    others: [...product.otherIngredients],
    extendedRelease: ladder.kind === "oral" && product.release === "ER/LA" && ingredient !== "methadone",
    form,
    orderOrdinal: ordinal === null ? null : Number(ordinal[1]),
  };
}

function unitsOf(group: DoseGroup, ladder: ProductLadder, state: DoseState): PatientUnits[] {
  return group.level.components.map((c) => ({
    count: c.count,
    strengths: ladder.kind === "liquid" ? [c.unit.strength] : unitStrengths(c.unit.strength, c.unit.display, ladder.kind, state.product),
    strengthUnit: ladder.kind === "patch" ? "mcg/h" : ladder.kind === "liquid" ? "mg/mL" : "mg",
  }));
}
