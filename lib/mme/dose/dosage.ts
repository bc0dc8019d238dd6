/**
 * One dosage instruction -> its schedule at the most it allows: product units per
 * administration, administrations per day, and (for patches) patches worn at once.
 * Structured fields first; the timing code, then the sig text, only for what is missing
 * (so adding a sig text to a structured order never changes its MME). PRN: the maximum,
 * flagged, lowered by stated caps. A patch's MME does not depend on its change interval.
 */
import type { OpioidProduct, ValueSource } from "@/lib/domain";
import type { Dosage } from "fhir/r4";
import { readSig } from "./sig";
import { timingCodePerDay } from "@/lib/mme/frequency/timing-code";
import type { ParsedSig } from "@/lib/mme/sig";
import { assume, fail, num, ok, type Notes, type Step } from "@/lib/mme/notes";
import { readDoseQuantity, type DoseAmount } from "./quantity";
import { applyPrnCaps } from "@/lib/mme/frequency/caps";
import { noteDiscrepancies } from "./cross-check";
import { structuredFrequency } from "@/lib/mme/frequency/timing";
import { selectDose } from "./entries";
import { quantityFromSigDose } from "./sig";

export interface DosageResult {
  unitsPerAdministration: number | null;
  massMgPerAdministration: number | null;
  /** null for a patch without a frequency, and for dispense estimates. */
  administrationsPerDay: number | null;
  /** Product units per day (null for patches). */
  unitsPerDay: number | null;
  /** Opioid mg per day when the dose was written as a mass and not capped (exact arithmetic). */
  massMgPerDay: number | null;
  patchesWorn: number | null;
  asNeeded: boolean;
  doseSource: ValueSource;
  frequencySource: ValueSource | null;
}

interface Context {
  product: OpioidProduct;
  dosage: Dosage;
  notes: Notes;
  /** The parsed sig, read on first use (undefined: not read yet). */
  parsedSig: ParsedSig | null | undefined;
}

/** The dosage's sig, parsed at most once and only when needed. */
function sigOf(ctx: Context): ParsedSig | null {
  if (ctx.parsedSig === undefined) ctx.parsedSig = readSig(ctx.dosage);
  return ctx.parsedSig;
}

function doseFromSig(ctx: Context): Step<DoseAmount> | null {
  const sig = sigOf(ctx);
  if (sig?.dose === null || sig?.dose === undefined) return null;
  const read = readDoseQuantity(ctx.product, quantityFromSigDose(sig.dose), ctx.notes, "dose in the sig text");
  if (read.ok) {
    const range = sig.dose.min < sig.dose.max ? ` (range ${num(sig.dose.min)}-${num(sig.dose.max)}: the maximum)` : "";
    assume(ctx.notes, "mme.assume.sig-dose", `Dose derived from the sig text "${sig.text}": ${num(sig.dose.max)} ${sig.dose.unit ?? "unit"}${range}.`);
  }
  return read;
}

function readDose(ctx: Context): Step<{ amount: DoseAmount; source: ValueSource }> {
  const structured = selectDose(ctx.product, ctx.dosage, ctx.notes);
  if (structured.ok) return ok({ amount: structured.value, source: "structured" });
  if (structured.reason !== "mme.missing-dose") return structured;
  const fromSig = doseFromSig(ctx);
  if (fromSig === null) return structured;
  return fromSig.ok ? ok({ amount: fromSig.value, source: "sig-text" }) : fromSig;
}

function readPerDay(ctx: Context): Step<{ perDay: number; source: ValueSource }> {
  const structured = structuredFrequency(ctx.dosage.timing, ctx.notes);
  if (structured.kind === "per-day") return ok({ perDay: structured.perDay, source: "structured" });
  if (structured.kind === "failed") return structured.failure;
  const code = timingCodePerDay(ctx.dosage.timing?.code);
  if (code !== null) {
    assume(ctx.notes, "mme.assume.timing-code", `Frequency from the timing code "${code.code}": ${num(code.perDay)} a day at most.`);
    return ok({ perDay: code.perDay, source: "timing-code" });
  }
  const sig = sigOf(ctx);
  const perDay = sig?.administrationsPerDay?.max;
  if (sig !== null && perDay !== undefined && perDay > 0) {
    assume(ctx.notes, "mme.assume.sig-frequency", `Frequency derived from the sig text "${sig.text}": ${num(perDay)} a day at most.`);
    return ok({ perDay, source: "sig-text" });
  }
  return fail("mme.missing-frequency", "The order gives no frequency (no timing, timing code or readable sig); it is not assumed to be once a day.");
}

function patchResult(ctx: Context, amount: DoseAmount, source: ValueSource, asNeeded: boolean): DosageResult {
  const frequency = structuredFrequency(ctx.dosage.timing, { assumptions: [], discrepancies: [] });
  return {
    unitsPerAdministration: amount.units,
    massMgPerAdministration: null,
    administrationsPerDay: frequency.kind === "per-day" ? frequency.perDay : null,
    unitsPerDay: null,
    massMgPerDay: null,
    patchesWorn: amount.units,
    asNeeded,
    doseSource: source,
    frequencySource: frequency.kind === "per-day" ? "structured" : null,
  };
}

/** Computes one dosage instruction of an order for a product. */
export function computeDosage(product: OpioidProduct, dosage: Dosage, notes: Notes): Step<DosageResult> {
  const ctx: Context = { product, dosage, notes, parsedSig: undefined };
  const dose = readDose(ctx);
  if (!dose.ok) return dose;
  let asNeeded = dosage.asNeededBoolean === true || dosage.asNeededCodeableConcept !== undefined;
  if (product.doseForm === "transdermal") return ok(patchResult(ctx, dose.value.amount, dose.value.source, asNeeded));
  const perDay = readPerDay(ctx);
  if (!perDay.ok) return perDay;
  const sigUsed = dose.value.source === "sig-text" || perDay.value.source === "sig-text";
  if (sigUsed && sigOf(ctx)?.asNeeded === true) asNeeded = true;
  let schedule = { unitsPerAdministration: dose.value.amount.units, massMgPerAdministration: dose.value.amount.massMg, administrationsPerDay: perDay.value.perDay };
  if (asNeeded) {
    schedule = applyPrnCaps(product, dosage, schedule, sigUsed ? sigOf(ctx) : null, notes);
    assume(notes, "mme.assume.prn-max", `As needed: counted at the most the order allows (${num(schedule.unitsPerAdministration * schedule.administrationsPerDay)} ${product.unit} a day).`);
  }
  if (!sigUsed) noteDiscrepancies(sigOf(ctx), schedule, product, notes);
  return ok({
    unitsPerAdministration: schedule.unitsPerAdministration,
    massMgPerAdministration: schedule.massMgPerAdministration,
    administrationsPerDay: schedule.administrationsPerDay,
    unitsPerDay: schedule.unitsPerAdministration * schedule.administrationsPerDay,
    massMgPerDay: schedule.massMgPerAdministration === null ? null : schedule.massMgPerAdministration * schedule.administrationsPerDay,
    patchesWorn: null,
    asNeeded,
    doseSource: dose.value.source,
    frequencySource: perDay.value.source,
  });
}
