/**
 * Urine drug tests (CDC 2022 Rec 10; draft l.3424-3468), in the last `recentScreenDays`,
 * compared with what was prescribed at the time of each sample:
 * - the opiates immunoassay detects morphine (from morphine, codeine or heroin) and, variably,
 *   hydrocodone and hydromorphone; it does not detect synthetic opioids (fentanyl, methadone,
 *   tramadol, tapentadol, buprenorphine) and may miss oxycodone, which have their own assays;
 * - a positive test for something not prescribed is unexpected (cocaine, PCP, heroin and
 *   fentanyl analogs always); a prescribed opioid its assay does not detect is unexpected
 *   too: the patient may not be taking it (no taper needed then, draft l.2534-2535);
 * - metabolites count for their parent (oxymorphone for oxycodone, hydromorphone for
 *   hydrocodone, morphine for codeine); a negative benzodiazepine immunoassay is not flagged
 *   (many benzodiazepines are missed by it);
 * - a screen's positive is presumptive until confirmed; an unreadable result is shown as
 *   unreadable, never as "nothing unexpected".
 * Never a reason to dismiss a patient; confirm with specific testing.
 */
import type { Observation } from "fhir/r4";
import type { Evidence, FindingOf, IsoDate } from "@/lib/domain";
import type { UrineDrugAnalyte, UrineDrugTest } from "@/lib/domain/valuesets";
import { CITE } from "../citations";
import type { ReadinessConfig } from "../config";
import { urineDrugTest } from "../codes/valuesets";
import { daysBetween } from "../dates";
import { codings, conceptText, isUsableObservation, observationDay } from "./fhir";
import { finding, unavailableEvidence } from "./finding";
import type { Prescribed } from "./prescribed";
import { readScreen, type ScreenReading } from "./screen-result";
import type { ReadinessInputs } from "./types";

const NEVER_PRESCRIBED: ReadonlySet<UrineDrugAnalyte> = new Set(["cocaine", "phencyclidine", "heroin", "fentanyl-analog"]);
/** What the opiates immunoassay detects reliably, and variably (CDC 2022 draft l.3424-3468). */
const OPIATES_DETECTS: ReadonlySet<UrineDrugAnalyte> = new Set(["morphine", "codeine"]);
const OPIATES_VARIABLY: ReadonlySet<UrineDrugAnalyte> = new Set(["hydrocodone", "hydromorphone", "oxycodone", "oxymorphone"]);
/** A metabolite's parent drugs: a positive metabolite is expected when the parent is prescribed. */
const PARENTS: Partial<Record<UrineDrugAnalyte, readonly UrineDrugAnalyte[]>> = {
  oxymorphone: ["oxycodone"], hydromorphone: ["hydrocodone"], morphine: ["codeine"],
};

interface Judged { evidence: Evidence; unexpected: boolean; unreadable: boolean }

const RESULT_WORDS: Record<ScreenReading, string> = {
  positive: "positive", "presumptive-positive": "presumptive positive (screen): confirm with specific testing", negative: "negative", unreadable: "result not readable",
};

/** Expected or not, for one result of one analyte, given what was prescribed that day. */
function judge(test: UrineDrugTest, reading: ScreenReading, prescribed: ReadonlySet<UrineDrugAnalyte>): { unexpected: boolean; why: string } {
  const a = test.analyte;
  const has = (x: UrineDrugAnalyte) => prescribed.has(x);
  if (reading === "positive" || reading === "presumptive-positive") {
    if (NEVER_PRESCRIBED.has(a)) return { unexpected: true, why: "not a prescribed medicine" };
    if (a === "opiates") {
      if ([...OPIATES_DETECTS, "hydrocodone", "hydromorphone"].some((x) => has(x as UrineDrugAnalyte))) return { unexpected: false, why: "expected: an opiate is prescribed" };
      const cross = ["oxycodone", "oxymorphone"].some((x) => has(x as UrineDrugAnalyte));
      return { unexpected: true, why: cross ? "no opiate is prescribed (oxycodone can cross-react at high levels: confirm)" : "no opiate is prescribed" };
    }
    if (has(a) || (PARENTS[a] ?? []).some(has)) return { unexpected: false, why: "expected: prescribed" };
    return { unexpected: true, why: "not prescribed" };
  }
  if (reading === "negative") {
    if (a === "opiates") {
      const missed = [...OPIATES_DETECTS].filter(has);
      if (missed.length > 0) return { unexpected: true, why: `${missed.join(" and ")} prescribed but not detected` };
      const variably = [...OPIATES_VARIABLY].filter(has);
      return { unexpected: false, why: variably.length > 0 ? `${variably.join(" and ")} prescribed: the opiates screen may not detect it; an oxycodone or specific assay is needed` : "expected: no opiate prescribed" };
    }
    if (a === "benzodiazepines" && has(a)) return { unexpected: false, why: "a benzodiazepine is prescribed; the immunoassay misses several (clonazepam, lorazepam): not conclusive" };
    if (has(a)) return { unexpected: true, why: "prescribed but not detected" };
    return { unexpected: false, why: "expected: not prescribed" };
  }
  return { unexpected: false, why: "the result could not be read: look at the laboratory report" };
}

function testOf(obs: Observation): UrineDrugTest | null {
  for (const c of codings(obs.code)) {
    const t = urineDrugTest(c);
    if (t !== null) return t;
  }
  return null;
}

/** Urine drug tests in the window, each judged against what was prescribed that day (see the file header). */
export function drugScreenFinding(inputs: ReadinessInputs, prescribed: Prescribed, asOf: IsoDate, config: ReadinessConfig): FindingOf<"caution.drug-screen"> {
  const draft = { id: "caution.drug-screen" as const, category: "caution" as const, label: "Urine drug screens", citations: [CITE.uds, CITE.notTaking, CITE.oud] };
  const window = `${config.recentScreenDays} days`;
  if (inputs.unavailable.observations !== undefined) {
    return finding(draft, "unknown", { title: "Drug screens: could not be checked", sentence: `Observations are not available (${inputs.unavailable.observations}), so urine drug screens could not be checked.` },
      [unavailableEvidence("observations", inputs.unavailable.observations)]);
  }
  const judged: Judged[] = [];
  for (const obs of inputs.observations) {
    const test = testOf(obs);
    const day = observationDay(obs);
    if (test === null || !isUsableObservation(obs) || day === null || day > asOf || (daysBetween(day, asOf) ?? Infinity) > config.recentScreenDays) continue;
    const reading = readScreen(obs, test);
    const { unexpected, why } = judge(test, reading, prescribed.at(day));
    const evidence: Evidence = { reference: `Observation/${obs.id ?? "(no id)"}`, label: conceptText(obs.code), value: `${RESULT_WORDS[reading]}; ${why}`, date: day };
    judged.push({ evidence, unexpected, unreadable: reading === "unreadable" });
  }
  const ordered = [...judged.filter((j) => j.unexpected), ...judged.filter((j) => j.unreadable), ...judged.filter((j) => !j.unexpected && !j.unreadable)].map((j) => j.evidence);
  if (judged.some((j) => j.unexpected)) {
    return finding(draft, "unexpected", {
      title: "Unexpected urine drug screen",
      sentence: "Unexpected results: discuss them with the patient, confirm with specific testing, and assess for opioid use disorder. A prescribed opioid not detected may mean the patient is not taking it (no taper needed then). Never dismiss a patient over a result.",
    }, ordered);
  }
  if (judged.some((j) => j.unreadable)) {
    return finding(draft, "unreadable", {
      title: "Drug screen result not readable",
      sentence: `A urine drug test result of the last ${window} could not be read: look at the laboratory report before relying on it. The readable results are as expected.`,
    }, ordered);
  }
  if (judged.length === 0) {
    return finding(draft, "none-recent", {
      title: "No recent urine drug screen",
      sentence: `No urine drug test in the last ${window}: consider one, with the patient's agreement, before planning.`,
    }, [{ label: "Urine drug tests", value: `none in the last ${window}` }]);
  }
  return finding(draft, "as-expected", {
    title: "Drug screens as expected",
    sentence: `${judged.length} urine drug test result(s) in the last ${window}, each as expected for what was prescribed.`,
  }, ordered);
}
