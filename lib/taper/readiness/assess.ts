/**
 * `assessReadiness(inputs, asOf)`: taper readiness as findings with evidence and
 * citations, in three categories (reasons to consider tapering, cautions, what the
 * clinician must confirm). Not a yes/no. Missing or unreadable data is a finding with
 * status `unknown` and the reason, never a silent "no problem".
 * Sources: HHS 2019; CDC 2022 Rec 5, 8, 10, 11, 12 and supporting text (clinical-sources.md section 1).
 */
import type { IsoDate, ReadinessResult } from "@/lib/domain";
import type { DrugScreenClass } from "../codes/loinc";
import { READINESS_DEFAULTS, type ReadinessConfig } from "../config";
import { cancerPalliativeFinding, mmeIncompleteFinding, naloxoneFinding, oudFinding, pregnancyFinding } from "./cautions";
import { confirmationFindings } from "./confirm";
import { improvementFinding, longTermUseFinding } from "./history";
import { type ClassifiedOrder, currency, resolveOrders } from "./medications";
import { moodFindings } from "./mood";
import { cnsDepressantFinding, mmeBandFindings, overdoseFinding, sleepApneaFinding } from "./reasons";
import { drugScreenFinding } from "./screens";
import { READINESS_SOURCES, type ReadinessInputs, type ReadinessSource } from "./types";

const SOURCE_NAMES: Record<ReadinessSource, string> = { medications: "Medications", observations: "Observations", conditions: "Conditions" };

/** Every readiness finding for the patient at `asOf` (reasons, cautions, confirmations), with long-term use and the sources that were unavailable. */
export function assessReadiness(inputs: ReadinessInputs, asOf: IsoDate, config: ReadinessConfig = READINESS_DEFAULTS): ReadinessResult {
  const lookback = config.activeOrderLookbackDays ?? inputs.mme.lookbackDays;
  const orders = resolveOrders(inputs.medicationRequests, inputs.medications);
  const longTerm = longTermUseFinding(inputs, asOf, config);
  const findings = [
    ...mmeBandFindings(inputs, config),
    improvementFinding(inputs, asOf, config),
    longTerm.finding,
    cnsDepressantFinding(inputs, orders, asOf, lookback),
    overdoseFinding(inputs, asOf),
    sleepApneaFinding(inputs, asOf),
    mmeIncompleteFinding(inputs),
    oudFinding(inputs, orders, asOf, lookback),
    ...moodFindings(inputs, asOf, config),
    pregnancyFinding(inputs, asOf, config),
    cancerPalliativeFinding(inputs, asOf),
    naloxoneFinding(inputs, orders, asOf, config),
    drugScreenFinding(inputs, prescribedClasses(inputs, orders, asOf, lookback), asOf, config),
    ...confirmationFindings(),
  ];
  const unavailable = READINESS_SOURCES.flatMap((s) => {
    const reason = inputs.unavailable[s];
    return reason === undefined ? [] : [`${SOURCE_NAMES[s]}: ${reason}`];
  });
  return { asOf, findings, longTermUse: longTerm.longTermUse, earliestOpioidDate: longTerm.earliest, unavailable };
}

/** Drug classes the patient has a current order for (counted opioid orders, buprenorphine, benzodiazepines). */
function prescribedClasses(inputs: ReadinessInputs, orders: ClassifiedOrder[], asOf: IsoDate, lookback: number): Set<DrugScreenClass> {
  const out = new Set<DrugScreenClass>();
  for (const o of inputs.mme.orders) {
    const current = o.status === "counted" || o.status === "not-computable" || o.reason === "mme.excluded.buprenorphine";
    for (const i of current ? (o.product?.ingredients ?? []) : []) {
      if (i.ingredient === "fentanyl" || i.ingredient === "oxycodone" || i.ingredient === "methadone" || i.ingredient === "buprenorphine") out.add(i.ingredient);
    }
  }
  for (const o of orders) {
    if (currency(o, asOf, lookback) !== "current") continue;
    if (o.classes.some((c) => c.cls === "benzodiazepine")) out.add("benzodiazepines");
    if (o.classes.some((c) => c.cls === "buprenorphine-oud")) out.add("buprenorphine");
    if (o.classes.some((c) => c.cls === "methadone")) out.add("methadone");
  }
  return out;
}
