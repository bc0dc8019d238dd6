/**
 * CDS Hooks 2.0 shapes this service reads and writes (https://cds-hooks.hl7.org/2.0/, the
 * published STU2 text: "Discovery", "Calling a CDS Service", "CDS Service Response",
 * "Feedback"). Only what the service uses; every optional field is left out rather than
 * sent empty ("JSON elements SHALL NOT be null or empty").
 */
import type { MedicationRequest } from "fhir/r4";

/** The services this deployment offers (discovery `id`). */
export const CDS_SERVICE_IDS = ["opioid-mme-order-sign", "opioid-taper-patient-view"] as const;
export type CdsServiceId = (typeof CDS_SERVICE_IDS)[number];

/** Hooks the services answer. `order-select` is served by the order-sign service (same id, second discovery entry). */
export type CdsHook = "order-sign" | "order-select" | "patient-view";

/** Card urgency, in increasing order (CDS Hooks 2.0 "Card Attributes"). */
export type CdsIndicator = "info" | "warning" | "critical";

/** The CDS Hooks Coding (a trimmed FHIR Coding); `display` is required for override reasons. */
export interface CdsCoding {
  system: string;
  code: string;
  display?: string;
}

export interface CdsSource {
  label: string;
  url?: string;
  topic?: CdsCoding;
}

export interface CdsAction {
  type: "create" | "update" | "delete";
  description: string;
  resource?: MedicationRequest;
  resourceId?: string;
}

export interface CdsSuggestion {
  label: string;
  uuid?: string;
  isRecommended?: boolean;
  actions?: CdsAction[];
}

export interface CdsLink {
  label: string;
  url: string;
  type: "absolute" | "smart";
  /** Only for `smart` links: passed to the app in the token response. */
  appContext?: string;
}

export interface CdsCard {
  uuid?: string;
  /** One sentence, fewer than 140 characters. */
  summary: string;
  /** GitHub-flavoured Markdown. */
  detail?: string;
  indicator: CdsIndicator;
  source: CdsSource;
  suggestions?: CdsSuggestion[];
  /** Required when `suggestions` is present. */
  selectionBehavior?: "at-most-one" | "any";
  overrideReasons?: CdsCoding[];
  links?: CdsLink[];
}

export interface CdsResponse {
  cards: CdsCard[];
  /** Reserved CDS Hooks extension member: here, why no card could be computed. */
  extension?: Record<string, unknown>;
}

export interface CdsServiceDefinition {
  hook: CdsHook;
  title: string;
  description: string;
  id: CdsServiceId;
  prefetch: Record<string, string>;
  usageRequirements?: string;
}

export interface CdsDiscovery {
  services: CdsServiceDefinition[];
}
