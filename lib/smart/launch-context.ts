/**
 * Launch context from the token response (SMART App Launch 2.2 "Launch context arrives
 * with your access_token"), read from `unknown` with explicit coercions:
 * - `patient` is required for this app; its absence is an error the caller reports.
 * - `encounter` is optional ("not always returned", Epic).
 * - `need_patient_banner` is a boolean in the spec, but Epic's sample sends the string
 *   "false", and `if ("false")` is true (smart-sources.md trap 10). Absent means show the banner.
 * - `smart_style_url` (experimental) is kept only when it is an http(s) URL.
 * - `fhirUser` comes from the id_token, which fhirclient decodes WITHOUT verifying it
 *   (smart-sources.md trap 14): use it for display and CarePlan attribution only, never to
 *   authorize anything on a server.
 */
import { parseReference } from "@/lib/domain/references";

export interface LaunchContext {
  patientId: string | null;
  encounterId: string | null;
  needPatientBanner: boolean;
  smartStyleUrl: string | null;
}

export interface FhirUser {
  /** Relative reference, e.g. `Practitioner/123`. */
  reference: string;
  resourceType: string;
  id: string;
}

/** An own property of an object value, or undefined (no prototype lookups). */
export function ownProp(value: unknown, key: string): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const found: unknown = Object.getOwnPropertyDescriptor(value, key)?.value;
  return found;
}

function nonEmptyString(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/**
 * `need_patient_banner` -> boolean. true / "true" / 1 / "1" -> true; false / "false" / 0 / "0"
 * -> false (case-insensitive); anything else (absent, garbage) -> true: showing the patient's
 * identity is the safe default.
 */
export function coerceNeedPatientBanner(value: unknown): boolean {
  if (value === false || value === 0) return false;
  if (typeof value === "string" && ["false", "0"].includes(value.trim().toLowerCase())) return false;
  return true;
}

function httpUrl(value: unknown): string | null {
  const text = nonEmptyString(value);
  if (text === null) return null;
  try {
    const url = new URL(text);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

/** Read the launch context from a token response (any shape). */
export function readLaunchContext(tokenResponse: unknown): LaunchContext {
  return {
    patientId: nonEmptyString(ownProp(tokenResponse, "patient")),
    encounterId: nonEmptyString(ownProp(tokenResponse, "encounter")),
    needPatientBanner: coerceNeedPatientBanner(ownProp(tokenResponse, "need_patient_banner")),
    smartStyleUrl: httpUrl(ownProp(tokenResponse, "smart_style_url")),
  };
}

const USER_TYPES = ["Practitioner", "PractitionerRole", "Patient", "RelatedPerson", "Person"];

/**
 * `fhirUser` claim -> relative reference. Epic sends an absolute URL; the last two path
 * segments are the type and id (fhirclient does the same, client-js#105); parsed by lib/domain/references.
 */
export function parseFhirUser(value: unknown): FhirUser | null {
  const text = nonEmptyString(value);
  if (text === null) return null;
  const parsed = parseReference(text);
  if (parsed === null || !USER_TYPES.includes(parsed.resourceType)) return null;
  return { reference: parsed.relative, resourceType: parsed.resourceType, id: parsed.id };
}
