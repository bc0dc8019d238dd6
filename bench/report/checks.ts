/** Each budget of issue 9 against the figure measured (median), met or not. */
import { BUDGETS, type BudgetCheck } from "../budgets";
import type { LaunchSample } from "../app/launch";
import { HEAVY_PATIENT } from "../app/run";
import { kB, num, stat } from "./format";
import type { BenchReport } from "./types";

function check(id: BudgetCheck["id"], label: string, limit: string, figure: string | null, met: boolean | null): BudgetCheck {
  return { id, label, limit, figure: figure ?? "not measured", met: figure === null ? null : met };
}

/** Launches the rounds of searches are counted on: the slower-EHR ones (see PatientLaunches.slow), else the loopback ones. */
export function roundSamples(report: BenchReport): LaunchSample[] {
  const patients = report.app?.patients ?? [];
  const slow = patients.flatMap((p) => p.slow.samples);
  return slow.length > 0 ? slow : patients.flatMap((p) => p.samples);
}

/** Most EHR requests any counted launch waited for between the token and its first search, or null without launches. */
export function maxEhrRequestsBeforeSearches(report: BenchReport): number | null {
  const counts = roundSamples(report).map((s) => s.timeline.ehrRequestsBeforeSearches);
  return counts.length === 0 ? null : Math.max(...counts);
}

/** Highest number of search rounds seen in any counted launch, or null without launches. */
export function maxRounds(report: BenchReport): number | null {
  const rounds = roundSamples(report).map((s) => s.rounds.rounds);
  return rounds.length === 0 ? null : Math.max(...rounds);
}

/** Median wall time with two workers over the median with one (same export, same run), or null when either is missing. */
export function twoWorkersRatio(report: BenchReport): number | null {
  const cmd = report.command;
  if (cmd === null || cmd.oneWorker === null || cmd.workers !== 2 || cmd.oneWorker.wallSeconds.median <= 0) return null;
  return cmd.wallSeconds.median / cmd.oneWorker.wallSeconds.median;
}

function populationChecks(report: BenchReport): BudgetCheck[] {
  const cmd = report.command;
  const ratio = twoWorkersRatio(report);
  const m = report.million;
  const udf = report.udf;
  const biggest = udf ? [udf.main, udf.ndc].reduce((a, b) => (b.rawBytes > a.rawBytes ? b : a)) : null;
  const mLabel = m ? `${num(m.export.patients + m.export.medications + m.export.medicationRequests, 0)} resources, --workers ${m.workers}` : "1M resources";
  return [
    check("commandTwoWorkersRatio", "`mme` command, 100k resources: wall time --workers 2 / --workers 1", `< ${num(BUDGETS.commandTwoWorkersRatio, 2)}`,
      ratio === null || cmd?.oneWorker == null ? null : `${num(ratio, 2)} (${num(cmd.wallSeconds.median, 2)} s / ${num(cmd.oneWorker.wallSeconds.median, 2)} s)`,
      ratio === null ? null : ratio < BUDGETS.commandTwoWorkersRatio),
    check("command1MWallSeconds", `\`mme\` command, ${mLabel}: wall time`, `< ${BUDGETS.command1MWallSeconds} s`, m ? `${num(m.wallSeconds, 1)} s (1 run)` : null, m ? m.wallSeconds < BUDGETS.command1MWallSeconds : null),
    check("command1MPeakMb", `\`mme\` command, ${mLabel}: peak memory`, `< ${BUDGETS.command1MPeakMb} MB`, m ? `${num(m.peakMb, 0)} MB (1 run)` : null, m ? m.peakMb < BUDGETS.command1MPeakMb : null),
    check("udfMainGzipBytes", "`dist/mme-udf.js` gzipped (Snowflake: recommended JavaScript UDF size, stored compressed)", `< ${kB(BUDGETS.udfMainGzipBytes)}`, udf ? kB(udf.main.gzipBytes) : null, udf ? udf.main.gzipBytes < BUDGETS.udfMainGzipBytes : null),
    check("udfLibraryBytes", "Largest UDF library file (BigQuery: size of one external code resource)", `<= ${num(BUDGETS.udfLibraryBytes / 1e6, 1)} MB`,
      biggest ? `${kB(biggest.rawBytes)} (\`${biggest.file}\`)` : null, biggest ? biggest.rawBytes <= BUDGETS.udfLibraryBytes : null),
  ];
}

export function budgetChecks(report: BenchReport): BudgetCheck[] {
  const row10k = report.engines?.mme.find((r) => r.orders === 10_000);
  const lines = report.engines?.dosageLines.lines === 100_000 ? report.engines.dosageLines : null;
  const cmd = report.command;
  const heavy = report.app?.patients.find((p) => p.patient === HEAVY_PATIENT)?.tokenToMmeMs ?? null;
  const rounds = maxRounds(report);
  const ehrBefore = maxEhrRequestsBeforeSearches(report);
  const main = report.app?.main ?? null;
  const cds = report.engines?.cds ?? null;
  return [
    check("mme10kMs", "calculateMme, 10,000 orders", `< ${BUDGETS.mme10kMs} ms`, row10k ? stat(row10k.ms, "ms") : null, row10k ? row10k.ms.median < BUDGETS.mme10kMs : null),
    check("mmeDosageLines100kMs", "calculateMme, one order with 100,000 dosage lines", `< ${BUDGETS.mmeDosageLines100kMs} ms`, lines ? stat(lines.ms, "ms", 0) : null, lines ? lines.ms.median < BUDGETS.mmeDosageLines100kMs : null),
    check("commandWallSeconds", `\`mme\` command, 100k resources${cmd ? `, --workers ${cmd.workers}` : ""}: wall time`, `< ${BUDGETS.commandWallSeconds} s`, cmd ? stat(cmd.wallSeconds, "s", 2) : null, cmd ? cmd.wallSeconds.median < BUDGETS.commandWallSeconds : null),
    check("commandPeakMb", "`mme` command, 100k resources: peak memory", `< ${BUDGETS.commandPeakMb} MB`, cmd ? stat(cmd.peakMb, "MB", 0) : null, cmd ? cmd.peakMb.median < BUDGETS.commandPeakMb : null),
    ...populationChecks(report),
    check("heavyTokenToMmeMs", "Heavy patient: token response to MME on screen", `<= ${num(BUDGETS.heavyTokenToMmeMs / 1000, 1)} s`, heavy ? stat(heavy, "ms", 0) : null, heavy ? heavy.median <= BUDGETS.heavyTokenToMmeMs : null),
    check("searchRounds", "Rounds of searches per launch (paging excluded), worst launch, slower EHR", `<= ${BUDGETS.searchRounds}`, rounds === null ? null : String(rounds), rounds === null ? null : rounds <= BUDGETS.searchRounds),
    check("cdsOrderSign100Ms", "CDS order-sign, 100-order prefetch, in-process", `< ${BUDGETS.cdsOrderSign100Ms} ms`, cds ? stat(cds.ms, "ms") : null, cds ? cds.ms.median < BUDGETS.cdsOrderSign100Ms : null),
    check("ehrRequestsBeforeSearches", "EHR requests between the token and the first search (MME after one EHR round trip plus paging), worst launch, slower EHR", `<= ${BUDGETS.ehrRequestsBeforeSearches}`, ehrBefore === null ? null : String(ehrBefore), ehrBefore === null ? null : ehrBefore <= BUDGETS.ehrRequestsBeforeSearches),
    check("mainFirstLoadKb", "Main route `/`: first-load JavaScript, gzipped", `<= ${BUDGETS.mainFirstLoadKb} kB`, main ? `${num(main.firstLoadGzipBytes / 1000, 1)} kB` : null, main ? main.firstLoadGzipBytes / 1000 <= BUDGETS.mainFirstLoadKb : null),
  ];
}

export function status(c: BudgetCheck): string {
  if (c.met === null) return "not measured";
  return c.met ? "met" : "**over budget**";
}
