/**
 * GET /api/about: the decision-support source attributes as JSON (ONC HTI-1 (b)(11)), from the one
 * source lib/about/source-attributes.ts that the About page and docs/source-attributes.md also render.
 * Public: no patient data.
 */
import { SOURCE_ATTRIBUTES } from "@/lib/about/source-attributes";

export const dynamic = "force-static";

export function GET(): Response {
  return new Response(JSON.stringify(SOURCE_ATTRIBUTES, null, 2), {
    status: 200,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "public, max-age=3600" },
  });
}
