/**
 * The app's configuration, for health systems: which EHRs (FHIR issuers) may
 * launch it, with their client ids, scope style and quirks. Validated with zod;
 * an invalid configuration stops the server with a readable message.
 *
 * Sources, first match wins:
 *   1. SMART_CONFIG_JSON  - the JSON document inline (containers, CI);
 *   2. SMART_CONFIG_FILE  - a path to a JSON file;
 *   3. config/smart.json  - the embedded default (local sandbox EHR + public SMART sandbox).
 * Documented in .env.example and docs/registration.md. Server-side only (reads the file system).
 *
 * Security: an `iss` not listed here is refused before any request leaves the
 * browser (SMART App Launch 2.2 "App protection": no open redirector; RFC 6819 4.6.4).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import { ClinicConfigSchema } from "./config/clinic";

const httpUrl = z
  .string()
  .url()
  .refine((u) => u.startsWith("https://") || /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/|$)/.test(u), {
    message: "must be https (http only for localhost)",
  });

export const IssuerConfigSchema = z.object({
  /** Short stable id, used in URLs and logs: "local-sandbox", "epic-prod". */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/, "lower-case letters, digits and dashes"),
  /** Name shown to users on the standalone launch page. */
  name: z.string().min(1),
  /** FHIR base URL exactly as the EHR sends it in `iss` (no trailing slash). */
  iss: httpUrl,
  /**
   * `exact` (default): `iss` must equal this value. `prefix`: any `iss` starting with it
   * (only for sandboxes whose standalone URLs embed launch options, like launch.smarthealthit.org).
   */
  match: z.enum(["exact", "prefix"]).default("exact"),
  /** FHIR base offered on the standalone launch page (default: `iss` when `match` is `exact`). */
  standaloneIss: httpUrl.optional(),
  clientId: z.string().min(1),
  /** SMART v2 (`.rs`, `.c`) by default; v1 (`.read`, `.write`) for EHRs that still need it. */
  scopeStyle: z.enum(["v1", "v2"]).default("v2"),
  /** Ask for `online_access` so an expiring token can be refreshed (only if the EHR grants it to public clients). */
  requestRefresh: z.boolean().default(false),
  /** Origins of the authorize/token endpoints when they differ from the FHIR server's (for the CSP). */
  authOrigins: z.array(httpUrl).default([]),
  /** Origins allowed to frame the app for this EHR (CSP frame-ancestors). */
  frameAncestors: z.array(httpUrl).default([]),
  /** CarePlan intent: `proposal` (default) or `plan` for EHRs that accept only that (Oracle Health). */
  carePlanIntent: z.enum(["proposal", "plan"]).default("proposal"),
  /** Maximum pages followed per search before the record is reported truncated. */
  maxPages: z.number().int().min(1).max(200).default(20),
  /** Page size asked of the server. */
  pageSize: z.number().int().min(10).max(1000).default(200),
  quirks: z
    .object({
      /** The EHR rejects Observation searches without `category` (Epic). */
      observationCategoryRequired: z.boolean().default(false),
      /** `required` (default) or `unsafeV1`: send PKCE even if the server does not advertise S256. */
      pkceMode: z.enum(["required", "unsafeV1"]).default("required"),
      /**
       * Send `Epic-Client-ID: <clientId>` on SMART discovery: Epic overrides endpoints per client id
       * and may otherwise return the wrong authorize/token endpoints (smart-sources.md 1.2; fhirclient 2.6.1+).
       */
      epicClientIdHeader: z.boolean().default(false),
    })
    .default({ observationCategoryRequired: false, pkceMode: "required", epicClientIdHeader: false }),
});

/**
 * A CDS Hooks client (an EHR that calls the CDS services): the JWT issuer it signs with, where
 * its public keys are (a JWKS URL, the only `jku` accepted for it, or the keys themselves when
 * exchanged out of band), and the FHIR servers it may name in `fhirServer` (the service sends
 * the client's `fhirAuthorization` token only there). CDS Hooks 2.0 "Trusting CDS Clients".
 */
export const CdsClientSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/, "lower-case letters, digits and dashes"),
  name: z.string().min(1),
  /** The JWT `iss` exactly as the client sends it. */
  iss: z.string().min(1),
  /** The client's JWK Set URL; a JWT whose `jku` header names another URL is refused. */
  jwksUrl: httpUrl.optional(),
  /** The client's public keys, when exchanged out of band (no `jku`). */
  jwks: z.object({ keys: z.array(z.record(z.string(), z.unknown())).min(1) }).optional(),
  /** FHIR base URLs this client may send as `fhirServer` (the service may then read them with its token). */
  fhirServers: z.array(httpUrl).default([]),
}).refine((c) => c.jwksUrl !== undefined || c.jwks !== undefined, { message: "jwksUrl or jwks is required", path: ["jwksUrl"] });

export const CdsConfigSchema = z.object({
  /** Refuse calls without a valid client JWT (default). `false` only for local development. */
  requireJwt: z.boolean().default(true),
  clients: z.array(CdsClientSchema).default([]),
  /** Browser origins allowed to call the services directly (CORS); server-side EHR calls need none. */
  corsOrigins: z.array(httpUrl).default([]),
  /** Public base URL of the services (JWT audience: `{serviceBaseUrl}/cds-services/{id}`); default appBaseUrl, else the server's origin. */
  serviceBaseUrl: httpUrl.optional(),
});

export const AppConfigSchema = z.object({
  appName: z.string().min(1).default("Opioid Taper Planner"),
  /**
   * Public origin of the app (redirect_uri, the manifest, HSTS). Without it the origin comes
   * from the request (lib/smart/app-origin): `Host` for a loopback development server only,
   * or the proxy's X-Forwarded-Host/-Proto with `trustForwardedHeaders`.
   */
  appBaseUrl: httpUrl.optional(),
  /** Trust X-Forwarded-Host and X-Forwarded-Proto (only behind a proxy that sets them and drops clients' own). */
  trustForwardedHeaders: z.boolean().default(false),
  /** Origins allowed to frame the app for every EHR (CSP frame-ancestors). */
  frameAncestors: z.array(httpUrl).default([]),
  issuers: z.array(IssuerConfigSchema).min(1, "at least one issuer"),
  /** CDS Hooks services (app/cds-services): trusted clients and their keys. */
  cds: CdsConfigSchema.default({ requireJwt: true, clients: [], corsOrigins: [] }),
  /** The clinic's name and phone numbers printed on the patient handout (lib/config/clinic.ts). */
  clinic: ClinicConfigSchema.optional(),
});

export type IssuerConfig = z.infer<typeof IssuerConfigSchema>;
export type AppConfig = z.infer<typeof AppConfigSchema>;
export type CdsClientConfig = z.infer<typeof CdsClientSchema>;
export type CdsConfig = z.infer<typeof CdsConfigSchema>;

export const DEFAULT_CONFIG_PATH = "config/smart.json";

/** Parse a configuration document; throws an Error whose message lists every problem. */
export function parseConfig(raw: unknown, origin: string): AppConfig {
  const parsed = AppConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new Error(`Invalid app configuration (${origin}):\n${lines.join("\n")}`);
  }
  const ids = new Set<string>();
  for (const issuer of parsed.data.issuers) {
    if (ids.has(issuer.id)) throw new Error(`Invalid app configuration (${origin}): duplicate issuer id "${issuer.id}"`);
    ids.add(issuer.id);
  }
  const cdsIssuers = new Set<string>();
  for (const client of parsed.data.cds.clients) {
    if (cdsIssuers.has(client.iss)) throw new Error(`Invalid app configuration (${origin}): two CDS clients with iss "${client.iss}"`);
    cdsIssuers.add(client.iss);
  }
  return parsed.data;
}

let cached: AppConfig | undefined;

/** The configuration of this server process (read once). */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  if (cached && env === process.env) return cached;
  let raw: unknown;
  let origin: string;
  if (env.SMART_CONFIG_JSON) {
    origin = "SMART_CONFIG_JSON";
    raw = parseJson(env.SMART_CONFIG_JSON, origin);
  } else {
    const file = resolve(/*turbopackIgnore: true*/ process.cwd(), env.SMART_CONFIG_FILE ?? DEFAULT_CONFIG_PATH);
    origin = file;
    raw = parseJson(readFileSync(file, "utf8"), origin);
  }
  const config = parseConfig(raw, origin);
  if (env === process.env) cached = config;
  return config;
}

function parseJson(text: string, origin: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new Error(`Invalid app configuration (${origin}): not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** Normalize an issuer URL for comparison: scheme and host lower-cased (URL does it), no trailing slash, no query. */
export function normalizeIss(iss: string): string | null {
  try {
    const u = new URL(iss);
    if (u.search || u.hash || u.username || u.password) return null;
    return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, "")}`;
  } catch {
    return null;
  }
}

/** The configured issuer matching `iss`, or null: an unknown issuer is refused. */
export function findIssuer(config: AppConfig, iss: string): IssuerConfig | null {
  const wanted = normalizeIss(iss);
  if (!wanted) return null;
  for (const issuer of config.issuers) {
    const base = normalizeIss(issuer.iss);
    if (!base) continue;
    if (issuer.match === "exact" && wanted === base) return issuer;
    if (issuer.match === "prefix" && (wanted === base || wanted.startsWith(base + "/"))) return issuer;
  }
  return null;
}
