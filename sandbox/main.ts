/**
 * `npm run sandbox [-- --port 4010 --client id=http://localhost:3100/ ...]`: start the sandbox
 * EHR on loopback. Prints one "ready" line (for Playwright's webServer and scripts/demo.mjs)
 * and exits cleanly on SIGTERM / SIGINT. Options: sandbox/README.md.
 */
import { resolveOptions } from "./config";
import { startSandbox } from "./server";

async function main(): Promise<void> {
  const options = resolveOptions(process.argv.slice(2), process.env);
  const sandbox = await startSandbox(options);
  for (const [file, n] of sandbox.loaded) console.log(`loaded ${n} entries from ${file}`);
  const clients = options.clients.map((c) => `${c.clientId} -> ${c.redirectUris.join(", ")}`).join("; ");
  console.log(`Sandbox EHR ready: launcher ${sandbox.origin}/  FHIR ${sandbox.fhirBase}  clients: ${clients}`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Sandbox EHR stopping (${signal})`);
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((e: unknown) => {
  console.error(`Sandbox EHR failed to start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
