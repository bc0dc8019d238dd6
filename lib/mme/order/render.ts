/**
 * The sig as written (`dosageInstruction.text` / `patientInstruction`), or a short rendering
 * of the structured dosage ("1 tablet every 6 h as needed") so every order shows one.
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

/** One line for the order's sig; null when the order has no dosage at all. */
export function renderSig(dosages: readonly Dosage[] | undefined): string | null {
  const parts = (dosages ?? []).map((d) => {
    const written = d.text?.trim() || d.patientInstruction?.trim();
    if (written !== undefined && written !== "") return written;
    const text = [doseText(d), timingText(d), d.asNeededBoolean === true || d.asNeededCodeableConcept !== undefined ? "as needed" : null]
      .filter((p): p is string => p !== null)
      .join(" ");
    return text === "" ? null : text;
  });
  const present = parts.filter((p): p is string => p !== null);
  return present.length === 0 ? null : present.join("; ");
}
