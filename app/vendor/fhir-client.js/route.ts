/**
 * GET /vendor/fhir-client.js: fhirclient's own browser build (the "pure" build, without
 * polyfills), taken from the installed package at build time, so launch.html and the app
 * always use the same fhirclient version and therefore the same session storage format.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";

export const dynamic = "force-static";

export async function GET(): Promise<Response> {
  const path = join(/*turbopackIgnore: true*/ process.cwd(), "node_modules", "fhirclient", "build", "fhir-client.pure.min.js");
  const body = await readFile(path, "utf8");
  return new Response(body, {
    headers: {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=3600",
      "x-content-type-options": "nosniff",
    },
  });
}
