/**
 * Zod schemas for FHIR R4 `Patient` (minimal: id, name, birthDate, gender, deceased),
 * `Bundle` and `OperationOutcome`.
 *
 * Bundle entries are checked only for `resourceType`/`id` here; each entry's resource is
 * then parsed on its own with `parseResource`, so one malformed resource never makes a
 * whole page or file unreadable. https://hl7.org/fhir/R4/bundle.html
 */
import * as z from "../zod";
import {
  CodeableConceptSchema,
  fhirDate,
  fhirDateTime,
  IdentifierSchema,
  MetaSchema,
  PeriodSchema,
  unsignedInt,
} from "./datatypes";

export const HumanNameSchema = z.looseObject({
  use: z.enum(["usual", "official", "temp", "nickname", "anonymous", "old", "maiden"]).optional(),
  text: z.string().optional(),
  family: z.string().optional(),
  given: z.array(z.string()).optional(),
  prefix: z.array(z.string()).optional(),
  suffix: z.array(z.string()).optional(),
  period: PeriodSchema.optional(),
});

export const PatientSchema = z.looseObject({
  resourceType: z.literal("Patient"),
  id: z.string().optional(),
  meta: MetaSchema.optional(),
  identifier: z.array(IdentifierSchema).optional(),
  name: z.array(HumanNameSchema).optional(),
  gender: z.enum(["male", "female", "other", "unknown"]).optional(),
  birthDate: fhirDate.optional(),
  deceasedBoolean: z.boolean().optional(),
  deceasedDateTime: fhirDateTime.optional(),
});

export const BundleLinkSchema = z.looseObject({ relation: z.string(), url: z.string() });

/**
 * An entry's resource is only checked to be an object with a `resourceType` string here: a
 * malformed resource (bad id, bad meta, bad anything else) must not make the whole Bundle
 * unreadable; each entry is parsed on its own afterwards.
 */
export const BundleEntrySchema = z.looseObject({
  fullUrl: z.string().optional(),
  resource: z.looseObject({ resourceType: z.string() }).optional(),
  search: z.looseObject({ mode: z.enum(["match", "include", "outcome"]).optional(), score: z.number().optional() }).optional(),
});

export const BundleSchema = z.looseObject({
  resourceType: z.literal("Bundle"),
  id: z.string().optional(),
  meta: MetaSchema.optional(),
  type: z.enum([
    "document", "message", "transaction", "transaction-response", "batch", "batch-response", "history", "searchset", "collection",
  ]),
  timestamp: fhirDateTime.optional(),
  total: unsignedInt.optional(),
  link: z.array(BundleLinkSchema).optional(),
  entry: z.array(BundleEntrySchema).optional(),
});

export const OperationOutcomeIssueSchema = z.looseObject({
  severity: z.enum(["fatal", "error", "warning", "information"]),
  code: z.enum([
    "invalid", "structure", "required", "value", "invariant", "security", "login", "unknown", "expired", "forbidden",
    "suppressed", "processing", "not-supported", "duplicate", "multiple-matches", "not-found", "deleted", "too-long",
    "code-invalid", "extension", "too-costly", "business-rule", "conflict", "transient", "lock-error", "no-store",
    "exception", "timeout", "incomplete", "throttled", "informational",
  ]),
  details: CodeableConceptSchema.optional(),
  diagnostics: z.string().optional(),
  location: z.array(z.string()).optional(),
  expression: z.array(z.string()).optional(),
});

export const OperationOutcomeSchema = z.looseObject({
  resourceType: z.literal("OperationOutcome"),
  id: z.string().optional(),
  meta: MetaSchema.optional(),
  issue: z.array(OperationOutcomeIssueSchema),
});
