#!/usr/bin/env node
/**
 * Builds the warehouse UDF library (issue 18; docs/population.md) with esbuild:
 * - dist/mme-udf.js: cli/mme/udf.ts and everything it imports (lib/fhir/load, zod schemas,
 *   lib/mme) as one script that defines the globals `mmeForPatient` and `mmeRegisterNdcTable`
 *   and uses ECMAScript built-ins only (checked by tests/cli/udf.test.ts);
 * - dist/mme-udf-ndc.js: the CDC 2018 NDC table, registered with `mmeRegisterNdcTable`.
 * Target ES2017 (no optional chaining or `??` left for an older warehouse engine to trip on).
 * The bundle runs inside a function that declares, as locals, the host objects zod mentions
 * for features these schemas never use (navigator and document for its JIT and browser
 * checks, atob/btoa for base64 and JWT strings, URL for URL strings, File for file
 * schemas): a warehouse has none of them, so they read as absent (File: a class no value is
 * an instance of) rather than as references to globals that are not there.
 *
 * Usage: npm run build:udf [-- --out <dir>]   (default dist/)
 */
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const GLOBAL = "__mmeUdf";
const HOST_LOCALS = "navigator, document, atob, btoa, URL, File = function File() {}";

const common = {
  bundle: true,
  minify: true,
  format: "iife",
  platform: "neutral",
  target: "es2017",
  charset: "utf8",
  legalComments: "none",
  tsconfig: join(root, "tsconfig.json"),
  logLevel: "warning",
};

/** Builds both files into `outDir`; returns their paths and sizes in bytes. */
export async function buildUdf(outDir = join(root, "dist")) {
  mkdirSync(outDir, { recursive: true });
  const main = join(outDir, "mme-udf.js");
  const ndc = join(outDir, "mme-udf-ndc.js");
  const bundled = await build({ ...common, entryPoints: [join(root, "cli/mme/udf.ts")], globalName: GLOBAL, write: false });
  const code = bundled.outputFiles[0]?.text ?? "";
  // Top-level `var`s of a script are globals in every engine (BigQuery, Snowflake, node:vm).
  writeFileSync(main, [
    "/* mme-udf.js: mmeForPatient(resourcesJson, asOf, factorTable[, lookbackDays]); see docs/population.md */",
    "var mmeForPatient, mmeRegisterNdcTable;",
    "(function () {",
    `var ${HOST_LOCALS};`,
    code.trimEnd(),
    `mmeForPatient = ${GLOBAL}.mmeForPatient;`,
    `mmeRegisterNdcTable = ${GLOBAL}.mmeRegisterNdcTable;`,
    "})();",
    "",
  ].join("\n"));
  await build({ ...common, entryPoints: [join(root, "cli/mme/udf-ndc.ts")], outfile: ndc });
  return { main, ndc, mainBytes: statSync(main).size, ndcBytes: statSync(ndc).size };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf("--out");
  const out = at === -1 ? undefined : resolve(process.argv[at + 1] ?? "dist");
  const built = await buildUdf(out);
  console.log(`${built.main}: ${(built.mainBytes / 1000).toFixed(1)} kB\n${built.ndc}: ${(built.ndcBytes / 1000).toFixed(1)} kB`);
}
