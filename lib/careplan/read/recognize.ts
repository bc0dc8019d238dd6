/**
 * Is this CarePlan a taper plan written by this app? Recognized by what `buildCarePlan`
 * always writes, not by a single marker: the conditional-create identifier (system
 * `urn:ietf:rfc:3986`, value `urn:uuid:...`, lib/careplan/codes.ts) AND the pain-plan category
 * (LOINC 80764-4) AND either the machine-readable taper extensions (extensions.ts) or, for
 * plans written before they existed, the title every version has begun with.
 * Another app's CarePlan, even a pain-treatment plan, is never read as ours.
 */
import type { CarePlan } from "fhir/r4";
import { PAIN_PLAN_CATEGORY, PROPOSAL_IDENTIFIER_SYSTEM } from "../codes";
import { extensionsOf, TAPER_RATE_EXTENSION, TAPER_STEP_EXTENSION } from "../extensions";

const UUID_URN = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How the title of every taper CarePlan this app has written begins (version 1 onwards). */
export const LEGACY_TITLE_PREFIX = "Opioid taper proposal";

/** The app's conditional-create identifier value (`urn:uuid:...`), or null when the CarePlan has none. */
export function appIdentifier(cp: CarePlan): string | null {
  const found = (cp.identifier ?? []).find((i) => i.system === PROPOSAL_IDENTIFIER_SYSTEM && UUID_URN.test(i.value ?? ""));
  return found?.value ?? null;
}

export function hasPainPlanCategory(cp: CarePlan): boolean {
  return (cp.category ?? []).some((c) => (c.coding ?? []).some((x) => x.system === PAIN_PLAN_CATEGORY.system && x.code === PAIN_PLAN_CATEGORY.code));
}

function hasTaperExtensions(cp: CarePlan): boolean {
  if (extensionsOf(cp.extension, TAPER_RATE_EXTENSION).length > 0) return true;
  return (cp.activity ?? []).some((a) => extensionsOf(a.detail?.extension, TAPER_STEP_EXTENSION).length > 0);
}

/** Why this CarePlan is not one of this app's taper plans, or null when it is. */
export function notAppTaperPlanReason(cp: CarePlan): string | null {
  if (appIdentifier(cp) === null) return "it has no identifier urn:ietf:rfc:3986 | urn:uuid:... (the one this app writes)";
  if (!hasPainPlanCategory(cp)) return "its category is not LOINC 80764-4 (pain medicine plan of care)";
  if (!hasTaperExtensions(cp) && !(cp.title ?? "").startsWith(LEGACY_TITLE_PREFIX)) {
    return `it has neither this app's taper extensions nor a title beginning "${LEGACY_TITLE_PREFIX}"`;
  }
  return null;
}

export function isAppTaperCarePlan(cp: CarePlan): boolean {
  return notAppTaperPlanReason(cp) === null;
}
