/**
 * Zod schemas for FHIR R4 `Observation`, `Condition` and `CarePlan` (inbound: earlier
 * plans are listed, not edited). Strict on the fields the readiness engine and the UI read
 * (status, code, category, subject, effective/onset dates, value[x], components), lenient on
 * the rest. https://hl7.org/fhir/R4/observation.html, condition.html, careplan.html
 */
import * as z from "../zod";
import {
  AnnotationSchema,
  CodeableConceptSchema,
  fhirDateTime,
  IdentifierSchema,
  MetaSchema,
  PeriodSchema,
  QuantitySchema,
  RangeSchema,
  RatioSchema,
  ReferenceSchema,
  ResourceBaseSchema,
} from "./datatypes";
import { TimingSchema } from "./dosage";

const observationValue = {
  valueQuantity: QuantitySchema.optional(),
  valueCodeableConcept: CodeableConceptSchema.optional(),
  valueString: z.string().optional(),
  valueBoolean: z.boolean().optional(),
  valueInteger: z.number().int().optional(),
  valueRange: RangeSchema.optional(),
  valueRatio: RatioSchema.optional(),
  valueDateTime: fhirDateTime.optional(),
  valuePeriod: PeriodSchema.optional(),
  dataAbsentReason: CodeableConceptSchema.optional(),
  interpretation: z.array(CodeableConceptSchema).optional(),
};

export const ObservationComponentSchema = z.looseObject({
  code: CodeableConceptSchema,
  ...observationValue,
});

export const ObservationSchema = z.looseObject({
  resourceType: z.literal("Observation"),
  id: z.string().optional(),
  meta: MetaSchema.optional(),
  contained: z.array(ResourceBaseSchema).optional(),
  identifier: z.array(IdentifierSchema).optional(),
  status: z.enum(["registered", "preliminary", "final", "amended", "corrected", "cancelled", "entered-in-error", "unknown"]),
  category: z.array(CodeableConceptSchema).optional(),
  code: CodeableConceptSchema,
  subject: ReferenceSchema.optional(),
  encounter: ReferenceSchema.optional(),
  effectiveDateTime: fhirDateTime.optional(),
  effectivePeriod: PeriodSchema.optional(),
  effectiveInstant: fhirDateTime.optional(),
  issued: fhirDateTime.optional(),
  ...observationValue,
  note: z.array(AnnotationSchema).optional(),
  hasMember: z.array(ReferenceSchema).optional(),
  derivedFrom: z.array(ReferenceSchema).optional(),
  component: z.array(ObservationComponentSchema).optional(),
});

export const ConditionSchema = z.looseObject({
  resourceType: z.literal("Condition"),
  id: z.string().optional(),
  meta: MetaSchema.optional(),
  contained: z.array(ResourceBaseSchema).optional(),
  identifier: z.array(IdentifierSchema).optional(),
  clinicalStatus: CodeableConceptSchema.optional(),
  verificationStatus: CodeableConceptSchema.optional(),
  category: z.array(CodeableConceptSchema).optional(),
  severity: CodeableConceptSchema.optional(),
  code: CodeableConceptSchema.optional(),
  subject: ReferenceSchema,
  encounter: ReferenceSchema.optional(),
  onsetDateTime: fhirDateTime.optional(),
  onsetPeriod: PeriodSchema.optional(),
  onsetString: z.string().optional(),
  abatementDateTime: fhirDateTime.optional(),
  abatementPeriod: PeriodSchema.optional(),
  abatementString: z.string().optional(),
  recordedDate: fhirDateTime.optional(),
  note: z.array(AnnotationSchema).optional(),
});

const CarePlanActivityDetailSchema = z.looseObject({
  kind: z.enum([
    "Appointment", "CommunicationRequest", "DeviceRequest", "MedicationRequest", "NutritionOrder", "Task",
    "ServiceRequest", "VisionPrescription",
  ]).optional(),
  code: CodeableConceptSchema.optional(),
  status: z.enum([
    "not-started", "scheduled", "in-progress", "on-hold", "completed", "cancelled", "stopped", "unknown", "entered-in-error",
  ]),
  doNotPerform: z.boolean().optional(),
  scheduledTiming: TimingSchema.optional(),
  scheduledPeriod: PeriodSchema.optional(),
  scheduledString: z.string().optional(),
  productCodeableConcept: CodeableConceptSchema.optional(),
  productReference: ReferenceSchema.optional(),
  dailyAmount: QuantitySchema.optional(),
  quantity: QuantitySchema.optional(),
  description: z.string().optional(),
});

export const CarePlanActivitySchema = z.looseObject({
  reference: ReferenceSchema.optional(),
  detail: CarePlanActivityDetailSchema.optional(),
  progress: z.array(AnnotationSchema).optional(),
});

export const CarePlanSchema = z.looseObject({
  resourceType: z.literal("CarePlan"),
  id: z.string().optional(),
  meta: MetaSchema.optional(),
  contained: z.array(ResourceBaseSchema).optional(),
  identifier: z.array(IdentifierSchema).optional(),
  instantiatesCanonical: z.array(z.string()).optional(),
  basedOn: z.array(ReferenceSchema).optional(),
  replaces: z.array(ReferenceSchema).optional(),
  status: z.enum(["draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown"]),
  intent: z.enum(["proposal", "plan", "order", "option"]),
  category: z.array(CodeableConceptSchema).optional(),
  title: z.string().optional(),
  description: z.string().optional(),
  subject: ReferenceSchema,
  period: PeriodSchema.optional(),
  created: fhirDateTime.optional(),
  author: ReferenceSchema.optional(),
  addresses: z.array(ReferenceSchema).optional(),
  activity: z.array(CarePlanActivitySchema).optional(),
  note: z.array(AnnotationSchema).optional(),
});
