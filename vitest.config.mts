import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
    environment: "node",
    // Sized for a busy 2-core machine shared with other jobs (CI runs the unit suite beside the e2e
    // suite): a timeout catches a hang, never a slow machine. Reading the 1.6 MB CDC xlsx in a
    // beforeAll took over 10 s (the default hook timeout) under load. No retries: a failure is a failure.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    retry: 0,
    // Medplum (sandbox, CarePlan validation) needs the global WebSocket on Node 20.
    execArgv: ["--experimental-websocket"],
    pool: "forks",
  },
});
