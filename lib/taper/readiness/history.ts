/**
 * How long opioids have been used (the earliest opioid order): context for the plan (it
 * selects the default rate, CDC 2022 draft l.2422-2424, 2635-2641), not a reason to taper by
 * itself (the guideline's reason is long use with an unclear benefit-risk balance, l.2536-2554
 * item 4). The start date is also the baseline date for improvement (improvement.ts).
 */
import type { Evidence, FindingOf, IsoDate } from "@/lib/domain";
import { productByRxnorm } from "@/lib/mme/catalog";
import { CITE } from "../citations";
import { isRxNormSystem } from "@/lib/domain/code-systems";
import type { ReadinessConfig } from "../config";
import { daysBetween } from "../dates";
import { fmt } from "../format";
import { codings, dayOf } from "./fhir";
import { finding, unavailableEvidence } from "./finding";
import type { ReadinessInputs } from "./types";

export interface LongTermUse {
  finding: FindingOf<"context.long-term-use">;
  longTermUse: boolean | null;
  earliest: IsoDate | null;
}

/** Earliest opioid analgesic order (buprenorphine aside) in the MME engine's orders and the raw requests. */
export function earliestOpioidOrder(inputs: ReadinessInputs, asOf: IsoDate): { day: IsoDate; reference: string; display: string } | null {
  const candidates: Array<{ day: IsoDate; reference: string; display: string }> = [];
  for (const o of inputs.mme.orders) {
    const day = dayOf(o.authoredOn ?? undefined);
    const opioid = o.product !== null && !o.product.ingredients.some((i) => i.ingredient === "buprenorphine");
    if (opioid && day !== null && day <= asOf && o.fhirStatus !== "entered-in-error") candidates.push({ day, reference: o.medicationRequest, display: o.display });
  }
  for (const mr of inputs.medicationRequests) {
    const day = dayOf(mr.authoredOn);
    const product = codings(mr.medicationCodeableConcept).filter((c) => isRxNormSystem(c.system)).map((c) => productByRxnorm(c.code ?? "")).find((p) => p !== null);
    if (product !== undefined && product !== null && day !== null && day <= asOf && mr.status !== "entered-in-error" && product.ingredients[0]?.ingredient !== "buprenorphine") {
      candidates.push({ day, reference: `MedicationRequest/${mr.id ?? "(no id)"}`, display: product.name });
    }
  }
  return candidates.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))[0] ?? null;
}

/** Long-term use from the earliest opioid order: 1 year or more selects the monthly default rate. */
export function longTermUseFinding(inputs: ReadinessInputs, asOf: IsoDate, config: ReadinessConfig): LongTermUse {
  const draft = { id: "context.long-term-use" as const, category: "context" as const, label: "How long opioids have been used", citations: [CITE.rateMonthly, CITE.longerUseLongerTaper, CITE.rateWeekly] };
  if (inputs.unavailable.medications !== undefined) {
    return { finding: finding(draft, "unknown", {
      title: "Duration of use unknown",
      sentence: `How long opioids have been used is unknown (medication orders are not available: ${inputs.unavailable.medications}); the slower default rate (10 % per month) applies.`,
    }, [unavailableEvidence("medications", inputs.unavailable.medications)]), longTermUse: null, earliest: null };
  }
  const earliest = earliestOpioidOrder(inputs, asOf);
  if (earliest === null) {
    return { finding: finding(draft, "unknown", {
      title: "Duration of use unknown",
      sentence: "No dated opioid order is in this record, so how long opioids have been used is unknown; the slower default rate (10 % per month) applies. Ask the patient and check the PDMP.",
    }), longTermUse: null, earliest: null };
  }
  const days = daysBetween(earliest.day, asOf) ?? 0;
  const evidence: Evidence[] = [{ reference: earliest.reference, label: `Earliest opioid order: ${earliest.display}`, value: `${fmt(days / 365.25, 1)} years before ${asOf}`, date: earliest.day }];
  if (days >= config.longTermUseDays) {
    return { finding: finding(draft, "one-year-or-more", {
      title: "Opioids for a year or more",
      sentence: `Opioid orders since ${earliest.day}: after a year or more, taper about 10 % of the original dose per month or slower; longer use usually needs a longer taper. Long use alone is not a reason to taper.`,
    }, evidence), longTermUse: true, earliest: earliest.day };
  }
  return { finding: finding(draft, "less-than-a-year", {
    title: "Opioids for less than a year",
    sentence: `The earliest opioid order in this record is from ${earliest.day} (less than a year): the weekly protocol may work, but check the PDMP for earlier use elsewhere before choosing a faster rate.`,
  }, evidence), longTermUse: false, earliest: earliest.day };
}
