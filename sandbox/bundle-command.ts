/**
 * `npm run sandbox:bundle [-- --out file.json] [--include-heavy] [--include-malformed]`:
 * write the scenario patients as one FHIR R4 transaction Bundle dated relative to today,
 * for QA to load into the public SMART sandbox (docs/qa.md explains how).
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { buildTransactionBundle } from "./bundle";
import { clockFor } from "./scenarios";

function main(argv: readonly string[]): void {
  const clock = clockFor(new Date());
  let out = `sandbox-scenarios-${clock.date(0)}.json`;
  const choice = { includeHeavy: false, includeMalformed: false };
  const args = [...argv];
  while (args.length) {
    const flag = args.shift();
    if (flag === "--out") out = args.shift() ?? out;
    else if (flag === "--include-heavy") choice.includeHeavy = true;
    else if (flag === "--include-malformed") choice.includeMalformed = true;
    else throw new Error(`Unknown argument "${flag ?? ""}" (use --out, --include-heavy, --include-malformed)`);
  }
  const bundle = buildTransactionBundle(clock, choice);
  const path = resolve(out);
  writeFileSync(path, `${JSON.stringify(bundle, null, 2)}\n`);
  console.log(`Wrote ${bundle.entry?.length ?? 0} entries (transaction, dated from ${clock.date(0)}) to ${path}`);
  console.log(`Load it: curl -X POST -H 'Content-Type: application/fhir+json' --data-binary @${out} https://r4.smarthealthit.org`);
}

try {
  main(process.argv.slice(2));
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
