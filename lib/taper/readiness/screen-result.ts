/**
 * Reading one urine drug test result (CDC 2022 Rec 10): positive, presumptive positive (a
 * screen, usually an immunoassay, that needs confirmation), negative, or unreadable. Every
 * place the result may be stated is read, and they must agree (value string, coded value,
 * interpretation, amount): readings that disagree, or words like "inconclusive", "invalid",
 * "pending", make the result unreadable, never "nothing unexpected".
 * Result words: HL7 CPG UrineDrugScreeningResultObservation ("pos"/"neg" prefixes) and the
 * CDC IG's CDS Hooks examples ("POS"/"NEG"); HL7 v3 ObservationInterpretation POS, NEG, DET, ND.
 */
import type { Observation } from "fhir/r4";
import type { UrineDrugTest } from "@/lib/domain/valuesets";
import { codings, conceptTexts } from "./fhir";

export type ScreenReading = "positive" | "presumptive-positive" | "negative" | "unreadable";

type Word = "positive" | "presumptive" | "negative" | "unreadable";

const INTERPRETATION: Readonly<Record<string, Word>> = { POS: "positive", DET: "positive", NEG: "negative", ND: "negative" };

/** One text's meaning, or null when it says nothing about the result. */
function wordOf(text: string): Word | null {
  const t = text.trim().toLowerCase();
  if (/^(presumptive(ly)?|presumed|preliminary|screen(ed)?)[ -]+positive|^presumptive\b/.test(t)) return "presumptive";
  if (/inconclusive|indeterminate|invalid|pending|see (report|comment|note)|unable|cancel+ed|insufficient|\bqns\b|equivocal/.test(t)) return "unreadable";
  if (/^(neg|not detected|none detected|non-?detected|absent|not present)/.test(t) || t === "n") return "negative";
  if (/^(pos|detected|present)/.test(t) || t === "a") return "positive";
  return null;
}

/**
 * What a bare measured amount says (no words, no interpretation): a "<" comparator or 0 is
 * negative; an amount from a confirmatory or unspecified method is positive (it was
 * measured); a screen amount cannot be read (its cut-off is unknown).
 */
function amountWord(obs: Observation, test: UrineDrugTest): Word | null {
  const q = obs.valueQuantity;
  if (q?.value === undefined || !Number.isFinite(q.value)) return null;
  if (q.comparator === "<" || q.comparator === "<=" || q.value === 0) return "negative";
  return test.method === "screen" ? null : "positive";
}

/** The result of one urine drug test (see the file header). */
export function readScreen(obs: Observation, test: UrineDrugTest): ScreenReading {
  const words: Word[] = [];
  const push = (w: Word | null) => { if (w !== null) words.push(w); };
  if (typeof obs.valueString === "string") push(wordOf(obs.valueString) ?? "unreadable");
  if (typeof obs.valueBoolean === "boolean") push(obs.valueBoolean ? "positive" : "negative");
  for (const t of conceptTexts(obs.valueCodeableConcept)) push(wordOf(t));
  for (const i of obs.interpretation ?? []) {
    const coded = codings(i).map((c) => (c.code === undefined ? undefined : INTERPRETATION[c.code.toUpperCase()])).find((w) => w !== undefined);
    push(coded ?? conceptTexts(i).map(wordOf).find((w) => w !== null) ?? null);
  }
  // a lab's own words or interpretation decide over a bare amount (its cut-off is the lab's)
  if (words.length === 0) push(amountWord(obs, test));
  if (words.length === 0 || words.includes("unreadable")) return "unreadable";
  const positive = words.some((w) => w === "positive" || w === "presumptive");
  if (positive && words.includes("negative")) return "unreadable";
  if (!positive) return "negative";
  return words.includes("presumptive") || test.method === "screen" ? "presumptive-positive" : "positive";
}
