/**
 * Child-process entry of the engine benchmarks (bench/engines/run.ts bundles it with
 * esbuild, like the browser build: no tsx `keepNames` wrappers, which slow the engines'
 * hot paths). Reads its settings as JSON from argv[2], writes the results as JSON on stdout.
 */
import { benchCdsOrderSign } from "./cds";
import { benchDosageLines, benchMme, benchTaper } from "./measure";
import { isWorkerSettings } from "./settings";

const raw: unknown = JSON.parse(process.argv[2] ?? "null");
if (!isWorkerSettings(raw)) {
  console.error("engines worker: bad settings");
  process.exit(2);
}
const settings = raw;
const mme = benchMme(settings.sizes, (size) => (size >= settings.bigSize ? settings.bigPlan : settings.plan));
const taper = benchTaper(settings.maxOpioids, settings.plan, settings.taperBatch);
const dosageLines = benchDosageLines(settings.dosageLines, settings.bigPlan);
void benchCdsOrderSign(settings.plan).then((cds) => process.stdout.write(JSON.stringify({ mme, taper, cds, dosageLines })));
