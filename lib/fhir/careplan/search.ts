/**
 * Searching CarePlans by the proposal identifier (the fallback when a create returns no
 * body and no readable Location). FHIR token search `identifier=<system>|<value>`:
 * https://hl7.org/fhir/R4/search.html#token (`\` escapes `,` `$` `|` `\` inside a value).
 * Pitfall handled: a server that ignores an unknown or unsupported parameter returns every
 * CarePlan; only entries that carry the exact identifier are counted (read leniently: a
 * CarePlan another app wrote slightly off-spec still counts).
 */
import type { FhirTransport } from "@/lib/fhir/transport";
import { parseResourceAs } from "@/lib/fhir/parse";
import { rawProp, rawString } from "@/lib/fhir/raw";

export interface TokenIdentifier {
  system: string;
  value: string;
}

function encodeTokenPart(part: string): string {
  const escaped = part.replace(/[\\,$|]/g, (c) => `\\${c}`);
  // ':' and '/' are legal in a query (RFC 3986 section 3.4); keep them readable.
  return encodeURIComponent(escaped).replace(/%3A/gi, ":").replace(/%2F/gi, "/");
}

/** `urn:ietf:rfc:3986|urn:uuid:...`, percent-encoded where needed, for a query or If-None-Exist. */
export function identifierToken(identifier: TokenIdentifier): string {
  return `${encodeTokenPart(identifier.system)}|${encodeTokenPart(identifier.value)}`;
}

export type IdentifierSearchResult = { ok: true; ids: string[] } | { ok: false; message: string };

/** Ids of the CarePlans carrying exactly this identifier. One GET, never retried; never throws. */
export async function findCarePlanIdsByIdentifier(transport: FhirTransport, identifier: TokenIdentifier): Promise<IdentifierSearchResult> {
  let status: number;
  let body: unknown;
  try {
    ({ status, body } = await transport.request({ method: "GET", url: `CarePlan?identifier=${identifierToken(identifier)}`, headers: { accept: "application/fhir+json" } }));
  } catch (error: unknown) {
    return { ok: false, message: `no response (${error instanceof Error ? error.message : "network error"})` };
  }
  if (status !== 200) return { ok: false, message: `the search was answered ${status}` };
  const bundle = parseResourceAs("Bundle", body);
  if (!bundle.ok) return { ok: false, message: "the search result was not a readable Bundle" };
  const ids = (bundle.resource.entry ?? []).flatMap((e) => {
    const id = rawString(e.resource, "id");
    if (rawString(e.resource, "resourceType") !== "CarePlan" || id === null) return [];
    const ids = rawProp(e.resource, "identifier");
    const matches = Array.isArray(ids) && ids.some((i) => rawString(i, "system") === identifier.system && rawString(i, "value") === identifier.value);
    return matches ? [id] : [];
  });
  return { ok: true, ids: [...new Set(ids)] };
}
