/**
 * One EHR launch in real Chromium, measured: launch.html?iss&launch -> sandbox authorize ->
 * /?code&state -> token -> FHIR searches -> the MME total on screen. A fresh browser context
 * each time (no cache, no storage).
 *
 * Clocks: the token response end and every request come from the page's Resource Timing;
 * "MME on screen" is the first animation frame after the `mme-total` element appeared with
 * its figure (a MutationObserver installed before any page script). Both are page time of
 * the same document (the app replaces its URL after the token, it does not navigate).
 * Counts and bytes (encoded bodies plus headers received) come from Playwright's network events.
 */
import type { Browser, Request } from "@playwright/test";
import { classify, nextLinkOf, normalizeUrl, searchRounds, timeline, type RoundAnalysis, type TimedEntry, type Timeline } from "./analyze";
import { installMmeProbe, isPageTiming, readPageTiming, MME_SELECTOR } from "./probe";

export interface LaunchSample {
  mmeText: string;
  tokenToMmeMs: number;
  /** From the navigation to launch.html (Node clock) to the MME frame. */
  launchToMmeMs: number;
  fhirRequests: number;
  fhirBytes: number;
  totalRequests: number;
  totalBytes: number;
  rounds: RoundAnalysis;
  timeline: Timeline;
  /** App JavaScript files loaded (URLs). */
  scripts: string[];
}

export interface LaunchTarget {
  appOrigin: string;
  iss: string;
  tokenUrl: string;
  launchCode: string;
}

async function receivedBytes(r: Request): Promise<number> {
  try {
    const s = await r.sizes();
    return s.responseBodySize + s.responseHeadersSize;
  } catch {
    return 0;
  }
}

/** `next` links of the FHIR search responses: normalized link -> normalized URL of the page that carried it. */
async function nextLinks(requests: readonly Request[], iss: string): Promise<Map<string, string>> {
  const links = new Map<string, string>();
  for (const r of requests) {
    if (!r.url().startsWith(`${iss}/`) || !r.url().includes("?")) continue;
    const response = await r.response();
    const body: unknown = await response?.json().catch(() => null);
    const next = nextLinkOf(body);
    if (next !== null) links.set(normalizeUrl(new URL(next, `${iss}/`).toString()), normalizeUrl(r.url()));
  }
  return links;
}

/** Waits until no request has been in flight for `quietMs` (at most `maxMs`). */
async function settle(inflight: () => number, quietMs: number, maxMs: number): Promise<void> {
  const deadline = performance.now() + maxMs;
  let quietSince = performance.now();
  while (performance.now() < deadline) {
    if (inflight() > 0) quietSince = performance.now();
    else if (performance.now() - quietSince >= quietMs) return;
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** One measured launch; throws when the MME does not appear within `timeoutMs`. */
export async function measureLaunch(browser: Browser, target: LaunchTarget, timeoutMs = 30_000): Promise<LaunchSample> {
  const context = await browser.newContext();
  try {
    await context.addInitScript(installMmeProbe, MME_SELECTOR);
    const page = await context.newPage();
    const finished: Request[] = [];
    let inflight = 0;
    page.on("request", () => inflight++);
    page.on("requestfinished", (r) => {
      inflight--;
      finished.push(r);
    });
    page.on("requestfailed", () => inflight--);
    const startedAt = Date.now();
    await page.goto(`${target.appOrigin}/launch.html?iss=${encodeURIComponent(target.iss)}&launch=${target.launchCode}`, { waitUntil: "commit" });
    await page.locator(MME_SELECTOR).waitFor({ state: "visible", timeout: timeoutMs });
    await page.waitForFunction("window.__benchMme !== undefined && window.__benchMme.frame >= 0", undefined, { timeout: timeoutMs });
    await settle(() => inflight, 300, 5_000);
    const timing: unknown = await page.evaluate(readPageTiming);
    if (!isPageTiming(timing)) throw new Error("launch: the page timing probe returned nothing usable");
    const mmeText = (await page.locator(MME_SELECTOR).innerText()).trim();
    return await summarizeLaunch(target, timing, finished, startedAt, mmeText);
  } finally {
    await context.close();
  }
}

async function summarizeLaunch(
  target: LaunchTarget,
  timing: { timeOrigin: number; entries: TimedEntry[]; mmeFrameMs: number },
  finished: readonly Request[],
  startedAt: number,
  mmeText: string,
): Promise<LaunchSample> {
  const token = timing.entries.find((e) => e.url.startsWith(target.tokenUrl));
  if (token === undefined) throw new Error("launch: no token request seen by the page");
  const links = await nextLinks(finished, target.iss);
  const classified = timing.entries.map((e) => classify(e, target.iss, target.tokenUrl, links));
  const fhir = finished.filter((r) => r.url().startsWith(`${target.iss}/`));
  const bytes = async (list: readonly Request[]) => (await Promise.all(list.map(receivedBytes))).reduce((a, b) => a + b, 0);
  return {
    mmeText,
    tokenToMmeMs: timing.mmeFrameMs - token.endMs,
    launchToMmeMs: timing.timeOrigin + timing.mmeFrameMs - startedAt,
    fhirRequests: fhir.length,
    fhirBytes: await bytes(fhir),
    totalRequests: finished.length,
    totalBytes: await bytes(finished),
    rounds: searchRounds(classified),
    timeline: timeline(classified, token.endMs),
    scripts: finished.map((r) => r.url()).filter((u) => u.startsWith(target.appOrigin) && /\.js(\?|$)/.test(u)),
  };
}
