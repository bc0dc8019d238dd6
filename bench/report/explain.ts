/**
 * For a budget not met (or not measured): the reason, from this run's own figures, and what
 * would fix it. Each rule reads the measurements; none states a figure it did not measure.
 */
import type { BudgetCheck } from "../budgets";
import { BUDGETS } from "../budgets";
import { HEAVY_PATIENT } from "../app/run";
import { roundSamples, twoWorkersRatio } from "./checks";
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
  return `calculateMme spends about ${num((row.ms.median * 1000) / row.orders, 2)} µs per order (median wall time; CPU time of the process ${num(row.cpuMs.median, 1)} ms, fastest run ${num(row.ms.min, 1)} ms); ${num(excludedShare, 0)} % of these orders end up excluded (completed, stopped, stale, not an opioid), yet each becomes a full ledger entry.${noise(r, row.ms, BUDGETS.mme10kMs, "ms")} Fix (lib/mme): profile the bundled worker (\`node --cpu-prof\`) to see where the time goes; entries for excluded orders are the first candidate.`;
}

function cdsOrderSign(r: BenchReport): string {
  const row = r.engines?.cds;
  if (!row) return `Not measured: ${r.errors.engines ?? "the engine worker gave no CDS row"}.`;
  return `The order-sign call took ${num(row.ms.median, 1)} ms (median wall; CPU ${num(row.cpuMs.median, 1)} ms, fastest run ${num(row.ms.min, 1)} ms) for ${row.orders} prefetched orders. Measured while writing it: parsing the prefetch with the zod schemas (lib/fhir) is about half of the CPU time, readiness a third, calculateMme a tenth.${noise(r, row.ms, BUDGETS.cdsOrderSign100Ms, "ms")} Fix: parse only the resource types a service reads (already the case) and skip Observation parsing for order-sign when no readiness finding needs it.`;
}

function dosageLines(r: BenchReport): string {
  const row = r.engines?.dosageLines;
  if (!row) return "Not measured.";
  return `One order of ${num(row.lines, 0)} dosage lines takes ${num(row.ms.median, 0)} ms (fastest run ${num(row.ms.min, 0)} ms), about ${num((row.ms.median * 1000) / row.lines, 2)} µs per line; the order ends ${row.status}${row.reason === null ? "" : ` (${row.reason})`} with ${num(row.readingsListed, 0)} readings listed.${noise(r, row.ms, BUDGETS.mmeDosageLines100kMs, "ms")} Fix (lib/mme/dose): profile the bundled worker (\`node --cpu-prof\`); per-line allocations (readings, sig parses) and anything that copies or searches a growing list per line are the first candidates.`;
}

function commandWall(r: BenchReport): string {
  const c = r.command;
  if (!c) return "Not measured.";
  const startup = c.startupSeconds === null ? "" : ` Of that, starting Node and loading the TypeScript sources with tsx takes ${num(c.startupSeconds, 2)} s (the same command over a 10-resource export).`;
  return `The command takes ${num(c.wallSeconds.median, 2)} s (CPU ${num(c.cpuSeconds.median, 2)} s) for ${num(c.export.bytes / 1e6, 0)} MB of NDJSON.${startup}${noise(r, c.wallSeconds, BUDGETS.commandWallSeconds, "s")} Fix: profile the command (\`node --cpu-prof\`) to see where the time goes; a bundled build (esbuild, as bench/engines/run.ts does) instead of tsx removes most of the startup measured above.`;
}

function commandPeak(r: BenchReport): string {
  const c = r.command;
  if (!c) return "Not measured.";
  return `Peak memory is ${num(c.peakMb.median, 0)} MB for ${num(c.export.bytes / 1e6, 0)} MB of NDJSON. Fix: see what is held with a heap profile (\`node --heap-prof\`); the input read patient by patient keeps memory to one patient's lines.`;
}

function heavyLaunch(r: BenchReport): string {
  const p = r.app?.patients.find((x) => x.patient === HEAVY_PATIENT);
  const s = p?.samples[Math.floor((p?.samples.length ?? 0) / 2)];
  if (!p || !s || !p.tokenToMmeMs) return `Not measured: ${r.app?.skipped.join("; ") || r.errors.app || "the launches failed"}.`;
  const t = s.timeline;
  const waitsForAll = t.tokenToAllDataMs !== null && t.tokenToMedicationsMs !== null && s.tokenToMmeMs >= t.tokenToAllDataMs && t.tokenToAllDataMs > t.tokenToMedicationsMs;
  const fix = waitsForAll
    ? "Fix: the MME appeared only after every search finished; show it as soon as the MedicationRequest search is complete (it needs nothing else)."
    : t.beforeSearches.length > 0
      ? `Fix: the searches waited for ${t.beforeSearches.join(", ")}; start them in parallel with it.`
      : "Fix: the searches start right after the token and the MME follows the medication orders; what remains is the EHR's time and the page count.";
  return `Median ${num(p.tokenToMmeMs.median, 0)} ms. Where a median launch spends it: token -> first search ${num(t.tokenToFirstSearchMs ?? 0, 0)} ms (before it: ${t.beforeSearches.join(", ") || "nothing"}); medication orders complete ${num(t.tokenToMedicationsMs ?? 0, 0)} ms after the token; all searches (with ${s.rounds.pages} next pages) ${num(t.tokenToAllDataMs ?? 0, 0)} ms after it; the MME appears ${num(s.tokenToMmeMs, 0)} ms after it. ${fix}`;
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
  const biggest = [...main.scripts].sort((a, b) => b.gzipBytes - a.gzipBytes).slice(0, 4)
    .map((s) => `${s.path} ${kb(s.gzipBytes)}${s.contains.length > 0 ? ` (${s.contains.join(", ")})` : ""}`);
  // What the first paint (a skeleton until the SMART session is ready) does not need, found in the first load.
  const deferrable = ["zod", "lib/fhir (searches, schemas)", "lib/mme (engine)"]
    .map((name) => ({ name, scripts: main.scripts.filter((s) => s.contains.includes(name)) }))
    .filter((x) => x.scripts.length > 0);
  const cause = deferrable.length > 0
    ? ` In the first load although the first paint does not use them: ${deferrable.map((d) => `${d.name} (${d.scripts.map((s) => `${s.path} ${kb(s.gzipBytes)}`).join(", ")})`).join("; ")}. Fix: find which module of the first-load graph imports them (\`next build\` with the bundle analyzer, or the import chain from app/providers.tsx) and move that import behind the lazily loaded screens chunk.`
    : " Fix: move what the first paint does not need behind the lazily loaded screens chunk.";
  return `First load is ${kb(main.firstLoadGzipBytes)} gzipped; the largest scripts: ${biggest.join(", ")}.${cause}`;
}

function twoWorkers(r: BenchReport): string {
  const c = r.command;
  const ratio = twoWorkersRatio(r);
  if (c === null || c.oneWorker === null || ratio === null) return `Not measured: ${r.errors.command ?? "the command ran with one series only"}.`;
  const one = c.oneWorker;
  const load = r.machine.loadAtStart[0] ?? 0;
  const cpuRatio = one.cpuSeconds.median > 0 ? c.cpuSeconds.median / one.cpuSeconds.median : 0;
  const busy = load >= r.machine.cores
    ? ` The load average was ${num(load, 2)} on ${r.machine.cores} cores at the start: a second thread gets a core only when no other process holds it, so on a busy machine the ratio says little.`
    : "";
  return `With two workers the command took ${num(c.wallSeconds.median, 2)} s (CPU ${num(c.cpuSeconds.median, 2)} s), with one ${num(one.wallSeconds.median, 2)} s (CPU ${num(one.cpuSeconds.median, 2)} s): CPU grew ${num(cpuRatio, 2)}x for a wall ratio of ${num(ratio, 2)}.${busy} Fix (cli/mme): profile both (\`node --cpu-prof\`); the first pass (reading and indexing the export) runs on the main thread whatever N is, and each worker parses its patients' lines again: the first pass is the part to shorten or share.`;
}

function millionWall(r: BenchReport): string {
  const m = r.million;
  if (!m) return `Not measured: ${r.errors.million ?? "skipped"}.`;
  const load = r.machine.loadAtStart[0] ?? 0;
  return `The command took ${num(m.wallSeconds, 1)} s (CPU ${num(m.cpuSeconds, 1)} s over ${m.workers} workers) for ${num(m.export.bytes / 1e6, 0)} MB of NDJSON, about ${num((m.wallSeconds * 1e6) / m.export.bytes, 1)} s per GB; the load average was ${num(load, 2)} on ${r.machine.cores} cores at the start. Fix (cli/mme): profile it (\`node --cpu-prof\` on the main thread and a worker); a CPU time well above the wall time times the workers means the cores were shared, not that the command is slow.`;
}

function millionPeak(r: BenchReport): string {
  const m = r.million;
  if (!m) return `Not measured: ${r.errors.million ?? "skipped"}.`;
  return `Peak memory was ${num(m.peakMb, 0)} MB for ${num(m.export.patients, 0)} patients and ${num(m.export.bytes / 1e6, 0)} MB of NDJSON. Fix (cli/mme): a heap profile (\`node --heap-prof\`) of the first pass: what it keeps per line (offsets, patient index, the Medication index) must stay small and independent of the line's size; workers must receive their patients' lines in bounded batches.`;
}

function udfMain(r: BenchReport): string {
  const u = r.udf;
  if (!u) return `Not measured: ${r.errors.udf ?? "skipped"}.`;
  return `\`dist/mme-udf.js\` is ${num(u.main.rawBytes / 1000, 1)} kB raw, ${num(u.main.gzipBytes / 1000, 1)} kB gzipped. Fix (scripts/build-udf.mjs): see what the bundle holds (esbuild \`--metafile\` / \`--analyze\`); tables the UDF can take from the warehouse (as the NDC table already is, dist/mme-udf-ndc.js) are the first to move out.`;
}

function udfLibrary(r: BenchReport): string {
  const u = r.udf;
  if (!u) return `Not measured: ${r.errors.udf ?? "skipped"}.`;
  return `The library files are ${num(u.main.rawBytes / 1000, 1)} kB (\`${u.main.file}\`) and ${num(u.ndc.rawBytes / 1000, 1)} kB (\`${u.ndc.file}\`) raw. Fix: split the larger one (BigQuery takes several library files per function) or move its table into a warehouse table.`;
}

const RULES: Record<BudgetCheck["id"], (r: BenchReport) => string> = {
  mme10kMs: mme10k,
  mmeDosageLines100kMs: dosageLines,
  commandWallSeconds: commandWall,
  commandPeakMb: commandPeak,
  commandTwoWorkersRatio: twoWorkers,
  command1MWallSeconds: millionWall,
  command1MPeakMb: millionPeak,
  udfMainGzipBytes: udfMain,
  udfLibraryBytes: udfLibrary,
  heavyTokenToMmeMs: heavyLaunch,
  searchRounds: rounds,
  cdsOrderSign100Ms: cdsOrderSign,
  ehrRequestsBeforeSearches: ehrBeforeSearches,
  mainFirstLoadKb: mainBundle,
};

export function explain(c: BudgetCheck, r: BenchReport): string {
  return RULES[c.id](r);
}
