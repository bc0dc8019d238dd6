/**
 * The dose per administration of one dosage instruction, from `doseAndRate`:
 * `doseQuantity`, or the high end of `doseRange` (the most the order allows, as the CDC MME
 * IG does). Several entries (Epic sends "calculated", "admin-amount", "ordered"): the one
 * typed "ordered" is used; otherwise the highest; either way the choice is stated.
 */
import type { OpioidProduct } from "@/lib/domain";
import type { Dosage, DosageDoseAndRate, Quantity } from "fhir/r4";
import { assume, fail, num, type Notes, type Step } from "@/lib/mme/notes";
import { readDoseQuantity, type DoseAmount } from "./quantity";

function isOrderedWord(word: string | undefined): boolean {
  return word !== undefined && word.trim().toLowerCase() === "ordered";
}

function isOrdered(entry: DosageDoseAndRate): boolean {
  if (isOrderedWord(entry.type?.text)) return true;
  for (const c of entry.type?.coding ?? []) if (isOrderedWord(c.code)) return true;
  return false;
}

function typeName(entry: DosageDoseAndRate): string {
  return entry.type?.text ?? entry.type?.coding?.[0]?.code ?? "untyped";
}

/** The Quantity an entry stands for (range: its high end), or a failure. */
function entryQuantity(entry: DosageDoseAndRate, notes: Notes | null): Step<Quantity> {
  if (entry.doseQuantity !== undefined) return { ok: true, value: entry.doseQuantity };
  const range = entry.doseRange;
  if (range?.high === undefined) return fail("mme.missing-dose", "The dose range has no upper limit, so the most the order allows is unknown.");
  if (notes !== null) {
    const low = range.low?.value;
    const text = `${low === undefined ? "" : `${num(low)}-`}${num(range.high.value ?? 0)}${range.high.unit === undefined ? "" : ` ${range.high.unit}`}`;
    assume(notes, "mme.assume.range-max", `Dose range ${text}: the maximum (${num(range.high.value ?? 0)}) is used.`);
  }
  return { ok: true, value: range.high };
}

function readEntry(product: OpioidProduct, entry: DosageDoseAndRate, notes: Notes): Step<DoseAmount> {
  const q = entryQuantity(entry, notes);
  return q.ok ? readDoseQuantity(product, q.value, notes) : q;
}

/** The highest readable entry; fails only when none is readable. */
function highestEntry(product: OpioidProduct, entries: DosageDoseAndRate[], notes: Notes): Step<DoseAmount> {
  let best: { amount: DoseAmount; entry: DosageDoseAndRate; notes: Notes } | null = null;
  let firstFailure: Step<DoseAmount> | null = null;
  for (const entry of entries) {
    const local: Notes = { assumptions: [], discrepancies: [] };
    const read = readEntry(product, entry, local);
    if (!read.ok) firstFailure ??= read;
    else if (best === null || read.value.units > best.amount.units) best = { amount: read.value, entry, notes: local };
  }
  if (best === null) return firstFailure ?? fail("mme.missing-dose", "No dose is given.");
  notes.assumptions.push(...best.notes.assumptions);
  const skipped = firstFailure === null ? "" : " (entries whose unit could not be read were left out)";
  assume(notes, "mme.assume.dose-highest", `${entries.length} dose entries and none typed "ordered": the highest (${typeName(best.entry)}, ${num(best.amount.units)} per administration) is used${skipped}.`);
  return { ok: true, value: best.amount };
}

/**
 * The dose per administration, or `mme.missing-dose` when the dosage gives none (the caller
 * may then look at the sig text or the dispense request).
 */
export function selectDose(product: OpioidProduct, dosage: Dosage, notes: Notes): Step<DoseAmount> {
  const entries: DosageDoseAndRate[] = [];
  for (const e of dosage.doseAndRate ?? []) if (e.doseQuantity !== undefined || e.doseRange !== undefined) entries.push(e);
  const [only] = entries;
  if (only === undefined) return fail("mme.missing-dose", "The dosage instruction gives no dose.");
  if (entries.length === 1) return readEntry(product, only, notes);
  const ordered = entries.filter(isOrdered);
  const [firstOrdered] = ordered;
  if (ordered.length === 1 && firstOrdered !== undefined) {
    assume(notes, "mme.assume.dose-ordered", `${entries.length} dose entries: the one typed "ordered" is used.`);
    return readEntry(product, firstOrdered, notes);
  }
  return highestEntry(product, ordered.length > 1 ? ordered : entries, notes);
}
