import { describe, expect, it, vi } from "vitest";
import { DEFAULT_RETRY_POLICY, parseRetryAfterMs, requestWithRetry, retryDelayMs } from "@/lib/fhir/retry";
import { FakeTransport, networkError, ok } from "./support/fake-transport";

const NOW = Date.parse("2025-06-30T12:00:00Z");

function recorder() {
  const delays: number[] = [];
  return { delays, options: { sleep: async (ms: number) => void delays.push(ms), now: () => NOW } };
}

const busy = (headers: Record<string, string> = {}) => ({ status: 503, body: null, headers });

describe("requestWithRetry", () => {
  it("retries 503 with exponential backoff, then returns the success", async () => {
    const t = new FakeTransport().on(() => true, busy(), busy(), ok({ resourceType: "Bundle" }));
    const { delays, options } = recorder();
    const r = await requestWithRetry(t, { method: "GET", url: "X" }, options);
    expect(r.status).toBe(200);
    expect(delays).toEqual([500, 1000]); // base 500 ms, doubled
    expect(t.requests).toHaveLength(3);
  });

  it("is bounded: after maxAttempts it returns the last 429 for the caller to map", async () => {
    const t = new FakeTransport().on(() => true, { status: 429, body: null, headers: {} });
    const { delays, options } = recorder();
    const r = await requestWithRetry(t, { method: "GET", url: "X" }, options);
    expect(r.status).toBe(429);
    expect(t.requests).toHaveLength(DEFAULT_RETRY_POLICY.maxAttempts);
    expect(delays).toHaveLength(DEFAULT_RETRY_POLICY.maxAttempts - 1);
  });

  it("honours Retry-After in seconds, capped", async () => {
    const t = new FakeTransport().on(() => true, busy({ "retry-after": "2" }), busy({ "retry-after": "120" }), ok({}));
    const { delays, options } = recorder();
    await requestWithRetry(t, { method: "GET", url: "X" }, options);
    expect(delays).toEqual([2000, 10_000]); // 2 s as asked; 120 s capped at 10 s
  });

  it("never retries a write (a CarePlan create may have succeeded)", async () => {
    const t = new FakeTransport().on(() => true, busy());
    const { delays, options } = recorder();
    const r = await requestWithRetry(t, { method: "POST", url: "CarePlan", body: {} }, options);
    expect(r.status).toBe(503);
    expect(t.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it("retries a request that got no response, and rethrows when every attempt failed", async () => {
    const once = new FakeTransport().on(() => true, networkError(), ok({}));
    expect((await requestWithRetry(once, { method: "GET", url: "X" }, recorder().options)).status).toBe(200);
    const never = new FakeTransport().on(() => true, networkError());
    await expect(requestWithRetry(never, { method: "GET", url: "X" }, recorder().options)).rejects.toThrow("Failed to fetch");
    expect(never.requests).toHaveLength(3);
  });

  it("does not retry an aborted request", async () => {
    const abort = new Error("aborted");
    abort.name = "AbortError";
    const t = new FakeTransport().on(() => true, abort, ok({}));
    await expect(requestWithRetry(t, { method: "GET", url: "X" }, recorder().options)).rejects.toThrow("aborted");
    expect(t.requests).toHaveLength(1);
  });

  it("does not retry a 500 or a 404", async () => {
    for (const code of [500, 404]) {
      const t = new FakeTransport().on(() => true, { status: code, body: null, headers: {} });
      await requestWithRetry(t, { method: "GET", url: "X" }, recorder().options);
      expect(t.requests).toHaveLength(1);
    }
  });

  it("waits with the real timer by default (fake timers)", async () => {
    vi.useFakeTimers();
    try {
      const t = new FakeTransport().on(() => true, busy(), ok({}));
      const pending = requestWithRetry(t, { method: "GET", url: "X" });
      await vi.advanceTimersByTimeAsync(499);
      expect(t.requests).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect((await pending).status).toBe(200);
      expect(t.requests).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("retry delays", () => {
  it.each([
    [1, undefined, 500],
    [2, undefined, 1000],
    [3, undefined, 2000],
    [5, undefined, 4000], // 500 * 2^4 = 8000, capped at maxDelayMs 4000
    [1, "3", 3000],
    [1, "0", 0],
    [1, "Mon, 30 Jun 2025 12:00:05 GMT", 5000], // 5 s after NOW
    [1, "Mon, 30 Jun 2025 11:00:00 GMT", 0], // in the past
    [1, "soon", 500], // unreadable: backoff
  ])("attempt %i, Retry-After %s -> %i ms", (attempt, header, expected) => {
    expect(retryDelayMs(attempt, header, DEFAULT_RETRY_POLICY, NOW)).toBe(expected);
  });

  it("parseRetryAfterMs: null when absent", () => {
    expect(parseRetryAfterMs(undefined, NOW)).toBeNull();
  });
});
