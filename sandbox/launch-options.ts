/**
 * Launch options: what a launch from the sandbox's launcher asks the EHR to simulate.
 *
 * Encoding (documented in sandbox/README.md): `base64url(JSON.stringify(options))`, carried
 * - in the `launch` parameter of an EHR launch (`{app}/launch.html?iss={fhirBase}&launch={code}`),
 *   like launch.smarthealthit.org, whose `launch` is base64url JSON too (smart-sources.md section 6.1);
 * - in a short-lived cookie for a standalone launch started from the launcher;
 * - in the FHIR base itself, as the public launcher does (`/v/r4/sim/{code}/fhir`, sandbox/bases.ts).
 * The public launcher's own codes (base64url of a JSON array, smart-sources.md section 6.1) are read
 * too: launch type, patient, provider, encounter and sim_ehr are honoured, the rest ignored.
 * The app must treat the code as opaque; only the sandbox decodes it.
 */

export const FHIR_ERROR_STATUSES = [500, 429] as const;
export type FhirErrorStatus = (typeof FHIR_ERROR_STATUSES)[number];

export interface LaunchOptions {
  /** Patient in context (Patient.id). Absent: the authorize page asks. */
  patient?: string;
  /** The signed-in user (Practitioner.id). Absent: the authorize page asks. */
  practitioner?: string;
  /** Encounter in context: an Encounter.id, or "none". Absent: the patient's latest encounter (EHR launch). */
  encounter?: string;
  /** Scopes removed from the grant, e.g. `patient/CarePlan.c`, `CarePlan.c` (any context), `online_access`. */
  denyScopes?: string[];
  /** Access-token lifetime in seconds (`expires_in`). Default 3600 (SMART: SHOULD be at most 1 hour). */
  tokenLifetimeSeconds?: number;
  /** Answer every FHIR request for this resource type with this HTTP status (an OperationOutcome). */
  fhirError?: { resourceType: string; status: FhirErrorStatus };
  /** Added latency on every FHIR request, in milliseconds. */
  latencyMs?: number;
  /** `need_patient_banner` in the token response. Default: true, false when `simEhr`. */
  needPatientBanner?: boolean;
  /** The CapabilityStatement (read with the token) offers CarePlan search/read only; creates get 405. */
  carePlanReadOnly?: boolean;
  /** Open the app inside the sandbox's simulated EHR frame (/ehr). */
  simEhr?: boolean;
  /**
   * Refuse every create/update with this status and an OperationOutcome, although the scope
   * was granted: an EHR whose user lacks write permission does that (smart-sources.md section 1.8).
   */
  refuseWrites?: RefuseWritesStatus;
  /**
   * Imitate the public SMART launcher, whose FHIR proxy answers requests that carry no token
   * (smart-sources.md trap 13): a token-less request to this launch's `sim` FHIR base is served (and
   * logged with `token: false`). Only a base that names its launch can be lax; `/fhir` never is.
   */
  lax?: boolean;
}

export const REFUSE_WRITES_STATUSES = [403, 422] as const;
export type RefuseWritesStatus = (typeof REFUSE_WRITES_STATUSES)[number];

export const MAX_TOKEN_LIFETIME_SECONDS = 86_400;
export const MAX_LATENCY_MS = 60_000;
const ID_PATTERN = /^[A-Za-z0-9\-.]{1,64}$/;

/** Encode options as a launch code (base64url JSON). Empty options encode `{}`. */
export function encodeLaunchOptions(options: LaunchOptions): string {
  return Buffer.from(JSON.stringify(options), "utf8").toString("base64url");
}

export type DecodeResult = { ok: true; options: LaunchOptions } | { ok: false; error: string };

/**
 * Decode and check a launch code: this sandbox's object or the public launcher's array.
 * Unknown keys are ignored; a wrong type is an error.
 */
export function decodeLaunchOptions(code: string): DecodeResult {
  if (code.length > 4000 || !/^[A-Za-z0-9_-]*$/.test(code)) return { ok: false, error: "launch code is not base64url" };
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(code, "base64url").toString("utf8"));
  } catch {
    return { ok: false, error: "launch code is not base64url JSON" };
  }
  return Array.isArray(raw) ? parseLauncherArray(raw) : parseLaunchOptions(raw);
}

/** The public launcher's launch types, by index (its codec's order; backend-service is not an app launch). */
export const LAUNCHER_LAUNCH_TYPES = ["provider-ehr", "patient-portal", "provider-standalone", "patient-standalone"] as const;

/**
 * The public launcher's array code (smart-sources.md section 6.1): `[launch_type index, patient,
 * provider, encounter ("AUTO" | "MANUAL" | "NONE" | id), skip_login, skip_auth, sim_ehr, ...]`.
 * A list of several patients or providers means "let the user choose": left to the picker.
 */
export function parseLauncherArray(raw: readonly unknown[]): DecodeResult {
  const type = raw[0];
  if (typeof type !== "number" || !Number.isInteger(type) || type < 0 || type >= LAUNCHER_LAUNCH_TYPES.length) {
    return { ok: false, error: "Invalid launch options: unknown launch type" };
  }
  const single = (v: unknown): string | undefined => (typeof v === "string" && ID_PATTERN.test(v) ? v : undefined);
  const options: LaunchOptions = {};
  const patient = single(raw[1]);
  const practitioner = single(raw[2]);
  const encounter = raw[3];
  if (patient) options.patient = patient;
  if (practitioner) options.practitioner = practitioner;
  const encounterId = encounter === "AUTO" || encounter === "MANUAL" ? undefined : single(encounter);
  if (encounter === "NONE") options.encounter = "none";
  else if (encounterId) options.encounter = encounterId;
  if (raw[6] === 1) options.simEhr = true;
  return { ok: true, options };
}

/** A public-launcher code (base64url JSON array) for a launch type and the positions this sandbox reads. */
export function encodeLauncherCode(launchType: (typeof LAUNCHER_LAUNCH_TYPES)[number], fields: { patient?: string; provider?: string; encounter?: string; simEhr?: boolean } = {}): string {
  const arr = [LAUNCHER_LAUNCH_TYPES.indexOf(launchType), fields.patient ?? "", fields.provider ?? "", fields.encounter ?? "AUTO", 0, 0, fields.simEhr ? 1 : 0, "", "", "", "", "", "", "", 0, 1, ""];
  return Buffer.from(JSON.stringify(arr), "utf8").toString("base64url");
}

/** Check an unknown value (decoded JSON) against the LaunchOptions shape. */
export function parseLaunchOptions(raw: unknown): DecodeResult {
  if (!isRecord(raw)) return { ok: false, error: "launch options must be a JSON object" };
  const options: LaunchOptions = {};
  const errors: string[] = [];
  readId(raw, "patient", errors, (v) => (options.patient = v));
  readId(raw, "practitioner", errors, (v) => (options.practitioner = v));
  readId(raw, "encounter", errors, (v) => (options.encounter = v));
  if (raw.denyScopes !== undefined) {
    const deny = raw.denyScopes;
    if (Array.isArray(deny) && deny.every((s): s is string => typeof s === "string" && /^[\w/.*?=&|:-]{1,200}$/.test(s))) {
      options.denyScopes = deny;
    } else errors.push("denyScopes must be an array of scope strings");
  }
  readInt(raw, "tokenLifetimeSeconds", 1, MAX_TOKEN_LIFETIME_SECONDS, errors, (v) => (options.tokenLifetimeSeconds = v));
  readInt(raw, "latencyMs", 0, MAX_LATENCY_MS, errors, (v) => (options.latencyMs = v));
  readBool(raw, "needPatientBanner", errors, (v) => (options.needPatientBanner = v));
  readBool(raw, "carePlanReadOnly", errors, (v) => (options.carePlanReadOnly = v));
  readBool(raw, "simEhr", errors, (v) => (options.simEhr = v));
  readBool(raw, "lax", errors, (v) => (options.lax = v));
  if (raw.refuseWrites !== undefined) {
    const rw = raw.refuseWrites;
    if (rw === 403 || rw === 422) options.refuseWrites = rw;
    else errors.push("refuseWrites must be 403 or 422");
  }
  if (raw.fhirError !== undefined) {
    const fe = raw.fhirError;
    if (isRecord(fe) && typeof fe.resourceType === "string" && /^[A-Z][A-Za-z]{1,63}$/.test(fe.resourceType) && isFhirErrorStatus(fe.status)) {
      options.fhirError = { resourceType: fe.resourceType, status: fe.status };
    } else errors.push("fhirError must be { resourceType, status: 500 | 429 }");
  }
  return errors.length ? { ok: false, error: errors.join("; ") } : { ok: true, options };
}

/** `need_patient_banner` for these options: explicit value, else hidden inside the simulated EHR frame. */
export function needPatientBanner(options: LaunchOptions): boolean {
  return options.needPatientBanner ?? !options.simEhr;
}

function isFhirErrorStatus(v: unknown): v is FhirErrorStatus {
  return v === 500 || v === 429;
}

/** A plain JSON object (not null, not an array). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function readId(raw: Record<string, unknown>, key: string, errors: string[], set: (v: string) => void): void {
  const v = raw[key];
  if (v === undefined) return;
  if (typeof v === "string" && ID_PATTERN.test(v)) set(v);
  else errors.push(`${key} must be a FHIR id`);
}

function readInt(raw: Record<string, unknown>, key: string, min: number, max: number, errors: string[], set: (v: number) => void): void {
  const v = raw[key];
  if (v === undefined) return;
  if (typeof v === "number" && Number.isInteger(v) && v >= min && v <= max) set(v);
  else errors.push(`${key} must be an integer from ${min} to ${max}`);
}

function readBool(raw: Record<string, unknown>, key: string, errors: string[], set: (v: boolean) => void): void {
  const v = raw[key];
  if (v === undefined) return;
  if (typeof v === "boolean") set(v);
  else errors.push(`${key} must be true or false`);
}
