/** CDS Hooks discovery (GET /cds-services): lib/cds-service/http.ts. */
import { loadConfig } from "@/lib/config";
import { discoveryEndpoint, preflight } from "@/lib/cds-service/http";

export const dynamic = "force-dynamic";

export function GET(request: Request): Response {
  return discoveryEndpoint({ config: loadConfig(), now: () => new Date() }, request);
}

export function OPTIONS(request: Request): Response {
  return preflight(loadConfig(), request);
}
