import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
    environment: "node",
    testTimeout: 20_000,
    // Medplum (sandbox, CarePlan validation) needs the global WebSocket on Node 20.
    execArgv: ["--experimental-websocket"],
    pool: "forks",
  },
});
