/**
 * The FHIR bases one sandbox serves, each with its own authorization endpoints:
 * - `/fhir` with `/auth/*`: the sandbox EHR (launch options in an EHR launch's `launch` code,
 *   or in the launcher's standalone cookie);
 * - `/v/r4/fhir` and `/v/r4/sim/{code}/fhir`, with `/v/r4[/sim/{code}]/auth/*`: the URL shapes
 *   of the public SMART launcher (launch.smarthealthit.org; smart-sources.md section 6.1). There a
 *   standalone launch carries its options in the `sim` segment of the FHIR base, and a
 *   standalone authorize on `/v/r4/fhir` (no options) is refused with "Invalid launch options",
 *   as the public launcher does. Discovery, `aud`, the token's issuer and audience and every
 *   link are the base the request used.
 * A token is valid only at the base it was issued for.
 */
import { decodeLaunchOptions, type DecodeResult } from "./launch-options";

export interface FhirBase {
  /** Absolute FHIR base URL, no trailing slash: `iss`, `aud`, token issuer, links. */
  url: string;
  authorizeUrl: string;
  tokenUrl: string;
  /** One of the public launcher's shapes (`/v/r4/...`): standalone launches need options in the path. */
  launcherStyle: boolean;
  /** The decoded `sim` segment, or null when the base has none. */
  sim: DecodeResult | null;
}

export interface RoutedRequest {
  base: FhirBase;
  area: "fhir" | "auth";
  /** The path after `/fhir/` or `/auth/` (no leading slash; "" for the base itself). */
  rest: string;
}

const SHAPE = /^(\/v\/r4(?:\/sim\/([^/]+))?)?\/(fhir|auth)(?:\/(.*))?$/;

/** Which base and area a request path belongs to, or null for the sandbox's other pages. */
export function routeBase(origin: string, path: string): RoutedRequest | null {
  const m = SHAPE.exec(path);
  if (!m) return null;
  const prefix = m[1] ?? "";
  const code = m[2];
  const area = m[3] === "auth" ? "auth" : "fhir";
  return { base: baseAt(origin, prefix, code ?? null), area, rest: m[4] ?? "" };
}

function baseAt(origin: string, prefix: string, code: string | null): FhirBase {
  return {
    url: `${origin}${prefix}/fhir`,
    authorizeUrl: `${origin}${prefix}/auth/authorize`,
    tokenUrl: `${origin}${prefix}/auth/token`,
    launcherStyle: prefix !== "",
    sim: code === null ? null : decodeLaunchOptions(code),
  };
}

/** The sandbox EHR's own base (`/fhir`). */
export function defaultBase(origin: string): FhirBase {
  return baseAt(origin, "", null);
}

/** A launcher-style FHIR base whose `sim` segment carries `code` (what a standalone `iss` looks like there). */
export function simBaseUrl(origin: string, code: string): string {
  return `${origin}/v/r4/sim/${code}/fhir`;
}
