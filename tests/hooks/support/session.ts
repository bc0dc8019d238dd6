/** A SmartSession over an in-memory EHR holding one scenario patient's record (sandbox/scenarios). */
import { buildScopes } from "@/lib/smart/scopes";
import { compareScopes } from "@/lib/smart/granted-scopes";
import { createSessionStatus } from "@/lib/smart/session-status";
import type { SmartSession } from "@/lib/smart/session-types";
import { buildScenarioResources, clockFor, scenarioById, PRACTITIONER_PRIMARY } from "@/sandbox/scenarios";
import type { MemoryTransport } from "./memory-transport";

/** The calendar day the scenario records are dated from, and the `asOf` of the tests. */
export const TEST_DAY = "2025-06-02";

export function scenarioRecord(patientId: string, extra: readonly unknown[] = []): unknown[] {
  const scenario = scenarioById(patientId);
  if (scenario === null) throw new Error(`no scenario ${patientId}`);
  return [...buildScenarioResources(clockFor(new Date(`${TEST_DAY}T12:00:00Z`)), [scenario]), ...extra];
}

export function memorySession(patientId: string, transport: MemoryTransport, granted?: string): SmartSession {
  const requested = buildScopes("v2", "ehr", false);
  const scopes = compareScopes(requested, granted ?? requested);
  const status = createSessionStatus(scopes);
  return {
    serverUrl: transport.baseUrl,
    issuer: { id: "memory", name: "In-memory EHR", scopeStyle: "v2", requestRefresh: false, carePlanIntent: "proposal", maxPages: 20, pageSize: 5, observationCategoryRequired: false },
    patientId,
    encounterId: null,
    user: { reference: `Practitioner/${PRACTITIONER_PRIMARY}`, resourceType: "Practitioner", id: PRACTITIONER_PRIMARY },
    needPatientBanner: true,
    smartStyleUrl: null,
    scopes,
    transport,
    status: () => status.get(),
    subscribe: (listener) => status.subscribe(listener),
  };
}
