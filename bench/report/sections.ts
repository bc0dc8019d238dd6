/** The report's measurement sections (markdown), one function per section. */
import type { LaunchSeries, PatientLaunches } from "../app/run";
import type { LaunchSample } from "../app/launch";
import type { ScriptSize } from "../app/bundle";
import { summarize } from "../stats";
import { UDF_LIMITS } from "@/cli/mme/udf-limits";
import { twoWorkersRatio } from "./checks";
import { int, kB, MB, num, plural, stat, table } from "./format";
import type { BenchReport } from "./types";

export function enginesSection(r: BenchReport): string {
  const e = r.engines;
  if (e === null) return `## 1. Engines\n\nNot measured: ${r.errors.engines ?? "skipped"}.`;
  const mme = table(
    ["MedicationRequests", "calculateMme, wall time (median, min, max)", "per order", "CPU time of the process (median, min)", "counted / excluded / not computable"],
    e.mme.map((row) => [
      int(row.orders), stat(row.ms, "ms"), `${num((row.ms.median * 1000) / row.orders, 2)} µs`,
      `${num(row.cpuMs.median, 1)} ms (min ${num(row.cpuMs.min, 1)})`, `${int(row.counted)} / ${int(row.excluded)} / ${int(row.notComputable)}`,
    ]),
  );
  const taper = table(
    ["opioids", "start MME/day", "plan steps", "proposeTaperPlan per plan (median, min, max)"],
    e.taper.map((t) => [String(t.opioids), t.startMmePerDay === null ? "-" : num(t.startMmePerDay, 1), t.steps === null ? `refused: ${t.refusal ?? "?"}` : String(t.steps), stat(t.ms, "ms", 3)]),
  );
  const cds = e.cds
    ? `\nCDS Hooks order-sign (lib/cds-service handler in-process: request parsing, prefetch read by content, lib/mme, readiness, cards) with ${int(e.cds.orders)} orders in the prefetch and one draft: ${stat(e.cds.ms, "ms")} wall, CPU ${num(e.cds.cpuMs.median, 1)} ms (min ${num(e.cds.cpuMs.min, 1)}); ${e.cds.cards} cards.\n`
    : "";
  const lines = `\nOne order with ${int(e.dosageLines.lines)} dosage lines (oxycodone 5 mg; each line a structured dose and timing, every third also a sig text; every line is read and cross-checked, the verdict comes after the last): ${stat(e.dosageLines.ms, "ms", 0)}, ${e.dosageLines.status}${e.dosageLines.reason === null ? "" : ` (${e.dosageLines.reason})`}, ${int(e.dosageLines.readingsListed)} readings listed on the ledger.\n`;
  const tsx = e.tsx10k ? `\nThe same 10,000 orders under tsx (keepNames wrappers), as the \`mme\` command runs the engine: ${stat(e.tsx10k.ms, "ms")}.\n` : "";
  return `## 1. Engines

Engine code bundled with esbuild (as the app ships it: no tsx \`keepNames\` wrappers) and run in its own Node process.
Orders are generated (bench/data/orders.ts, fixed seed) for one patient from the RxNorm catalog: realistic dosages per form,
statuses over five years (35 % active), 20 % non-opioids, 10 % naming a Medication resource, about 6 % malformed
(no dosage, free text only, unknown code, mass dose, no frequency, dangling reference) plus 0.5 % unreadable.
Only the engine call is timed, after warm-up runs.

${mme}
${lines}${tsx}${cds}
Taper plans: current orders (morphine ER 15 mg q12h, oxycodone 5 mg q6h PRN, fentanyl 25 mcg/h patch, hydromorphone 2 mg q6h,
tramadol 50 mg q6h; the first N of them) through calculateMme and regimenFromMme, planned with the guidance defaults for
long-term use (10 % of the original dose per month, to discontinuation).

${taper}`;
}

export function commandSection(r: BenchReport): string {
  const c = r.command;
  if (c === null) return `## 2. The \`mme\` command\n\nNot measured: ${r.errors.command ?? "skipped"}.`;
  const x = c.export;
  const one = c.oneWorker;
  const ratio = twoWorkersRatio(r);
  const rows: string[][] = [
    [`wall time, --workers ${c.workers}`, stat(c.wallSeconds, "s", 2)],
    ...(one === null ? [] : [["wall time, --workers 1", stat(one.wallSeconds, "s", 2)]]),
    ...(ratio === null ? [] : [[`wall time ratio, --workers ${c.workers} / --workers 1 (medians)`, num(ratio, 2)]]),
    [`CPU time (user + system, all threads), --workers ${c.workers}`, stat(c.cpuSeconds, "s", 2)],
    ...(one === null ? [] : [["CPU time, --workers 1", stat(one.cpuSeconds, "s", 2)]]),
    [`peak memory (maxRSS, worker threads included), --workers ${c.workers}`, stat(c.peakMb, "MB", 0)],
    ...(one === null ? [] : [["peak memory, --workers 1", stat(one.peakMb, "MB", 0)]]),
    ["start-up alone (same command, 10-resource export, one run)", c.startupSeconds === null ? "-" : `${num(c.startupSeconds, 2)} s`],
    ["output", `${int(c.patientsOut)} patients, ${int(c.unassignedOut)} unassigned resources reported, ${num(c.outputMb, 1)} MB of JSON${one === null ? "" : "; identical with --workers 1"}`],
  ];
  return `## 2. The \`mme\` command over a Bulk Data export

Generated at run time in a temporary directory (bench/data/ndjson.ts): ${int(x.patients)} Patient, ${int(x.medications)} Medication and
${int(x.medicationRequests)} MedicationRequest resources (${int(x.patients + x.medications + x.medicationRequests)} in all, ${MB(x.bytes)} of NDJSON; orders shuffled
across patients, ${int(x.brokenLines)} broken lines). Run as \`node --import tsx cli/mme.ts <dir> --as-of 2025-06-01 --workers N\`, output to a file,
the runs with ${c.workers} workers and with one taking turns (same load for both series); wall time from spawn to exit (Node start and
TypeScript loading included); peak memory is the command process's maxRSS.

${table(["figure", "value"], rows)}

${millionPart(r)}`;
}

function millionPart(r: BenchReport): string {
  const m = r.million;
  if (m === null) return `### ${int(r.settings.millionResources)} resources\n\nNot measured: ${r.errors.million ?? "skipped"}.`;
  const x = m.export;
  return `### ${int(x.patients + x.medications + x.medicationRequests)} resources (issue 18)

${int(x.patients)} patients, ${int(x.medications)} Medications, ${int(x.medicationRequests)} MedicationRequests (${MB(x.bytes)} of NDJSON, ${int(x.brokenLines)} broken lines;
written in ${num(m.generateSeconds, 1)} s, not counted), one run with \`--workers ${m.workers}\`.

${table(["figure", "value"], [
    ["wall time", `${num(m.wallSeconds, 1)} s`],
    ["CPU time (user + system, all threads)", `${num(m.cpuSeconds, 1)} s`],
    ["peak memory (maxRSS, worker threads included)", `${num(m.peakMb, 0)} MB`],
    ["output", `${int(m.patientsOut)} patients, ${int(m.unassignedOut)} unassigned resources reported, ${num(m.outputMb, 1)} MB of JSON`],
  ])}`;
}

export function udfSection(r: BenchReport): string {
  const u = r.udf;
  if (u === null) return `## 3. Warehouse UDF library\n\nNot measured: ${r.errors.udf ?? "skipped"}.`;
  return `## 3. Warehouse UDF library (issue 18; docs/population.md)

Built with \`node scripts/build-udf.mjs --out <tmp>\` (what \`npm run build:udf\` runs); gzip level 9. Limits from cli/mme/udf-limits.ts
(their sources in docs/population.md, "Limits").

${table(["file", "raw", "gzip", "limit"], [
    [`\`${u.main.file}\``, kB(u.main.rawBytes), kB(u.main.gzipBytes), `gzip < ${kB(UDF_LIMITS.snowflakeRecommendedBytes)} (Snowflake, recommended); raw <= ${MB(UDF_LIMITS.bigQueryLibraryBytes)} (BigQuery library file)`],
    [`\`${u.ndc.file}\``, kB(u.ndc.rawBytes), kB(u.ndc.gzipBytes), `raw <= ${MB(UDF_LIMITS.bigQueryLibraryBytes)} (BigQuery library file); left out in Snowflake, NDC-only orders then incomplete (docs/population.md, section 4)`],
  ])}`;
}

function sampleStat(samples: readonly LaunchSample[], f: (s: LaunchSample) => number | null, unit: string, digits = 0): string {
  const values = samples.map(f).filter((v): v is number => v !== null);
  return values.length === 0 ? "-" : stat(summarize(values), unit, digits);
}

function patientRows(p: PatientLaunches): string[][] {
  const s = p.samples;
  const last = s[s.length - 1];
  return [
    ["MME shown (expected)", `${[...new Set(s.map((x) => x.mmeText))].join(", ") || "-"} (${p.expectedMmePerDay ?? "?"} MME/day)`],
    ["token response -> MME on screen", p.tokenToMmeMs ? stat(p.tokenToMmeMs, "ms", 0) : "-"],
    ["launch.html -> MME on screen", p.launchToMmeMs ? stat(p.launchToMmeMs, "ms", 0) : "-"],
    ["token -> first search starts", sampleStat(s, (x) => x.timeline.tokenToFirstSearchMs, "ms")],
    ["the app's requests between token and first search (ms after the token, last launch)", last ? last.timeline.beforeSearches.join(", ") || "none" : "-"],
    ["token -> MedicationRequest search done (all pages)", sampleStat(s, (x) => x.timeline.tokenToMedicationsMs, "ms")],
    ["token -> all searches done (all pages)", sampleStat(s, (x) => x.timeline.tokenToAllDataMs, "ms")],
    ["MedicationRequest search done -> MME on screen", sampleStat(s, (x) => (x.timeline.tokenToMedicationsMs === null ? null : x.tokenToMmeMs - x.timeline.tokenToMedicationsMs), "ms")],
    ["FHIR requests (searches + reads + pages + discovery)", last ? `${last.fhirRequests} (${plural(last.rounds.searches, "search", "searches")}, ${plural(last.rounds.reads, "read")}, ${plural(last.rounds.pages, "next page")})` : "-"],
    ["FHIR bytes received", sampleStat(s, (x) => x.fhirBytes / 1000, "kB", 1)],
    ["all requests / bytes received (app, scripts, auth, FHIR)", last ? `${last.totalRequests} / ${sampleStat(s, (x) => x.totalBytes / 1000, "kB", 1)}` : "-"],
    ["first launch after server start (warm-up, not counted)", p.warmup ? `${int(p.warmup.tokenToMmeMs)} ms token -> MME` : "failed"],
    ...slowRows(p.slow),
  ];
}

function slowRows(slow: LaunchSeries): string[][] {
  const s = slow.samples;
  const at = `slower EHR (+${slow.latencyMs} ms per FHIR request)`;
  if (s.length === 0) return [[at, `not measured${slow.errors.length > 0 ? `: ${slow.errors.join("; ")}` : ""}`]];
  return [
    [`${at}: token -> MME on screen`, slow.tokenToMmeMs ? stat(slow.tokenToMmeMs, "ms", 0) : "-"],
    [`${at}: token -> all searches done`, sampleStat(s, (x) => x.timeline.tokenToAllDataMs, "ms")],
    [`${at}: rounds of searches (each launch)`, s.map((x) => x.rounds.rounds).join(", ")],
  ];
}

export function launchSection(r: BenchReport): string {
  const a = r.app;
  if (a === null) return `## 4. Launch to MME on screen\n\nNot measured: ${r.errors.app ?? "skipped"}.`;
  if (a.patients.length === 0) return `## 4. Launch to MME on screen\n\nNot measured: ${a.skipped.join("; ") || r.errors.app || "skipped"}.`;
  const parts = a.patients.map((p) => {
    const record = Object.entries(p.record).sort((x, y) => y[1] - x[1]).map(([t, n]) => `${int(n)} ${t}`).join(", ");
    const errors = p.errors.length > 0 ? `\n\nFailed launches: ${p.errors.join("; ")}` : "";
    return `### ${p.name} (\`${p.patient}\`): ${record}\n\n${table(["figure", "value"], patientRows(p))}${errors}`;
  });
  return `## 4. Launch to MME on screen (real Chromium, sandbox EHR, production build)

System Chromium ${a.chromium ?? "?"} (headless, flags of scripts/chromium.mjs), a fresh browser context per launch (empty cache);
\`next start\` of a production build (\`.bench/next\`) and the sandbox EHR on loopback, EHR launch with patient and practitioner in
the launch code (no picker). Times are the page's own clocks: the token response end from Resource Timing, "on screen" the first
animation frame after \`[data-testid="mme-total"]\` shows its figure. The "slower EHR" rows repeat the launch with the sandbox adding
a fixed delay to every FHIR request (launch option \`latencyMs\`): the rounds of searches are counted there, where a search that
waits for another response shows a gap of at least that delay (at loopback speed a response can arrive within a main-thread pause
between two fetch calls of the same burst). A round: a search or read that starts only after another FHIR data request finished;
a \`next\` page belongs to its search's round.

${parts.join("\n\n")}`;
}

const HEAD = ["script", "raw", "gzip", "recognised in it"];

function scriptRows(scripts: readonly ScriptSize[]): string[][] {
  return scripts.map((s) => [`\`${s.path}\``, kB(s.rawBytes), kB(s.gzipBytes), s.contains.join(", ") || "-"]);
}

export function bundleSection(r: BenchReport): string {
  const a = r.app;
  if (a === null || a.main === null) return `## 5. Bundle\n\nNot measured: ${r.errors.app ?? a?.skipped.join("; ") ?? "skipped"}.`;
  const main = a.main;
  const lazyTotal = a.lazy.reduce((n, s) => n + s.gzipBytes, 0);
  const launch = a.launchPage;
  const launchPart = launch
    ? `### \`/launch.html\`: ${kB(launch.firstLoadGzipBytes)} gzipped (+ ${kB(launch.inlineGzipBytes)} inline script)\n\n${table(HEAD, scriptRows(launch.scripts))}`
    : "";
  return `## 5. Bundle: first-load JavaScript per route (gzip level 9, each file on its own)

### \`/\` (the clinician's screen after launch): first load ${kB(main.firstLoadGzipBytes)} gzipped

Scripts the HTML of \`/\` makes the browser load at once (\`<script src>\`, script preloads, RSC payload chunk references);
inline scripts (RSC payload, bootstrap) ${kB(main.inlineGzipBytes)} gzipped besides; ${main.noModule.length} \`noModule\` polyfill script(s)
(${kB(main.noModule.reduce((n, s) => n + s.gzipBytes, 0))}) that current browsers do not load.

${table(HEAD, scriptRows(main.scripts))}

Loaded lazily after first load during the launches (the screens chunk and what it imports): ${kB(lazyTotal)} gzipped.

${a.lazy.length > 0 ? table(HEAD, scriptRows(a.lazy)) : "(none seen)"}

${launchPart}`;
}
