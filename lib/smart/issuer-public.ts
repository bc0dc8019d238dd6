/**
 * The part of an issuer's configuration the browser needs after the launch (scope style,
 * quirks, paging bounds, CarePlan intent), served by `GET /api/issuer-config?iss=`.
 *
 * Why a route rather than serializing into the page: the server never learns which EHR a
 * tab belongs to after the redirect - the issuer (`serverUrl`) lives only in the tab's
 * sessionStorage, keyed by the OAuth state in the URL - so the page cannot know which
 * issuer to embed, and embedding all of them would publish every health system's FHIR base.
 * The route answers one issuer at a time, only with public fields (no client id needed),
 * and answers 404 for a server not in the configuration, which the session treats as fatal
 * (defence in depth after the launch-time allowlist).
 */
import type { IssuerConfig } from "@/lib/config";
import { ownProp } from "./launch-context";

export interface PublicIssuerConfig {
  id: string;
  name: string;
  scopeStyle: "v1" | "v2";
  requestRefresh: boolean;
  carePlanIntent: "proposal" | "plan";
  maxPages: number;
  pageSize: number;
  observationCategoryRequired: boolean;
}

/** Server side: the public fields of a configured issuer. */
export function toPublicIssuerConfig(issuer: IssuerConfig): PublicIssuerConfig {
  return {
    id: issuer.id,
    name: issuer.name,
    scopeStyle: issuer.scopeStyle,
    requestRefresh: issuer.requestRefresh,
    carePlanIntent: issuer.carePlanIntent,
    maxPages: issuer.maxPages,
    pageSize: issuer.pageSize,
    observationCategoryRequired: issuer.quirks.observationCategoryRequired,
  };
}

function positiveInt(value: unknown): number | null {
  return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : null;
}

/** Browser side: validate the route's JSON (no zod in lib/smart); null when malformed. */
export function readPublicIssuerConfig(body: unknown): PublicIssuerConfig | null {
  const id = ownProp(body, "id");
  const name = ownProp(body, "name");
  const scopeStyle = ownProp(body, "scopeStyle");
  const requestRefresh = ownProp(body, "requestRefresh");
  const carePlanIntent = ownProp(body, "carePlanIntent");
  const maxPages = positiveInt(ownProp(body, "maxPages"));
  const pageSize = positiveInt(ownProp(body, "pageSize"));
  const observationCategoryRequired = ownProp(body, "observationCategoryRequired");
  if (typeof id !== "string" || typeof name !== "string") return null;
  if (scopeStyle !== "v1" && scopeStyle !== "v2") return null;
  if (carePlanIntent !== "proposal" && carePlanIntent !== "plan") return null;
  if (typeof requestRefresh !== "boolean" || typeof observationCategoryRequired !== "boolean") return null;
  if (maxPages === null || pageSize === null) return null;
  return { id, name, scopeStyle, requestRefresh, carePlanIntent, maxPages, pageSize, observationCategoryRequired };
}

/** The public configuration of the issuer `iss`, or null when the app does not know that server. */
export async function fetchPublicIssuerConfig(iss: string, doFetch: typeof fetch = fetch): Promise<PublicIssuerConfig | null> {
  const response = await doFetch(`/api/issuer-config?iss=${encodeURIComponent(iss)}`, { headers: { accept: "application/json" }, cache: "no-store" });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`issuer configuration request failed (${response.status})`);
  const config = readPublicIssuerConfig(await response.json());
  if (!config) throw new Error("issuer configuration malformed");
  return config;
}
