/**
 * First-load JavaScript per route, gzipped, from the running production build (Next 16 with
 * Turbopack no longer prints sizes). For a route, the first load is every script its HTML
 * makes the browser fetch: `<script src>` (modern browsers skip `noModule` ones: listed
 * apart), `<link rel="preload" as="script">`, and the chunk paths of the RSC payload and of
 * Turbopack's `otherChunks`. Each file is fetched from the server and gzipped here (zlib
 * level 9, each file on its own), so the figure does not depend on the server's compression.
 * The HTML's inline scripts (mostly the RSC payload, i.e. data) are reported beside it.
 * Chunks the browser loaded later during a launch (the lazily loaded screens) are reported
 * separately.
 */
import { gzipSync } from "node:zlib";

export interface ScriptSize {
  path: string;
  rawBytes: number;
  gzipBytes: number;
  /** Libraries recognised in the file (MARKERS), to say what a chunk holds. */
  contains: string[];
}

/** Strings that only a given library's code holds (its own names, options and messages). */
export const MARKERS: ReadonlyArray<readonly [name: string, marker: RegExp]> = [
  ["react-dom", /react-dom|__reactContainer/],
  ["zod", /ZodError/],
  ["lib/fhir (searches, schemas)", /MedicationRequest:medication/],
  ["fhirclient", /SMART_KEY/],
  ["lib/mme (engine)", /mme\.excluded\./],
  ["swr", /dedupingInterval/],
];

export interface RouteBundle {
  route: string;
  scripts: ScriptSize[];
  /** Inline `<script>` bodies of the HTML (RSC payload, bootstrap), gzipped together. */
  inlineGzipBytes: number;
  /** External scripts, gzipped (each file on its own): the figure compared with the budget. */
  firstLoadGzipBytes: number;
  /** `noModule` scripts (legacy polyfills, not loaded by current browsers). */
  noModule: ScriptSize[];
}

/** A chunk path in inline script text: `/_next/static/chunks/x.js`, or `static/chunks/x.js` (Turbopack's otherChunks). */
const CHUNK = /(?:^|[^A-Za-z0-9_./-])\/?(?:_next\/)?(static\/chunks\/[A-Za-z0-9_./-]+?\.js)/g;

function attr(tag: string, name: string): string | null {
  return new RegExp(`\\s${name}="([^"]*)"`, "i").exec(tag)?.[1] ?? null;
}

/** Script paths an HTML document loads at once, and its `noModule` scripts (pure). */
export function scriptsOfHtml(html: string): { scripts: string[]; noModule: string[]; inline: string[] } {
  const scripts = new Set<string>();
  const noModule = new Set<string>();
  const inline: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const tag = m[1] ?? "";
    const src = attr(tag, "src");
    const type = attr(tag, "type");
    if (src !== null) (/\snomodule(=|\s|$)/i.test(tag) ? noModule : scripts).add(new URL(src, "http://x").pathname);
    else if (type === null || /javascript|module/.test(type)) inline.push(m[2] ?? "");
  }
  for (const m of html.matchAll(/<link\b([^>]*)>/gi)) {
    const tag = m[1] ?? "";
    const href = attr(tag, "href");
    if (href !== null && attr(tag, "as") === "script" && /preload|modulepreload/.test(attr(tag, "rel") ?? "")) scripts.add(new URL(href, "http://x").pathname);
  }
  for (const body of inline) for (const m of body.replace(/\\"/g, '"').matchAll(CHUNK)) if (m[1]) scripts.add(`/_next/${m[1]}`);
  for (const p of noModule) scripts.delete(p);
  return { scripts: [...scripts].sort(), noModule: [...noModule].sort(), inline };
}

/** Fetches one script and measures it. */
export async function measureScript(origin: string, path: string): Promise<ScriptSize> {
  const response = await fetch(`${origin}${path}`, { headers: { "accept-encoding": "identity" } });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  const body = Buffer.from(await response.arrayBuffer());
  const text = body.toString("utf8");
  const contains = MARKERS.filter(([, marker]) => marker.test(text)).map(([name]) => name);
  return { path, rawBytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length, contains };
}

/** First-load JS of the route at `url` (a page of the running app). */
export async function measureRoute(origin: string, route: string, url: string): Promise<RouteBundle> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${route}: HTTP ${response.status}`);
  const html = await response.text();
  const found = scriptsOfHtml(html);
  const scripts = await Promise.all(found.scripts.map((p) => measureScript(origin, p)));
  const noModule = await Promise.all(found.noModule.map((p) => measureScript(origin, p)));
  const inlineGzipBytes = found.inline.length === 0 ? 0 : gzipSync(Buffer.from(found.inline.join("\n")), { level: 9 }).length;
  return { route, scripts, inlineGzipBytes, noModule, firstLoadGzipBytes: scripts.reduce((n, s) => n + s.gzipBytes, 0) };
}

/** Scripts loaded during launches that the route's HTML did not list: lazily loaded chunks. */
export async function measureLazy(origin: string, firstLoad: RouteBundle, loadedUrls: readonly string[]): Promise<ScriptSize[]> {
  const known = new Set(firstLoad.scripts.map((s) => s.path));
  const lazy = [...new Set(loadedUrls.map((u) => new URL(u).pathname))].filter((p) => p.startsWith("/_next/") && !known.has(p)).sort();
  return Promise.all(lazy.map((p) => measureScript(origin, p)));
}
