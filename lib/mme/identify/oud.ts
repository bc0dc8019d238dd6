/**
 * Is this methadone or buprenorphine order treatment of opioid use disorder (issue 13 item 4)?
 * Such an order is never part of the pain MME and never tapered by this tool (CDC 2022 Rec 12:
 * offer or continue medication for OUD; CDC 2022 conversion table: factors must not be used for
 * OUD dosing). Signals, any one is enough:
 * - a reason on the order (`reasonCode` coded in OPIOID_USE_DISORDER_CODES, SNOMED or ICD-10-CM
 *   F11, or a reason's text/display naming OUD, e.g. "opioid dependence");
 * - an opioid treatment program (OTP) named on the order (its notes, category, course of therapy,
 *   dispenser or sig text: "OTP", "opioid treatment program", "methadone maintenance", "MAT");
 * - a product only OTPs dispense: methadone 40 mg tablets for oral suspension (dispersible, Diskets).
 * Returns the signal in words, or null. Reads unparsed JSON; never throws.
 */
import { OPIOID_USE_DISORDER_CODES } from "@/lib/domain";
import { SNOMED_SYSTEM } from "@/lib/domain/code-systems";
import { arr, at, concept, text } from "@/lib/mme/read/json";

const ICD10 = new Set(["http://hl7.org/fhir/sid/icd-10-cm", "http://hl7.org/fhir/sid/icd-10", "urn:oid:2.16.840.1.113883.6.90"]);
const OUD_SNOMED: ReadonlySet<string> = new Set(OPIOID_USE_DISORDER_CODES.snomed);

/** Words that name OUD or its treatment programme (case-insensitive, whole words). */
const OUD_TEXT =
  /\b(?:opioid use disorder|oud|opioid dependence|opiate dependence|opioid addiction|opiate addiction|opioid abuse|narcotic addiction|opioid treatment program|opioid treatment programme|otp|methadone maintenance|methadone clinic|maintenance therapy for opioid|medication[- ]assisted treatment|mat program|moud|detox(?:ification)?)\b/i;
/** Methadone products that only opioid treatment programs dispense (FDA: 40 mg dispersible tablets). */
const OTP_PRODUCT = /\b(?:diskets|dispersible|for oral suspension)\b/i;

function codedOud(reason: unknown): string | null {
  const c = concept(reason);
  for (const coding of c?.coding ?? []) {
    const code = coding.code ?? "";
    if (coding.system === SNOMED_SYSTEM && OUD_SNOMED.has(code)) return `reason code SNOMED ${code}${coding.display === undefined ? "" : ` (${coding.display})`}`;
    if (coding.system !== undefined && ICD10.has(coding.system) && OPIOID_USE_DISORDER_CODES.icd10Prefixes.some((p) => code.replace(".", "").toUpperCase().startsWith(p))) {
      return `reason code ICD-10 ${code}${coding.display === undefined ? "" : ` (${coding.display})`}`;
    }
  }
  for (const t of [c?.text, ...(c?.coding ?? []).map((x) => x.display)]) if (t !== undefined && OUD_TEXT.test(t)) return `reason "${t}"`;
  return null;
}

function textSignal(where: string, value: string | undefined): string | null {
  return value !== undefined && OUD_TEXT.test(value) ? `${where} "${value.length > 80 ? `${value.slice(0, 77)}...` : value}"` : null;
}

/** The OUD signal on an order (in words), or null. `names`: the product names read for it. */
export function oudTreatmentSignal(order: unknown, names: readonly string[]): string | null {
  for (const r of arr(at(order, "reasonCode"))) {
    const found = codedOud(r);
    if (found !== null) return found;
  }
  for (const r of arr(at(order, "reasonReference"))) {
    const found = textSignal("reason", text(at(r, "display")));
    if (found !== null) return found;
  }
  const candidates: Array<[string, string | undefined]> = [
    ["course of therapy", concept(at(order, "courseOfTherapyType"))?.text],
    ["dispenser", text(at(at(at(order, "dispenseRequest"), "performer"), "display"))],
  ];
  for (const c of arr(at(order, "category"))) candidates.push(["category", concept(c)?.text ?? concept(c)?.coding[0]?.display]);
  for (const n of arr(at(order, "note"))) candidates.push(["note", text(at(n, "text"))]);
  for (const d of arr(at(order, "dosageInstruction"))) {
    candidates.push(["sig", text(at(d, "text"))], ["patient instruction", text(at(d, "patientInstruction"))]);
  }
  for (const [where, value] of candidates) {
    const found = textSignal(where, value);
    if (found !== null) return found;
  }
  const otp = names.find((n) => OTP_PRODUCT.test(n));
  return otp === undefined ? null : `"${otp}", a product only opioid treatment programs dispense`;
}
