/** A CDS Hooks service call (POST /cds-services/{id}): lib/cds-service/http.ts. */
import { loadConfig } from "@/lib/config";
import { preflight, serviceEndpoint } from "@/lib/cds-service/http";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return serviceEndpoint({ config: loadConfig(), now: () => new Date() }, request, id);
}

export function OPTIONS(request: Request): Response {
  return preflight(loadConfig(), request);
}
