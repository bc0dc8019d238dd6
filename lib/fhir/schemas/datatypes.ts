/**
 * Zod schemas for the FHIR R4 data types the engines read (Coding, CodeableConcept,
 * Reference, Quantity, Period, Range, Ratio, Meta, Identifier).
 *
 * Why `z.looseObject` + `.optional()`: the parsed value must be assignable to the
 * `fhir/r4` types without an `as` cast. `looseObject` keeps the unknown extra fields
 * (extensions, `_field` primitives' elements...) in the output, typed as `unknown` in
 * the index signature, and `@types/fhir` declares every optional field `?: T | undefined`,
 * so zod's `.optional()` output is assignable under `exactOptionalPropertyTypes`.
 *
 * Caveat (read before adding an engine rule): a field NOT declared in these schemas is
 * kept but NOT validated, while the `fhir/r4` type still describes it. Engines may only
 * read fields declared here; declare a field before you read it.
 */
import * as z from "../zod";

/**
 * FHIR `dateTime` (also accepts `instant`), lenient on seconds and time zone, which
 * some servers omit. Spec: https://hl7.org/fhir/R4/datatypes.html#dateTime
 */
export const fhirDateTime = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/, "not a FHIR dateTime");

/** FHIR `date`: YYYY, YYYY-MM or YYYY-MM-DD. */
export const fhirDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "not a FHIR date");

/** FHIR `positiveInt` / `unsignedInt`. */
export const positiveInt = z.number().int().min(1);
export const unsignedInt = z.number().int().min(0);

export const CodingSchema = z.looseObject({
  system: z.string().optional(),
  version: z.string().optional(),
  code: z.string().optional(),
  display: z.string().optional(),
  userSelected: z.boolean().optional(),
});

export const CodeableConceptSchema = z.looseObject({
  coding: z.array(CodingSchema).optional(),
  text: z.string().optional(),
});

export const IdentifierSchema = z.looseObject({
  system: z.string().optional(),
  value: z.string().optional(),
});

export const ReferenceSchema = z.looseObject({
  reference: z.string().optional(),
  type: z.string().optional(),
  identifier: IdentifierSchema.optional(),
  display: z.string().optional(),
});

export const QuantitySchema = z.looseObject({
  value: z.number().optional(),
  comparator: z.enum(["<", "<=", ">=", ">"]).optional(),
  unit: z.string().optional(),
  system: z.string().optional(),
  code: z.string().optional(),
});

export const PeriodSchema = z.looseObject({
  start: fhirDateTime.optional(),
  end: fhirDateTime.optional(),
});

export const RangeSchema = z.looseObject({
  low: QuantitySchema.optional(),
  high: QuantitySchema.optional(),
});

export const RatioSchema = z.looseObject({
  numerator: QuantitySchema.optional(),
  denominator: QuantitySchema.optional(),
});

export const MetaSchema = z.looseObject({
  versionId: z.string().optional(),
  lastUpdated: fhirDateTime.optional(),
  source: z.string().optional(),
  profile: z.array(z.string()).optional(),
  tag: z.array(CodingSchema).optional(),
  security: z.array(CodingSchema).optional(),
});

export const AnnotationSchema = z.looseObject({
  text: z.string(),
  time: fhirDateTime.optional(),
  authorString: z.string().optional(),
  authorReference: ReferenceSchema.optional(),
});

/**
 * The `Resource` base every resource shares: `resourceType` and `id` are checked; the
 * rest is kept as is. Used for Bundle entries and contained resources that each get their
 * own schema later (one bad entry must never make the whole page unreadable).
 */
export const ResourceBaseSchema = z.looseObject({
  resourceType: z.string().min(1),
  id: z.string().optional(),
  meta: MetaSchema.optional(),
});
