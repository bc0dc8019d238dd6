/**
 * The sig as written (`dosageInstruction.text` / `patientInstruction`), or a short rendering
 * of the structured dosage ("1 tablet every 6 h as needed") so every order shows one.
 * Built by plain concatenation: it runs for every order.
 */
import type { Dosage, Quantity } from "fhir/r4";
import { num } from "@/lib/mme/notes";

function quantityText(q: Quantity | undefined): string | null {
  if (q?.value === undefined) return null;
  const unit = q.unit ?? q.code;
  return unit === undefined ? num(q.value) : `${num(q.value)} ${unit}`;
}

function doseText(d: Dosage): string | null {
  const entry = d.doseAndRate?.[0];
  if (entry?.doseQuantity !== undefined) return quantityText(entry.doseQuantity);
  const high = quantityText(entry?.doseRange?.high);
  const low = entry?.doseRange?.low?.value;
  return high === null ? null : low === undefined ? `up to ${high}` : `${num(low)}-${high}`;
}

function timingText(d: Dosage): string | null {
  const r = d.timing?.repeat;
  if (r?.period !== undefined && r.periodUnit !== undefined) {
    const freq = r.frequencyMax !== undefined && r.frequency !== undefined ? `${r.frequency}-${r.frequencyMax}` : String(r.frequencyMax ?? r.frequency ?? 1);
    const period = r.periodMax !== undefined ? `${num(r.period)}-${num(r.periodMax)}` : num(r.period);
    return freq === "1" ? `every ${period} ${r.periodUnit}` : `${freq} times per ${period} ${r.periodUnit}`;
  }
  if (r?.timeOfDay !== undefined && r.timeOfDay.length > 0) return `at ${r.timeOfDay.join(", ")}`;
  if (r?.when !== undefined && r.when.length > 0) return r.when.join(", ");
  return d.timing?.code?.text ?? d.timing?.code?.coding?.[0]?.code ?? null;
}

function append(text: string, part: string | null): string {
  return part === null ? text : text === "" ? part : `${text} ${part}`;
}

function oneSig(d: Dosage): string {
  const written = d.text?.trim() || d.patientInstruction?.trim();
  if (written !== undefined && written !== "") return written;
  const prn = d.asNeededBoolean === true || d.asNeededCodeableConcept !== undefined ? "as needed" : null;
  return append(append(doseText(d) ?? "", timingText(d)), prn);
}

/** One line for the order's sig; null when the order has no dosage at all. */
export function renderSig(dosages: readonly Dosage[] | undefined): string | null {
  let sig = "";
  for (const d of dosages ?? []) {
    const text = oneSig(d);
    if (text !== "") sig = sig === "" ? text : `${sig}; ${text}`;
  }
  return sig === "" ? null : sig;
}
