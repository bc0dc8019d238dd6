/**
 * `npm run --silent plan -- <bundle.json> --patient <id> [options]`: a taper plan for one
 * patient of a FHIR R4 Bundle, as a schedule (JSON) or as the CarePlan the app would write.
 * See cli/plan/args.ts for the options and cli/plan/main.ts for the pipeline.
 */
import { runPlan } from "./plan/main";

const result = runPlan(process.argv.slice(2));
if (result.stdout !== "") process.stdout.write(result.stdout);
if (result.stderr !== "") process.stderr.write(result.stderr);
process.exitCode = result.code;
