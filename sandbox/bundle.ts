/**
 * The scenario patients as one FHIR R4 transaction Bundle, for QA to load into the public
 * SMART sandbox's FHIR server (then launch them from launch.smarthealthit.org; docs/qa.md).
 * Every entry is `PUT {Type}/{id}`, so loading twice updates instead of duplicating, and the
 * ids (all `otp-...`) and the SANDBOX_TAG make our resources easy to find on a shared server.
 */
import type { Bundle, BundleEntry, FhirResource } from "fhir/r4";
import { isRecord } from "./launch-options";
import { buildScenarioResources, SCENARIOS, type Clock } from "./scenarios";

export interface BundleChoice {
  /** The heavy record (about 3,150 resources): slow to load on a shared server. Default false. */
  includeHeavy: boolean;
  /** Malformed resources: a validating server rejects the whole transaction. Default false. */
  includeMalformed: boolean;
}

/** A transaction Bundle of the chosen scenarios (plus the practitioners), dated from `clock`. */
export function buildTransactionBundle(clock: Clock, choice: BundleChoice): Bundle {
  const scenarios = SCENARIOS.filter((s) => s.publicBundle || (s.id === "otp-heavy-record" && choice.includeHeavy) || (s.id === "otp-malformed" && choice.includeMalformed));
  const entry: BundleEntry[] = buildScenarioResources(clock, scenarios).flatMap((raw) => {
    if (!isFhirResource(raw) || !raw.id) return [];
    return [{ resource: raw, request: { method: "PUT", url: `${raw.resourceType}/${raw.id}` } }];
  });
  return { resourceType: "Bundle", type: "transaction", entry };
}

/**
 * Narrow decoded JSON to a resource for the Bundle. The bundle is written as JSON, so the
 * check only needs what a transaction entry uses (resourceType and id).
 */
function isFhirResource(v: unknown): v is FhirResource {
  return isRecord(v) && typeof v.resourceType === "string" && /^[A-Z][A-Za-z]+$/.test(v.resourceType) && typeof v.id === "string";
}
