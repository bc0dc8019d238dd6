/** lib/fhir/zod: zod's eval probe is off in the browser (issue 19.7), on elsewhere. The e2e "no CSP violation" test checks the browser itself. */
import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(async () => {
  vi.unstubAllGlobals();
  const { z } = await import("zod");
  z.config({ jitless: false });
  vi.resetModules();
});

describe("lib/fhir/zod", () => {
  it("sets jitless when a document exists, so no object schema probes new Function()", async () => {
    vi.resetModules();
    vi.stubGlobal("document", {});
    const probe = vi.fn();
    vi.stubGlobal("Function", new Proxy(Function, { construct: (target, args: unknown[]) => (probe(), Reflect.construct(target, args)) }));
    const z = await import("@/lib/fhir/zod");
    expect(z.config().jitless).toBe(true);
    expect(z.object({ a: z.string() }).safeParse({ a: "x" }).success).toBe(true);
    expect(probe).not.toHaveBeenCalled();
  });

  it("leaves the JIT on without a document (server, CLI)", async () => {
    vi.resetModules();
    const z = await import("@/lib/fhir/zod");
    expect(z.config().jitless ?? false).toBe(false);
  });
});
