/** A made-up benchmark result for the report tests (figures chosen to put budgets on either side). */
import type { LaunchSample } from "@/bench/app/launch";
import type { PatientLaunches } from "@/bench/app/run";
import type { BenchReport } from "@/bench/report/types";
import type { Stat } from "@/bench/stats";

const stat = (median: number, min: number, max: number, runs = 15): Stat => ({ median, min, max, runs });

function sample(tokenToMmeMs: number): LaunchSample {
  return {
    mmeText: "52.5 MME/day", tokenToMmeMs, launchToMmeMs: tokenToMmeMs + 800,
    fhirRequests: 12, fhirBytes: 1_236_000, totalRequests: 35, totalBytes: 1_565_000,
    rounds: { rounds: 1, searches: 4, reads: 1, pages: 5, late: [] },
    timeline: { tokenToFirstSearchMs: 90, beforeSearches: ["/api/issuer-config", "/fhir/metadata"], ehrRequestsBeforeSearches: 1, tokenToMedicationsMs: 130, tokenToAllDataMs: 245 },
    scripts: [],
  };
}

function heavy(medianMs: number): PatientLaunches {
  return {
    patient: "otp-heavy-record", name: "Harold Hefty", record: { Observation: 3004, MedicationRequest: 149 }, expectedMmePerDay: 52.5,
    warmup: sample(medianMs * 2), samples: [sample(medianMs), sample(medianMs)], errors: [],
    tokenToMmeMs: stat(medianMs, medianMs - 20, medianMs + 40, 5), launchToMmeMs: stat(medianMs + 800, medianMs + 700, medianMs + 900, 5),
    latencyMs: 0,
    slow: { latencyMs: 150, warmup: null, samples: [sample(medianMs * 3)], errors: [], tokenToMmeMs: stat(medianMs * 3, medianMs * 3, medianMs * 3, 1), launchToMmeMs: null },
  };
}

export function fakeReport(o: { mme10kMedianMs: number; heavyMedianMs: number; firstLoadBytes: number; dosageLinesMedianMs?: number; oneWorkerMedianSeconds?: number; millionSeconds?: number }): BenchReport {
  const row = (orders: number, ms: Stat) => ({ orders, ms, cpuMs: ms, counted: 1, excluded: orders - 2, notComputable: 1, state: "incomplete" as const });
  const zod = { path: "/_next/static/chunks/zod.js", rawBytes: 107_000, gzipBytes: 30_500, contains: ["zod"] };
  const rest = { path: "/_next/static/chunks/rest.js", rawBytes: 400_000, gzipBytes: o.firstLoadBytes - zod.gzipBytes, contains: ["react-dom"] };
  return {
    machine: {
      cpu: "AMD Test CPU", cores: 2, memoryGb: 24, freeMemoryGb: 20, os: "Linux test", node: "v20.0.0",
      loadAtStart: [1.5, 1, 1], loadAtEnd: [2, 1, 1], commit: "abc1234", date: "2026-01-01 00:00 UTC",
    },
    settings: { mmeSizes: [1_000, 10_000], commandResources: 100_000, commandRuns: 3, millionResources: 1_000_000, launches: 5, browser: true },
    engines: {
      mme: [row(1_000, stat(5, 4, 9)), row(10_000, stat(o.mme10kMedianMs, 40, 90))],
      taper: [{ opioids: 1, startMmePerDay: 30, steps: 12, refusal: null, ms: stat(0.2, 0.1, 0.5) }],
      tsx10k: row(10_000, stat(90, 60, 120)),
      cds: { orders: 100, ms: stat(12, 9, 30), cpuMs: stat(11, 9, 20), cards: 2 },
      dosageLines: { lines: 100_000, ms: stat(o.dosageLinesMedianMs ?? 400, 350, 500, 5), status: "not-computable", reason: "mme.implausible", readingsListed: 61 },
    },
    command: {
      export: { patients: 1_000, medications: 2_000, medicationRequests: 97_000, dir: "/tmp/x", bytes: 80_000_000, brokenLines: 178 },
      workers: 2,
      oneWorker: { workers: 1, wallSeconds: stat(o.oneWorkerMedianSeconds ?? 6.6, 6.5, 7, 3), peakMb: stat(180, 178, 182, 3), cpuSeconds: stat(6.4, 6.3, 6.6, 3) },
      wallSeconds: stat(4.4, 4.3, 4.6, 3), peakMb: stat(236, 233, 238, 3), cpuSeconds: stat(4.3, 4.2, 4.5, 3),
      patientsOut: 1_000, unassignedOut: 121, outputMb: 58, startupSeconds: 0.45,
    },
    million: {
      export: { patients: 10_000, medications: 20_000, medicationRequests: 970_000, dir: "/tmp/y", bytes: 807_000_000, brokenLines: 1_960 },
      generateSeconds: 15, workers: 2, wallSeconds: o.millionSeconds ?? 24.5, peakMb: 610, cpuSeconds: 44,
      patientsOut: 10_000, unassignedOut: 1_300, outputMb: 580,
    },
    udf: {
      main: { file: "dist/mme-udf.js", rawBytes: 420_000, gzipBytes: 97_800 },
      ndc: { file: "dist/mme-udf-ndc.js", rawBytes: 410_000, gzipBytes: 60_000 },
    },
    app: {
      build: { ok: true, seconds: 30, log: "" }, chromium: "156.0", patients: [heavy(o.heavyMedianMs)],
      main: { route: "/", scripts: [zod, rest], inlineGzipBytes: 1_800, firstLoadGzipBytes: o.firstLoadBytes, noModule: [] },
      lazy: [], launchPage: { route: "/launch.html", scripts: [], inlineGzipBytes: 800, firstLoadGzipBytes: 18_700, noModule: [] }, skipped: [],
    },
    errors: {},
    durationSeconds: 60,
  };
}
