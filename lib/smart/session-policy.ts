/**
 * What the session allows, derived from the granted scopes and the server's
 * CapabilityStatement (smart-sources.md section 5.4):
 *   canWriteCarePlan = granted(CarePlan, "c") && CapabilityStatement does not exclude create
 * and which patient searches to run (a search whose permission was not granted is skipped
 * and reported "not granted", rather than sent to collect a 403).
 */
import type { ServerCapabilities } from "@/lib/fhir/capabilities";
import type { LoadOptions } from "@/lib/fhir/record";
import { CAPABILITY_CONSEQUENCES, CAPABILITY_IDS, type ScopeReport } from "./granted-scopes";
import type { PublicIssuerConfig } from "./issuer-public";
import type { CarePlanWrite } from "./session-types";

export const CAREPLAN_READ_ONLY_SERVER =
  "This EHR's FHIR server does not accept new care plans (its capability statement lists care plans as read-only), so the taper plan can be built, printed and downloaded, but not saved to the chart.";

export const SESSION_ENDED_NO_SAVE =
  "Your EHR session for this app has expired, so the plan cannot be saved from this window. Download or print it now, then open the app again from the patient's chart to save it.";

export const SCOPE_NOT_REPORTED =
  "The EHR did not say which permissions it granted; the app assumes the ones it asked for and will report any refusal.";

/** Whether the plan can be saved, and if not, the sentence that says why. */
export function carePlanWritePolicy(scopes: ScopeReport, capabilities: ServerCapabilities): CarePlanWrite {
  const conditionalCreate = capabilities.carePlanConditionalCreate;
  if (scopes.granted["CarePlan.create"] === "missing") {
    return { allowed: false, reason: CAPABILITY_CONSEQUENCES["CarePlan.create"].missing, conditionalCreate };
  }
  if (capabilities.carePlanCreate === false) return { allowed: false, reason: CAREPLAN_READ_ONLY_SERVER, conditionalCreate };
  return { allowed: true, reason: null, conditionalCreate };
}

/** Every limitation of this session, one sentence each, most important first. */
export function sessionLimitations(scopes: ScopeReport, capabilities: ServerCapabilities): string[] {
  const out: string[] = [];
  for (const id of CAPABILITY_IDS) {
    const grant = scopes.granted[id];
    if (grant === "missing" && scopes.missing.includes(id)) out.push(CAPABILITY_CONSEQUENCES[id].missing);
    if (grant === "restricted") out.push(CAPABILITY_CONSEQUENCES[id].restricted);
  }
  if (scopes.granted["CarePlan.create"] !== "missing" && capabilities.carePlanCreate === false) out.push(CAREPLAN_READ_ONLY_SERVER);
  if (!scopes.scopeReported) out.push(SCOPE_NOT_REPORTED);
  return out;
}

/**
 * Options for `loadPatientRecord` from the session: the issuer's paging bounds and quirks,
 * and which searches the grant allows.
 */
export function recordLoadOptions(issuer: PublicIssuerConfig, scopes: ScopeReport, asOf: Date): LoadOptions {
  const allowed = (grant: string): boolean => grant !== "missing";
  return {
    asOf,
    maxPages: issuer.maxPages,
    pageSize: issuer.pageSize,
    observationCategoryRequired: issuer.observationCategoryRequired,
    allowed: {
      medicationRequests: allowed(scopes.granted["MedicationRequest.search"]),
      observations: allowed(scopes.granted["Observation.search"]),
      conditions: allowed(scopes.granted["Condition.search"]),
      carePlans: allowed(scopes.granted["CarePlan.search"]),
    },
  };
}
