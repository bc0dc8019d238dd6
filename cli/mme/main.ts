/**
 * The `mme` command, in two passes so memory stays bounded on exports of millions of
 * resources:
 * 1. read the input (a Bundle file or Bulk Data NDJSON, cli/shared/read.ts), grouping every
 *    kept resource by patient and remembering where it is;
 * 2. patient by patient, in batches, in this thread or on `--workers N` worker threads:
 *    read their lines back, parse them (lib/fhir/load), compute the MME (lib/mme), and write
 *    each patient's JSON in input order (the same output for any N), or, with `--summary`,
 *    the population counts (cli/mme/summary.ts).
 * Exit 0; 2 for bad input or arguments (one sentence on stderr); 3 when some input could not
 * be read or attributed (warnings on stderr, the patients it could belong to incomplete);
 * 1 for an internal error. A malformed resource never stops the run.
 */
import type { Writable } from "node:stream";
import { InputError } from "@/cli/shared/errors";
import type { ItemRef } from "@/cli/shared/handles";
import { indexInput, type InputIndex } from "@/cli/shared/read";
import { parseArgs, USAGE, type MmeArgs } from "./args";
import type { Job, JobSetup } from "./job";
import { inThisThread, workerPool, type BatchRunner } from "./pool";
import { EXIT_UNREADABLE_INPUT, inputProblems, warnings } from "./problems";
import { PopulationSummary } from "./summary";

export interface Streams {
  stdout: Writable;
  stderr: Writable;
}

export interface Machine {
  /** Today's date, YYYY-MM-DD: the default as-of date (the command reads the clock, the engine never does). */
  today: string;
  /** The default number of workers (the cores this process may use). */
  cores: number;
}

/** A batch closes at this many patients or this many resources, whichever comes first. */
const BATCH_PATIENTS = 200;
const BATCH_ITEMS = 4000;
/** Batches in flight per worker: one running, one waiting (bounds memory; keeps workers busy). */
const IN_FLIGHT_PER_WORKER = 2;

/** Writes and waits when the stream asks to (bounded memory on large outputs). */
async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
}

function* batches(index: InputIndex): Generator<Job[]> {
  let batch: Job[] = [];
  let items = 0;
  for (const group of index.groups.patients()) {
    const refs: ItemRef[] = group.items.map((h) => index.handles.ref(h));
    batch.push({ ref: group.ref, items: refs });
    items += refs.length;
    if (batch.length >= BATCH_PATIENTS || items >= BATCH_ITEMS) {
      yield batch;
      batch = [];
      items = 0;
    }
  }
  if (batch.length > 0) yield batch;
}

interface Totals {
  summary: PopulationSummary;
  unreadableLines: Array<{ line: string; patient: string }>;
}

/** Runs every batch, at most `inFlight` at a time, and hands the results to `emit` in input order. */
async function runAll(index: InputIndex, runner: BatchRunner, inFlight: number, emit: (json: string) => Promise<void>): Promise<Totals> {
  const totals: Totals = { summary: new PopulationSummary(), unreadableLines: [] };
  const pending: Array<{ jobs: Job[]; results: Promise<Awaited<ReturnType<BatchRunner["run"]>>> }> = [];
  const drainOne = async (): Promise<void> => {
    const head = pending.shift();
    if (head === undefined) return;
    const results = await head.results;
    for (const [i, r] of results.entries()) {
      totals.summary.add(r.summary);
      for (const line of r.unreadableLines) totals.unreadableLines.push({ line, patient: head.jobs[i]?.ref ?? "?" });
      await emit(r.json);
    }
  };
  try {
    for (const jobs of batches(index)) {
      const results = runner.run(jobs);
      results.catch(() => undefined); // awaited in order below
      pending.push({ jobs, results });
      if (pending.length >= inFlight) await drainOne();
    }
    while (pending.length > 0) await drainOne();
  } finally {
    await runner.close();
  }
  return totals;
}

function setupOf(index: InputIndex, args: MmeArgs & { asOf: string }): JobSetup {
  return {
    paths: index.handles.paths,
    medications: index.groups.medicationEntries().map(([ref, h]) => [ref, index.handles.ref(h)]),
    settings: { asOf: args.asOf, factorTableId: args.factorTableId, lookbackDays: args.lookbackDays },
    problems: inputProblems(index.unassigned),
  };
}

/** Runs the command. Returns the exit code. */
export async function runMme(argv: readonly string[], streams: Streams, machine: Machine): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    streams.stderr.write(`mme: ${parsed.error}\n${USAGE}\n`);
    return 2;
  }
  const args = { ...parsed.args, asOf: parsed.args.asOf ?? machine.today };
  let index: InputIndex;
  try {
    index = await indexInput(args.path, { types: new Set(["MedicationRequest"]) });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    streams.stderr.write(`mme: ${e.message}\n`);
    return 2;
  }
  const workers = Math.max(1, Math.min(args.workers ?? machine.cores, index.groups.size));
  const setup = setupOf(index, args);
  const runner = workers === 1 ? inThisThread(setup) : workerPool(setup, workers);
  const header = `{"factorTable":${JSON.stringify(args.factorTableId)},"asOf":${JSON.stringify(args.asOf)},"lookbackDays":${args.lookbackDays}`;
  let first = true;
  if (!args.summary) await write(streams.stdout, `${header},"patients":[\n`);
  const totals = await runAll(index, runner, workers * IN_FLIGHT_PER_WORKER, async (json) => {
    if (args.summary) return;
    await write(streams.stdout, `${first ? "" : ",\n"}${json}`);
    first = false;
  });
  const unassigned = JSON.stringify(index.unassigned);
  await write(streams.stdout, args.summary ? `${header},"summary":${JSON.stringify(totals.summary)},"unassigned":${unassigned}}\n` : `\n],"unassigned":${unassigned}}\n`);
  const warned = warnings(index.unassigned, totals.unreadableLines);
  for (const line of warned) streams.stderr.write(`${line}\n`);
  return warned.length > 0 ? EXIT_UNREADABLE_INPUT : 0;
}
