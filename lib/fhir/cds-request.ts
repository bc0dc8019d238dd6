/**
 * Parsing of an inbound CDS Hooks 2.0 service request ("Calling a CDS Service", HTTP
 * Request; "FHIR Resource Access") and feedback document ("Feedback"). `unknown` in, a typed
 * request or the list of problems out (paths only, never values: a request carries patient
 * data and a bearer token). FHIR resources inside (draft orders, prefetch) stay raw here and
 * are parsed one by one by `parseResource`, so one bad resource is unreadable, not a bad
 * request.
 */
import * as z from "./zod";

const nonEmpty = z.string().min(1);

/** CDS Hooks 2.0 "Passing the Access Token to the CDS Service". */
const FhirAuthorizationSchema = z.object({
  access_token: nonEmpty,
  token_type: z.string().refine((t) => t.toLowerCase() === "bearer", { message: "must be Bearer" }),
  expires_in: z.number().int().nonnegative(),
  scope: z.string(),
  subject: z.string(),
  patient: z.string().optional(),
});

const PATIENT_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** `context.patientId`: a FHIR id; `Patient/<id>` (as the CDC IG's published requests send it) is read as its id. */
const PatientIdSchema = z.string().transform((v, ctx) => {
  const id = v.startsWith("Patient/") ? v.slice("Patient/".length) : v;
  if (!PATIENT_ID.test(id)) {
    ctx.addIssue({ code: "custom", message: "must be a FHIR Patient id" });
    return z.NEVER;
  }
  return id;
});

const BundleLike = z.object({ resourceType: z.literal("Bundle"), entry: z.array(z.object({ resource: z.unknown().optional() }).loose()).optional() }).loose();

const ContextSchema = z.object({
  patientId: PatientIdSchema,
  userId: z.string().optional(),
  encounterId: z.string().optional(),
  draftOrders: BundleLike.optional(),
  selections: z.array(z.string()).optional(),
}).loose();

const RequestSchema = z.object({
  hook: nonEmpty,
  hookInstance: z.string().min(1).max(128).regex(/^[\x21-\x7e]+$/, "printable characters without spaces"),
  fhirServer: z.string().url().optional(),
  fhirAuthorization: FhirAuthorizationSchema.optional(),
  context: ContextSchema,
  prefetch: z.record(z.string(), z.unknown()).optional(),
}).loose().refine((r) => r.fhirAuthorization === undefined || r.fhirServer !== undefined, {
  message: "fhirServer is required when fhirAuthorization is given (CDS Hooks 2.0)",
  path: ["fhirServer"],
});

export interface CdsRequest {
  hook: string;
  hookInstance: string;
  fhirServer?: string;
  fhirAuthorization?: { access_token: string; token_type: string; expires_in: number; scope: string; subject: string; patient?: string | undefined };
  patientId: string;
  userId?: string;
  /** Raw draft resources from `context.draftOrders` (entries without a resource are left out). */
  draftOrders: unknown[];
  /** The prefetch object as received (values raw), or undefined when the client sent none. */
  prefetch?: Record<string, unknown>;
}

export type ParsedCdsRequest = { ok: true; request: CdsRequest } | { ok: false; problems: string[] };

function problemsOf(error: z.ZodError): string[] {
  return error.issues.slice(0, 8).map((i) => `${i.path.map(String).join(".") || "(root)"}: ${i.message}`);
}

/** Validates a CDS Hooks request body (already JSON-parsed). */
export function parseCdsRequest(raw: unknown): ParsedCdsRequest {
  const parsed = RequestSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
  const r = parsed.data;
  const request: CdsRequest = {
    hook: r.hook,
    hookInstance: r.hookInstance,
    patientId: r.context.patientId,
    draftOrders: (r.context.draftOrders?.entry ?? []).flatMap((e) => (e.resource === undefined ? [] : [e.resource])),
    ...(r.fhirServer !== undefined ? { fhirServer: r.fhirServer } : {}),
    ...(r.fhirAuthorization !== undefined ? { fhirAuthorization: r.fhirAuthorization } : {}),
    ...(r.context.userId !== undefined ? { userId: r.context.userId } : {}),
    ...(r.prefetch !== undefined ? { prefetch: r.prefetch } : {}),
  };
  return { ok: true, request };
}

/** CDS Hooks 2.0 "Feedback": `{ feedback: [...] }`. Override comments are accepted but never kept. */
const FeedbackSchema = z.object({
  feedback: z.array(z.object({
    card: nonEmpty,
    outcome: z.enum(["accepted", "overridden"]),
    acceptedSuggestions: z.array(z.object({ id: nonEmpty }).loose()).optional(),
    overrideReason: z.object({
      reason: z.object({ system: z.string(), code: z.string() }).loose().optional(),
      userComment: z.string().optional(),
    }).loose().optional(),
    outcomeTimestamp: nonEmpty,
  }).loose()).min(1),
}).loose();

export interface CdsFeedbackItem {
  card: string;
  outcome: "accepted" | "overridden";
  acceptedSuggestions: string[];
  overrideReason: { system: string; code: string } | null;
  outcomeTimestamp: string;
}

export type ParsedCdsFeedback = { ok: true; feedback: CdsFeedbackItem[] } | { ok: false; problems: string[] };

/** Validates a feedback document; the free-text `userComment` is dropped here (it may hold patient data). */
export function parseCdsFeedback(raw: unknown): ParsedCdsFeedback {
  const parsed = FeedbackSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
  return {
    ok: true,
    feedback: parsed.data.feedback.map((f) => ({
      card: f.card,
      outcome: f.outcome,
      acceptedSuggestions: (f.acceptedSuggestions ?? []).map((s) => s.id),
      overrideReason: f.overrideReason?.reason === undefined ? null : { system: f.overrideReason.reason.system, code: f.overrideReason.reason.code },
      outcomeTimestamp: f.outcomeTimestamp,
    })),
  };
}
