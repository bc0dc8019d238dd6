/**
 * Urine drug screens (CDC 2022 Rec 10): in the last `recentScreenDays`, results that are
 * unexpected (cocaine, PCP, heroin; fentanyl, oxycodone, methadone, buprenorphine or
 * benzodiazepines without a current order for them) or a prescribed opioid not detected
 * (the patient may not be taking it: no taper needed then, CDC 2022 draft l.2534-2535).
 * Never a reason to dismiss a patient; confirm with specific testing.
 */
import type { Evidence, FindingOf, IsoDate } from "@/lib/domain";
import { CITE } from "../citations";
import { DRUG_SCREEN_CLASSES, type DrugScreenClass, LOINC_SYSTEM, URINE_DRUG_SCREENS } from "../codes/loinc";
import type { ReadinessConfig } from "../config";
import { daysBetween } from "../dates";
import { conceptText, hasCode, isUsableObservation, observationDay, screenResult } from "./fhir";
import { finding, unavailableEvidence } from "./finding";
import type { ReadinessInputs } from "./types";

const ALWAYS_UNEXPECTED: ReadonlySet<DrugScreenClass> = new Set(["cocaine", "phencyclidine", "heroin"]);
const PRESCRIBABLE: readonly DrugScreenClass[] = ["fentanyl", "oxycodone", "methadone", "buprenorphine", "benzodiazepines"];

/** Unexpected urine drug screen results in the last `recentScreenDays` (see the file header). */
export function drugScreenFinding(inputs: ReadinessInputs, prescribed: ReadonlySet<DrugScreenClass>, asOf: IsoDate, config: ReadinessConfig): FindingOf<"caution.drug-screen"> {
  const draft = { id: "caution.drug-screen" as const, category: "caution" as const, label: "Urine drug screens", citations: [CITE.uds, CITE.notTaking, CITE.oud] };
  if (inputs.unavailable.observations !== undefined) {
    return finding(draft, "unknown", { title: "Drug screens: could not be checked", sentence: `Observations are not available (${inputs.unavailable.observations}), so urine drug screens could not be checked.` },
      [unavailableEvidence("observations", inputs.unavailable.observations)]);
  }
  const unexpected: Evidence[] = [];
  const unreadable: Evidence[] = [];
  let recent = 0;
  for (const obs of inputs.observations) {
    const day = observationDay(obs);
    const cls = DRUG_SCREEN_CLASSES.find((c) => hasCode(obs.code, LOINC_SYSTEM, URINE_DRUG_SCREENS[c]));
    if (cls === undefined || !isUsableObservation(obs) || day === null || day > asOf || (daysBetween(day, asOf) ?? Infinity) > config.recentScreenDays) continue;
    recent += 1;
    const result = screenResult(obs);
    const evidence: Evidence = { reference: `Observation/${obs.id ?? "(no id)"}`, label: conceptText(obs.code), value: result ?? "result not readable", date: day };
    if (result === null) unreadable.push(evidence);
    if (result === "positive" && (ALWAYS_UNEXPECTED.has(cls) || (PRESCRIBABLE.includes(cls) && !prescribed.has(cls)))) unexpected.push({ ...evidence, value: "positive, not prescribed" });
    if (result === "negative" && cls !== "benzodiazepines" && prescribed.has(cls)) unexpected.push({ ...evidence, value: "negative, although prescribed" });
  }
  if (unexpected.length > 0) {
    return finding(draft, "unexpected", {
      title: "Unexpected urine drug screen",
      sentence: "Unexpected results: discuss them with the patient, confirm with specific testing, and assess for opioid use disorder. A prescribed opioid not detected may mean the patient is not taking it (no taper needed then). Never dismiss a patient over a result.",
    }, [...unexpected, ...unreadable]);
  }
  if (unreadable.length > 0) {
    return finding(draft, "unreadable", {
      title: "Drug screen result not readable",
      sentence: "A recent urine drug screen result could not be read: look at the laboratory report before relying on it.",
    }, unreadable);
  }
  if (recent === 0) {
    return finding(draft, "none-recent", {
      title: "No recent urine drug screen",
      sentence: `No urine drug screen in the last ${config.recentScreenDays} days: consider one (with the patient's agreement) before planning.`,
    }, [{ label: "Urine drug screens", value: `none in the last ${config.recentScreenDays} days` }]);
  }
  return finding(draft, "as-expected", { title: "Drug screens as expected", sentence: `${recent} urine drug screen result(s) in the last ${config.recentScreenDays} days, none unexpected.` });
}
