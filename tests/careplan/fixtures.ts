/**
 * Hand-made inputs for the CarePlan builder, typed against lib/domain (the taper engine is
 * written in parallel). Scenario: oxycodone 5 mg tablets, 10 mg every 8 hours
 * (30 mg/d x 1.5 = 45 MME/day), tapered 25 % of the starting dose every 4 weeks to
 * discontinuation: 45 -> 33.75 -> 22.5 -> hold -> 15 (every 12 h) -> stop.
 * Strings carry XML/markdown specials on purpose (escaping is tested on them).
 */
import type {
  Confirmations,
  MmeResult,
  OpioidProduct,
  OrderMme,
  ReadinessResult,
  StepProduct,
  TaperPlan,
  TaperStep,
} from "@/lib/domain";
import type { CarePlanContext } from "@/lib/careplan";

export const OXY_5 = "1049621";
export const FENTANYL_25 = "245134";
export const PROPOSAL_UUID = "urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e";
export const HOSTILE = `<script>alert("x")</script> & 'quoted' ]]> <!-- c -->`;

const oxyProduct: OpioidProduct = {
  rxnorm: OXY_5,
  name: "oxycodone hydrochloride 5 MG Oral Tablet",
  ingredients: [{ ingredient: "oxycodone", value: 5, unit: "mg", per: "unit" }],
  otherIngredients: [],
  doseForm: "oral-solid",
  doseFormName: "Oral Tablet",
  release: "IR",
  unit: "tablet",
  source: "rxnorm-catalog",
};

/** Oxycodone `doseMg` every `24 / administrationsPerDay` hours, from 5 mg tablets, for a 28-day step. */
export function oxy(doseMg: number, administrationsPerDay: number): StepProduct {
  const tablets = doseMg / 5;
  const stopped = administrationsPerDay === 0;
  return {
    key: OXY_5,
    label: "oxycodone",
    rxnorm: OXY_5,
    display: "oxycodone 5 mg tablet",
    asNeeded: false,
    change: stopped ? "stopped" : "none",
    amountUnit: "mg",
    doses: stopped ? [] : [{ amount: doseMg, amountUnit: "mg", components: [{ rxnorm: OXY_5, display: "oxycodone 5 mg tablet", strength: 5, strengthUnit: "mg", count: tablets }], administrationsPerDay }],
    administrationsPerDay,
    scheduleText: stopped ? "Stop oxycodone (was 5 mg once a day): last dose on 2025-08-17" : `oxycodone ${doseMg} mg every ${24 / administrationsPerDay} hours`,
    patientText: stopped ? "Stop oxycodone: take your last dose on August 17, 2025." : `Take ${tablets} oxycodone 5 mg tablets every ${24 / administrationsPerDay} hours.`,
    mmePerDay: doseMg * administrationsPerDay * 1.5,
    dispense: administrationsPerDay === 0 ? [] : [{ rxnorm: OXY_5, display: "oxycodone 5 mg tablet", quantity: tablets * administrationsPerDay * 28, unit: "tablet" }],
  };
}

function step(index: number, start: string, end: string, kind: TaperStep["kind"], products: StepProduct[], note: string | null = null): TaperStep {
  const total = products.reduce((s, p) => s + p.mmePerDay, 0);
  return {
    index, start, end, intervals: 1, kind, products, totalMmePerDay: total, percentOfStart: (total / 45) * 100, note,
    rate: { nominalMmePerDay: 11.25, removedMmePerDay: 0, differences: [] },
  };
}

export function makePlan(): TaperPlan {
  return {
    factorTableId: "cdc-2022",
    startMmePerDay: 45,
    targetMmePerDay: 0,
    options: {
      ratePercent: 25,
      interval: { unit: "week", count: 4 },
      basis: "original",
      target: { kind: "discontinue" },
      productOrder: null,
      startDate: "2025-03-03",
      pauses: [{ atStep: 3, intervals: 1 }],
      rapidTaper: null,
      duration: { value: "less-than-a-year", source: "clinician" },
      actualUse: {},
      erAtLowest: "switch-to-ir",
      methadoneFaster: null,
      gateDecisions: [],
    },
    rationale: "Opioids used < 1 year: a faster taper is often tolerated (HHS 2019).",
    steps: [
      step(0, "2025-03-03", "2025-03-31", "start", [oxy(10, 3)]),
      step(1, "2025-03-31", "2025-04-28", "reduce", [oxy(7.5, 3)]),
      step(2, "2025-04-28", "2025-05-26", "reduce", [oxy(5, 3)]),
      step(3, "2025-05-26", "2025-06-23", "pause", [oxy(5, 3)], `Pause requested: ${HOSTILE}`),
      step(4, "2025-06-23", "2025-07-21", "extend-interval", [oxy(5, 2)]),
      step(5, "2025-07-21", "2025-07-21", "stop", [oxy(0, 0)]),
    ],
    endDate: "2025-07-21",
    followUps: [
      { date: "2025-03-31", purpose: "first dose change" },
      { date: "2025-04-28", purpose: "second dose change" },
    ],
    monitoring: ["Withdrawal symptoms", "Pain and function (PEG)", "Mood and suicidality"],
    warnings: [{ code: "taper.warn.half-tablets", message: "Step 1 uses half tablets: check that they can be split." }],
    notTapered: [],
    cautions: [],
    actualUse: [],
  };
}

function order(ref: string, status: OrderMme["status"], over: Partial<OrderMme>): OrderMme {
  return {
    medicationRequest: ref,
    status,
    reason: null,
    message: null,
    display: "oxycodone 5 mg tablet",
    product: oxyProduct,
    fhirStatus: "active",
    fhirIntent: "order",
    authoredOn: "2025-02-01",
    sig: "2 tablets every 8 hours",
    unitsPerAdministration: 2,
    administrationsPerDay: 3,
    asNeeded: false,
    ingredients: [],
    mmePerDay: null,
    assumptions: [],
    sources: { product: "rxnorm-catalog", dose: "structured", frequency: "structured" },
    discrepancies: [],
    readings: [],
    ...over,
  };
}

export function makeMme(): MmeResult {
  return {
    factorTableId: "cdc-2022",
    asOf: "2025-03-01",
    lookbackDays: 120,
    state: "complete",
    complete: true,
    totalMmePerDay: 45,
    byIngredient: { oxycodone: 45 },
    bands: { atOrAbove50: false, atOrAbove90: false },
    orders: [
      order("MedicationRequest/mr-oxy", "counted", {
        mmePerDay: 45,
        ingredients: [{ ingredient: "oxycodone", dailyAmount: 30, dailyAmountUnit: "mg/d", factor: 1.5, factorKind: "clinical", factorCitation: { source: "CDC 2022", section: "Table" }, mmePerDay: 45 }],
        assumptions: [{ code: "mme.assume.unitless-dose", message: "The dose had no unit; read as tablets." }],
      }),
      order("MedicationRequest/mr-old", "excluded", { reason: "mme.excluded.stale", message: "Ended more than 120 days ago.", authoredOn: "2024-01-01" }),
    ],
    incompleteReasons: [],
  };
}

export function makeReadiness(): ReadinessResult {
  return {
    asOf: "2025-03-01",
    findings: [
      { id: "reason.no-meaningful-improvement", outcome: "not-improved", category: "reason", status: "present", label: "Improvement in pain and function", title: "Pain not meaningfully improved", sentence: "The pain score improved 10 % since the start.", evidence: [], citations: [{ source: "HHS 2019", section: "When to taper" }], planEffect: { kind: "informs" } },
      { id: "reason.cns-depressants", outcome: "unknown", category: "reason", status: "unknown", label: "Benzodiazepines and other sedatives", title: "Benzodiazepine co-prescription", sentence: "Medication list incomplete: check for benzodiazepines.", evidence: [{ reference: "MedicationRequest/mr-lz", label: "Lorazepam 1 mg tablet", value: "active", date: "2025-01-10" }], citations: [{ source: "CDC 2022", section: "Rec 11" }], planEffect: { kind: "informs" } },
    ],
    gates: [],
    longTermUse: false,
    earliestOpioidDate: "2024-09-01",
    unavailable: ["Conditions: permission not granted"],
  };
}

export function makeConfirmations(): Confirmations {
  return {
    checked: { "confirm.patient-agrees": true, "confirm.naloxone-offered": true },
    followUpDate: "2025-03-10",
    note: `Prefers morning doses ${HOSTILE}`,
  };
}

export function makeContext(over: Partial<CarePlanContext> = {}): CarePlanContext {
  return {
    patientRef: "Patient/p1",
    encounterRef: "Encounter/e1",
    authorRef: "Practitioner/dr1",
    created: "2025-03-01T10:00:00Z",
    identifier: { system: "urn:ietf:rfc:3986", value: PROPOSAL_UUID },
    mme: makeMme(),
    readiness: makeReadiness(),
    confirmations: makeConfirmations(),
    ...over,
  };
}
