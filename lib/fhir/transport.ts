/**
 * The one seam between the app and a FHIR server. Implemented over fhirclient in the
 * browser (lib/smart), over fetch in the CLI, tests and the sandbox tooling.
 *
 * Contract:
 * - `request` resolves for every HTTP response, whatever its status (callers map 4xx/5xx
 *   to sentences); it rejects only when no response arrived (network failure, abort),
 *   with an Error whose message carries no token and no patient data.
 * - `url` is absolute, or relative to `baseUrl` (e.g. `MedicationRequest?patient=123`).
 * - `body` is the parsed JSON body, or null when the response had none or it was not JSON.
 */
export type FhirMethod = "GET" | "POST" | "PUT";

export interface FhirRequest {
  method: FhirMethod;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface FhirResponse {
  status: number;
  body: unknown;
  /** Lower-case header names. Browser apps often cannot read Location/ETag (CORS). */
  headers: Record<string, string>;
}

export interface FhirTransport {
  /** FHIR base URL, no trailing slash. */
  readonly baseUrl: string;
  request(req: FhirRequest): Promise<FhirResponse>;
}
