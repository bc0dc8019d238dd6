/**
 * Zod schemas for FHIR R4 `Timing` and `Dosage`: every field the MME engine, the timing-code
 * table and the sig-text parser read. https://hl7.org/fhir/R4/dosage.html
 *
 * FHIR pitfalls handled: `periodUnit`/`durationUnit` are a required binding (UnitsOfTime);
 * `when` and `dayOfWeek` are required bindings too. A value outside them makes the resource
 * unreadable (the order is then not computable, with the message), never silently 1/day.
 */
import * as z from "../zod";
import {
  CodeableConceptSchema,
  fhirDateTime,
  PeriodSchema,
  positiveInt,
  QuantitySchema,
  RangeSchema,
  RatioSchema,
  unsignedInt,
} from "./datatypes";

const UNITS_OF_TIME = ["s", "min", "h", "d", "wk", "mo", "a"] as const;
const DAYS_OF_WEEK = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const EVENT_TIMING = [
  "MORN", "MORN.early", "MORN.late", "NOON", "AFT", "AFT.early", "AFT.late", "EVE", "EVE.early",
  "EVE.late", "NIGHT", "PHS", "HS", "WAKE", "C", "CM", "CD", "CV", "AC", "ACM", "ACD", "ACV",
  "PC", "PCM", "PCD", "PCV",
] as const;

export const DurationSchema = QuantitySchema;

export const TimingRepeatSchema = z.looseObject({
  boundsDuration: DurationSchema.optional(),
  boundsRange: RangeSchema.optional(),
  boundsPeriod: PeriodSchema.optional(),
  count: positiveInt.optional(),
  countMax: positiveInt.optional(),
  duration: z.number().optional(),
  durationMax: z.number().optional(),
  durationUnit: z.enum(UNITS_OF_TIME).optional(),
  frequency: positiveInt.optional(),
  frequencyMax: positiveInt.optional(),
  period: z.number().optional(),
  periodMax: z.number().optional(),
  periodUnit: z.enum(UNITS_OF_TIME).optional(),
  dayOfWeek: z.array(z.enum(DAYS_OF_WEEK)).optional(),
  timeOfDay: z.array(z.string()).optional(),
  when: z.array(z.enum(EVENT_TIMING)).optional(),
  offset: unsignedInt.optional(),
});

export const TimingSchema = z.looseObject({
  event: z.array(fhirDateTime).optional(),
  repeat: TimingRepeatSchema.optional(),
  code: CodeableConceptSchema.optional(),
});

export const DoseAndRateSchema = z.looseObject({
  type: CodeableConceptSchema.optional(),
  doseRange: RangeSchema.optional(),
  doseQuantity: QuantitySchema.optional(),
  rateRatio: RatioSchema.optional(),
  rateRange: RangeSchema.optional(),
  rateQuantity: QuantitySchema.optional(),
});

export const DosageSchema = z.looseObject({
  sequence: z.number().int().optional(),
  text: z.string().optional(),
  additionalInstruction: z.array(CodeableConceptSchema).optional(),
  patientInstruction: z.string().optional(),
  timing: TimingSchema.optional(),
  asNeededBoolean: z.boolean().optional(),
  asNeededCodeableConcept: CodeableConceptSchema.optional(),
  site: CodeableConceptSchema.optional(),
  route: CodeableConceptSchema.optional(),
  method: CodeableConceptSchema.optional(),
  doseAndRate: z.array(DoseAndRateSchema).optional(),
  maxDosePerPeriod: RatioSchema.optional(),
  maxDosePerAdministration: QuantitySchema.optional(),
  maxDosePerLifetime: QuantitySchema.optional(),
});
