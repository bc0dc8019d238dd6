/**
 * The sig as written (`dosageInstruction.text` / `patientInstruction`), or a short rendering
 * of the structured dosage ("1 tablet every 6 h as needed") so every order shows one.
 * Built by plain concatenation: it runs for every order on the ledger. Reads unparsed JSON.
 */
import { num as fmt } from "@/lib/mme/notes";
import { arr, at, concept, num, quantity, str, text, type QuantityView } from "@/lib/mme/read/json";

function quantityText(q: QuantityView | null): string | null {
  if (q === null || q.value === null) return null;
  const unit = q.unit ?? q.code;
  return unit === undefined ? fmt(q.value) : `${fmt(q.value)} ${unit}`;
}

function doseText(d: unknown): string | null {
  const entry = arr(at(d, "doseAndRate"))[0];
  const dq = quantity(at(entry, "doseQuantity"));
  if (dq !== null) return quantityText(dq);
  const range = at(entry, "doseRange");
  const high = quantityText(quantity(at(range, "high")));
  const low = quantity(at(range, "low"))?.value ?? null;
  return high === null ? null : low === null ? `up to ${high}` : `${fmt(low)}-${high}`;
}

function timingText(d: unknown): string | null {
  const timing = at(d, "timing");
  const r = at(timing, "repeat");
  const period = num(at(r, "period"));
  const unit = str(at(r, "periodUnit"));
  if (period !== undefined && unit !== undefined) {
    const f = num(at(r, "frequency"));
    const fMax = num(at(r, "frequencyMax"));
    const pMax = num(at(r, "periodMax"));
    const freq = fMax !== undefined && f !== undefined ? `${f}-${fMax}` : String(fMax ?? f ?? 1);
    const span = pMax !== undefined ? `${fmt(period)}-${fmt(pMax)}` : fmt(period);
    return freq === "1" ? `every ${span} ${unit}` : `${freq} times per ${span} ${unit}`;
  }
  const times = arr(at(r, "timeOfDay")).filter((t): t is string => typeof t === "string");
  if (times.length > 0) return `at ${times.join(", ")}`;
  const when = arr(at(r, "when")).filter((t): t is string => typeof t === "string");
  if (when.length > 0) return when.join(", ");
  const code = concept(at(timing, "code"));
  return code?.text ?? code?.coding[0]?.code ?? null;
}

function append(t: string, part: string | null): string {
  return part === null ? t : t === "" ? part : `${t} ${part}`;
}

function oneSig(d: unknown): string {
  const written = text(at(d, "text")) ?? text(at(d, "patientInstruction"));
  if (written !== undefined) return written;
  const prn = at(d, "asNeededBoolean") === true || at(d, "asNeededCodeableConcept") !== undefined ? "as needed" : null;
  return append(append(doseText(d) ?? "", timingText(d)), prn);
}

/** At most this many instructions are rendered (then "and N more"): the ledger shows a line, not a list. */
const MAX_RENDERED = 5;

/** One line for the order's sig; null when the order has no dosage at all. */
export function renderSig(dosages: unknown): string | null {
  let sig = "";
  const all = arr(dosages);
  for (let i = 0; i < all.length && i < MAX_RENDERED; i += 1) {
    const t = oneSig(all[i]);
    if (t !== "") sig = sig === "" ? t : `${sig}; ${t}`;
  }
  if (all.length > MAX_RENDERED) sig += `; and ${all.length - MAX_RENDERED} more instructions`;
  return sig === "" ? null : sig;
}
