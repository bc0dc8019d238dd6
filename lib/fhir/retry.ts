/**
 * Bounded retry with exponential backoff for idempotent reads (GET) only. A write is
 * never retried here: a CarePlan create that timed out may have succeeded, and a blind
 * retry would duplicate it (docs/architecture.md "nothing is retried automatically").
 *
 * Retried: 429 Too Many Requests, 502/503/504 (gateway/unavailable), and a request that got
 * no response at all. `Retry-After` (seconds or HTTP-date, RFC 9110 section 10.2.3) is honoured,
 * capped so a server cannot park the screen for minutes. Browsers can read `Retry-After`
 * only when the server exposes it through CORS; otherwise the backoff applies.
 */
import type { FhirRequest, FhirResponse, FhirTransport } from "./transport";

export interface RetryPolicy {
  /** Total attempts including the first one. */
  maxAttempts: number;
  /** Delay before the 2nd attempt; doubled each time. */
  baseDelayMs: number;
  /** Upper bound of the exponential delay. */
  maxDelayMs: number;
  /** Upper bound applied to a server's Retry-After. */
  retryAfterCapMs: number;
}

/** 3 attempts, 0.5 s then 1 s; a Retry-After is honoured up to 10 s. Worst case about 20 s per page. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 4_000, retryAfterCapMs: 10_000 };

export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

export type Sleep = (ms: number) => Promise<void>;

export interface RetryOptions {
  policy?: RetryPolicy;
  /** Injected for tests (fake timers or a recording stub). */
  sleep?: Sleep;
  /** Clock for HTTP-date Retry-After values (ms since epoch). */
  now?: () => number;
}

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Delay before attempt `attempt + 1` (attempt counts from 1), in ms.
 * Retry-After wins over the backoff when present and parseable; both are capped.
 */
export function retryDelayMs(attempt: number, retryAfter: string | undefined, policy: RetryPolicy, nowMs: number): number {
  const fromHeader = parseRetryAfterMs(retryAfter, nowMs);
  if (fromHeader !== null) return Math.min(fromHeader, policy.retryAfterCapMs);
  return Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
}

/** `Retry-After: 120` or `Retry-After: Wed, 21 Oct 2015 07:28:00 GMT` -> ms to wait; null if absent or unreadable. */
export function parseRetryAfterMs(value: string | undefined, nowMs: number): number | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}

/**
 * `transport.request(req)` with bounded retries. Resolves with the last response (which may
 * still be a 429/503: the caller maps it to an issue); rejects with the last network error
 * when no attempt got a response. Non-GET requests are sent exactly once.
 */
export async function requestWithRetry(transport: FhirTransport, req: FhirRequest, options: RetryOptions = {}): Promise<FhirResponse> {
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;
  const attempts = req.method === "GET" ? Math.max(1, policy.maxAttempts) : 1;
  for (let attempt = 1; ; attempt++) {
    let response: FhirResponse;
    try {
      response = await transport.request(req);
    } catch (error) {
      if (attempt >= attempts || (error instanceof Error && error.name === "AbortError")) throw error;
      await sleep(retryDelayMs(attempt, undefined, policy, now()));
      continue;
    }
    if (!RETRYABLE_STATUSES.has(response.status) || attempt >= attempts) return response;
    await sleep(retryDelayMs(attempt, response.headers["retry-after"], policy, now()));
  }
}
