/**
 * Smoke test of the benchmark's analysis and report (pure parts, no browser, no build):
 * rounds of searches from a network timeline, scripts of a route's HTML, budget checks and
 * the report text, the restore of files `next build` edits, the command-line options.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { classify, normalizeUrl, searchRounds, timeline, type TimedEntry } from "@/bench/app/analyze";
import { onlyNextEdited, restoreSharedFiles } from "@/bench/app/build";
import { scriptsOfHtml } from "@/bench/app/bundle";
import { parseBenchArgs } from "@/bench/args";
import { budgetChecks } from "@/bench/report/checks";
import { renderReport } from "@/bench/report/render";
import { fakeReport } from "./fixtures";

const FHIR = "http://localhost:4999/fhir";
const TOKEN = "http://localhost:4999/auth/token";
const e = (url: string, startMs: number, endMs: number, initiator = "fetch"): TimedEntry => ({ url: url.startsWith("http") ? url : `${FHIR}/${url}`, startMs, endMs, initiator });
const OBS_NEXT = "Observation?patient=p&_count=2&_offset=2";

function analyze(entries: TimedEntry[], links: [string, string][] = []) {
  const map = new Map(links.map(([next, from]) => [normalizeUrl(`${FHIR}/${next}`), normalizeUrl(`${FHIR}/${from}`)]));
  return entries.map((x) => classify(x, FHIR, TOKEN, map));
}

describe("rounds of searches", () => {
  it.each([
    { name: "parallel searches and a read: one round", entries: [e("MedicationRequest?patient=p", 10, 50), e("Observation?patient=p", 11, 60), e("Patient/p", 11, 30)], rounds: 1 },
    { name: "a next page after its search: still one round", entries: [e("Observation?patient=p&_count=2", 10, 40), e(OBS_NEXT, 41, 60), e("Condition?patient=p", 10, 20)], rounds: 1, links: [[OBS_NEXT, "Observation?patient=p&_count=2"]] as [string, string][] },
    { name: "a search started after another finished: two rounds", entries: [e("MedicationRequest?patient=p", 10, 50), e("Observation?patient=p", 51, 80)], rounds: 2 },
  ])("$name", ({ entries, rounds, links }) => {
    const r = searchRounds(analyze(entries, links));
    expect(r.rounds).toBe(rounds);
    expect(r.late).toHaveLength(rounds - 1);
  });

  it("classifies discovery, token, reads, searches and pages; the serial path counts only the app's fetches", () => {
    const entries = analyze([
      e(TOKEN, 0, 20), e("http://localhost:3000/api/issuer-config?iss=x", 25, 30), e("http://localhost:3000/icon.svg", 26, 29, "img"),
      e("metadata", 31, 40), e("MedicationRequest?patient=p", 45, 70), e(OBS_NEXT, 71, 90), e("Patient/p", 45, 60),
    ], [[OBS_NEXT, "MedicationRequest?patient=p"]]);
    expect(entries.map((x) => x.kind)).toEqual(["token", "other", "other", "discovery", "search", "page", "read"]);
    const t = timeline(entries, 20);
    // issuer-config 25-30 and metadata 31-40, relative to the token's end at 20; the icon is not the app's fetch
    expect(t.beforeSearches).toEqual(["/api/issuer-config (5-10 ms)", "/fhir/metadata (11-20 ms)"]);
    // metadata is the one EHR request the searches waited for (issuer-config is the app's own server)
    expect(t.ehrRequestsBeforeSearches).toBe(1);
    // first search at 45, token ended at 20: 25 ms; MedicationRequest done at 70: 50 ms; last data at 90: 70 ms
    expect([t.tokenToFirstSearchMs, t.tokenToMedicationsMs, t.tokenToAllDataMs]).toEqual([25, 50, 70]);
  });

  it("normalizes encoded commas and parameter order", () => {
    expect(normalizeUrl(`${FHIR}/Observation?code=a%2Cb&patient=p`)).toBe(normalizeUrl(`${FHIR}/Observation?patient=p&code=a,b`));
  });
});

describe("scripts of a route's HTML", () => {
  it("lists script tags, script preloads and RSC chunk references; keeps noModule apart", () => {
    const html = `<link rel="preload" as="script" href="/_next/static/chunks/a.js"/><script src="/_next/static/chunks/b.js" async=""></script>
      <script src="/_next/static/chunks/poly.js" noModule=""></script><link rel="stylesheet" href="/_next/static/chunks/s.css"/>
      <script>self.__next_f.push([1,"2:\\"/_next/static/chunks/c.js\\"\\n"])</script><script>(TURBOPACK=[]).push({"otherChunks":["static/chunks/d.js"]})</script>
      <script type="application/json">{"x":"/_next/static/chunks/e.js"}</script>`;
    const s = scriptsOfHtml(html);
    expect(s.scripts).toEqual(["/_next/static/chunks/a.js", "/_next/static/chunks/b.js", "/_next/static/chunks/c.js", "/_next/static/chunks/d.js"]);
    expect(s.noModule).toEqual(["/_next/static/chunks/poly.js"]);
    expect(s.inline).toHaveLength(2);
  });
});

describe("budgets and the report", () => {
  it("prints each figure beside its budget, 'over budget' where it is, with a reason", () => {
    const report = fakeReport({ mme10kMedianMs: 62, heavyMedianMs: 900, firstLoadBytes: 183_500 });
    const checks = budgetChecks(report);
    expect(checks.map((c) => [c.id, c.met])).toEqual([
      ["mme10kMs", false], ["mmeDosageLines100kMs", true], ["commandWallSeconds", true], ["commandPeakMb", true],
      ["commandTwoWorkersRatio", true], ["command1MWallSeconds", true], ["command1MPeakMb", true], ["udfMainGzipBytes", true], ["udfLibraryBytes", true], ["heavyTokenToMmeMs", true], ["searchRounds", true], ["cdsOrderSign100Ms", true],
      ["ehrRequestsBeforeSearches", false], ["mainFirstLoadKb", false],
    ]);
    const text = renderReport(report);
    expect(text).toMatch(/\| calculateMme, 10,000 orders \| 62\.0 ms \(min 40\.0, max 90\.0; 15 runs\) \| < 50 ms \| \*\*over budget\*\* \|/);
    expect(text).toMatch(/\| calculateMme, one order with 100,000 dosage lines \| 400 ms \(min 350, max 500; 5 runs\) \| < 1000 ms \| met \|/);
    expect(text).toMatch(/Main route `\/`: first-load JavaScript, gzipped \| 183\.5 kB \| <= 150 kB \| \*\*over budget\*\*/);
    // the reason names what this run found in the first load (the fixture's zod chunk), not a past experiment
    expect(text).toContain("In the first load although the first paint does not use them: zod (/_next/static/chunks/zod.js 30.5 kB)");
    expect(text).toMatch(/\| CDS order-sign, 100-order prefetch, in-process \| 12\.0 ms \(min 9\.0, max 30\.0; 15 runs\) \| < 50 ms \| met \|/);
    // heavy record: medications done 130 ms after the token, all searches 245 ms: 245 - 130 = 115 ms of waiting
    expect(text).toMatch(/## Observations[\s\S]*would save about 115 ms/);
    expect(text).toMatch(/AMD Test CPU, 2 cores/);
  });

  it("reports the workers ratio, the 1M-resource run and the UDF sizes against their budgets", () => {
    const met = renderReport(fakeReport({ mme10kMedianMs: 30, heavyMedianMs: 900, firstLoadBytes: 100_000 }));
    // 4.4 s with two workers / 6.6 s with one = 0.67
    expect(met).toMatch(/\| `mme` command, 100k resources: wall time --workers 2 \/ --workers 1 \| 0\.67 \(4\.40 s \/ 6\.60 s\) \| < 1\.00 \| met \|/);
    expect(met).toMatch(/\| `mme` command, 1,000,000 resources, --workers 2: wall time \| 24\.5 s \(1 run\) \| < 30 s \| met \|/);
    expect(met).toMatch(/\| `mme` command, 1,000,000 resources, --workers 2: peak memory \| 610 MB \(1 run\) \| < 1000 MB \| met \|/);
    expect(met).toMatch(/\| `dist\/mme-udf\.js` gzipped[^|]*\| 97\.8 kB \| < 100\.0 kB \| met \|/);
    expect(met).toMatch(/\| Largest UDF library file[^|]*\| 420\.0 kB \(`dist\/mme-udf\.js`\) \| <= 1\.0 MB \| met \|/);
    // 4.4 / 4.0 = 1.10: two workers slower than one, over budget, with the CPU figures that say why
    const over = fakeReport({ mme10kMedianMs: 30, heavyMedianMs: 900, firstLoadBytes: 100_000, oneWorkerMedianSeconds: 4, millionSeconds: 41 });
    expect(budgetChecks(over).filter((c) => c.met === false && c.id.startsWith("command")).map((c) => c.id)).toEqual(["commandTwoWorkersRatio", "command1MWallSeconds"]);
    const text = renderReport(over);
    expect(text).toContain("With two workers the command took 4.40 s (CPU 4.30 s), with one 4.00 s (CPU 6.40 s)");
    expect(text).toContain("The command took 41.0 s (CPU 44.0 s over 2 workers) for 807 MB of NDJSON");
  });

  it("counts rounds of searches on the slower-EHR launches, not on loopback ones", () => {
    const report = fakeReport({ mme10kMedianMs: 30, heavyMedianMs: 900, firstLoadBytes: 100_000 });
    const heavy = report.app?.patients[0];
    const fast = heavy?.samples[0];
    if (heavy === undefined || fast === undefined) throw new Error("fixture");
    heavy.samples = [{ ...fast, rounds: { ...fast.rounds, rounds: 3, late: [`${FHIR}/Condition?patient=p`] } }];
    expect(budgetChecks(report).find((c) => c.id === "searchRounds")?.met).toBe(true);
    heavy.slow.samples = [{ ...fast, rounds: { ...fast.rounds, rounds: 2, late: [`${FHIR}/Condition?patient=p`] } }];
    expect(budgetChecks(report).find((c) => c.id === "searchRounds")).toMatchObject({ figure: "2", met: false });
    expect(renderReport(report)).toContain("Searches started only after another request finished: /fhir/Condition.");
  });

  it("says 'not measured' for parts that did not run", () => {
    const report = { ...fakeReport({ mme10kMedianMs: 30, heavyMedianMs: 900, firstLoadBytes: 100_000 }), app: null, errors: { app: "skipped (--no-browser)" } };
    expect(budgetChecks(report).filter((c) => c.met === null).map((c) => c.id)).toEqual(["heavyTokenToMmeMs", "searchRounds", "ehrRequestsBeforeSearches", "mainFirstLoadKb"]);
    const noPopulation = { ...report, million: null, udf: null, errors: { million: "generator failed", udf: "esbuild failed" } };
    expect(budgetChecks(noPopulation).filter((c) => c.met === null).map((c) => c.id)).toContain("command1MWallSeconds");
    expect(renderReport(noPopulation)).toContain("Not measured: esbuild failed.");
    expect(renderReport(report)).toContain("Not measured: skipped (--no-browser)");
  });
});

describe("files next build edits", () => {
  const dir = mkdtempSync(join(tmpdir(), "bench-smoke-build-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const before = JSON.stringify({ compilerOptions: { strict: true }, include: ["**/*.ts", ".next/types/**/*.ts"] });
  const nextEdit = JSON.stringify({ compilerOptions: { strict: true }, include: ["**/*.ts", ".next/types/**/*.ts", ".bench/next/types/**/*.ts"] }, null, 2);

  it("restores tsconfig.json after Next's edit, leaves someone else's edit alone", () => {
    expect(onlyNextEdited(before, nextEdit, ".bench/next")).toBe(true);
    expect(onlyNextEdited(before, JSON.stringify({ compilerOptions: { strict: false }, include: [] }), ".bench/next")).toBe(false);
    const path = join(dir, "tsconfig.json");
    writeFileSync(path, nextEdit);
    const warnings: string[] = [];
    restoreSharedFiles([{ path, text: before }], ".bench/next", (m) => warnings.push(m));
    expect(readFileSync(path, "utf8")).toBe(before);
    writeFileSync(path, "{}");
    restoreSharedFiles([{ path, text: before }], ".bench/next", (m) => warnings.push(m));
    expect(readFileSync(path, "utf8")).toBe("{}");
    expect(warnings).toHaveLength(1);
  });

  it("points a new next-env.d.ts at .next, as a default build would", () => {
    const path = join(dir, "next-env.d.ts");
    writeFileSync(path, 'import "./.bench/next/types/routes.d.ts";\n');
    restoreSharedFiles([{ path, text: null }], ".bench/next", () => undefined);
    expect(readFileSync(path, "utf8")).toBe('import "./.next/types/routes.d.ts";\n');
  });
});

describe("npm run bench options", () => {
  it.each([
    { argv: [], ok: true },
    { argv: ["--write", "--launches", "7", "--reuse-build"], ok: true },
    { argv: ["--launches", "0"], ok: false },
    { argv: ["--fast"], ok: false },
  ])("$argv", ({ argv, ok }) => {
    expect(parseBenchArgs(argv).ok).toBe(ok);
  });

  it("defaults to 5 launches, browser on, no write", () => {
    const r = parseBenchArgs([]);
    expect(r.ok && r.args).toEqual({ write: false, browser: true, reuseBuild: false, keepBuild: false, launches: 5 });
  });
});

describe("the EHR round trips before the first search (issue 19.11)", () => {
  it("is met when the capability statement runs beside the searches, over budget when they wait for it", () => {
    const report = fakeReport({ mme10kMedianMs: 30, heavyMedianMs: 900, firstLoadBytes: 100_000 });
    const slow = report.app?.patients[0]?.slow.samples[0];
    if (slow === undefined) throw new Error("fixture");
    expect(budgetChecks(report).find((c) => c.id === "ehrRequestsBeforeSearches")).toMatchObject({ figure: "1", met: false });
    slow.timeline = { ...slow.timeline, beforeSearches: ["/api/issuer-config (5-10 ms)"], ehrRequestsBeforeSearches: 0 };
    expect(budgetChecks(report).find((c) => c.id === "ehrRequestsBeforeSearches")).toMatchObject({ figure: "0", met: true });
  });
});
