/**
 * The SMART session of one browser tab, as the UI sees it. It holds no token and no
 * fhirclient object (only a `FhirTransport` closure), so logging or serializing it leaks
 * nothing secret.
 */
import type { FhirTransport } from "@/lib/fhir/transport";
import type { ScopeReport } from "./granted-scopes";
import type { PublicIssuerConfig } from "./issuer-public";
import type { FhirUser } from "./launch-context";
import type { SessionStatus } from "./session-status";

export interface CarePlanWrite {
  /** Granted scope allows create and the server does not declare CarePlan create unsupported. */
  allowed: boolean;
  /** Why saving is not possible (a sentence for the screen); null when allowed. */
  reason: string | null;
  /** The server declared conditional create (`If-None-Exist`); null when unknown. */
  conditionalCreate: boolean | null;
}

export interface SmartSession {
  /** FHIR base of the EHR (no trailing slash). */
  serverUrl: string;
  /** Public configuration of this EHR (scope style, quirks, paging bounds, CarePlan intent). */
  issuer: PublicIssuerConfig;
  patientId: string;
  encounterId: string | null;
  /** The launching user from the id_token (unverified: display and attribution only). */
  user: FhirUser | null;
  /** Coerced from the token response ("false" -> false); true when absent. */
  needPatientBanner: boolean;
  smartStyleUrl: string | null;
  scopes: ScopeReport;
  /** Never sends a request without an access token; once the session is over it sends nothing. */
  transport: FhirTransport;
  /**
   * What changes after the start (capabilities, whether saving is possible and why not, the
   * limitations to list, whether the session is over, token refreshes): the current snapshot,
   * the same object until something changes.
   */
  status(): SessionStatus;
  /** Be told after each status change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}
