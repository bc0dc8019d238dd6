/**
 * Naloxone (CDC 2022 Rec 8, draft l.3023-3030; tolerance loss, l.2439-2441): on file only
 * for an order that is active or completed and authored within `naloxoneLookbackDays`
 * (cancelled, stopped, draft, on-hold and entered-in-error orders do not count); otherwise
 * offer it when a risk factor is in the chart (a current opioid, whatever the MME, an
 * overdose at any time, a substance use disorder), or say no risk factor was found.
 */
import type { Evidence, FindingOf, IsoDate } from "@/lib/domain";
import { isCurrentOpioidOrder } from "@/lib/mme";
import { CITE } from "../citations";
import { OPIOID_OVERDOSE, SUBSTANCE_USE_DISORDER } from "../codes/conditions";
import type { ReadinessConfig } from "../config";
import { daysBetween } from "../dates";
import { finding, matchingConditions, unavailableEvidence } from "./finding";
import { type ClassifiedOrder, orderEvidence } from "./medications";
import type { ReadinessInputs } from "./types";

/** Order statuses that mean the naloxone was (or is being) supplied. */
const SUPPLIED_STATUSES: ReadonlySet<string> = new Set(["active", "completed"]);

/** A current opioid order of any kind: counted, not computable, buprenorphine or OUD treatment (still an opioid, and an overdose risk with other depressants). */
function currentOpioidEvidence(inputs: ReadinessInputs): Evidence[] {
  if (inputs.mme.state === "unknown") return [{ label: "Current opioid orders", value: "the medication list could not be read" }];
  return inputs.mme.orders
    .filter(isCurrentOpioidOrder)
    .map((o): Evidence => ({ reference: o.medicationRequest, label: o.display, value: "current opioid order" }));
}

function naloxoneOnFile(orders: ClassifiedOrder[], asOf: IsoDate, lookbackDays: number): ClassifiedOrder[] {
  return orders.filter((o) => o.classes.some((c) => c.cls === "naloxone") && SUPPLIED_STATUSES.has(o.status)
    && (o.authoredOn === null ? o.status === "active" : o.authoredOn <= asOf && (daysBetween(o.authoredOn, asOf) ?? Infinity) <= lookbackDays));
}

/** Naloxone on file, offer it, no risk factor found, or unknown (see the file header). */
export function naloxoneFinding(inputs: ReadinessInputs, orders: ClassifiedOrder[], asOf: IsoDate, config: ReadinessConfig): FindingOf<"caution.naloxone"> {
  const draft = { id: "caution.naloxone" as const, category: "caution" as const, label: "Naloxone", citations: [CITE.naloxone, CITE.toleranceLoss] };
  const years = Math.round(config.naloxoneLookbackDays / 365);
  if (inputs.unavailable.medications !== undefined) {
    return finding(draft, "unknown", {
      title: "Naloxone: could not be checked",
      sentence: `Medication orders are not available (${inputs.unavailable.medications}), so naloxone could not be checked. Offer naloxone.`,
    }, [unavailableEvidence("medications", inputs.unavailable.medications)]);
  }
  const onFile = naloxoneOnFile(orders, asOf, config.naloxoneLookbackDays);
  if (onFile.length > 0) {
    return finding(draft, "on-file", {
      title: "Naloxone prescribed",
      sentence: "Naloxone was prescribed: check that the patient still has it, that it is in date, and that the household knows how to use it.",
    }, onFile.map((o) => orderEvidence(o, "naloxone")));
  }
  const risks: Evidence[] = [
    ...currentOpioidEvidence(inputs),
    ...matchingConditions(inputs, OPIOID_OVERDOSE, asOf, { activeOnly: false }).map((m) => ({ ...m.evidence, value: "overdose or poisoning" })),
    ...matchingConditions(inputs, SUBSTANCE_USE_DISORDER, asOf, { activeOnly: false }).map((m) => ({ ...m.evidence, value: "substance use disorder" })),
  ];
  if (risks.length > 0) {
    return finding(draft, "offer", {
      title: "Offer naloxone",
      sentence: `No naloxone order (active or completed) in the last ${years} years, and the chart shows a risk factor: offer naloxone and overdose education to the patient and household. Tolerance is lost within about a week of a lower dose, so a return to the previous dose can cause an overdose.`,
    }, risks);
  }
  if (inputs.unavailable.conditions !== undefined) {
    return finding(draft, "unknown", {
      title: "Naloxone: risk factors could not be checked",
      sentence: `No current opioid order and no naloxone order, but conditions are not available (${inputs.unavailable.conditions}), so an overdose or substance use disorder could not be checked. Offer naloxone if either applies.`,
    }, [unavailableEvidence("conditions", inputs.unavailable.conditions)]);
  }
  return finding(draft, "no-risk-found", {
    title: "No naloxone risk factor recorded",
    sentence: "No current opioid order, overdose or substance use disorder is recorded, and no naloxone order was found. Offer naloxone if other risk factors exist (sleep-disordered breathing, benzodiazepines, recent release from prison).",
  });
}
