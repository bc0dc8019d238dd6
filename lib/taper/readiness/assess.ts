/**
 * `assessReadiness(inputs, asOf)`: taper readiness as typed findings with evidence and
 * citations, in four categories (reasons to consider tapering, context, cautions, what the
 * clinician must confirm), and the gates they put on the plan. Not a yes/no. Missing or
 * unreadable data is a finding with status `unknown` and the reason, never a silent "no problem".
 * Sources: HHS 2019; CDC 2022 Rec 5, 8, 10, 11, 12 and supporting text (docs/clinical-sources.md).
 */
import type { Finding, FindingOf, IsoDate, ReadinessResult } from "@/lib/domain";
import { READINESS_DEFAULTS, type ReadinessConfig } from "../config";
import { mmeIncompleteFinding, oudFinding } from "./cautions";
import { confirmationFindings } from "./confirm";
import { deceasedFinding } from "./deceased";
import { mmeBandFindings } from "./context";
import { gatesOf } from "./gates";
import { longTermUseFinding } from "./history";
import { improvementFinding } from "./improvement";
import { resolveOrders } from "./medications";
import { moodFindings } from "./mood";
import { naloxoneFinding } from "./naloxone";
import { prescribedAnalytes } from "./prescribed";
import { cnsDepressantFinding, overdoseFinding, sleepApneaFinding } from "./reasons";
import { scopeFindings } from "./scope";
import { drugScreenFinding } from "./screens";
import { READINESS_SOURCES, type ReadinessInputs, type ReadinessSource } from "./types";

const SOURCE_NAMES: Record<ReadinessSource, string> = { medications: "Medications", observations: "Observations", conditions: "Conditions" };

/** Every readiness finding for the patient at `asOf`, the gates they put on the plan, long-term use and the sources that were unavailable. */
export function assessReadiness(inputs: ReadinessInputs, asOf: IsoDate, config: ReadinessConfig = READINESS_DEFAULTS): ReadinessResult {
  const lookback = config.activeOrderLookbackDays ?? inputs.mme.lookbackDays;
  const orders = resolveOrders(inputs.medicationRequests, inputs.medications, asOf, lookback);
  const longTerm = longTermUseFinding(inputs, asOf, config);
  const findings: Finding[] = [
    deceasedFinding(inputs),
    mmeIncompleteFinding(inputs),
    oudFinding(inputs, orders, asOf, lookback),
    ...scopeFindings(inputs, asOf, config),
    ...moodFindings(inputs, asOf, config),
    naloxoneFinding(inputs, orders, asOf, config),
    drugScreenFinding(inputs, prescribedAnalytes(inputs, orders, asOf, lookback), asOf, config),
    improvementFinding(inputs, longTerm.earliest, asOf, config),
    cnsDepressantFinding(inputs, orders, asOf, lookback),
    overdoseFinding(inputs, asOf, config),
    sleepApneaFinding(inputs, asOf),
    ...mmeBandFindings(inputs, config),
    longTerm.finding,
    ...confirmationFindings(),
  ];
  const unavailable = READINESS_SOURCES.flatMap((s) => {
    const reason = inputs.unavailable[s];
    return reason === undefined ? [] : [`${SOURCE_NAMES[s]}: ${reason}`];
  });
  return { asOf, findings, gates: gatesOf(findings), longTermUse: longTerm.longTermUse, earliestOpioidDate: longTerm.earliest, unavailable };
}

/**
 * The two medication findings a population count needs, computed exactly as assessReadiness
 * computes them (the same functions, lookback and config), without the rest of the record:
 * benzodiazepines and other sedatives with opioids (CDC 2022 Rec 11) and naloxone (Rec 8).
 * For the `mme` command and the warehouse UDF, which read medication orders only.
 */
export function medicationFindings(inputs: ReadinessInputs, asOf: IsoDate, config: ReadinessConfig = READINESS_DEFAULTS): { cnsDepressants: FindingOf<"reason.cns-depressants">; naloxone: FindingOf<"caution.naloxone"> } {
  const lookback = config.activeOrderLookbackDays ?? inputs.mme.lookbackDays;
  const orders = resolveOrders(inputs.medicationRequests, inputs.medications, asOf, lookback);
  return { cnsDepressants: cnsDepressantFinding(inputs, orders, asOf, lookback), naloxone: naloxoneFinding(inputs, orders, asOf, config) };
}

