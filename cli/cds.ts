/**
 * `npm run --silent cds -- <service-id> <request.json> [--as-of YYYY-MM-DD] [--app-url URL]`:
 * the CDS Hooks response for one request, offline (cli/cds/main.ts).
 */
import { runCds } from "./cds/main";

void runCds(process.argv.slice(2)).then((result) => {
  if (result.stdout !== "") process.stdout.write(result.stdout);
  if (result.stderr !== "") process.stderr.write(result.stderr);
  process.exitCode = result.code;
});
