/**
 * Zod schemas for FHIR R4 `Medication` and `MedicationRequest`, the MME engine's input.
 * Strict on what the engine reads (status, intent, medication[x], subject, authoredOn,
 * dosageInstruction, dispenseRequest, contained Medications), lenient on the rest.
 * https://hl7.org/fhir/R4/medicationrequest.html
 */
import * as z from "../zod";
import {
  CodeableConceptSchema,
  fhirDateTime,
  IdentifierSchema,
  MetaSchema,
  PeriodSchema,
  QuantitySchema,
  RatioSchema,
  ReferenceSchema,
  ResourceBaseSchema,
  unsignedInt,
} from "./datatypes";
import { DosageSchema, DurationSchema } from "./dosage";

export const MedicationIngredientSchema = z.looseObject({
  itemCodeableConcept: CodeableConceptSchema.optional(),
  itemReference: ReferenceSchema.optional(),
  isActive: z.boolean().optional(),
  strength: RatioSchema.optional(),
});

const medicationShape = {
  resourceType: z.literal("Medication"),
  id: z.string().optional(),
  meta: MetaSchema.optional(),
  identifier: z.array(IdentifierSchema).optional(),
  code: CodeableConceptSchema.optional(),
  status: z.enum(["active", "inactive", "entered-in-error"]).optional(),
  form: CodeableConceptSchema.optional(),
  amount: RatioSchema.optional(),
  ingredient: z.array(MedicationIngredientSchema).optional(),
};

/** A Medication (standalone or contained). Its own contained resources are kept unvalidated. */
export const MedicationSchema = z.looseObject({
  ...medicationShape,
  contained: z.array(ResourceBaseSchema).optional(),
});

/**
 * A contained resource: a Medication is validated with the Medication schema (the engine
 * resolves `medicationReference: "#id"` to it); any other contained type is kept with only
 * `resourceType` checked. The refinement stops a malformed Medication from slipping
 * through the second branch.
 */
export const ContainedResourceSchema = z.union([
  MedicationSchema,
  ResourceBaseSchema.refine((r) => r.resourceType !== "Medication", "contained Medication is malformed"),
]);

export const DispenseRequestSchema = z.looseObject({
  validityPeriod: PeriodSchema.optional(),
  numberOfRepeatsAllowed: unsignedInt.optional(),
  quantity: QuantitySchema.optional(),
  expectedSupplyDuration: DurationSchema.optional(),
  dispenseInterval: DurationSchema.optional(),
});

export const MEDICATION_REQUEST_STATUSES = [
  "active", "on-hold", "cancelled", "completed", "entered-in-error", "stopped", "draft", "unknown",
] as const;
export const MEDICATION_REQUEST_INTENTS = [
  "proposal", "plan", "order", "original-order", "reflex-order", "filler-order", "instance-order", "option",
] as const;

export const MedicationRequestSchema = z.looseObject({
  resourceType: z.literal("MedicationRequest"),
  id: z.string().optional(),
  meta: MetaSchema.optional(),
  contained: z.array(ContainedResourceSchema).optional(),
  identifier: z.array(IdentifierSchema).optional(),
  status: z.enum(MEDICATION_REQUEST_STATUSES),
  intent: z.enum(MEDICATION_REQUEST_INTENTS),
  category: z.array(CodeableConceptSchema).optional(),
  doNotPerform: z.boolean().optional(),
  reportedBoolean: z.boolean().optional(),
  medicationCodeableConcept: CodeableConceptSchema.optional(),
  medicationReference: ReferenceSchema.optional(),
  subject: ReferenceSchema,
  encounter: ReferenceSchema.optional(),
  authoredOn: fhirDateTime.optional(),
  requester: ReferenceSchema.optional(),
  courseOfTherapyType: CodeableConceptSchema.optional(),
  dosageInstruction: z.array(DosageSchema).optional(),
  dispenseRequest: DispenseRequestSchema.optional(),
  priorPrescription: ReferenceSchema.optional(),
  basedOn: z.array(ReferenceSchema).optional(),
});
