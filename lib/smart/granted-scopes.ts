/**
 * What the EHR actually granted, compared with what the app needs. The token response's
 * `scope` "can be different from the scopes requested" (SMART App Launch 2.2 step 5), and
 * Epic returned only v1 scopes before August 2024 whatever was asked (smart-sources.md trap 5), so
 * both syntaxes are parsed:
 * - v1: `patient/Observation.read` (read+search), `.write` (create+update+delete), `.*` (all);
 * - v2: `patient/Observation.rs`, `patient/CarePlan.c`, `.cruds` (letters in that order),
 *   optionally narrowed by a query (`patient/Observation.rs?category=...`: "restricted");
 * - wildcards `patient/*.read`, `user/*.cruds`. `user/` scopes also cover the patient in context.
 * Write access does not imply read access (scopes table "Patient-specific scopes").
 */

export type Interaction = "c" | "r" | "u" | "d" | "s";

export interface ResourceScope {
  level: "patient" | "user" | "system";
  /** A resource type, or `*`. */
  resourceType: string;
  interactions: ReadonlySet<Interaction>;
  /** v2 scope narrowed by a query: only part of the resources are visible. */
  restricted: boolean;
}

const V1: Record<string, Interaction[]> = { read: ["r", "s"], write: ["c", "u", "d"], "*": ["c", "r", "u", "d", "s"] };
const SCOPE = /^(patient|user|system)\/(\*|[A-Z][A-Za-z]{1,63})\.([a-z*]+)(\?.*)?$/;

/** One scope token -> its resource permission, or null for non-resource scopes (`launch`, `openid`...) or garbage. */
export function parseResourceScope(token: string): ResourceScope | null {
  const m = SCOPE.exec(token);
  if (!m) return null;
  const [, level, resourceType, suffix, query] = m;
  if ((level !== "patient" && level !== "user" && level !== "system") || !resourceType || !suffix) return null;
  let interactions: Interaction[] | undefined = V1[suffix];
  if (interactions && query) return null; // query-narrowed scopes exist only in v2 syntax
  if (!interactions) {
    if (!/^c?r?u?d?s?$/.test(suffix)) return null; // v2 letters must be in c,r,u,d,s order
    interactions = [...suffix].filter(isInteraction);
  }
  return { level, resourceType, interactions: new Set(interactions), restricted: Boolean(query) };
}

function isInteraction(letter: string): letter is Interaction {
  return letter === "c" || letter === "r" || letter === "u" || letter === "d" || letter === "s";
}

/** The capabilities this app needs, each one resource type and interaction. */
export const APP_CAPABILITIES = {
  "Patient.read": { resourceType: "Patient", interaction: "r" },
  "MedicationRequest.search": { resourceType: "MedicationRequest", interaction: "s" },
  "Medication.read": { resourceType: "Medication", interaction: "r" },
  "Observation.search": { resourceType: "Observation", interaction: "s" },
  "Condition.search": { resourceType: "Condition", interaction: "s" },
  "CarePlan.search": { resourceType: "CarePlan", interaction: "s" },
  "CarePlan.create": { resourceType: "CarePlan", interaction: "c" },
} as const satisfies Record<string, { resourceType: string; interaction: Interaction }>;

export type CapabilityId = keyof typeof APP_CAPABILITIES;
export const CAPABILITY_IDS = Object.keys(APP_CAPABILITIES).filter(isCapabilityId);

function isCapabilityId(key: string): key is CapabilityId {
  return key in APP_CAPABILITIES;
}

export type Grant = "granted" | "restricted" | "missing";

/** Whether `scopes` allow `interaction` on `resourceType` for the patient in context. */
export function grantFor(scopes: readonly ResourceScope[], resourceType: string, interaction: Interaction): Grant {
  const matching = scopes.filter(
    (s) => s.level !== "system" && (s.resourceType === resourceType || s.resourceType === "*") && s.interactions.has(interaction),
  );
  if (matching.some((s) => !s.restricted)) return "granted";
  return matching.length > 0 ? "restricted" : "missing";
}

export interface ScopeReport {
  /** False when the token response carried no `scope` (non-conformant): requested scopes are then assumed. */
  scopeReported: boolean;
  granted: Record<CapabilityId, Grant>;
  /** Capabilities the app asked for and did not get (the grant was narrowed). */
  missing: CapabilityId[];
  /** `online_access` or `offline_access` granted: fhirclient can refresh the access token. */
  refreshGranted: boolean;
  /** `openid` + `fhirUser` granted: the user's FHIR identity is in the id_token. */
  identityGranted: boolean;
}

function tokens(scope: string): string[] {
  return scope.split(/\s+/).filter(Boolean);
}

/**
 * Compare the granted scope string with the requested one. A capability is `missing` when
 * it was requested and is not granted; `restricted` grants (v2 query-narrowed) count as
 * present but are reported so the screen can say some data may be hidden.
 */
export function compareScopes(requested: string, grantedScope: string | null | undefined): ScopeReport {
  const scopeReported = typeof grantedScope === "string";
  const grantedTokens = tokens(typeof grantedScope === "string" ? grantedScope : requested);
  const requestedScopes = tokens(requested).flatMap((t) => parseResourceScope(t) ?? []);
  const grantedScopes = grantedTokens.flatMap((t) => parseResourceScope(t) ?? []);
  const grantOf = (id: CapabilityId, scopes: readonly ResourceScope[]): Grant =>
    grantFor(scopes, APP_CAPABILITIES[id].resourceType, APP_CAPABILITIES[id].interaction);
  const granted = capabilityRecord((id) => grantOf(id, grantedScopes));
  return {
    scopeReported,
    granted,
    missing: CAPABILITY_IDS.filter((id) => granted[id] === "missing" && grantOf(id, requestedScopes) !== "missing"),
    refreshGranted: grantedTokens.includes("online_access") || grantedTokens.includes("offline_access"),
    identityGranted: grantedTokens.includes("openid") && grantedTokens.includes("fhirUser"),
  };
}

function capabilityRecord(grantOf: (id: CapabilityId) => Grant): Record<CapabilityId, Grant> {
  return {
    "Patient.read": grantOf("Patient.read"),
    "MedicationRequest.search": grantOf("MedicationRequest.search"),
    "Medication.read": grantOf("Medication.read"),
    "Observation.search": grantOf("Observation.search"),
    "Condition.search": grantOf("Condition.search"),
    "CarePlan.search": grantOf("CarePlan.search"),
    "CarePlan.create": grantOf("CarePlan.create"),
  };
}

/** What a missing or restricted capability means for the clinician (one sentence each). */
export const CAPABILITY_CONSEQUENCES: Record<CapabilityId, { missing: string; restricted: string }> = {
  "Patient.read": {
    missing: "The EHR did not grant permission to read the patient's name and birth date, so they are not shown; check the patient in the EHR before saving.",
    restricted: "The EHR granted access to only part of the patient's record.",
  },
  "MedicationRequest.search": {
    missing: "The EHR did not grant permission to read medication orders, so the current MME cannot be computed.",
    restricted: "The EHR granted access to only some medication orders, so the MME may be incomplete.",
  },
  "Medication.read": {
    missing: "The EHR did not grant permission to read medication details, so orders that point to a separate medication record may not be computable.",
    restricted: "The EHR granted access to only some medication details.",
  },
  "Observation.search": {
    missing: "The EHR did not grant permission to read observations, so pain, function, mood and urine drug screen findings could not be checked.",
    restricted: "The EHR granted access to only some observations, so some pain, mood or drug screen results may not be shown.",
  },
  "Condition.search": {
    missing: "The EHR did not grant permission to read diagnoses, so findings that depend on them (such as opioid use disorder or sleep apnea) could not be checked.",
    restricted: "The EHR granted access to only some diagnoses, so some findings may be missed.",
  },
  "CarePlan.search": {
    missing: "The EHR did not grant permission to read care plans, so earlier taper plans are not listed and a saved plan cannot be checked for duplicates.",
    restricted: "The EHR granted access to only some care plans.",
  },
  "CarePlan.create": {
    missing: "The EHR did not grant permission to save care plans, so the taper plan can be built, printed and downloaded, but not saved to the chart.",
    restricted: "The EHR granted permission to save only some kinds of care plans; saving may be refused.",
  },
};
