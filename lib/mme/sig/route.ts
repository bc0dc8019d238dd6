/**
 * Route and "as needed" from a normalized sig. A route is reported only when the text states
 * one route (or only synonyms of it); two different routes give null and a warning.
 */
import type { SigRoute, SigWarning } from "./types";

const ROUTES: ReadonlyArray<readonly [SigRoute, RegExp]> = [
  ["oral", /\b(?:po|p o|by mouth|orally|oral|per os)\b/],
  ["sublingual", /\b(?:sl|sublingual|sublingually|under (?:the|your) tongue)\b/],
  ["buccal", /\b(?:buccal|buccally|between (?:the |your )?(?:cheek|gum)|inside (?:the |your )?cheek|against (?:the |your )?cheek)\b/],
  ["transdermal", /\b(?:transdermal|transdermally|td|to (?:the )?skin|on(?:to)? (?:the )?skin|topical|topically)\b/],
  ["nasal", /\b(?:nasal|nasally|intranasal|intranasally|nostrils?|in (?:the )?nose|per nare|nares)\b/],
  ["rectal", /\b(?:rectal|rectally|per rectum|pr|in(?:to)? (?:the )?rectum)\b/],
  ["injection", /\b(?:iv|im|intravenous|intravenously|intramuscular|intramuscularly|subcutaneous|subcutaneously|subq|sub q|sq|inject)\b/],
];
const PRN = /\b(?:prn|p r n|as needed|as need|asneeded|if needed|when needed|as required|if required|when required|as necessary|if necessary)\b/;

export interface RouteReading {
  route: SigRoute | null;
  warnings: SigWarning[];
}

/** The one route the text states, or null. Pure; never throws. */
export function readRoute(normalized: string): RouteReading {
  const stated = ROUTES.filter(([, re]) => re.test(normalized)).map(([route]) => route);
  const [only] = stated;
  if (only === undefined) return { route: null, warnings: [] };
  if (stated.length > 1) {
    return { route: null, warnings: [{ code: "sig.ambiguous-route", message: `The sig text names several routes (${stated.join(", ")}); none was used.` }] };
  }
  return { route: only, warnings: [] };
}

/** True when the text says the dose is taken as needed (prn). */
export function readAsNeeded(normalized: string): boolean {
  return PRN.test(normalized);
}
