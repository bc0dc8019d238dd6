/**
 * One dosage instruction, read and cross-checked: its dose readings must agree, its frequency
 * readings must agree, a multi-part sig's units a day must agree with dose x frequency, its caps
 * are applied (as needed) or must not contradict it (scheduled), and the result must lie inside
 * the plausibility bounds of its form (lib/mme/bounds.ts). Any disagreement: not computable, with
 * the disagreement in words. Every reading is recorded for the ledger.
 */
import type { FactReading, OpioidProduct, ValueSource } from "@/lib/domain";
import { agreeOn, recordReadings, unitsWords, type NumberReading, type Unreadable } from "@/lib/mme/agreement";
import { agreeWithin, MAX_ADMINISTRATIONS_PER_DAY, MIN_ADMINISTRATIONS_PER_DAY, UNITS_PER_ADMINISTRATION } from "@/lib/mme/bounds";
import { applyCaps, readCaps } from "@/lib/mme/frequency/caps";
import { readFrequencies } from "@/lib/mme/frequency/readings";
import { assume, fail, newNotes, num, ok, placed, type Notes, type Step } from "@/lib/mme/notes";
import { at } from "@/lib/mme/read/json";
import { readDoseQuantity } from "./quantity";
import { readDoses } from "./readings";
import { quantityFromSigUnit, readSigs } from "./sig";

export interface LineResult {
  unitsPerAdministration: number | null;
  massMgPerAdministration: number | null;
  /** null for a patch without a frequency, and for a multi-part sig read as units a day. */
  administrationsPerDay: number | null;
  /** Product units per day (null for patches). */
  unitsPerDay: number | null;
  /** Opioid mg per day when the dose was written as a mass and not capped (exact arithmetic). */
  massMgPerDay: number | null;
  patchesWorn: number | null;
  asNeeded: boolean;
  doseSource: ValueSource | null;
  frequencySource: ValueSource | null;
}

function sourceOf(reading: NumberReading | undefined): ValueSource | null {
  if (reading === undefined) return null;
  if (reading.where.startsWith("sig") || reading.where.startsWith("patient")) return "sig-text";
  if (reading.where.startsWith("timing.code")) return "timing-code";
  return "structured";
}

function isAsNeeded(dosage: unknown, sigs: ReturnType<typeof readSigs>): boolean {
  return at(dosage, "asNeededBoolean") === true || at(dosage, "asNeededCodeableConcept") !== undefined || sigs.some((s) => s.sig.asNeeded);
}

/** Units a day from multi-part sigs ("2 tablets tid and 1 at bedtime"). */
function dailyReadings(product: OpioidProduct, sigs: ReturnType<typeof readSigs>): { readings: NumberReading[]; unreadable: Unreadable[] } {
  const readings: NumberReading[] = [];
  const unreadable: Unreadable[] = [];
  for (const { where, sig } of sigs) {
    const d = sig.dosePerDay;
    if (d === null) continue;
    const read = readDoseQuantity(product, quantityFromSigUnit(d.max, d.unit), newNotes(), "daily amount in the sig text");
    if (read.ok) readings.push({ where: `${where} (all parts)`, value: read.value.units, min: read.value.units, words: `${unitsWords(read.value.units, product.unit)} a day` });
    else unreadable.push({ where, reason: read.reason, message: read.message, blocking: false });
  }
  return { readings, unreadable };
}

function firstFailure(unreadable: readonly Unreadable[]): Unreadable | undefined {
  return unreadable.find((u) => u.blocking);
}

function outsideBounds(product: OpioidProduct, units: number | null, perDay: number | null): string | null {
  const bounds = UNITS_PER_ADMINISTRATION[product.unit];
  if (units !== null && (units < bounds.min || units > bounds.max)) {
    const hint = product.otherIngredients.length > 0 && units > bounds.max ? ` (a dose written in the ${product.otherIngredients.join("/")} amount would read this way)` : "";
    return `${unitsWords(units, product.unit)} per administration is outside the plausible range for this form (${num(bounds.min)} to ${num(bounds.max)})${hint}.`;
  }
  if (perDay !== null && (perDay > MAX_ADMINISTRATIONS_PER_DAY || perDay < MIN_ADMINISTRATIONS_PER_DAY)) {
    return `${num(perDay)} administrations a day is outside the plausible range (at most ${MAX_ADMINISTRATIONS_PER_DAY}, at least once a month).`;
  }
  return null;
}

/**
 * Reads one dosage instruction for a product; `label` prefixes its readings when the order has
 * several. `facts` receives the readings for the ledger, or is null when this line's readings are
 * not listed (an order with thousands of lines: every line is still read and cross-checked).
 */
export function readLine(product: OpioidProduct, dosage: unknown, notes: Notes, facts: FactReading[] | null, label: string): Step<LineResult> {
  const sigs = readSigs(dosage);
  const doses = readDoses(product, dosage, sigs, notes);
  const freqs = readFrequencies(dosage, sigs, notes);
  const daily = dailyReadings(product, sigs);
  const prefix = <T extends { where: string }>(r: T): T => ({ ...r, where: `${label}${r.where}` });
  if (facts !== null) {
    recordReadings(facts, "dose", doses.readings.map(prefix), doses.unreadable.map(prefix));
    recordReadings(facts, "frequency", freqs.readings.map(prefix), freqs.unreadable.map(prefix));
    recordReadings(facts, "daily", daily.readings.map(prefix), daily.unreadable.map(prefix));
  }
  const broken = firstFailure([...doses.unreadable, ...freqs.unreadable]);
  if (broken !== undefined) return fail(broken.reason, placed(broken.where, broken.message));
  const dose = agreeOn(doses.readings, "dose per administration");
  if (dose.kind === "disagree") return fail("mme.conflicting-dose", dose.message);
  const freq = agreeOn(freqs.readings, "number of administrations a day");
  if (freq.kind === "disagree") return fail("mme.conflicting-frequency", freq.message);
  const asNeeded = isAsNeeded(dosage, sigs);
  if (dose.kind === "none") {
    const why = doses.unreadable[0];
    if (daily.readings[0] === undefined || product.doseForm === "transdermal") {
      return why === undefined ? fail("mme.missing-dose", "The dosage instruction gives no dose.") : fail(why.reason === "mme.missing-dose" ? "mme.missing-dose" : why.reason, placed(why.where, why.message));
    }
  }
  if (product.doseForm === "transdermal" && dose.kind === "agree") {
    const problem = outsideBounds(product, dose.value, null);
    if (problem !== null) return fail("mme.implausible", problem);
    return ok({
      unitsPerAdministration: dose.value, massMgPerAdministration: null, administrationsPerDay: freq.kind === "agree" ? freq.value : null, unitsPerDay: null,
      massMgPerDay: null, patchesWorn: dose.value, asNeeded, doseSource: sourceOf(dose.first), frequencySource: freq.kind === "agree" ? sourceOf(freq.first) : null,
    });
  }
  const dailyAgreement = agreeOn(daily.readings, "amount a day");
  if (dailyAgreement.kind === "disagree") return fail("mme.conflicting-dose", dailyAgreement.message);
  if (dose.kind !== "agree" || freq.kind !== "agree") {
    if (dailyAgreement.kind === "agree") {
      const most = UNITS_PER_ADMINISTRATION[product.unit].max * MAX_ADMINISTRATIONS_PER_DAY;
      if (dailyAgreement.value > most) return fail("mme.implausible", `${dailyAgreement.first.words} is outside the plausible range for this form (at most ${num(most)}).`);
      return ok(fromDaily(dailyAgreement.value, asNeeded));
    }
    return fail("mme.missing-frequency", "The order gives no frequency (no timing, timing code or readable sig); it is not assumed to be once a day.");
  }
  if (sourceOf(dose.first) === "sig-text") assume(notes, "mme.assume.sig-dose", `Dose read from the sig text (${dose.first.words}): no structured dose.`);
  const freqSource = sourceOf(freq.first);
  if (freqSource === "sig-text") assume(notes, "mme.assume.sig-frequency", `Frequency read from the sig text (${freq.first.words}): no structured timing.`);
  if (freqSource === "timing-code") assume(notes, "mme.assume.timing-code", `Frequency read from the ${freq.first.where} (${freq.first.words}): no timing.repeat.`);
  if (dose.min < dose.value) assume(notes, "mme.assume.range-max", `Dose range ${dose.first.words}: the maximum (${num(dose.value)}) is used.`);
  if (freq.min < freq.value) assume(notes, "mme.assume.period-shortest", `Frequency range ${freq.first.words}: the most (${num(freq.value)} a day) is used.`);
  const caps = readCaps(product, dosage, sigs);
  if (facts !== null) recordReadings(facts, "daily", caps.caps.map((c) => ({ where: `${label}${c.where}`, value: c.units, min: c.units, words: `at most ${c.administrations ? `${num(c.units)} administrations` : unitsWords(c.units, product.unit)} ${c.kind === "per-day" ? "a day" : "per administration"}` })), caps.unreadable.map(prefix));
  const massMg = dose.first.where === doses.readings[0]?.where ? doses.massMg : null;
  const capped = applyCaps(product, { unitsPerAdministration: dose.value, massMgPerAdministration: massMg, administrationsPerDay: freq.value }, caps.caps, asNeeded, notes);
  if (!capped.ok) return capped;
  const s = capped.value;
  const unitsPerDay = s.unitsPerAdministration * s.administrationsPerDay;
  if (dailyAgreement.kind === "agree" && !agreeWithin(dose.value * freq.value, dailyAgreement.value)) {
    return fail("mme.conflicting-dose", `The order's dose and frequency give ${unitsWords(dose.value * freq.value, product.unit)} a day but ${dailyAgreement.first.where} says ${dailyAgreement.first.words}.`);
  }
  const problem = outsideBounds(product, s.unitsPerAdministration, s.administrationsPerDay);
  if (problem !== null) return fail("mme.implausible", problem);
  if (asNeeded) assume(notes, "mme.assume.prn-max", `As needed: counted at the most the order allows (${num(unitsPerDay)} ${product.unit} a day).`);
  return ok({
    unitsPerAdministration: s.unitsPerAdministration,
    massMgPerAdministration: s.massMgPerAdministration,
    administrationsPerDay: s.administrationsPerDay,
    unitsPerDay,
    massMgPerDay: s.massMgPerAdministration === null ? null : s.massMgPerAdministration * s.administrationsPerDay,
    patchesWorn: null,
    asNeeded,
    doseSource: sourceOf(dose.first),
    frequencySource: sourceOf(freq.first),
  });
}

function fromDaily(unitsPerDay: number, asNeeded: boolean): LineResult {
  return { unitsPerAdministration: null, massMgPerAdministration: null, administrationsPerDay: null, unitsPerDay, massMgPerDay: null, patchesWorn: null, asNeeded, doseSource: "sig-text", frequencySource: "sig-text" };
}
