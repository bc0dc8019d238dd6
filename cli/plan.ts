/**
 * `npm run --silent plan -- <bundle.json> --patient <id> [options]`: a taper plan for one
 * patient of a FHIR R4 Bundle, as a schedule (JSON) or as the CarePlan the app would write.
 * See cli/plan/args.ts for the options and cli/plan/main.ts for the pipeline.
 */
import { terminalSafe } from "./shared/terminal-text";
import { runPlan } from "./plan/main";

const result = runPlan(process.argv.slice(2));
// EHR-supplied text may carry terminal control characters (ESC, BEL, C1): never written raw.
if (result.stdout !== "") process.stdout.write(terminalSafe(result.stdout));
if (result.stderr !== "") process.stderr.write(terminalSafe(result.stderr));
process.exitCode = result.code;
