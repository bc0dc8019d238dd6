/** CDS Hooks feedback (POST /cds-services/{id}/feedback): lib/cds-service/http.ts. */
import { loadConfig } from "@/lib/config";
import { feedbackEndpoint, preflight } from "@/lib/cds-service/http";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return feedbackEndpoint({ config: loadConfig(), now: () => new Date() }, request, id);
}

export function OPTIONS(request: Request): Response {
  return preflight(loadConfig(), request);
}
