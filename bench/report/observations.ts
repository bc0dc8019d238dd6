/**
 * What the figures say beyond pass/fail: the comparison with the peers the budgets were set
 * against, and places where time goes even when a budget is met. Each sentence is built
 * from this run's measurements; the peer figures are quoted from
 * docs/peers.md section 2 (measured there, not here).
 */
import { HEAVY_PATIENT } from "../app/run";
import type { LaunchSample } from "../app/launch";
import { num } from "./format";
import type { BenchReport } from "./types";

function median(values: readonly number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function peers(r: BenchReport): string | null {
  const heavy = r.app?.patients.find((p) => p.patient === HEAVY_PATIENT);
  const main = r.app?.main;
  if (!heavy?.tokenToMmeMs || !main) return null;
  const resources = Object.values(heavy.record).reduce((a, b) => a + b, 0);
  const lazy = r.app?.lazy.reduce((n, s) => n + s.gzipBytes, 0) ?? 0;
  return `Against the peers (docs/peers.md section 2, measured there): the AHRQ Pain Management Summary and COSRI ship about 556-685 kB of gzipped JavaScript and evaluate about 3.5 ms per resource (10-11.5 s for 3,151 resources). Here: ${num(main.firstLoadGzipBytes / 1000, 1)} kB first load plus ${num(lazy / 1000, 1)} kB loaded lazily, and the MME on screen ${num(heavy.tokenToMmeMs.median, 0)} ms after the token for a ${num(resources, 0)}-resource record, every page read.`;
}

function waitsForAllSearches(r: BenchReport): string | null {
  const heavy = r.app?.patients.find((p) => p.patient === HEAVY_PATIENT);
  const s: readonly LaunchSample[] = heavy?.samples ?? [];
  const meds = median(s.flatMap((x) => (x.timeline.tokenToMedicationsMs === null ? [] : [x.timeline.tokenToMedicationsMs])));
  const all = median(s.flatMap((x) => (x.timeline.tokenToAllDataMs === null ? [] : [x.timeline.tokenToAllDataMs])));
  const mme = median(s.map((x) => x.tokenToMmeMs));
  if (meds === null || all === null || mme === null || all - meds < 50 || mme < all) return null;
  return `For the heavy record the MME appears only after every search has finished (Observation pages included: ${num(all, 0)} ms after the token), although the medication orders were complete at ${num(meds, 0)} ms: the MME depends only on them. Within budget; showing the MME as soon as the MedicationRequest search completes (lib/hooks, lib/fhir/record) would save about ${num(all - meds, 0)} ms on this record and more on slower EHRs.`;
}

function serialBeforeSearches(r: BenchReport): string | null {
  const samples = (r.app?.patients ?? []).flatMap((p) => p.samples);
  const first = median(samples.flatMap((x) => (x.timeline.tokenToFirstSearchMs === null ? [] : [x.timeline.tokenToFirstSearchMs])));
  const before = samples[samples.length - 1]?.timeline.beforeSearches ?? [];
  if (first === null || before.length === 0) return null;
  return `Between the token and the first search (median ${num(first, 0)} ms) the app makes ${before.length} request(s) first: ${before.join(", ")} (last launch; ms after the token). Each is a round trip before any search on a slow EHR; the capability statement could be read in parallel with the searches.`;
}

function slowEhr(r: BenchReport): string | null {
  const heavy = r.app?.patients.find((p) => p.patient === HEAVY_PATIENT);
  const slow = heavy?.slow;
  const s = slow?.samples ?? [];
  const meds = median(s.flatMap((x) => (x.timeline.tokenToMedicationsMs === null ? [] : [x.timeline.tokenToMedicationsMs])));
  const pages = s[0]?.rounds.pages ?? 0;
  if (!slow?.tokenToMmeMs || meds === null) return null;
  const head = `On a slower EHR (the sandbox adding ${slow.latencyMs} ms to every FHIR request) the heavy record's MME appears ${num(slow.tokenToMmeMs.median, 0)} ms after the token (median of ${slow.tokenToMmeMs.runs}); the medication orders were complete at ${num(meds, 0)} ms`;
  // The app shows the MME from the medication orders alone (lib/fhir/record startPatientRecord).
  if (slow.tokenToMmeMs.median - meds < slow.latencyMs) return `${head}: the MME follows the medication orders, not the ${pages} Observation and other next pages read one after another.`;
  return `${head}, but the MME waited for ${pages} next pages read one after another (each needs the previous page's link). Showing the MME when the medication orders are complete would keep it near that figure however long the Observation history is.`;
}

/** Paragraphs for the report's "Observations" section (empty when nothing was measured). */
export function observations(r: BenchReport): string[] {
  return [peers(r), waitsForAllSearches(r), slowEhr(r), serialBeforeSearches(r)].filter((s): s is string => s !== null);
}
