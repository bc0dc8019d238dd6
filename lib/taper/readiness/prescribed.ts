/**
 * What was prescribed on a given day, as urine drug test analytes, for comparing a sample
 * with the prescriptions of its day (CDC 2022 Rec 10). An order counts for day D when it was
 * not cancelled, drafted or entered in error, was authored on or before D, and either was
 * authored within `lookbackDays` before D (the MME engine's window for a current order) or is
 * current now. Opioids come from the MME engine's product identification; benzodiazepines,
 * buprenorphine and methadone for opioid use disorder from the readiness classification.
 */
import type { IsoDate, OpioidIngredient } from "@/lib/domain";
import type { UrineDrugAnalyte } from "@/lib/domain/valuesets";
import { daysBetween } from "../dates";
import { dayOf } from "./fhir";
import type { MedicationClass } from "../codes/medications";
import { type ClassifiedOrder, currency } from "./medications";
import type { ReadinessInputs } from "./types";
import { isCurrentOpioidOrder } from "@/lib/mme";

export interface Prescribed {
  /** The analytes prescribed on `day`. */
  at(day: IsoDate): ReadonlySet<UrineDrugAnalyte>;
}

const NOT_PRESCRIBED_STATUSES: ReadonlySet<string> = new Set(["cancelled", "draft", "entered-in-error"]);

const BY_INGREDIENT: Partial<Record<OpioidIngredient, UrineDrugAnalyte>> = {
  morphine: "morphine", opium: "morphine", codeine: "codeine", hydrocodone: "hydrocodone", benzhydrocodone: "hydrocodone",
  hydromorphone: "hydromorphone", oxycodone: "oxycodone", oxymorphone: "oxymorphone", fentanyl: "fentanyl",
  methadone: "methadone", buprenorphine: "buprenorphine", tramadol: "tramadol", tapentadol: "tapentadol",
};

const BY_CLASS: Partial<Record<MedicationClass, UrineDrugAnalyte>> = {
  benzodiazepine: "benzodiazepines", "buprenorphine-oud": "buprenorphine", methadone: "methadone",
};

interface Span { analyte: UrineDrugAnalyte; authored: IsoDate | null; currentNow: boolean }

function covers(span: Span, day: IsoDate, lookbackDays: number): boolean {
  if (span.authored === null) return span.currentNow;
  if (span.authored > day) return false;
  return span.currentNow || (daysBetween(span.authored, day) ?? Infinity) <= lookbackDays;
}

/** The prescriptions of the record as analytes by day (see the file header). */
export function prescribedAnalytes(inputs: ReadinessInputs, orders: readonly ClassifiedOrder[], asOf: IsoDate, lookbackDays: number): Prescribed {
  const spans: Span[] = [];
  for (const o of inputs.mme.orders) {
    if (o.fhirStatus !== null && NOT_PRESCRIBED_STATUSES.has(o.fhirStatus)) continue;
    const currentNow = isCurrentOpioidOrder(o);
    for (const i of o.product?.ingredients ?? []) {
      const analyte = BY_INGREDIENT[i.ingredient];
      if (analyte !== undefined) spans.push({ analyte, authored: dayOf(o.authoredOn ?? undefined), currentNow });
    }
  }
  for (const o of orders) {
    if (NOT_PRESCRIBED_STATUSES.has(o.status)) continue;
    for (const c of o.classes) {
      const analyte = BY_CLASS[c.cls];
      if (analyte !== undefined) spans.push({ analyte, authored: o.authoredOn, currentNow: currency(o, asOf, lookbackDays) === "current" });
    }
  }
  return { at: (day) => new Set(spans.filter((s) => covers(s, day, lookbackDays)).map((s) => s.analyte)) };
}
