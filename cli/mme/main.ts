/**
 * The `mme` command: read the input (a Bundle file or Bulk Data NDJSON, cli/shared), then,
 * patient by patient, parse their MedicationRequests (lib/fhir), compute the MME (lib/mme)
 * and write that patient's JSON at once, so memory holds the input lines and one patient.
 * Exit 2 for bad input or arguments (one sentence on stderr); a malformed resource never
 * stops the run.
 */
import type { Writable } from "node:stream";
import { calculateMme } from "@/lib/mme";
import type { NdcLookup } from "@/lib/mme";
import { needsNdcLookup } from "@/lib/mme/ndc/needs";
import { InputError } from "@/cli/shared/errors";
import { readInput, type Input } from "@/cli/shared/read";
import { loadPatient, unreadableOrders } from "@/lib/fhir/load";
import { parseArgs, USAGE, type MmeArgs } from "./args";
import { patientJson } from "./output";

/** Writes and waits when the stream asks to (bounded memory on large outputs). */
async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
}

/** The CDC 2018 NDC table, loaded only when an order carries an NDC (it is large). */
async function loadNdcLookup(): Promise<NdcLookup> {
  const [{ makeNdcLookup }, { NDC_TABLE }] = await Promise.all([import("@/lib/mme/ndc"), import("@/lib/mme/ndc/ndc-table.generated")]);
  return makeNdcLookup(NDC_TABLE);
}

async function writePatients(input: Input, args: MmeArgs & { asOf: string }, out: Writable): Promise<void> {
  let ndcLookup: NdcLookup | undefined;
  let first = true;
  for (const group of input.groups.patients()) {
    const p = loadPatient(group.items, (ref) => input.groups.medication(ref), ["MedicationRequest"]);
    const orders = p.medicationRequests;
    if (ndcLookup === undefined && needsNdcLookup(orders, p.medications)) ndcLookup = await loadNdcLookup();
    const result = calculateMme({
      medicationRequests: orders,
      medications: p.medications,
      unreadable: unreadableOrders(p.unreadable),
      asOf: args.asOf,
      factorTableId: args.factorTableId,
      lookbackDays: args.lookbackDays,
      ndcLookup,
    });
    await write(out, `${first ? "" : ",\n"}${JSON.stringify(patientJson(group.ref, result))}`);
    first = false;
  }
}

export interface Streams {
  stdout: Writable;
  stderr: Writable;
}

/** Runs the command; `today` is the default as-of date (the command reads the clock, the engine never does). Returns the exit code. */
export async function runMme(argv: readonly string[], streams: Streams, today: string): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    streams.stderr.write(`mme: ${parsed.error}\n${USAGE}\n`);
    return 2;
  }
  const args = { ...parsed.args, asOf: parsed.args.asOf ?? today };
  let input: Input;
  try {
    input = await readInput(args.path, { types: new Set(["MedicationRequest"]) });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    streams.stderr.write(`mme: ${e.message}\n`);
    return 2;
  }
  await write(streams.stdout, `{"factorTable":${JSON.stringify(args.factorTableId)},"asOf":${JSON.stringify(args.asOf)},"lookbackDays":${args.lookbackDays},"patients":[\n`);
  await writePatients(input, args, streams.stdout);
  await write(streams.stdout, `\n],"unassigned":${JSON.stringify(input.unassigned)}}\n`);
  return 0;
}
