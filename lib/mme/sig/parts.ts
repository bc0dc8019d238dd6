/**
 * Multi-part sigs: several doses, each with its own frequency, taken together ("2 tablets three
 * times daily and 1 at bedtime" = 7 tablets a day; "1 tablet every morning and 2 tablets in the
 * evening" = 3). The text is cut at each dose statement; each part must state exactly one
 * frequency, no frequency may come before the first dose, the doses must share one unit (a
 * unit-less "and 1 at bedtime" takes the unit before it), and the text must not be sequential
 * ("then": a taper or titration, not concurrent parts). Anything else: null (unknown beats wrong).
 *
 * Also: Oracle Health (Cerner) writes the dispensed quantity as a comma field after the
 * frequency ("1 patches, Topical, every week, 12 patches, 0 Refill(s)"); such fields are not
 * doses and are dropped before reading (`withoutDispenseFields`).
 */
import type { DoseReading } from "./dose";
import { readFrequency } from "./frequency";
import { normalizeSig } from "./normalize";
import type { SigDose, SigDoseUnit } from "./types";

/** Sequential or conditional wording, or a part limited in time: the parts are not taken together every day. */
const NOT_CONCURRENT = /\b(?:then|followed by|after that|thereafter|if|when|flare|or|for \d+(?:\.\d+)? (?:days?|weeks?|wks?)|x \d+(?:\.\d+)? (?:days?|weeks?))\b/;
const QUANTITY_FIELD = /^\s*#?\s*\d+(?:\.\d+)?\s*[a-z()]+\s*$|refill/i;

/** Units a day of a multi-part sig, or null when the text is not one (see the module comment). */
export function readParts(text: string, dose: DoseReading): SigDose | null {
  const found = dose.found;
  const first = found[0];
  if (found.length < 2 || first === undefined || NOT_CONCURRENT.test(text)) return null;
  // The same dose written twice ("1 tablet twice a day, 1 in am and 1 at 3pm") may restate the schedule: not additive.
  if (found.every((f) => f.dose.min === first.dose.min && f.dose.max === first.dose.max && (f.dose.unit === first.dose.unit || f.dose.unit === null))) return null;
  if (readFrequency(dose.rest.slice(0, first.span.start)).mentions > 0) return null;
  let unit: SigDoseUnit | null = null;
  let min = 0;
  let max = 0;
  for (let i = 0; i < found.length; i += 1) {
    const part = found[i];
    if (part === undefined) return null;
    const end = found[i + 1]?.span.start ?? dose.rest.length;
    const freq = readFrequency(dose.rest.slice(part.span.start, end));
    if (freq.perDay === null || freq.mentions === 0 || freq.weekdays) return null;
    const partUnit: SigDoseUnit | null = part.dose.unit ?? unit;
    if (unit !== null && partUnit !== unit) return null;
    unit = partUnit;
    min += part.dose.min * freq.perDay.min;
    max += part.dose.max * freq.perDay.max;
  }
  return Number.isFinite(max) && max > 0 ? { min, max, unit } : null;
}

/** The sig without Cerner-style comma fields that state the dispensed quantity after the frequency. */
export function withoutDispenseFields(text: string): string {
  const fields = text.split(",");
  if (fields.length < 3) return text;
  const frequencyAt = fields.findIndex((f) => readFrequency(normalizeSig(f)).perDay !== null);
  if (frequencyAt < 0) return text;
  return fields.filter((f, i) => i <= frequencyAt || !QUANTITY_FIELD.test(f)).join(",");
}
