import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

describe("dependency setup", () => {
  it("package-lock.json has an entry for every platform-specific optional binary (npm ci refuses the lock otherwise)", () => {
    expect(() => execFileSync("node", ["scripts/lock-platform-optionals.mjs", "--check"], { stdio: "pipe" })).not.toThrow();
  });

  it("isomorphic-webcrypto is the shim over globalThis.crypto (fhirclient's fallback; no React Native/Expo tree)", () => {
    const require = createRequire(import.meta.url);
    const shim: unknown = require("isomorphic-webcrypto");
    expect(shim).toEqual({ default: globalThis.crypto });
    expect(require.resolve("isomorphic-webcrypto")).toContain("shims/isomorphic-webcrypto");
  });
});
