/**
 * Code that runs inside the page (serialized by Playwright; no imports, no closures over
 * Node values): the MME probe installed before any page script, and the read-out of the
 * page's Resource Timing entries and probe times. Checked on arrival in Node.
 */
import type { TimedEntry } from "./analyze";

export const MME_SELECTOR = '[data-testid="mme-total"]';

/**
 * Init script: when the MME total first appears with its figure ("... MME/day" or
 * "Unknown"), records `performance.now()` then, in the next animation frame, the frame time
 * (`window.__benchMme = { dom, frame }`). Also enlarges the Resource Timing buffer.
 */
export function installMmeProbe(selector: string): void {
  performance.setResourceTimingBufferSize(5000);
  const probe = { dom: -1, frame: -1 };
  const observer = new MutationObserver(() => {
    if (probe.dom >= 0) return;
    const el = document.querySelector(selector);
    if (el === null || !/MME\/day|Unknown/.test(el.textContent ?? "")) return;
    probe.dom = performance.now();
    Reflect.set(window, "__benchMme", probe);
    observer.disconnect();
    requestAnimationFrame(() => {
      probe.frame = performance.now();
    });
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

/** Page-side read-out: time origin, every resource entry, the MME frame time. */
export function readPageTiming(): unknown {
  const probe: unknown = Reflect.get(window, "__benchMme");
  const frame = typeof probe === "object" && probe !== null && "frame" in probe ? probe.frame : null;
  return {
    timeOrigin: performance.timeOrigin,
    mmeFrameMs: frame,
    entries: performance
      .getEntriesByType("resource")
      .filter((e): e is PerformanceResourceTiming => e instanceof PerformanceResourceTiming)
      .map((e) => ({ url: e.name, startMs: e.startTime, endMs: e.responseEnd, initiator: e.initiatorType })),
  };
}

function isEntry(v: unknown): v is TimedEntry {
  return typeof v === "object" && v !== null && "url" in v && typeof v.url === "string" && "startMs" in v && typeof v.startMs === "number" && "endMs" in v && typeof v.endMs === "number" && "initiator" in v && typeof v.initiator === "string";
}

export function isPageTiming(v: unknown): v is { timeOrigin: number; mmeFrameMs: number; entries: TimedEntry[] } {
  if (typeof v !== "object" || v === null) return false;
  if (!("timeOrigin" in v) || typeof v.timeOrigin !== "number" || !("mmeFrameMs" in v) || typeof v.mmeFrameMs !== "number") return false;
  return "entries" in v && Array.isArray(v.entries) && v.entries.every(isEntry);
}
