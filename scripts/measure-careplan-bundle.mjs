#!/usr/bin/env node
/**
 * Measures what the CarePlan write-back costs a browser, and checks it runs there.
 *
 * 1. Bundles lib/fhir/careplan (validate + save + list) for the browser with esbuild
 *    (minified, code splitting, as a client bundler would) and prints each chunk's size,
 *    raw and gzip: the entry (what a page that can save pays up front) and the lazily
 *    loaded chunks (@medplum/core, the generated definitions), fetched at the first save.
 *    zod is left out (external): the FHIR gateway already puts it in the app's bundle.
 * 2. With --browser: loads that bundle in the system Chromium (Playwright), validates the
 *    HL7 CDC opioid CPG CarePlan example and a broken one there, and reports whether
 *    WebSocket exists and whether importing @medplum/core needs it.
 *
 * esbuild is not Next's bundler (Turbopack/webpack), so sizes are close, not identical.
 * Usage: node scripts/measure-careplan-bundle.mjs [--browser]
 */
import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export async function bundleCarePlanIo() {
  const result = await build({
    absWorkingDir: root,
    stdin: {
      contents: 'export * from "@/lib/fhir/careplan";',
      resolveDir: root,
      sourcefile: "careplan-entry.ts",
      loader: "ts",
    },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    write: false,
    outdir: resolve(root, ".careplan-bundle"),
    entryNames: "entry",
    chunkNames: "chunk-[hash]",
    tsconfig: resolve(root, "tsconfig.json"),
    metafile: true,
    // zod is shared with the FHIR gateway (lib/fhir/parse), already in the app's bundle.
    external: ["zod"],
    logLevel: "silent",
  });
  return result.outputFiles.map((f) => {
    const inputs = Object.keys(result.metafile.outputs[relative(root, f.path)]?.inputs ?? {});
    const what = inputs.some((i) => i.includes("@medplum/core"))
      ? "@medplum/core"
      : inputs.some((i) => i.includes("careplan-definitions.generated"))
        ? "generated R4 definitions"
        : f.path.endsWith("entry.js")
          ? "entry (validate, save, list, XHTML check)"
          : inputs.map((i) => relative("node_modules", i)).join(", ");
    return { name: relative(root, f.path), what, text: f.text, raw: f.contents.length, gzip: gzipSync(f.contents).length };
  });
}

/** The bundle imports "zod" (external); in the page it resolves to the real zod, bundled on its own. */
let zodShim = "";
async function bundleZod() {
  const r = await build({ stdin: { contents: 'export * from "zod";', resolveDir: root }, bundle: true, format: "esm", platform: "browser", minify: true, write: false, logLevel: "silent" });
  return r.outputFiles[0]?.text ?? "";
}

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;

async function inBrowser(chunks) {
  const { chromium } = await import("@playwright/test");
  const { CHROMIUM_ARGS, CHROMIUM_PATH } = await import("./chromium.mjs");
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.route("http://bundle.test/**", (route) => {
      const name = new URL(route.request().url()).pathname.slice(1);
      if (name === "zod") return route.fulfill({ contentType: "text/javascript", body: zodShim });
      const chunk = chunks.find((c) => c.name.endsWith(name));
      if (name === "" || name === "index.html") return route.fulfill({ contentType: "text/html", body: '<!doctype html><title>t</title><script type="importmap">{"imports":{"zod":"http://bundle.test/zod"}}</script>' });
      return chunk ? route.fulfill({ contentType: "text/javascript", body: chunk.text }) : route.fulfill({ status: 404, body: "" });
    });
    await page.goto("http://bundle.test/index.html");
    const medplumChunk = chunks.find((c) => c.what === "@medplum/core")?.name.split("/").pop() ?? "";
    const example = JSON.parse(readFileSync(resolve(root, "../shared/fixtures/cdc-ig-tests/hl7-cdc-opioid-cpg/input/examples/CarePlan-pain-treatment.json"), "utf8"));
    return await page.evaluate(async ({ ig, medplumChunk }) => {
      const hasWebSocket = typeof WebSocket === "function";
      const t0 = performance.now();
      const mod = await import("http://bundle.test/entry.js");
      const good = await mod.validateCarePlanR4(ig);
      const t1 = performance.now();
      const bad = await mod.validateCarePlanR4({ ...ig, status: "proposed", text: { status: "generated", div: "<div><p>x</div>" } });
      const saved = globalThis.WebSocket;
      delete globalThis.WebSocket;
      let withoutWebSocket;
      try {
        await import(`http://bundle.test/${medplumChunk}?fresh`);
        withoutWebSocket = "@medplum/core evaluated without WebSocket";
      } catch (e) {
        withoutWebSocket = `@medplum/core needs WebSocket at import: ${String(e)}`;
      }
      globalThis.WebSocket = saved;
      return { hasWebSocket, firstValidationMs: Math.round(t1 - t0), good, badMessages: bad.issues.map((i) => i.message), withoutWebSocket };
    }, { ig: example, medplumChunk });
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const chunks = await bundleCarePlanIo();
  for (const c of chunks) console.log(`${c.what.padEnd(44)} ${kb(c.raw).padStart(10)} raw ${kb(c.gzip).padStart(9)} gzip  (${c.name})`);
  const defs = readFileSync(resolve(root, "lib/fhir/careplan/careplan-definitions.generated.ts"));
  console.log(`generated definitions source file             ${kb(defs.length).padStart(10)} raw ${kb(gzipSync(defs).length).padStart(9)} gzip`);
  if (process.argv.includes("--browser")) zodShim = await bundleZod();
  if (process.argv.includes("--browser")) console.log(JSON.stringify(await inBrowser(chunks), null, 2));
}
