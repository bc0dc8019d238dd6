/**
 * The sandbox as a CDS Hooks client (server side, as EHRs call CDS services): reads the app's
 * discovery, fills the order-sign prefetch templates from its own FHIR server (with an access
 * token it signs for the patient), signs the client JWT (RS256, `jku` = its /auth/jwks; CDS
 * Hooks 2.0 "Trusting CDS Clients") and POSTs the request. Loopback only; nothing here is part
 * of the app.
 */
import { SignJWT } from "jose";
import type { CdsResponse } from "@/lib/cds";
import type { MedicationRequest } from "fhir/r4";
import { signAccessToken, type SigningKeys } from "../auth/tokens";

export const ORDER_SIGN_SERVICE = "opioid-mme-order-sign";
const SCOPE = "patient/MedicationRequest.rs patient/Medication.rs patient/Observation.rs patient/Condition.rs patient/CarePlan.rs";

export interface CdsClientDeps {
  keys: SigningKeys;
  /** The sandbox's origin: the JWT issuer; its JWKS is at `{origin}/auth/jwks`. */
  origin: string;
  fhirBase: string;
  /** The app's origin: the CDS services are at `{appOrigin}/cds-services`. */
  appOrigin: string;
}

export type CdsCallResult = { ok: true; response: CdsResponse; request: unknown } | { ok: false; message: string };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

async function prefetchTemplates(appOrigin: string): Promise<Record<string, string>> {
  const res = await fetch(`${appOrigin}/cds-services`);
  if (!res.ok) throw new Error(`discovery answered ${res.status}`);
  const body: unknown = await res.json();
  const services = isRecord(body) && Array.isArray(body.services) ? body.services : [];
  const service = services.find((s) => isRecord(s) && s.id === ORDER_SIGN_SERVICE && s.hook === "order-sign");
  const prefetch = isRecord(service) && isRecord(service.prefetch) ? service.prefetch : {};
  return Object.fromEntries(Object.entries(prefetch).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])));
}

async function runPrefetch(deps: CdsClientDeps, templates: Record<string, string>, patientId: string, token: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [key, template] of Object.entries(templates)) {
    const query = template.replaceAll("{{context.patientId}}", encodeURIComponent(patientId));
    const res = await fetch(`${deps.fhirBase}/${query}`, { headers: { authorization: `Bearer ${token}`, accept: "application/fhir+json" } });
    // CDS Hooks 2.0: a template the client cannot satisfy is left out (the service then says so).
    if (res.ok) out[key] = await res.json();
  }
  return out;
}

/** Calls the app's order-sign service for `patientId` with `draft` (see module doc). */
export async function callOrderSign(deps: CdsClientDeps, patientId: string, practitionerId: string | null, draft: MedicationRequest): Promise<CdsCallResult> {
  try {
    const fhirToken = await signAccessToken(deps.keys, deps.fhirBase, deps.fhirBase, {
      clientId: "sandbox-cds-client", scope: SCOPE, patient: patientId, encounter: null, fhirUser: practitionerId ? `Practitioner/${practitionerId}` : null, sim: {},
    }, 300);
    const prefetch = await runPrefetch(deps, await prefetchTemplates(deps.appOrigin), patientId, fhirToken);
    const request = {
      hook: "order-sign",
      hookInstance: crypto.randomUUID(),
      fhirServer: deps.fhirBase,
      fhirAuthorization: { access_token: fhirToken, token_type: "Bearer", expires_in: 300, scope: SCOPE, subject: "sandbox-cds-client", patient: patientId },
      context: {
        patientId,
        ...(practitionerId ? { userId: `Practitioner/${practitionerId}` } : {}),
        draftOrders: { resourceType: "Bundle", type: "collection", entry: [{ resource: draft }] },
      },
      prefetch,
    };
    const audience = `${deps.appOrigin}/cds-services/${ORDER_SIGN_SERVICE}`;
    const jwt = await new SignJWT({})
      .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: deps.keys.kid, jku: `${deps.origin}/auth/jwks` })
      .setIssuer(deps.origin).setAudience(audience).setIssuedAt().setExpirationTime("5m").setJti(crypto.randomUUID())
      .sign(deps.keys.privateKey);
    const res = await fetch(audience, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${jwt}` }, body: JSON.stringify(request) });
    const body: unknown = await res.json().catch(() => null);
    if (!res.ok || !isRecord(body) || !Array.isArray(body.cards)) return { ok: false, message: `The CDS service answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}` };
    return { ok: true, response: body as unknown as CdsResponse, request };
  } catch (error) {
    return { ok: false, message: `The CDS service could not be called: ${error instanceof Error ? error.message : String(error)}` };
  }
}
