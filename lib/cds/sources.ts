/**
 * Card sources, override reasons and the guideline links every card cites. The wording of
 * clinical facts comes from the engines' findings (lib/taper readiness, lib/mme); this file
 * only names where a card's guidance comes from (CDS Hooks 2.0 "Source": label + url).
 */
import type { Citation } from "@/lib/domain";
import type { CdsCoding, CdsSource } from "./types";

/** The CDC 2022 guideline (MMWR Recomm Rep 2022;71(3)), the primary source of every card. */
export const CDC_2022_SOURCE: CdsSource = {
  label: "CDC 2022 Clinical Practice Guideline for Prescribing Opioids for Pain",
  url: "https://www.cdc.gov/mmwr/volumes/71/rr/rr7103a1.htm",
};

/** A card's source from the first citation of its finding that has a URL (else the CDC 2022 guideline). */
export function sourceFromCitations(citations: readonly Citation[]): CdsSource {
  const cited = citations.find((c) => c.url !== undefined && c.source.startsWith("CDC 2022"));
  return cited?.url === undefined ? CDC_2022_SOURCE : { label: CDC_2022_SOURCE.label, url: cited.url };
}

/**
 * Code system of this service's override reasons (CDS Hooks 2.0 "Reasons for rejecting a
 * card": the service defines its own; `display` is required). A URN, so that it never
 * depends on where the app is deployed.
 */
export const OVERRIDE_REASON_SYSTEM = "urn:opioid-taper-planner:cds:override-reason";

function reason(code: string, display: string): CdsCoding {
  return { system: OVERRIDE_REASON_SYSTEM, code, display };
}

/** Reasons a clinician may give when dismissing a card; each card offers the ones that fit it. */
export const OVERRIDE_REASONS = {
  benefitsOutweighRisks: reason("benefits-outweigh-risks", "Reviewed: benefits outweigh risks for this patient"),
  palliative: reason("palliative-or-end-of-life", "Cancer, palliative or end-of-life care"),
  doseIncorrect: reason("dose-calculation-incorrect", "The dose shown is not what the patient takes"),
  hasNaloxone: reason("has-naloxone", "Patient already has naloxone (e.g. from a pharmacy or another prescriber)"),
  declinedNaloxone: reason("declined-naloxone", "Patient declined naloxone after counseling"),
  coordinated: reason("coordinated-with-prescriber", "Coordinated with the other prescriber"),
  acuteShortTerm: reason("acute-short-term", "Short-term use, monitored closely"),
  seenBySpecialist: reason("managed-by-specialist", "Managed by addiction medicine or pain specialist"),
} as const satisfies Record<string, CdsCoding>;
